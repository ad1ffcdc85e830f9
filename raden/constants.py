from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    ADOPTED = "vastgesteld", _("Adopted")
    SENT = "verzonden", _("Sent")


class DeliveryStatus(models.TextChoices):
    """Where one council's copy of a letter stands; the order is the griffie's flow."""

    PENDING = "in_productie", _("Being produced")
    AVAILABLE = "klaargezet", _("Made available")
    DOWNLOADED = "gedownload", _("Downloaded")
    RECEIVED = "ontvangst_bevestigd", _("Receipt confirmed")
    SCHEDULED = "geagendeerd", _("Scheduled in council")
    NOTED = "ter_kennisname", _("Noted by the council")


# Later statuses of the griffie's flow; a step may be skipped forward, never taken back.
DELIVERY_ORDER = [
    DeliveryStatus.PENDING,
    DeliveryStatus.AVAILABLE,
    DeliveryStatus.DOWNLOADED,
    DeliveryStatus.RECEIVED,
    DeliveryStatus.SCHEDULED,
    DeliveryStatus.NOTED,
]

# Statuses in which the council has confirmed it has the letter.
CONFIRMED_STATUSES = {DeliveryStatus.RECEIVED, DeliveryStatus.SCHEDULED, DeliveryStatus.NOTED}


class RenderStatus(models.TextChoices):
    """The PDF of one council's copy (mirrors the generation job when the pipeline runs it)."""

    QUEUED = "wachtrij", _("Queued")
    RUNNING = "bezig", _("Running")
    DONE = "klaar", _("Done")
    FAILED = "mislukt", _("Failed")


# A failed render is retried this many times by the task before it stays "mislukt"; the
# secretary can retry it again from the dashboard.
RENDER_MAX_RETRIES = 3


# The raadsinformatiebrief as a kind of document of the pipeline (producers.py); one PDF per
# council, the audience being the municipality's slug.
COUNCIL_LETTER = "raadsinformatiebrief"
COUNCIL_LETTER_SUBJECT = "raden.CouncilLetter"


# ---- Council gatherings --------------------------------------------------------------------

# The body whose meetings are the council gatherings (gremia reference data).
GATHERINGS_BODY_SLUG = "raadsbijeenkomsten-nhn"


class GatheringKind(models.TextChoices):
    """The report's forms of meeting the councils (section 3G)."""

    INFORMAL_SESSION = "informele_sessie", _("Informal session")
    WORKING_GROUP = "raadswerkgroep", _("Council working group")
    PLATFORM = "raadsplatform", _("Council platform")
    WEBINAR = "webinar", _("Webinar")
    CONFERENCE = "raadsconferentie", _("Yearly council conference")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "aangemeld", _("Registered")
    WAITING = "wachtlijst", _("On the waiting list")
    CANCELLED = "afgemeld", _("Cancelled")
    ATTENDED = "aanwezig", _("Attended")


# Statuses that hold a seat (count against the capacity).
SEAT_STATUSES = {RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED}

# A council member's personal link works until this many days after the gathering ended
# (to fetch the materials afterwards); a griffie's invitation link until the gathering starts.
MATERIALS_DAYS = 30


# ---- How a council wants to be informed ----------------------------------------------------


class InformationPreference(models.TextChoices):
    LETTER = "brief", _("Letter only")
    LETTER_AND_COMMITTEE = "brief_commissie", _("Letter and a presentation in a committee")
    YEARLY_MEETING = "jaarlijkse_bijeenkomst", _("A yearly regional council meeting")
    DIGEST = "digest", _("A digest by e-mail")


# Short words for a column head of the distribution dashboard.
PREFERENCE_SHORT = {
    InformationPreference.LETTER: _("letter"),
    InformationPreference.LETTER_AND_COMMITTEE: _("committee"),
    InformationPreference.YEARLY_MEETING: _("yearly meeting"),
    InformationPreference.DIGEST: _("digest"),
}


# ---- Colleges and sub-region offices informed ----------------------------------------------


class Addressee(models.TextChoices):
    """Who a copy of a council letter is addressed to: a council (the letter itself), a
    college of B&W (the companion collegebrief) or a sub-region office (the summary)."""

    COUNCIL = "raad", _("Council")
    COLLEGE = "college", _("College of mayor and aldermen")
    SUBREGION_OFFICE = "basisregio", _("Sub-region office")


def delivery_audience(addressee: str, slug: str) -> str:
    """The pipeline's audience of one copy: the municipality's slug for its council (as
    before the companion copies, so earlier PDFs keep their audience), "college:<slug>" or
    "basisregio:<slug>" for the others."""
    return slug if addressee == Addressee.COUNCIL else f"{addressee}:{slug}"


def audience_addressee(audience: str) -> tuple[str, str]:
    """(addressee, organisation slug) of a pipeline audience."""
    prefix, sep, slug = audience.partition(":")
    if sep and prefix in (Addressee.COLLEGE, Addressee.SUBREGION_OFFICE):
        return prefix, slug
    return Addressee.COUNCIL, audience


class AgendaForum(models.TextChoices):
    """Where a council put a letter on the agenda."""

    COMMITTEE = "committee", _("committee")
    COUNCIL = "council", _("council")


class DiscussionOutcome(models.TextChoices):
    """What the council did with a letter on its agenda."""

    NOTED = "noted", _("taken note of")
    DISCUSSED = "discussed", _("discussed")
    MOTION = "motion", _("motion adopted")
