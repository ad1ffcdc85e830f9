"""The registry's data, split by sub-domain; import a model from the module that defines it
(`from gremia.models.registry import Body`)."""

# Django registers a model when its module is imported.
from . import conduct, delegation, registry, rules  # noqa: F401
