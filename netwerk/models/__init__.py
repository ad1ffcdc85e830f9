"""The netwerk app's data, one module per part of its work; import a model from the module that
defines it (`from netwerk.models.lobby import LobbyDossier`)."""

# Django registers a model when its module is imported.
from . import lobby, opportunities, outcomes, regio_deal, spanners, tables  # noqa: F401
