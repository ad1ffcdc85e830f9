"""Forms of the regiobureau, split by sub-domain; they only parse and validate input (the
services write). The NLDS styling and the version guard come from nhn_portal.core.forms.
"""

from .agenda import (
    AgendaItemForm,
    AgendaVersionForm,
    ReorderForm,
    editor_choices,
)
from .annotations import (
    AnnotationForm,
    CommentForm,
    ReadMarkForm,
)
from .attendance import AttendanceRecordForm, RegistrationForm
from .decisions import (
    NO_VOTE,
    ActionItemForm,
    ActionStatusForm,
    AgendaItemChoiceField,
    DecisionForm,
    agenda_items_for_choice,
)
from .documents import (
    ConfidentialityForm,
    DocumentUploadForm,
    DocumentVersionForm,
)
from .evaluation import EvaluationForm
from .meetings import (
    PUBLIC_CHOICES,
    ArchiveFilterForm,
    CalendarFilterForm,
    CancelForm,
    MeetingForm,
)
from .minutes import (
    MinutesAdoptForm,
    MinutesCommentForm,
    MinutesEntryForm,
    MinutesSendForm,
)
from .planning import PlannedTopicForm, PlanningFilterForm
from .proposals import ProposalAcceptForm, ProposalForm, ProposalReturnForm
from .rounds import RoundVoteForm, WrittenRoundForm

__all__ = [
    "MinutesAdoptForm",
    "MinutesCommentForm",
    "MinutesEntryForm",
    "MinutesSendForm",
    "EvaluationForm",
    "ProposalAcceptForm",
    "ProposalForm",
    "ProposalReturnForm",
    "PlannedTopicForm",
    "PlanningFilterForm",
    "ArchiveFilterForm",
    "RoundVoteForm",
    "WrittenRoundForm",
    "AttendanceRecordForm",
    "RegistrationForm",
    "ActionItemForm",
    "ActionStatusForm",
    "AgendaItemChoiceField",
    "AgendaItemForm",
    "AgendaVersionForm",
    "AnnotationForm",
    "CalendarFilterForm",
    "CancelForm",
    "CommentForm",
    "ConfidentialityForm",
    "DecisionForm",
    "DocumentUploadForm",
    "DocumentVersionForm",
    "MeetingForm",
    "NO_VOTE",
    "PUBLIC_CHOICES",
    "ReadMarkForm",
    "ReorderForm",
    "agenda_items_for_choice",
    "editor_choices",
]
