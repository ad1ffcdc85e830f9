"""The meetings' data, split by sub-domain; import the models from here (`from regiobureau.models
import Meeting`), as Django and the migrations do.
"""

from .annotations import (
    Annotation,
    AnnotationComment,
    AnnotationVersion,
    ReadMark,
)
from .attendance import Attendance
from .decisions import (
    ActionItem,
    Decision,
    DecisionList,
    Vote,
)
from .documents import (
    Document,
    DocumentVersion,
    document_upload_to,
)
from .evaluation import (
    EvaluationAnswer,
    EvaluationInvitation,
    EvaluationReceipt,
    EvaluationSummary,
)
from .meetings import (
    AgendaItem,
    AgendaTemplateItem,
    CalendarToken,
    Dossier,
    Meeting,
    _new_feed_token,
)
from .minutes import Minutes, MinutesComment, MinutesEntry, MinutesRevision
from .planning import PlannedTopic
from .proposals import ProposedDocument, proposal_upload_to
from .rounds import RoundVote, WrittenRound
from .rules import RulesAdoption  # noqa: F401 -- issue 13

__all__ = [
    "ActionItem",
    "Attendance",
    "AgendaItem",
    "AgendaTemplateItem",
    "Annotation",
    "AnnotationComment",
    "AnnotationVersion",
    "CalendarToken",
    "Decision",
    "DecisionList",
    "Document",
    "DocumentVersion",
    "Dossier",
    "EvaluationAnswer",
    "EvaluationInvitation",
    "EvaluationReceipt",
    "EvaluationSummary",
    "Meeting",
    "Minutes",
    "MinutesComment",
    "MinutesEntry",
    "MinutesRevision",
    "PlannedTopic",
    "ProposedDocument",
    "ReadMark",
    "RoundVote",
    "Vote",
    "WrittenRound",
    "_new_feed_token",
    "document_upload_to",
    "proposal_upload_to",
]
