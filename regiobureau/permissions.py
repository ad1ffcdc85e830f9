"""Who may see and do what with meetings. Every view, feed and PDF asks these predicates.

Confidential content (closed agenda items, vertrouwelijke stukken, annotations) is for the
members of the meeting's body, the regiobureau's secretaries and the beheerder only, and for
the assistant a member gave read access (gremia.Delegation): she reads what her principal
reads (`can_see_confidential`) but never acts as a member (`can_act_as_member`).
"""

from django.db.models import Q
from django.utils import timezone

from gremia.models.registry import Membership
from gremia.selectors.registry import person_for_user
from nhn_portal.core.access import is_secretariat
from nhn_portal.core.stamps import RowsQuery
from regiobureau.constants import MeetingStatus

# The two queries below run on nearly every page: compiled once (nhn_portal.core.stamps).
_MEMBER_BODY_IDS = RowsQuery(
    lambda user_id, on: (
        Membership.objects.current(on)
        .filter(person__user=user_id)
        .order_by()
        .values_list("body_id")
    )
)
_DELEGATED_BODY_IDS = RowsQuery(
    lambda user_id, on: (
        Membership.objects.current(on)
        .filter(
            person__user__delegations_given__assistant=user_id,
            person__user__delegations_given__revoked_at__isnull=True,
        )
        .order_by()
        .values_list("body_id")
    )
)


def member_body_ids(user) -> frozenset[int]:
    """Bodies the user currently sits on (any role); cached on the user for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_member_body_ids"):
        rows = _MEMBER_BODY_IDS.rows(user.pk, timezone.localdate())
        user._member_body_ids = frozenset(body_id for (body_id,) in rows)
    return user._member_body_ids


def delegated_body_ids(user) -> frozenset[int]:
    """Bodies whose meetings the user reads as an assistant: those her principals (active
    delegations) currently sit on. Cached on the user for the request, like member_body_ids;
    a revoked delegation counts from the next request on."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_delegated_body_ids"):
        rows = _DELEGATED_BODY_IDS.rows(user.pk, timezone.localdate())
        user._delegated_body_ids = frozenset(body_id for (body_id,) in rows)
    return user._delegated_body_ids


def readable_body_ids(user) -> frozenset[int]:
    """Bodies whose confidential content the user reads: her own and her principals'."""
    return member_body_ids(user) | delegated_body_ids(user)


def can_see_confidential(user, body_id: int) -> bool:
    """Reading only: the secretariat, the body's members and their assistants."""
    return (
        is_secretariat(user)
        or body_id in member_body_ids(user)
        or body_id in delegated_body_ids(user)
    )


def can_act_as_member(user, body_id: int) -> bool:
    """What a member does beyond reading (a read mark, a response to an annotation): the
    secretariat and the body's own members, never an assistant who reads on their behalf."""
    return is_secretariat(user) or body_id in member_body_ids(user)


def can_manage_meetings(user) -> bool:
    return is_secretariat(user)


def can_see_meeting(user, meeting) -> bool:
    if is_secretariat(user):
        return True
    return meeting.status != MeetingStatus.DRAFT


def can_see_meeting_place(user, meeting) -> bool:
    """The place and online link of a closed meeting are for those inside it only:
    on every page, PDF and feed; a public meeting's for everyone who sees the meeting."""
    return meeting.is_public or can_see_confidential(user, meeting.body_id)


def can_see_meeting_title(user, meeting) -> bool:
    """A closed meeting is shown to those outside it by body and date only: its title may
    say what is discussed behind closed doors (docs/architecture.md, publiek). On every page,
    PDF and feed, like the place."""
    return meeting.is_public or can_see_confidential(user, meeting.body_id)


def can_see_agenda(user, meeting) -> bool:
    """Whether the items (as titles or placeholders) are shown at all."""
    return is_secretariat(user) or meeting.agenda_is_out


def can_see_item(user, item, meeting=None) -> bool:
    meeting = meeting or item.meeting
    if not can_see_agenda(user, meeting):
        return False
    if can_see_confidential(user, meeting.body_id):
        return True
    return meeting.is_public and is_public_item(item)


def is_public_item(item, parent=None) -> bool:
    """An item is public only when its main item is too: a sub-item of a closed item is
    closed with it, whatever its own flag says (its title would give the closed one away)."""
    if not item.is_public:
        return False
    if item.parent_id is None:
        return True
    return (parent or item.parent).is_public


def can_see_document(user, document, item, meeting) -> bool:
    if not can_see_item(user, item, meeting):
        return False
    return not document.is_confidential or can_see_confidential(user, meeting.body_id)


def can_read_annotations(user, meeting) -> bool:
    """Annotations are the members' reading material, never public."""
    return can_see_agenda(user, meeting) and can_see_confidential(user, meeting.body_id)


def visible_item_q(user, body_id: int, prefix: str) -> Q:
    """`can_see_item` as a query filter on agenda items reached through `prefix` ("item__"):
    a reader outside the body sees public items (of a public main item) of public meetings."""
    if can_see_confidential(user, body_id):
        return Q()
    return (
        Q(**{f"{prefix}is_public": True})
        & Q(**{f"{prefix}meeting__is_public": True})
        & (Q(**{f"{prefix}parent__isnull": True}) | Q(**{f"{prefix}parent__is_public": True}))
    )


def can_change_action(user, action) -> bool:
    """The secretariat, the owner, and people of the owning organisation."""
    if is_secretariat(user):
        return True
    person = person_for_user(user=user)
    if person is None:
        return False
    if action.owner_person_id:
        return action.owner_person_id == person.pk
    return action.owner_organisation_id == person.organisation_id
