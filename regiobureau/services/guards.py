"""The agenda's guards, shared by the agenda, stukken and annotation services: optimistic
locking (every change claims the next agenda version; a form carrying an older one is refused,
so two secretaries never silently overwrite each other) and the lock on a finished meeting.
"""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from nhn_portal.core.production.services import generated_documents_withdraw
from regiobureau.constants import MeetingStatus
from regiobureau.models.meetings import Meeting


class StaleAgendaError(ValidationError):
    """The agenda changed since the secretary loaded it."""

    def __init__(self):
        super().__init__(
            _(
                "Someone else changed this agenda in the meantime. Your change was not saved; "
                "the current agenda is shown below. Check it and make your change again."
            ),
            code="stale",
        )


def bump_agenda_version(meeting: Meeting, expected_version: int | None) -> None:
    """Claim the next agenda version, or refuse when someone else got there first."""
    qs = Meeting.objects.filter(pk=meeting.pk)
    if expected_version is not None:
        qs = qs.filter(agenda_version=expected_version)
    if qs.update(agenda_version=F("agenda_version") + 1, updated_at=timezone.now()) != 1:
        raise StaleAgendaError()
    meeting.agenda_version = Meeting.objects.values_list("agenda_version", flat=True).get(
        pk=meeting.pk
    )


def check_editable(meeting: Meeting) -> None:
    if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.CANCELLED):
        raise ValidationError(
            _("The agenda of a meeting that is %(status)s can no longer be changed.")
            % {"status": meeting.get_status_display().lower()},
            code="locked",
        )


def visibility_changed(*, actor, meeting: Meeting, reason: str) -> None:
    """Something of the meeting became more or less public (an item, a stuk, the meeting):
    its public PDFs are withdrawn in this transaction and made again. The
    pipeline's rule, so the besluitenlijst and every later kind follow it too."""
    generated_documents_withdraw(actor=actor, subject=meeting, reason=reason)
