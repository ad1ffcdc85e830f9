"""Writes of the regiobureau, split by sub-domain (meetings, agenda, documents, annotations,
decisions, actions). Every service validates, saves and writes an audit record in one
transaction. Import each from the module that defines it.
"""
