"""Writes of the netwerk app: every change is validated and audited in one transaction."""
