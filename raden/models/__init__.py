"""The raden app's models, one module per part: council letters and their delivery
(letters), council gatherings with their registrations (gatherings), and how each council
wants to be informed (preferences)."""

from .gatherings import Gathering, GatheringRegistration
from .letters import (
    CouncilLetter,
    CouncilLetterDelivery,
    CouncilLetterItem,
    CouncilLetterSubregionParagraph,
    delivery_pdf_upload_to,
)
from .preferences import CouncilPreference

__all__ = [
    "CouncilLetter",
    "CouncilLetterDelivery",
    "CouncilLetterItem",
    "CouncilLetterSubregionParagraph",
    "CouncilPreference",
    "Gathering",
    "GatheringRegistration",
    "delivery_pdf_upload_to",
]
