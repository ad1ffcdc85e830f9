"""Reads of the registry, one module per part: `registry` (bodies, memberships, the governance
map, organisations, persons, themes, mail addresses), `balance` (the balance figures and
norms), `rules` (the rules of play and the cooperation agreement). Import each from the
module that defines it.

Every selector runs a fixed number of queries, whatever the number of bodies or members
(the page tests pin them). The registry is open to every logged-in user; nothing here is
confidential, so these selectors apply no visibility rule beyond "active" and "current".
"""
