"""The meetings' data, split by sub-domain; import a model from the module that defines it
(`from regiobureau.models.meetings import Meeting`)."""

# Django registers a model when its module is imported.
from . import annotations, attendance, decisions, documents, meetings  # noqa: F401
