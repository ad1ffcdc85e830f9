from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    PLANNED = "gepland", _("Planned")
    AGENDA_PUBLISHED = "agenda_gepubliceerd", _("Agenda published")
    HELD = "gehouden", _("Held")
    CLOSED = "afgerond", _("Completed")
    CANCELLED = "geannuleerd", _("Cancelled")


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


class TemplatePlacement(models.TextChoices):
    OPENING = "opening", _("At the start")
    CLOSING = "closing", _("At the end")


# Standard opening and closing items inserted into every new meeting unless the body has
# its own template (issue 3: "opening en mededelingen … sluiting").
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

ALLOWED_UPLOAD_TYPES = {
    # extension: accepted MIME types detected from the content
    "pdf": {"application/pdf"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
}


# --- Decisions and actions (issue 5) --------------------------------------------------------


class DecisionOutcome(models.TextChoices):
    ADOPTED = "aangenomen", pgettext_lazy("decision outcome", "Adopted")
    POSTPONED = "aangehouden", _("Postponed")
    REJECTED = "verworpen", _("Rejected")
    NOTED = "voor_kennisgeving", _("Noted")


# Outcomes that are the result of a decision taken, so a vote (under the majority rule) or the
# absence of objection (unanimity) decides them; postponing or noting needs no votes.
VOTED_OUTCOMES = {DecisionOutcome.ADOPTED, DecisionOutcome.REJECTED}


# The outcome as the archival (Dutch-only) PDFs write it, whatever the UI language.
OUTCOME_DUTCH = {
    DecisionOutcome.ADOPTED: "aangenomen",
    DecisionOutcome.POSTPONED: "aangehouden",
    DecisionOutcome.REJECTED: "verworpen",
    DecisionOutcome.NOTED: "voor kennisgeving aangenomen",
}


class VoteChoice(models.TextChoices):
    FOR = "voor", _("For")
    AGAINST = "tegen", _("Against")
    ABSTAIN = "onthouding", _("Abstention")


class DecisionListStatus(models.TextChoices):
    DRAFT = "concept", _("Draft")
    ADOPTED = "vastgesteld", _("Adopted")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "gereed", _("Done")
    LAPSED = "vervallen", _("Lapsed")


# The standard item (DEFAULT_TEMPLATE_ITEMS) under which open actions of earlier meetings appear.
ACTION_LIST_TITLE = "Actielijst"
