"""Writes of the forward agenda (issue 10): plan a topic for a body and month, remove it, and
turn it into an agenda item of that body's meeting with one click."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gremia.models import Body
from nhn_portal.core.audit import audit_record_create
from nhn_portal.core.constants import AuditAction
from regiobureau.constants import ItemPurpose
from regiobureau.models.meetings import AgendaItem, Dossier, Meeting
from regiobureau.models.planning import PlannedTopic
from regiobureau.services.agenda import agenda_item_create


@transaction.atomic
def planned_topic_create(
    *,
    actor,
    body: Body,
    month: datetime.date,
    title: str,
    dossier: Dossier | None = None,
    council_letter: bool = False,
    note: str = "",
) -> PlannedTopic:
    topic = PlannedTopic(
        body=body,
        month=datetime.date(month.year, month.month, 1),
        title=(title or "").strip(),
        dossier=dossier,
        council_letter=council_letter,
        note=(note or "").strip(),
    )
    topic.full_clean()
    topic.save()
    audit_record_create(
        actor=actor, obj=topic, action=AuditAction.CREATE, verb="planned_topic_create"
    )
    return topic


@transaction.atomic
def planned_topic_delete(*, actor, topic: PlannedTopic) -> None:
    audit_record_create(
        actor=actor, obj=topic, action=AuditAction.DELETE, verb="planned_topic_delete"
    )
    topic.delete()


@transaction.atomic
def planned_topic_schedule(*, actor, topic: PlannedTopic, meeting: Meeting) -> AgendaItem:
    """Put the planned topic on the agenda of `meeting` (a meeting of the same body)."""
    topic = PlannedTopic.objects.select_for_update().get(pk=topic.pk)
    if topic.agenda_item_id is not None:
        raise ValidationError(_("This topic is already on an agenda."), code="scheduled")
    if meeting.body_id != topic.body_id:
        raise ValidationError(
            _("A planned topic goes on the agenda of a meeting of its own body."),
            code="wrong_body",
        )
    item = agenda_item_create(
        actor=actor,
        meeting=meeting,
        expected_version=None,
        title=topic.title,
        purpose=ItemPurpose.DISCUSSION,
        description=topic.note,
        dossier=topic.dossier,
    )
    topic.agenda_item = item
    topic.save(update_fields=["agenda_item", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=topic,
        action=AuditAction.UPDATE,
        verb="planned_topic_schedule",
        changes={"meeting": meeting.pk, "agenda_item": item.pk},
    )
    return item
