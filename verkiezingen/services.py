"""Writes about elections, each validated and audited in one transaction: registering an
election, recording a successor (ending the old membership, starting the new one and asking
the pipeline for the induction pack) and mailing the pack's personal link."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gremia.models.registry import Membership, Person
from gremia.services import membership_create, membership_end
from nhn_portal.core.audit import audit_record_create, audited_create
from nhn_portal.core.constants import AuditAction, GenerationStatus
from nhn_portal.core.mail import send_templated_mail
from nhn_portal.core.models import AuditRecord, GenerationJob
from nhn_portal.core.production.services import document_generation_request
from nhn_portal.core.tasking import enqueue_on_commit

from .constants import INDUCTION_AUDIENCE, INDUCTION_PACK
from .links import induction_pack_link
from .models import Election, Succession
from .selectors import reopened_memberships


@transaction.atomic
def election_create(*, actor, kind: str, held_on: datetime.date, installed_on: datetime.date):
    election = Election(kind=kind, held_on=held_on, installed_on=installed_on)
    audited_create(actor=actor, obj=election, verb="election_create")
    return election


@transaction.atomic
def successor_record(
    *,
    actor,
    election: Election,
    previous: Membership,
    person: Person,
    start: datetime.date | None = None,
) -> Succession:
    """After the installation: `person` takes over the reopened seat `previous` from `start`
    (the installation by default). The old membership ends the day before, the new one starts
    in the same body and role for the successor's organisation (or the seat's), and the
    pipeline makes the successor's induction pack."""
    previous = Membership.objects.select_for_update().get(pk=previous.pk)
    if not reopened_memberships(election).filter(pk=previous.pk).exists():
        raise ValidationError(_("This election does not reopen that seat."))
    if Succession.objects.filter(previous=previous).exists():
        raise ValidationError(_("A successor for this seat is already recorded."))
    start = start or election.installed_on
    if start < election.installed_on:
        raise ValidationError(_("A successor starts on or after the installation."))
    if person.pk == previous.person_id:
        raise ValidationError(_("The successor is someone else than the previous member."))
    end = start - datetime.timedelta(days=1)
    if previous.end is None or previous.end > end:
        membership_end(actor=actor, membership=previous, end=max(end, previous.start))
    membership = membership_create(
        actor=actor,
        person=person,
        body=previous.body,
        organisation=person.organisation or previous.organisation,
        role=previous.role,
        start=start,
        end=None,
    )
    succession = Succession(
        election=election, previous=previous, membership=membership, recorded_by=actor
    )
    audited_create(actor=actor, obj=succession, verb="successor_record")
    document_generation_request(
        actor=actor, subject=succession, kind=INDUCTION_PACK, audience=INDUCTION_AUDIENCE
    )
    return succession


def induction_pack_finished(job_id: int) -> None:
    """The pipeline's follow-up of an induction pack: mail its personal link (through the
    durable outbox)."""
    with transaction.atomic():
        enqueue_on_commit("verkiezingen.tasks.induction_pack_mail", job_id)


@transaction.atomic
def induction_pack_mail(*, job_id: int) -> int:
    """Mail the new member the personal link to their induction pack, once per pack version
    (a task delivered again finds the audit record and sends nothing). Returns mails sent."""
    job = GenerationJob.objects.select_for_update().get(pk=job_id)
    if job.kind != INDUCTION_PACK or job.status != GenerationStatus.DONE:
        return 0
    if AuditRecord.objects.filter(
        verb="induction_pack_mail",
        content_type=ContentType.objects.get_for_model(GenerationJob),
        object_id=str(job.pk),
    ).exists():
        return 0
    succession = (
        Succession.objects.select_related("membership__person__user", "membership__body")
        .filter(pk=job.object_id)
        .first()
    )
    person = succession.membership.person if succession else None
    address = person and (person.email or (person.user.email if person.user_id else ""))
    if not address:
        return 0
    sent = send_templated_mail(
        template="verkiezingen/email/induction_pack",
        context={
            "person": person,
            "succession": succession,
            "link": induction_pack_link(succession),
        },
        recipients=[address],
    )
    audit_record_create(
        actor=None,
        obj=job,
        action=AuditAction.UPDATE,
        verb="induction_pack_mail",
        changes={"recipients": [address]},
    )
    return sent
