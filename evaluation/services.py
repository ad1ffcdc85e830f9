"""Writes of the evaluation after each meeting: a member who sat at the
table answers once, anonymously; the daily beat invites them once per meeting; the
secretariat makes the half-year summary PDF and puts it on the stuurgroep's next agenda.

Anonymity (see evaluation/models.py): the answer and the receipt are written in
one transaction, neither points at the other, and the audit record says only that the person
answered the evaluation of the meeting — never what.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from evaluation.models import (
    EvaluationAnswer,
    EvaluationInvitation,
    EvaluationReceipt,
    EvaluationSummary,
)
from evaluation.selectors import (
    EVALUATED_STATUSES,
    EVALUATION_SUMMARY,
    EVALUATION_TERM_DAYS,
    evaluation_deadline,
    evaluation_is_open,
    evaluation_respondents,
    half_year_complete_on,
    half_year_label,
    next_steering_group_meeting,
)
from gremia.models.registry import Body, Person
from gremia.selectors.registry import person_address
from nhn_portal.core.audit import audit_record_create
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.production.selectors import generated_document_current
from nhn_portal.core.production.services import document_generation_request
from regiobureau.constants import Confidentiality, ItemPurpose
from regiobureau.models.meetings import AgendaItem, Meeting
from regiobureau.services.agenda import agenda_item_create
from regiobureau.services.documents import document_upload


def _refuse_second() -> ValidationError:
    return ValidationError(
        _("You have already answered the evaluation of this meeting; it can be answered once."),
        code="already_answered",
    )


@transaction.atomic
def evaluation_answer(
    *,
    actor,
    meeting: Meeting,
    person: Person,
    useful: int,
    heard: int,
    pace: str,
    remark: str = "",
    today: datetime.date | None = None,
) -> EvaluationReceipt:
    """Record one member's reflection on a held meeting: the answer without the person, and
    the receipt that the person answered (a second answer is refused)."""
    # The meeting's row lock puts answers of one meeting in line; the unique receipt is the
    # database's guarantee besides.
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    if not evaluation_is_open(meeting, today):
        raise ValidationError(
            _(
                "The evaluation of this meeting is not open (it opens once the meeting is held "
                "and closes %(days)s days after it)."
            )
            % {"days": EVALUATION_TERM_DAYS},
            code="closed",
        )
    if person.pk not in {p.pk for p in evaluation_respondents(meeting)}:
        raise ValidationError(
            _("Only those present at the meeting evaluate it."), code="not_present"
        )
    if EvaluationReceipt.objects.filter(meeting=meeting, person=person).exists():
        raise _refuse_second()
    answer = EvaluationAnswer(
        meeting=meeting, useful=useful, heard=heard, pace=pace, remark=(remark or "").strip()
    )
    answer.full_clean()
    receipt = EvaluationReceipt(meeting=meeting, person=person)
    try:
        with transaction.atomic():
            receipt.save()
    except IntegrityError:
        raise _refuse_second() from None
    answer.save()
    audit_record_create(
        actor=actor,
        obj=receipt,
        action=AuditAction.CREATE,
        verb="evaluation_answer",
        changes={"meeting": meeting.pk},
    )
    return receipt


def evaluation_invite(*, today: datetime.date | None = None) -> int:
    """Mail everyone who sat at a meeting held in the last EVALUATION_TERM_DAYS days and has
    neither been invited nor answered: once per member per meeting. Returns the mails sent."""
    today = today or timezone.localdate()
    meetings = Meeting.objects.filter(
        status__in=EVALUATED_STATUSES,
        starts_at__date__gte=today - datetime.timedelta(days=EVALUATION_TERM_DAYS),
        starts_at__date__lte=today,
    ).select_related("body")
    sent = 0
    for meeting in meetings:
        if not evaluation_is_open(meeting, today):
            continue
        for person in evaluation_respondents(meeting):
            sent += _invite_one(meeting=meeting, person=person)
    return sent


@transaction.atomic
def _invite_one(*, meeting: Meeting, person: Person) -> int:
    invitation, created = EvaluationInvitation.objects.select_for_update().get_or_create(
        meeting=meeting, person=person
    )
    if not created:
        return 0
    audit_record_create(
        actor=None, obj=invitation, action=AuditAction.CREATE, verb="evaluation_invite"
    )
    if EvaluationReceipt.objects.filter(meeting=meeting, person=person).exists():
        return 0
    return send_templated_mail(
        template="evaluation/email/evaluation_invite",
        context={
            "meeting": meeting,
            "person": person,
            "deadline": evaluation_deadline(meeting),
            "link": site_link(reverse("evaluation:evaluation_form", kwargs={"pk": meeting.pk})),
        },
        recipients=[person_address(person)],
    )


@transaction.atomic
def evaluation_summary_request(
    *, actor, body: Body, year: int, half: int, today: datetime.date | None = None
) -> EvaluationSummary:
    """Make (or make again) the half-year summary PDF of a body; the half year must be
    complete, so no answer can change it afterwards."""
    today = today or timezone.localdate()
    complete_on = half_year_complete_on(year, half)
    if today < complete_on:
        raise ValidationError(
            _(
                "The summary of %(period)s can be made from %(date)s, when no answers can "
                "arrive any more."
            )
            % {
                "period": half_year_label(year, half),
                "date": date_format(complete_on, "j F Y"),
            },
            code="half_year_running",
        )
    summary, created = EvaluationSummary.objects.select_for_update().get_or_create(
        body=body, year=year, half=half
    )
    if created:
        audit_record_create(
            actor=actor, obj=summary, action=AuditAction.CREATE, verb="evaluation_summary_create"
        )
    document_generation_request(
        actor=actor, subject=summary, kind=EVALUATION_SUMMARY, audience=summary.period
    )
    return summary


def summary_item_title(summary: EvaluationSummary) -> str:
    # Dutch on purpose: the agenda item's title is part of the archival agenda.
    half = "eerste" if summary.half == 1 else "tweede"
    return f"Evaluatie vergaderingen {summary.body.name}, {half} halfjaar {summary.year}"


@transaction.atomic
def evaluation_summary_place(
    *, actor, summary: EvaluationSummary, now: datetime.datetime | None = None
) -> AgendaItem:
    """Put the summary's current PDF on the stuurgroep's next agenda: an item for discussion
    with the PDF as its stuk (vertrouwelijk, as the PDF itself: for the stuurgroep's members;
    the secretariat may make it public on the stuk's page)."""
    summary = (
        EvaluationSummary.objects.select_for_update(of=("self",))
        .select_related("body", "agenda_item__meeting")
        .get(pk=summary.pk)
    )
    if summary.agenda_item_id is not None:
        raise ValidationError(
            _("This summary is already on the agenda of %(meeting)s.")
            % {"meeting": summary.agenda_item.meeting},
            code="already_placed",
        )
    document = generated_document_current(
        subject=summary, kind=EVALUATION_SUMMARY, audience=summary.period
    )
    if document is None:
        raise ValidationError(_("Make the summary's PDF first."), code="no_pdf")
    meeting = next_steering_group_meeting(now=now)
    if meeting is None:
        raise ValidationError(
            _("Plan the next meeting of the stuurgroep first."), code="no_next_meeting"
        )
    title = summary_item_title(summary)
    item = agenda_item_create(
        actor=actor,
        meeting=meeting,
        expected_version=None,
        title=title,
        purpose=ItemPurpose.DISCUSSION,
        description=(
            "<p>Halfjaarlijkse samenvatting van de evaluaties na elke vergadering: trends, "
            "geen individuele antwoorden.</p>"
        ),
    )
    with document.file.open("rb") as handle:
        content = handle.read()
    document_upload(
        actor=actor,
        item=item,
        title=title,
        confidentiality=Confidentiality.CONFIDENTIAL,
        upload=SimpleUploadedFile(document.filename, content, content_type="application/pdf"),
    )
    summary.agenda_item = item
    summary.save(update_fields=["agenda_item", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=summary,
        action=AuditAction.UPDATE,
        verb="evaluation_summary_place",
        changes={"meeting": meeting.pk, "agenda_item": item.pk, "version": document.version},
    )
    return item
