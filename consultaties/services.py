"""Writes of a consultation: open it (and issue its letter through raden), record a
council's steps under an optimistic lock, answer the responses in the reactienota under
four eyes, link the final decision, and the reminders. Every write is audited in its own
transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from consultaties import permissions
from consultaties.constants import (
    OUTCOMES,
    REACTIENOTA,
    ConsultationStatus,
    Effect,
    NotaStatus,
    ResponseStatus,
)
from consultaties.models import (
    Consultation,
    CouncilRecess,
    CouncilResponse,
    WorkingGroupAdvice,
)
from consultaties.selectors import (
    consultations_awaited,
    default_deadline,
    reminder_dates,
    towns_asked,
)
from gremia.constants import BodyKind
from gremia.selectors.registry import clerk_addresses
from nhn_portal.core.access import NotFound, require_secretariat
from nhn_portal.core.audit import audit_record_create, audited_create
from nhn_portal.core.constants import AuditAction
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.production.services import document_generation_request
from nhn_portal.core.search import search_entries_refresh
from nhn_portal.core.uploads import check_upload
from raden.services.composing import (
    council_letter_adopt,
    council_letter_create,
    council_letter_item_add,
)
from raden.services.issuing import council_letter_issue
from regiobureau.models.decisions import Decision


@transaction.atomic
def consultation_open(
    *,
    actor,
    agenda_item,
    title: str,
    question: str,
    subregions=(),
    deadline: datetime.date | None = None,
    opened_on: datetime.date | None = None,
    issue_letter: bool = True,
) -> Consultation:
    """Put a draft decision to the councils: one response row per council asked, and the
    question as a council letter issued through raden (its PDF per council, the griffie's
    mail and to-do line). The deadline defaults to the rules of play's term in working days."""
    require_secretariat(actor)
    opened_on = opened_on or timezone.localdate()
    body = agenda_item.meeting.body
    deadline = deadline or default_deadline(body=body, opened_on=opened_on)
    if deadline <= opened_on:
        raise ValidationError({"deadline": _("The deadline lies after the day it opens.")})
    towns = towns_asked(subregions)
    if not towns:
        raise ValidationError(_("There are no councils to consult."), code="no_councils")
    consultation = Consultation(
        agenda_item=agenda_item,
        title=(title or "").strip(),
        question=(question or "").strip(),
        opened_on=opened_on,
        deadline=deadline,
    )
    audited_create(actor=actor, obj=consultation, verb="consultation_open")
    consultation.subregions.set(subregions)
    CouncilResponse.objects.bulk_create(
        CouncilResponse(consultation=consultation, municipality=town) for town in towns
    )
    if issue_letter:
        consultation.letter = _issue_letter(actor, consultation)
        consultation.save(update_fields=["letter", "updated_at"])
    search_entries_refresh(objects=[consultation])
    return consultation


