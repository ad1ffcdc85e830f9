"""Council gatherings: the secretariat plans one on a meeting of the
raadsbijeenkomsten body; griffies invite their council (a link they forward, or a list of
names and addresses that each get a personal link); council members register, cancel and
fetch the materials through their personal link, without an account; beyond the capacity a
registration goes on the waiting list and a cancellation moves the first one up; afterwards
the secretariat records who attended.

A council member has no login, so their own steps are audited without an actor; the audit
record names the gathering's registration, not the link.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.constants import OrganisationKind
from gremia.models.registry import Organisation
from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.tasking import enqueue_on_commit
from raden import links
from raden.constants import (
    GATHERINGS_BODY_SLUG,
    SEAT_STATUSES,
    RegistrationStatus,
)
from raden.models.gatherings import Gathering, GatheringRegistration
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import Meeting

GATHERING_FIELDS = ["kind", "programme", "capacity", "materials"]
LINK_TASK = "raden.tasks.gathering_personal_link_send"
PROMOTED_TASK = "raden.tasks.gathering_registration_promoted_notify"

# At most this many council members per uploaded list (a council has at most some 45 seats).
INVITE_LIST_MAX = 100


def _check_meeting(meeting: Meeting) -> None:
    if meeting.body.slug != GATHERINGS_BODY_SLUG:
        raise ValidationError(
            _("Only a meeting of the council gatherings body can be a council gathering."),
            code="wrong_body",
        )


@transaction.atomic
def gathering_create(
    *,
    actor,
    meeting: Meeting,
    kind: str,
    programme: str = "",
    capacity: int | None = None,
    materials: str = "",
) -> Gathering:
    _check_meeting(meeting)
    if Gathering.objects.filter(meeting=meeting).exists():
        raise ValidationError(_("This meeting is already a council gathering."), code="exists")
    gathering = Gathering(
        meeting=meeting, kind=kind, programme=programme, capacity=capacity, materials=materials
    )
    audited_create(actor=actor, obj=gathering, verb="gathering_create")
    return gathering


@transaction.atomic
def gathering_update(*, actor, gathering: Gathering, **fields) -> Gathering:
    """Change kind, programme, capacity or materials. A larger capacity moves people up from
    the waiting list; a smaller one never takes a seat away from someone who has it."""
    unknown = set(fields) - set(GATHERING_FIELDS)
    if unknown:
        raise TypeError(f"gathering_update does not change {sorted(unknown)}")
    gathering = Gathering.objects.select_for_update().get(pk=gathering.pk)
    gathering = audited_update(
        actor=actor, obj=gathering, verb="gathering_update", recorded=GATHERING_FIELDS, **fields
    )
    _fill_from_waiting_list(gathering)
    return gathering


def _municipality(pk: int) -> Organisation:
    municipality = Organisation.objects.filter(pk=pk, kind=OrganisationKind.MUNICIPALITY).first()
    if municipality is None:
        raise links.LinkError("altered")
    return municipality


def gathering_for_link(gathering_id: int) -> Gathering:
    gathering = Gathering.objects.select_related("meeting__body").filter(pk=gathering_id).first()
    if gathering is None:
        raise links.LinkError("altered")
    return gathering


def registration_is_open(gathering: Gathering) -> bool:
    meeting = gathering.meeting
    return meeting.status != MeetingStatus.CANCELLED and timezone.now() < meeting.starts_at


def invitation_check(token: str) -> tuple[Gathering, Organisation]:
    """The gathering and municipality of a griffie's invitation link; LinkError when the link
    was altered or the gathering has started (then the link has expired)."""
    invitation = links.invitation_read(token)
    gathering = gathering_for_link(invitation.gathering_id)
    municipality = _municipality(invitation.municipality_id)
    if not registration_is_open(gathering):
        raise links.LinkError("expired")
    return gathering, municipality


def personal_link_check(token: str):
    """(link, gathering, municipality, registration or None) of a personal link; LinkError
    when altered, expired (MATERIALS_DAYS after the end) or used (cancelled with it)."""
    link = links.personal_read(token)
    gathering = gathering_for_link(link.gathering_id)
    municipality = _municipality(link.municipality_id)
    if timezone.now() > links.personal_link_expires(gathering.meeting):
        raise links.LinkError("expired")
    registration = GatheringRegistration.objects.filter(
        gathering=gathering, email=link.email
    ).first()
    if (
        registration is not None
        and registration.status == RegistrationStatus.CANCELLED
        and registration.cancelled_at is not None
        and registration.cancelled_at.replace(microsecond=0) >= link.issued_at
    ):
        raise links.LinkError("used")
    return link, gathering, municipality, registration


def _clean_entry(name: str, email: str) -> tuple[str, str]:
    name = " ".join((name or "").split())
    email = (email or "").strip().lower()
    if not name:
        raise ValidationError({"name": _("Give your name.")})
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": _("Give a valid e-mail address.")}) from error
    return name[:200], email


@transaction.atomic
def gathering_invitation_answer(*, token: str, name: str, email: str) -> None:
    """A council member answered the griffie's forwarded invitation: mail them their personal
    link. Nothing else is recorded until they use it; the answer is the same whether or not
    the address was registered before (no one learns who registered)."""
    gathering, municipality = invitation_check(token)
    name, email = _clean_entry(name, email)
    enqueue_on_commit(LINK_TASK, gathering.pk, municipality.pk, name, email)


@transaction.atomic
def gathering_invite_list(
    *, actor, gathering: Gathering, municipality: Organisation, entries: list[tuple[str, str]]
) -> int:
    """A griffie's list of council members (name, e-mail): each gets a personal link by mail.
    Refused as a whole when an entry is not valid. Returns the number of links sent."""
    if not registration_is_open(gathering):
        raise ValidationError(_("Registration for this gathering has closed."), code="closed")
    if not entries:
        raise ValidationError(_("Give at least one name and e-mail address."), code="empty")
    if len(entries) > INVITE_LIST_MAX:
        raise ValidationError(
            _("Give at most %(max)s council members at once.") % {"max": INVITE_LIST_MAX},
            code="too_many",
        )
    cleaned: dict[str, str] = {}
    for number, (name, email) in enumerate(entries, start=1):
        try:
            name, email = _clean_entry(name, email)
        except ValidationError as error:
            raise ValidationError(
                _("Line %(number)s: %(error)s")
                % {"number": number, "error": " ".join(error.messages)},
                code="invalid_line",
            ) from error
        cleaned[email] = name
    for email, name in cleaned.items():
        enqueue_on_commit(LINK_TASK, gathering.pk, municipality.pk, name, email)
    audit_record_create(
        actor=actor,
        obj=gathering,
        action=AuditAction.UPDATE,
        verb="gathering_invite_list",
        changes={"municipality": municipality.slug, "invited": len(cleaned)},
    )
    return len(cleaned)


def _seats_taken(gathering: Gathering) -> int:
    return gathering.registrations.filter(status__in=SEAT_STATUSES).count()


def _has_room(gathering: Gathering) -> bool:
    return gathering.capacity is None or _seats_taken(gathering) < gathering.capacity


@transaction.atomic
def gathering_register(*, token: str) -> GatheringRegistration:
    """Register through a personal link: a seat while there is room, else the waiting list.
    Registering again with a link that is still registered changes nothing."""
    link, gathering, municipality, registration = personal_link_check(token)
    # One registration at a time per gathering, so two never take the last seat.
    gathering = Gathering.objects.select_for_update().select_related("meeting").get(pk=gathering.pk)
    if not registration_is_open(gathering):
        raise ValidationError(_("Registration for this gathering has closed."), code="closed")
    if registration is not None and registration.status != RegistrationStatus.CANCELLED:
        return registration
    status = RegistrationStatus.REGISTERED if _has_room(gathering) else RegistrationStatus.WAITING
    now = timezone.now()
    if registration is None:
        registration = GatheringRegistration(
            gathering=gathering,
            name=link.name,
            email=link.email,
            municipality=municipality,
            status=status,
            registered_at=now,
        )
        registration.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:  # the same address registered a moment ago
            raise ValidationError(_("You are already registered."), code="exists") from error
        action = AuditAction.CREATE
    else:
        registration.status = status
        registration.registered_at = now
        registration.cancelled_at = None
        registration.promoted_at = None
        registration.save(
            update_fields=["status", "registered_at", "cancelled_at", "promoted_at", "updated_at"]
        )
        action = AuditAction.UPDATE
    audit_record_create(
        actor=None,
        obj=registration,
        action=action,
        verb="gathering_register",
        changes={"status": status, "municipality": municipality.slug},
    )
    return registration


@transaction.atomic
def gathering_cancel(*, token: str) -> GatheringRegistration:
    """Cancel through the personal link (which is then used); the seat goes to the first on
    the waiting list, who is mailed."""
    _link, gathering, _municipality_, registration = personal_link_check(token)
    gathering = Gathering.objects.select_for_update().select_related("meeting").get(pk=gathering.pk)
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(_("You are not registered for this gathering."), code="none")
    if registration.status == RegistrationStatus.ATTENDED or not registration_is_open(gathering):
        raise ValidationError(
            _("The gathering has started; cancelling is no longer possible."), code="closed"
        )
    before = registration.status
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    audit_record_create(
        actor=None,
        obj=registration,
        action=AuditAction.UPDATE,
        verb="gathering_cancel",
        changes={"status": [before, RegistrationStatus.CANCELLED]},
    )
    _fill_from_waiting_list(gathering)
    return registration


def _fill_from_waiting_list(gathering: Gathering) -> list[GatheringRegistration]:
    """Give free seats to the waiting list in order of registration (the caller holds the
    gathering's row lock); each one moved up is mailed after the commit."""
    if not registration_is_open(gathering):
        return []
    moved = []
    waiting = gathering.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "registered_at", "pk"
    )
    for registration in waiting:
        if not _has_room(gathering):
            break
        registration.status = RegistrationStatus.REGISTERED
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at", "updated_at"])
        audit_record_create(
            actor=None,
            obj=registration,
            action=AuditAction.UPDATE,
            verb="gathering_registration_promote",
            changes={"status": [RegistrationStatus.WAITING, RegistrationStatus.REGISTERED]},
        )
        enqueue_on_commit(PROMOTED_TASK, registration.pk)
        moved.append(registration)
    return moved


