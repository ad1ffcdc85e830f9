"""Writes for council letters and their delivery to the 17 councils (issue 5), split into
composing, issuing and the griffie's steps. Every status change is audited (who, when) in the
same transaction. Call them through the package: `from raden import services`.
"""

from .composing import (
    LETTER_FIELDS,
    check_has_items,
    council_letter_adopt,
    council_letter_correct,
    council_letter_create,
    council_letter_item_add,
    council_letter_item_remove,
    council_letter_paragraph_set,
    council_letter_update,
)
from .delivery import (
    delivery_confirm_receipt,
    delivery_mark_downloaded,
    delivery_mark_notified,
    delivery_schedule,
    delivery_take_note,
)
from .digest import council_digest_send, council_digests_send, prefers_digest
from .gatherings import (
    GATHERING_FIELDS,
    gathering_cancel,
    gathering_create,
    gathering_invitation_answer,
    gathering_invite_list,
    gathering_register,
    gathering_update,
    invitation_check,
    personal_link_check,
    personal_link_send,
    registration_attendance_set,
    registration_is_open,
    registration_promoted_notify,
)
from .issuing import (
    NOTIFY_TASK,
    council_letter_issue,
    deliveries_sync,
    delivery_job_finished,
    delivery_notify_griffie,
    delivery_render_retry,
)
from .preferences import PREFERENCE_FIELDS, council_preference_set

__all__ = [
    "council_digest_send",
    "council_digests_send",
    "prefers_digest",
    "PREFERENCE_FIELDS",
    "council_preference_set",
    "GATHERING_FIELDS",
    "gathering_cancel",
    "gathering_create",
    "gathering_invitation_answer",
    "gathering_invite_list",
    "gathering_register",
    "gathering_update",
    "invitation_check",
    "personal_link_check",
    "personal_link_send",
    "registration_attendance_set",
    "registration_is_open",
    "registration_promoted_notify",
    "LETTER_FIELDS",
    "NOTIFY_TASK",
    "check_has_items",
    "council_letter_adopt",
    "council_letter_correct",
    "council_letter_create",
    "council_letter_issue",
    "council_letter_item_add",
    "council_letter_item_remove",
    "council_letter_paragraph_set",
    "council_letter_update",
    "deliveries_sync",
    "delivery_confirm_receipt",
    "delivery_job_finished",
    "delivery_mark_downloaded",
    "delivery_mark_notified",
    "delivery_notify_griffie",
    "delivery_render_retry",
    "delivery_schedule",
    "delivery_take_note",
]
