"""The public-affairs agenda (netwerk): writes, each validated and audited
in one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.models.registry import Body
from netwerk.models.lobby import ExternalMoment, LobbyContact, LobbyDossier
from nhn_portal.core.audit import audit_record_create, audited_update
from nhn_portal.core.constants import AuditAction


@transaction.atomic
def lobby_dossier_create(
    *,
    actor,
    title: str,
    arena: str,
    position: str = "",
    lobbyist=None,
    carriers=(),
    decisions=(),
) -> LobbyDossier:
    """A new lobby dossier: confidential until someone decides otherwise."""
    dossier = LobbyDossier(title=title.strip(), arena=arena, position=position, lobbyist=lobbyist)
    dossier.full_clean()
    dossier.save()
    dossier.carriers.set(carriers)
    dossier.decisions.set(decisions)
    audit_record_create(
        actor=actor,
        obj=dossier,
        action=AuditAction.CREATE,
        verb="lobby_dossier_create",
        changes={"carriers": [str(person) for person in carriers]},
    )
    return dossier


@transaction.atomic
def lobby_dossier_update(
    *,
    actor,
    dossier: LobbyDossier,
    title: str,
    arena: str,
    position: str = "",
    lobbyist=None,
    carriers=(),
    decisions=(),
) -> LobbyDossier:
    """Change a dossier's title, arena, position and the people and decisions behind it. Its
    confidentiality and published summary have their own steps and stay as they are."""
    dossier = LobbyDossier.objects.select_for_update().get(pk=dossier.pk)
    carriers_before = sorted(str(person) for person in dossier.carriers.all())
    decisions_before = sorted(dossier.decisions.values_list("pk", flat=True))
    dossier = audited_update(
        actor=actor,
        obj=dossier,
        verb="lobby_dossier_update",
        title=title.strip(),
        arena=arena,
        position=position,
        lobbyist=lobbyist,
    )
    dossier.carriers.set(carriers)
    dossier.decisions.set(decisions)
    carriers_after = sorted(str(person) for person in carriers)
    decisions_after = sorted(decision.pk for decision in decisions)
    if (carriers_before, decisions_before) != (carriers_after, decisions_after):
        audit_record_create(
            actor=actor,
            obj=dossier,
            action=AuditAction.UPDATE,
            verb="lobby_dossier_people_update",
            changes={
                "carriers": [carriers_before, carriers_after],
                "decisions": [decisions_before, decisions_after],
            },
        )
    return dossier


@transaction.atomic
def lobby_dossier_set_confidential(
    *, actor, dossier: LobbyDossier, confidential: bool
) -> LobbyDossier:
    """Marking a dossier confidential withdraws its published summary in the same step."""
    dossier = LobbyDossier.objects.select_for_update().get(pk=dossier.pk)
    values = {"confidential": confidential}
    if confidential:
        values["summary_published_at"] = None
    return audited_update(actor=actor, obj=dossier, verb="lobby_dossier_set_confidential", **values)


@transaction.atomic
def lobby_dossier_publish_summary(*, actor, dossier: LobbyDossier, summary: str) -> LobbyDossier:
    """Publish the dossier's public summary; refused while the dossier is confidential."""
    dossier = LobbyDossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.confidential:
        raise ValidationError(
            _("This dossier is confidential: its summary cannot be published."),
            code="confidential",
        )
    if not summary.strip():
        raise ValidationError(
            {"public_summary": _("Write the public summary first.")}, code="empty"
        )
    return audited_update(
        actor=actor,
        obj=dossier,
        verb="lobby_dossier_publish_summary",
        public_summary=summary.strip(),
        summary_published_at=timezone.now(),
    )


@transaction.atomic
def lobby_contact_add(
    *, actor, dossier: LobbyDossier, organisation: str, role: str
) -> LobbyContact:
    """A contact by organisation and role; a contact without organisation is refused."""
    contact = LobbyContact(dossier=dossier, organisation=organisation.strip(), role=role.strip())
    contact.full_clean()
    contact.save()
    audit_record_create(
        actor=actor,
        obj=dossier,
        action=AuditAction.UPDATE,
        verb="lobby_contact_add",
        changes={"contact": [None, str(contact)]},
    )
    return contact


@transaction.atomic
def external_moment_add(
    *,
    actor,
    dossier: LobbyDossier,
    title: str,
    date: datetime.date,
    preparing_body: Body | None = None,
    today: datetime.date | None = None,
) -> ExternalMoment:
    """A key external moment; one in the past cannot be prepared for and is refused."""
    today = today or timezone.localdate()
    if date < today:
        raise ValidationError(
            {"date": _("This moment is in the past: there is nothing left to prepare.")},
            code="moment_past",
        )
    moment = ExternalMoment(
        dossier=dossier, title=title.strip(), date=date, preparing_body=preparing_body
    )
    moment.full_clean()
    moment.save()
    audit_record_create(
        actor=actor,
        obj=dossier,
        action=AuditAction.UPDATE,
        verb="external_moment_add",
        changes={"moment": [None, f"{moment} {date.isoformat()}"]},
    )
    return moment