@transaction.atomic
def registration_attendance_set(
    *, actor, registration: GatheringRegistration, attended: bool
) -> GatheringRegistration:
    """The secretariat records afterwards whether a registered council member came."""
    registration = (
        GatheringRegistration.objects.select_for_update(of=("self",))
        .select_related("gathering__meeting")
        .get(pk=registration.pk)
    )
    if timezone.now() < registration.gathering.meeting.starts_at:
        raise ValidationError(
            _("Attendance is recorded once the gathering has started."), code="not_started"
        )
    if registration.status not in SEAT_STATUSES:
        raise ValidationError(
            _("Only a registered council member can be recorded as present."), code="not_seated"
        )
    status = RegistrationStatus.ATTENDED if attended else RegistrationStatus.REGISTERED
    return audited_update(
        actor=actor,
        obj=registration,
        verb="gathering_attendance_set",
        recorded=["status"],
        status=status,
        attendance_by=actor,
    )


# ---- Mail (called by tasks) ----------------------------------------------------------------


def personal_link_url(*, gathering_id: int, municipality_id: int, name: str, email: str) -> str:
    token = links.personal_token(
        gathering_id=gathering_id, municipality_id=municipality_id, name=name, email=email
    )
    return site_link(reverse("raden:registration_link", kwargs={"token": token}))


