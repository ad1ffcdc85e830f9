"""Writes of the presentielijst: a member registers (attending, absent, or sending
a substitute of the same organisation); the secretariat records who was actually there; the
daily reminder asks members who have not registered, once per member per meeting."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.models.registry import Membership, Person
from gremia.selectors.registry import person_address
from nhn_portal.core.audit import audit_record_create
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.workdays import working_days_before
from regiobureau.constants import (
    ATTENDANCE_REMINDER_WORKING_DAYS,
    MeetingStatus,
    Presence,
    Registration,
)
from regiobureau.models.attendance import Attendance
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.attendance import seats_of_meeting

# Meetings members can still register for.
REGISTRATION_OPEN = (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED)
# Meetings whose presence the secretariat records (during or after).
PRESENCE_OPEN = (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD)


def _seat(meeting: Meeting, membership: Membership) -> Membership:
    """The membership must hold a seat at this meeting."""
    if not seats_of_meeting(meeting).filter(pk=membership.pk).exists():
        raise ValidationError(
            _("%(person)s has no seat at this meeting.") % {"person": membership.person},
            code="no_seat",
        )
    return membership


def _row(meeting: Meeting, membership: Membership) -> Attendance:
    row, _created = Attendance.objects.select_for_update().get_or_create(
        meeting=meeting, membership=membership
    )
    return row


@transaction.atomic
def attendance_register(
    *,
    actor,
    meeting: Meeting,
    membership: Membership,
    registration: str,
    substitute: Person | None = None,
) -> Attendance:
    """The member's own registration before the meeting."""
    if meeting.status not in REGISTRATION_OPEN:
        raise ValidationError(
            _("Registration for this meeting is closed."), code="registration_closed"
        )
    if registration not in Registration.values:
        raise ValidationError({"registration": _("Choose whether you will attend.")})
    _seat(meeting, membership)
    row = _row(meeting, membership)
    before = {"registration": row.registration, "substitute": row.substitute_id}
    row.registration = registration
    row.substitute = substitute if registration == Registration.SUBSTITUTE else None
    row.full_clean()
    row.save()
    audit_record_create(
        actor=actor,
        obj=row,
        action=AuditAction.UPDATE,
        verb="attendance_register",
        changes={
            "before": before,
            "after": {"registration": registration, "substitute": row.substitute_id},
        },
    )
    return row


@transaction.atomic
def attendance_record(*, actor, meeting: Meeting, entries: dict[int, tuple[str, int | None]]):
    """The secretariat records presence for several seats at once.

    `entries` maps a membership id to (presence, substitute person id or None); a seat left
    out keeps what it had. All entries are checked before anything is saved."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status not in PRESENCE_OPEN:
        raise ValidationError(
            _("Attendance is recorded once the agenda is out and until the meeting is completed."),
            code="presence_closed",
        )
    seats = {m.pk: m for m in seats_of_meeting(meeting)}
    if set(entries) - set(seats):
        raise ValidationError(_("Only the seats of this meeting can be recorded."), code="no_seat")
    substitutes = Person.objects.in_bulk(
        {person_id for _presence, person_id in entries.values() if person_id}
    )
    rows = {
        a.membership_id: a for a in Attendance.objects.select_for_update().filter(meeting=meeting)
    }
    changed, errors = [], []
    for membership_id, (presence, substitute_id) in entries.items():
        if presence and presence not in Presence.values:
            raise ValidationError(_("Choose present, substitute present or absent."))
        membership = seats[membership_id]
        row = rows.get(membership_id) or Attendance(meeting=meeting, membership=membership)
        row.membership = membership
        substitute = None
        if presence == Presence.SUBSTITUTED:
            # Defaults to the substitute the member announced.
            substitute = substitutes.get(substitute_id) if substitute_id else row.substitute
        elif presence == "" and row.registration == Registration.SUBSTITUTE:
            substitute = row.substitute
        if (row.presence, row.substitute_id) == (presence, getattr(substitute, "pk", None)):
            continue
        row.presence = presence
        row.substitute = substitute
        try:
            row.full_clean(exclude=["meeting", "membership"])
        except ValidationError as error:
            errors.append(f"{membership.person}: {' '.join(error.messages)}")
            continue
        changed.append(row)
    if errors:
        raise ValidationError(errors, code="bad_entries")
    for row in changed:
        row.save()
    if changed:
        audit_record_create(
            actor=actor,
            obj=meeting,
            action=AuditAction.UPDATE,
            verb="attendance_record",
            changes={
                "presence": {
                    str(row.membership.person): [row.presence, row.substitute_id] for row in changed
                }
            },
        )
    return changed


def attendance_remind(*, today: datetime.date | None = None) -> int:
    """Mail members who have not registered for a meeting that is a few working days away;
    once per member per meeting (the row's reminded_at). Returns the number of mails."""
    today = today or timezone.localdate()
    sent = 0
    meetings = Meeting.objects.filter(
        status__in=REGISTRATION_OPEN,
        starts_at__date__gt=today,
        starts_at__date__lte=today + datetime.timedelta(days=14),
    ).select_related("body")
    for meeting in meetings:
        day = timezone.localtime(meeting.starts_at).date()
        if working_days_before(day, ATTENDANCE_REMINDER_WORKING_DAYS) > today:
            continue
        for membership in seats_of_meeting(meeting).select_related("person__user"):
            sent += _remind_one(meeting=meeting, membership=membership)
    return sent


@transaction.atomic
def _remind_one(*, meeting: Meeting, membership: Membership) -> int:
    row = _row(meeting, membership)
    if row.registration or row.reminded_at is not None:
        return 0
    address = person_address(membership.person)
    if not address:
        return 0
    sent = send_templated_mail(
        template="regiobureau/email/attendance_reminder",
        context={
            "meeting": meeting,
            "person": membership.person,
            "link": site_link(meeting.get_absolute_url()),
        },
        recipients=[address],
    )
    row.reminded_at = timezone.now()
    row.save(update_fields=["reminded_at", "updated_at"])
    audit_record_create(
        actor=None, obj=row, action=AuditAction.UPDATE, verb="attendance_remind", changes={}
    )
    return sent
