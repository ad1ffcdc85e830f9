"""Reads of the regiobureau with visibility already applied, split by sub-domain. Pages,
partials, feeds and PDFs all read through here, so each confidentiality rule is written once
(in permissions.py) and applied the same way everywhere. Import each from the module that
defines it.
"""
