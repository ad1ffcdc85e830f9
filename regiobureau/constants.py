from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gremia.constants import MembershipRole


class MeetingStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    PLANNED = "gepland", _("Planned")
    AGENDA_PUBLISHED = "agenda_gepubliceerd", _("Agenda published")
    HELD = "gehouden", _("Held")
    CLOSED = "afgerond", _("Completed")
    CANCELLED = "geannuleerd", _("Cancelled")


# Statuses in which the agenda is out: non-staff readers see items only from then on.
AGENDA_OUT_STATUSES = frozenset(
    {MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD, MeetingStatus.CLOSED}
)

# The status flow; a meeting can be cancelled from any state before it is held.
MEETING_TRANSITIONS = {
    MeetingStatus.DRAFT: {MeetingStatus.PLANNED, MeetingStatus.CANCELLED},
    MeetingStatus.PLANNED: {MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.CANCELLED},
    MeetingStatus.AGENDA_PUBLISHED: {MeetingStatus.HELD, MeetingStatus.CANCELLED},
    MeetingStatus.HELD: {MeetingStatus.CLOSED},
    MeetingStatus.CLOSED: set(),
    MeetingStatus.CANCELLED: set(),
}


class ItemPurpose(models.TextChoices):
    DECISION = "besluitvorming", _("For decision")
    DISCUSSION = "bespreking", _("For discussion")
    INFORMATION = "informatie", _("For information")


class Confidentiality(models.TextChoices):
    PUBLIC = "openbaar", _("Public")
    CONFIDENTIAL = "vertrouwelijk", _("Confidential")


class AnnotationStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    IN_REVIEW = "ter_review", _("In review")
    ADOPTED = "vastgesteld", _("Adopted")


class ReviewOutcome(models.TextChoices):
    """How a request to review an annotation ended (empty while it waits)."""

    OPEN = "", _("Waiting")
    ADOPTED = "vastgesteld", _("Adopted")
    RETURNED = "teruggestuurd", _("Returned with a comment")
    LAPSED = "vervallen", _("Lapsed")


# concept → ter review → vastgesteld, and back to concept for a rewrite.
ANNOTATION_TRANSITIONS = {
    AnnotationStatus.DRAFT: {AnnotationStatus.IN_REVIEW},
    AnnotationStatus.IN_REVIEW: {AnnotationStatus.DRAFT, AnnotationStatus.ADOPTED},
    AnnotationStatus.ADOPTED: {AnnotationStatus.DRAFT},
}


class TemplatePlacement(models.TextChoices):
    OPENING = "opening", _("At the start")
    CLOSING = "closing", _("At the end")


# Standard opening and closing items inserted into every new meeting unless the body has
# its own template ("opening en mededelingen … sluiting").
DEFAULT_TEMPLATE_ITEMS = [
    (TemplatePlacement.OPENING, "Opening en mededelingen", ItemPurpose.INFORMATION),
    (TemplatePlacement.OPENING, "Verslag vorige vergadering", ItemPurpose.DECISION),
    (TemplatePlacement.OPENING, "Actielijst", ItemPurpose.DISCUSSION),
    (TemplatePlacement.CLOSING, "Rondvraag", ItemPurpose.DISCUSSION),
    (TemplatePlacement.CLOSING, "Sluiting", ItemPurpose.INFORMATION),
]

# Annotation fields in the order the regiobureau writes them.
ANNOTATION_FIELDS = [
    "background",
    "core_message",
    "proposal",
    "discussion_points",
    "relation_to_bodies",
    "meaning_for_subregions",
    "communication",
]


# --- Decisions and actions ------------------------------------------------------------------


class DecisionOutcome(models.TextChoices):
    ADOPTED = "aangenomen", pgettext_lazy("decision outcome", "Adopted")
    POSTPONED = "aangehouden", _("Postponed")
    REJECTED = "verworpen", _("Rejected")
    NOTED = "voor_kennisgeving", _("Noted")
    NO_QUORUM = "geen_quorum", _("No quorum")


# Outcomes that are the result of a decision taken, so a vote (under the majority rule) or the
# absence of objection (unanimity) decides them; postponing or noting needs no votes.
VOTED_OUTCOMES = {DecisionOutcome.ADOPTED, DecisionOutcome.REJECTED}


# The outcome as the archival (Dutch-only) PDFs write it, whatever the UI language.
OUTCOME_DUTCH = {
    DecisionOutcome.ADOPTED: "aangenomen",
    DecisionOutcome.POSTPONED: "aangehouden",
    DecisionOutcome.REJECTED: "verworpen",
    DecisionOutcome.NOTED: "voor kennisgeving aangenomen",
    DecisionOutcome.NO_QUORUM: "geen quorum",
}


# Who may vote: the seats at the table and a substitute standing in for one.
VOTING_ROLES = (MembershipRole.CHAIR, MembershipRole.MEMBER, MembershipRole.SUBSTITUTE)


class VoteChoice(models.TextChoices):
    FOR = "voor", _("For")
    AGAINST = "tegen", _("Against")
    ABSTAIN = "onthouding", _("Abstention")


# ---- Attendance ------------------------------------------------------------------------------


class Registration(models.TextChoices):
    """What a member says before the meeting."""

    ATTENDING = "aanwezig", _("I will attend")
    ABSENT = "afgemeld", _("I cannot attend")
    SUBSTITUTE = "vervanger", _("I send a substitute")


class Presence(models.TextChoices):
    """What the secretariat records during or after the meeting."""

    PRESENT = "aanwezig", _("Present")
    SUBSTITUTED = "vervangen", _("Substitute present")
    ABSENT = "afwezig", _("Absent")


# A seat counts as present (for the quorum and the votes) when the member or a substitute was.
PRESENT_STATES = (Presence.PRESENT, Presence.SUBSTITUTED)
# Working days before the meeting that members who have not registered get a reminder.
ATTENDANCE_REMINDER_WORKING_DAYS = 3


class DecisionListStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    ADOPTED = "vastgesteld", _("Adopted")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "gereed", _("Done")
    LAPSED = "vervallen", _("Lapsed")


# The standard item (DEFAULT_TEMPLATE_ITEMS) under which open actions of earlier meetings appear.
ACTION_LIST_TITLE = "Actielijst"


# ---- The meeting's documents, registered in producers.py -----------------------------------

MEETING_SUBJECT = "regiobureau.Meeting"
AGENDA = "agenda"
ANNOTATED_AGENDA = "geannoteerde_agenda"
DECISION_LIST = "besluitenlijst"
# The meeting bundle: the agenda, the adopted annotations and the stukken in one PDF (bundle.py).
BUNDLE = "vergaderbundel"
# Audiences of a meeting's documents: anyone, or the members of its body (and the secretariat).
PUBLIC = "openbaar"
MEMBERS = "leden"


# The standard item (DEFAULT_TEMPLATE_ITEMS) under which the previous meeting's minutes are
# adopted; it links to them.
MINUTES_ITEM_TITLE = "Verslag vorige vergadering"