def personal_link_send(*, gathering_id: int, municipality_id: int, name: str, email: str) -> int:
    """Mail a council member their personal link to register, cancel and fetch the materials."""
    gathering = Gathering.objects.select_related("meeting__body").filter(pk=gathering_id).first()
    if gathering is None:
        return 0
    return send_templated_mail(
        template="raden/email/gathering_link",
        context={
            "gathering": gathering,
            "meeting": gathering.meeting,
            "name": name,
            "link": personal_link_url(
                gathering_id=gathering_id,
                municipality_id=municipality_id,
                name=name,
                email=email,
            ),
            "valid_until": links.personal_link_expires(gathering.meeting),
        },
        recipients=[email],
    )


def registration_promoted_notify(*, registration_id: int) -> int:
    """Mail a council member who moved up from the waiting list (with a fresh personal link)."""
    registration = (
        GatheringRegistration.objects.select_related("gathering__meeting__body")
        .filter(pk=registration_id, status=RegistrationStatus.REGISTERED)
        .first()
    )
    if registration is None:
        return 0
    return send_templated_mail(
        template="raden/email/gathering_promoted",
        context={
            "gathering": registration.gathering,
            "meeting": registration.gathering.meeting,
            "name": registration.name,
            "link": personal_link_url(
                gathering_id=registration.gathering_id,
                municipality_id=registration.municipality_id,
                name=registration.name,
                email=registration.email,
            ),
        },
        recipients=[registration.email],
    )
