"""Reads of the regiobureau with visibility already applied, split by sub-domain. Pages,
partials, feeds and PDFs all read through here, so each confidentiality rule is written once
(in permissions.py) and applied the same way everywhere: `from regiobureau import selectors`.
"""

from .actions import (
    access_action,
    action_list_for_user,
    actions_from_meeting,
    open_actions_for_meeting,
)
from .agenda import (
    AgendaRow,
    access_agenda_item,
    agenda_rows,
    agenda_rows_for_members,
    flatten,
    number_items,
)
from .annotations import (
    access_annotation,
    access_comment,
    annotation_comments_for_meeting,
    annotation_for_item,
    annotation_versions,
    open_comments_for,
)
from .archive import archive_years, meeting_list_past
from .attendance import (
    AttendanceSummary,
    Seat,
    attendance_seats,
    attendance_summary,
    own_seats,
    quorum_reached,
    seats_of_meeting,
    substitute_candidates,
)
from .decisions import (
    decision_list_for,
    decision_list_status,
    decisions_adopted_public,
    decisions_for_dossier,
    decisions_for_meeting,
    everything_for_members,
    in_agenda_order,
    voting_members,
)
from .documents import (
    access_document,
    access_document_version,
    document_versions,
    item_documents,
)
from .dossiers import (
    access_dossier,
    dossier_list,
    dossier_trail,
)
from .meetings import (
    access_meeting,
    calendar_token_for,
    meeting_list_for_body_feed,
    meeting_list_for_member,
    meeting_list_for_personal_feed,
    meeting_list_upcoming,
    meeting_queryset_visible,
    next_meeting_of_body,
)
from .planning import (
    PlanningRow,
    planning_rows,
    planning_topics,
    planning_warnings,
)
from .proposals import (
    access_proposal,
    open_for_proposals,
    preparing_bodies,
    proposals_for,
)
from .rounds import (
    access_round,
    round_answers,
    round_tally,
    rounds_for_user,
)

__all__ = [
    "access_proposal",
    "open_for_proposals",
    "preparing_bodies",
    "proposals_for",
    "PlanningRow",
    "planning_rows",
    "planning_topics",
    "planning_warnings",
    "archive_years",
    "meeting_list_past",
    "access_round",
    "round_answers",
    "round_tally",
    "rounds_for_user",
    "AttendanceSummary",
    "Seat",
    "attendance_seats",
    "attendance_summary",
    "own_seats",
    "quorum_reached",
    "seats_of_meeting",
    "substitute_candidates",
    "AgendaRow",
    "access_action",
    "access_agenda_item",
    "access_annotation",
    "access_comment",
    "access_document",
    "access_document_version",
    "access_dossier",
    "access_meeting",
    "action_list_for_user",
    "actions_from_meeting",
    "agenda_rows",
    "agenda_rows_for_members",
    "annotation_comments_for_meeting",
    "annotation_for_item",
    "annotation_versions",
    "calendar_token_for",
    "decision_list_for",
    "decision_list_status",
    "decisions_adopted_public",
    "decisions_for_dossier",
    "decisions_for_meeting",
    "document_versions",
    "dossier_list",
    "dossier_trail",
    "everything_for_members",
    "flatten",
    "in_agenda_order",
    "item_documents",
    "meeting_list_for_body_feed",
    "meeting_list_for_member",
    "meeting_list_for_personal_feed",
    "meeting_list_upcoming",
    "meeting_queryset_visible",
    "next_meeting_of_body",
    "number_items",
    "open_actions_for_meeting",
    "open_comments_for",
    "voting_members",
]
