"""Writes of the regiobureau, split by sub-domain (meetings, agenda, documents, annotations,
decisions, actions). Every service validates, saves and writes an audit record in one
transaction. Call them through the package: `from regiobureau import services`.
"""

from .actions import (
    ACTION_FIELDS,
    action_item_create,
    action_item_set_status,
    action_overdue_remind,
)
from .agenda import (
    ITEM_FIELDS,
    agenda_item_create,
    agenda_item_delete,
    agenda_item_move,
    agenda_item_update,
    agenda_reorder,
    agenda_template_reset,
    dossier_create,
)
from .annotations import (
    annotation_comment_add,
    annotation_comment_resolve,
    annotation_save,
    annotation_set_status,
    read_mark_set,
)
from .decisions import (
    decision_delete,
    decision_list_adopt,
    decision_record,
    outcome_from_votes,
)
from .documents import (
    document_add_version,
    document_set_confidentiality,
    document_upload,
    document_version_text_extract,
)
from .guards import (
    StaleAgendaError,
    bump_agenda_version,
    check_editable,
)
from .meetings import (
    MEETING_FIELDS,
    NOTIFY_TASK,
    calendar_token_rotate,
    default_documents_deadline,
    meeting_cancel,
    meeting_create,
    meeting_has_begun,
    meeting_mark_members_notified,
    meeting_notify_members,
    meeting_publish_agenda,
    meeting_set_status,
    meeting_update,
    working_days_before,
)

__all__ = [
    "ACTION_FIELDS",
    "ITEM_FIELDS",
    "MEETING_FIELDS",
    "NOTIFY_TASK",
    "StaleAgendaError",
    "action_item_create",
    "action_item_set_status",
    "action_overdue_remind",
    "agenda_item_create",
    "agenda_item_delete",
    "agenda_item_move",
    "agenda_item_update",
    "agenda_reorder",
    "agenda_template_reset",
    "annotation_comment_add",
    "annotation_comment_resolve",
    "annotation_save",
    "annotation_set_status",
    "bump_agenda_version",
    "calendar_token_rotate",
    "check_editable",
    "decision_delete",
    "decision_list_adopt",
    "decision_record",
    "default_documents_deadline",
    "document_add_version",
    "document_set_confidentiality",
    "document_version_text_extract",
    "document_upload",
    "dossier_create",
    "meeting_cancel",
    "meeting_create",
    "meeting_has_begun",
    "meeting_mark_members_notified",
    "meeting_notify_members",
    "meeting_publish_agenda",
    "meeting_set_status",
    "meeting_update",
    "outcome_from_votes",
    "read_mark_set",
    "working_days_before",
]
