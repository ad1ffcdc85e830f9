"""The raden app's models, one module per part: council letters and their delivery
(letters), council gatherings with their registrations (gatherings), and how each council
wants to be informed (preferences)."""

# Django registers a model when its module is imported.
from . import discussions, gatherings, letters, preferences  # noqa: F401