@transaction.atomic
def consultation_letter_issue(*, actor, consultation: Consultation):
    """Issue the question letter of a consultation opened without one (issue_letter=False):
    to the councils asked only. Refused when it has one."""
    require_secretariat(actor)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.letter_id:
        raise ValidationError(_("The councils already have this consultation's letter."))
    consultation.letter = _issue_letter(actor, consultation)
    consultation.save(update_fields=["letter", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=consultation,
        action=AuditAction.UPDATE,
        verb="consultation_letter_issue",
        changes={"letter": consultation.letter_id},
    )
    return consultation.letter


def _issue_letter(actor, consultation: Consultation):
    """The question as an ordinary council letter on the draft's meeting."""
    item = consultation.agenda_item
    letter = council_letter_create(
        actor=actor,
        meeting=item.meeting,
        title=_("Consultation: %(title)s") % {"title": consultation.title},
        intro=_(
            "The regional cooperation asks your council for its wishes and objections before "
            "this decision is taken. Please respond by %(deadline)s."
        )
        % {"deadline": consultation.deadline.strftime("%d-%m-%Y")},
    )
    council_letter_item_add(
        actor=actor, letter=letter, agenda_item=item, text=consultation.question
    )
    council_letter_adopt(actor=actor, letter=letter)
    council_letter_issue(actor=actor, letter=letter, municipality_ids=_asked_ids(consultation))
    return letter


def _asked_ids(consultation: Consultation) -> list[int]:
    """The councils asked (one response row each): the letters go to them only."""
    return list(consultation.responses.values_list("municipality_id", flat=True))


def _locked_update(*, actor, response: CouncilResponse, version: int, verb: str, **values):
    """Write `values` only when nobody changed the response since `version` was read; the
    version goes up with every change, so a second, stale save is refused, never lost.
    Only the council's own griffie; `actor=None` is the system (the demo load)."""
    if actor is not None and not permissions.can_respond(actor, response):
        raise NotFound
    changed = CouncilResponse.objects.filter(pk=response.pk, version=version).update(
        version=F("version") + 1, updated_at=timezone.now(), **values
    )
    if not changed:
        raise ValidationError(
            _(
                "Someone else changed this council's response in the meantime. Reload the page "
                "and check it before saving again."
            ),
            code="stale",
        )
    response.refresh_from_db()
    audit_record_create(
        actor=actor,
        obj=response,
        action=AuditAction.UPDATE,
        verb=verb,
        changes={k: str(v) for k, v in values.items() if k != "stuk"},
    )
    return response


@transaction.atomic
def response_schedule(
    *, actor, response: CouncilResponse, version: int, agenda_body: str, agenda_date
) -> CouncilResponse:
    """The griffie put it on the agenda of the committee or the council."""
    if response.has_outcome:
        raise ValidationError(_("The outcome has already been recorded."), code="done")
    if not agenda_body or agenda_date is None:
        raise ValidationError(_("Give the committee or council and the date."))
    return _locked_update(
        actor=actor,
        response=response,
        version=version,
        verb="consultation_response_schedule",
        status=ResponseStatus.SCHEDULED,
        agenda_body=agenda_body,
        agenda_date=agenda_date,
    )


@transaction.atomic
def response_record(
    *,
    actor,
    response: CouncilResponse,
    version: int,
    outcome: str,
    outcome_date=None,
    text: str = "",
    stuk=None,
    today: datetime.date | None = None,
) -> CouncilResponse:
    """The outcome: a response the council adopted (date, text, its decision or motion),
    "no wishes or objections" or "not dealt with". After the deadline it is still kept,
    marked late."""
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    text = (text or "").strip()
    if outcome == ResponseStatus.RESPONDED and (not text or outcome_date is None):
        raise ValidationError(
            _("A response needs its text and the date the council adopted it."), code="incomplete"
        )
    values = {
        "status": outcome,
        "outcome_date": outcome_date,
        "text": text,
        "recorded_at": timezone.now(),
        "recorded_by": actor,
        "is_late": (today or timezone.localdate()) > response.consultation.deadline,
    }
    if stuk is not None:
        checked = check_upload(stuk)
        saved = CouncilResponse._meta.get_field("stuk").generate_filename(response, stuk.name)
        from django.core.files.storage import default_storage

        values["stuk"] = default_storage.save(saved, checked.upload)
    updated = _locked_update(
        actor=actor,
        response=response,
        version=version,
        verb="consultation_response_record",
        **values,
    )
    search_entries_refresh(objects=[updated.consultation])
    return updated


@transaction.atomic
def response_answer(
    *, actor, response: CouncilResponse, summary: str, answer: str, effect: str, reason: str = ""
) -> CouncilResponse:
    """The reactienota's answer to one response, after the deadline, while in draft."""
    require_secretariat(actor)
    consultation = response.consultation
    if timezone.localdate() <= consultation.deadline:
        raise ValidationError(
            _("The responses are answered after the deadline."), code="before_deadline"
        )
    if consultation.nota_status != NotaStatus.DRAFT:
        raise ValidationError(_("The reactienota is no longer a draft."), code="not_draft")
    if effect not in Effect.values:
        raise ValidationError({"effect": _("Choose what the response changed.")})
    if effect == Effect.NOT and not reason.strip():
        raise ValidationError({"effect_reason": _("Say why it was not taken over.")})
    response.summary, response.answer = summary.strip(), answer.strip()
    response.effect, response.effect_reason = effect, reason.strip()
    response.save(update_fields=["summary", "answer", "effect", "effect_reason", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=response,
        action=AuditAction.UPDATE,
        verb="consultation_response_answer",
        changes={"effect": effect},
    )
    return response


@transaction.atomic
def nota_submit(*, actor, consultation: Consultation) -> Consultation:
    """The author hands the reactienota to a second person: every response answered first."""
    require_secretariat(actor)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.nota_status != NotaStatus.DRAFT:
        raise ValidationError(_("The reactienota is no longer a draft."), code="not_draft")
    if consultation.responses.filter(status=ResponseStatus.RESPONDED, effect="").exists():
        raise ValidationError(_("Answer every council's response first."), code="unanswered")
    consultation.nota_status = NotaStatus.REVIEW
    consultation.nota_author = actor
    consultation.save(update_fields=["nota_status", "nota_author", "updated_at"])
    audit_record_create(
        actor=actor, obj=consultation, action=AuditAction.UPDATE, verb="consultation_nota_submit"
    )
    return consultation


@transaction.atomic
def nota_review(*, actor, consultation: Consultation, approve: bool) -> Consultation:
    """Four eyes: someone other than the author adopts it (and its PDF is made) or sends it
    back to draft."""
    require_secretariat(actor)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.nota_status != NotaStatus.REVIEW:
        raise ValidationError(_("The reactienota is not awaiting review."), code="not_review")
    if consultation.nota_author_id == actor.pk:
        raise ValidationError(
            _("Someone other than its author reviews the reactienota."), code="own_nota"
        )
    consultation.nota_reviewer = actor
    if approve:
        consultation.nota_status = NotaStatus.ADOPTED
        consultation.nota_adopted_at = timezone.now()
        consultation.status = ConsultationStatus.CLOSED
    else:
        consultation.nota_status = NotaStatus.DRAFT
    consultation.save(
        update_fields=["nota_status", "nota_reviewer", "nota_adopted_at", "status", "updated_at"]
    )
    audit_record_create(
        actor=actor,
        obj=consultation,
        action=AuditAction.UPDATE,
        verb="consultation_nota_adopt" if approve else "consultation_nota_return",
    )
    if approve:
        nota_render(actor=actor, consultation=consultation)
        search_entries_refresh(objects=[consultation])
    return consultation


def nota_render(*, actor, consultation: Consultation):
    """Ask the pipeline for the reactienota's PDF (producers.py); rendered after the commit."""
    return document_generation_request(
        actor=actor, subject=consultation, kind=REACTIENOTA, audience="public"
    )


@transaction.atomic
def final_decision_link(
    *, actor, consultation: Consultation, decision: Decision, urgency_reason: str = ""
) -> Consultation:
    """The final decision on the draft: refused before the deadline unless the reason for
    the haste ("spoed") is recorded, and only on the consultation's own agenda item's
    dossier body (a decision of the same body)."""
    require_secretariat(actor)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    # The reason may have been recorded on the decision when it was adopted (adoption_check).
    urgency_reason = (urgency_reason or "").strip() or decision.urgency_reason.strip()
    decided_on = timezone.localdate(decision.created_at)
    if decided_on <= consultation.deadline and not urgency_reason:
        raise ValidationError(
            _(
                "The decision was taken before the councils' deadline: record the reason "
                "for the haste."
            ),
            code="before_deadline",
        )
    consultation.final_decision = decision
    consultation.urgency_reason = urgency_reason
    consultation.save(update_fields=["final_decision", "urgency_reason", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=consultation,
        action=AuditAction.UPDATE,
        verb="consultation_final_decision",
        changes={"decision": decision.pk, "urgency_reason": urgency_reason},
    )
    search_entries_refresh(objects=[consultation])
    return consultation


@transaction.atomic
def working_group_advice_add(
    *,
    actor,
    consultation: Consultation,
    text: str,
    advised_on: datetime.date,
    meeting=None,
    stuk=None,
) -> WorkingGroupAdvice:
    """Attach the council working group's advice to a consultation (the secretariat records
    it): its text, date, the working group's meeting (a council gathering body's meeting)
    and the advice as a stuk when there is one."""
    require_secretariat(actor)
    text = (text or "").strip()
    if not text or advised_on is None:
        raise ValidationError(_("Give the advice and its date."), code="incomplete")
    if meeting is not None and meeting.body.kind != BodyKind.COUNCIL_GATHERING:
        raise ValidationError(
            {"meeting": _("Choose a meeting of the council working group.")}, code="not_group"
        )
    advice = WorkingGroupAdvice(
        consultation=consultation,
        text=text,
        advised_on=advised_on,
        meeting=meeting,
        recorded_by=actor,
    )
    if stuk is not None:
        checked = check_upload(stuk)
        advice.stuk.save(stuk.name, checked.upload, save=False)
    audited_create(actor=actor, obj=advice, verb="consultation_working_group_advice")
    search_entries_refresh(objects=[consultation])
    return advice


def adoption_check(*, item, urgency_reason: str, decided_on: datetime.date) -> None:
    """Registered with regiobureau (consultaties/portal.py): a decision is not adopted on a
    draft the councils are still consulted on (the item, or its dossier at the same body)
    before their deadline, unless the reason for the haste is recorded on it."""
    if (urgency_reason or "").strip():
        return
    waiting = consultations_awaited(item=item, decided_on=decided_on)
    if waiting:
        raise ValidationError(
            _(
                "The councils are consulted on this draft until %(deadline)s (“%(title)s”). "
                "Record the reason for deciding before the deadline, or wait for it."
            )
            % {
                "deadline": waiting[0].deadline.strftime("%d-%m-%Y"),
                "title": waiting[0].title,
            },
            code="before_deadline",
        )


@transaction.atomic
def recess_add(*, actor, municipality, label: str, starts_on, ends_on) -> CouncilRecess:
    if not permissions.can_edit_recess(actor, municipality):
        raise NotFound
    recess = CouncilRecess(
        municipality=municipality, label=label, starts_on=starts_on, ends_on=ends_on
    )
    audited_create(actor=actor, obj=recess, verb="council_recess_add")
    return recess


@transaction.atomic
def recess_remove(*, actor, recess: CouncilRecess) -> None:
    if not permissions.can_edit_recess(actor, recess.municipality):
        raise NotFound
    audit_record_create(
        actor=actor, obj=recess, action=AuditAction.DELETE, verb="council_recess_remove"
    )
    recess.delete()


def reminders_send(today: datetime.date | None = None) -> int:
    """The beat: mail the griffies that have not responded, 14 and 3 working days before the
    deadline; each reminder once per council (recorded on the response)."""
    today = today or timezone.localdate()
    sent = 0
    for consultation in Consultation.objects.filter(
        status=ConsultationStatus.OPEN, deadline__gt=today
    ):
        due = [days for days, day in reminder_dates(consultation.deadline).items() if day == today]
        for days in due:
            waiting = consultation.responses.filter(
                status__in=[ResponseStatus.ASKED, ResponseStatus.SCHEDULED]
            ).select_related("municipality")
            for response in waiting:
                if days in response.reminded_days:
                    continue
                sent += _remind(consultation, response, days)
    return sent


@transaction.atomic
def _remind(consultation, response, days: int) -> int:
    response = CouncilResponse.objects.select_for_update().get(pk=response.pk)
    if days in response.reminded_days:
        return 0
    response.reminded_days = [*response.reminded_days, days]
    response.save(update_fields=["reminded_days", "updated_at"])
    audit_record_create(
        actor=None,
        obj=response,
        action=AuditAction.UPDATE,
        verb="consultation_reminder",
        changes={"days": days},
    )
    url = site_link(reverse("consultaties:detail", kwargs={"pk": consultation.pk}))
    recipients = clerk_addresses(organisation_id=response.municipality_id)
    transaction.on_commit(
        lambda: send_templated_mail(
            template="consultaties/email/reminder",
            context={"consultation": consultation, "days": days, "url": url},
            recipients=recipients,
        )
    )
    return 1


@transaction.atomic
def final_letter_issue(*, actor, consultation: Consultation):
    """The reactienota with the final decision to every council asked, as a council letter on
    the decision's meeting (its PDF per council, the griffie's mail and to-do line)."""
    require_secretariat(actor)
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.final_letter_id:
        raise ValidationError(_("The councils already have the final decision."), code="sent")
    if not consultation.nota_is_adopted or consultation.final_decision is None:
        raise ValidationError(
            _("Adopt the reactienota and link the final decision first."), code="not_ready"
        )
    decision = consultation.final_decision
    letter = council_letter_create(
        actor=actor,
        meeting=decision.item.meeting,
        title=_("Reactienota and decision: %(title)s") % {"title": consultation.title},
        intro=_(
            "Your council gave its wishes and objections on this draft decision. The "
            "reactienota answers each council's response; it is on the public page of the "
            "consultation. This is the decision that was taken."
        ),
    )
    council_letter_item_add(actor=actor, letter=letter, decision=decision, text=decision.text)
    council_letter_adopt(actor=actor, letter=letter)
    # "Each council receives the reactienota with the final decision": each council asked.
    council_letter_issue(actor=actor, letter=letter, municipality_ids=_asked_ids(consultation))
    consultation.final_letter = letter
    consultation.save(update_fields=["final_letter", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=consultation,
        action=AuditAction.UPDATE,
        verb="consultation_final_letter",
        changes={"letter": letter.pk},
    )
    return letter
