"""Forms of the regiobureau, split by sub-domain; they only parse and validate input (the
services write). The NLDS styling and the version guard come from nhn_portal.core.forms.
"""
