"""Writes for council letters and their delivery to the 17 councils, split into
composing, issuing and the griffie's steps. Every status change is audited (who, when) in the
same transaction. Import each from the module that defines it.
"""
