"""Every change to a council member's question: one transaction with its audit record."""

import datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.constants import OrganisationKind
from gremia.models.registry import Organisation, Person
from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction, Role
from nhn_portal.core.mail import send_templated_mail, site_link
from nhn_portal.core.tasking import enqueue_on_commit
from nhn_portal.core.workdays import working_days_after
from raden.models.gatherings import GatheringRegistration
from vragen import permissions
from vragen.constants import ANSWER_WORKING_DAYS, LINK_MAX_AGE_DAYS, QuestionStatus
from vragen.models import CouncilQuestion

LINK_SALT = "vragen.question.link"
ANSWER_MAIL_TASK = "vragen.tasks.question_answer_mail"
LINK_MAIL_TASK = "vragen.tasks.question_link_mail"


def answer_due_for(day: datetime.date) -> datetime.date:
    """The answer date: ten working days after the day the question was asked."""
    return working_days_after(day, ANSWER_WORKING_DAYS)


# ---- The personal link from the gatherings register ---------------------------------------


def question_token(*, registration: GatheringRegistration) -> str:
    """A council member's personal link to ask the region a question: for that registration
    (name, address, council) only; nothing personal is readable in it."""
    return signing.TimestampSigner(salt=LINK_SALT).sign(str(registration.pk))


def question_link(*, registration: GatheringRegistration) -> str:
    token = question_token(registration=registration)
    return site_link(reverse("vragen:question_link", kwargs={"token": token}))


def registration_from_token(token: str) -> GatheringRegistration:
    """The registration a link was made for; a Dutch refusal for an altered or old link."""
    try:
        value = signing.TimestampSigner(salt=LINK_SALT).unsign(
            token, max_age=LINK_MAX_AGE_DAYS * 24 * 3600
        )
        return GatheringRegistration.objects.select_related("municipality").get(pk=int(value))
    except (signing.BadSignature, ValueError, GatheringRegistration.DoesNotExist):
        raise ValidationError(
            _("This link is not valid. Ask your griffie to put your question to the region."),
            code="bad_link",
        ) from None


@transaction.atomic
def question_link_send(*, actor, registration: GatheringRegistration) -> None:
    """Mail a council member from the gatherings register her personal question link; a
    griffie only for her own council."""
    if not permissions.can_ask_for(actor, registration.municipality):
        raise ValidationError(_("You can only do this for your own council."), code="other")
    audit_record_create(
        actor=actor, obj=registration, action=AuditAction.UPDATE, verb="question link sent"
    )
    enqueue_on_commit(LINK_MAIL_TASK, registration.pk)


def question_link_mail_send(*, registration_id: int) -> int:
    registration = GatheringRegistration.objects.get(pk=registration_id)
    return send_templated_mail(
        template="vragen/email/question_link",
        context={"name": registration.name, "link": question_link(registration=registration)},
        recipients=[registration.email],
    )


# ---- Asking, routing, answering, reviewing ------------------------------------------------


@transaction.atomic
def question_ask(
    *,
    actor,
    municipality: Organisation,
    asker_name: str,
    subject: str,
    question: str,
    asker_email: str = "",
    dossier=None,
    registration: GatheringRegistration | None = None,
    today=None,
) -> CouncilQuestion:
    """Record a question for a council: by its griffie (or the secretariat), or by the member
    herself through her personal link (`registration`, no account)."""
    if registration is not None:
        municipality = registration.municipality
        asker_name, asker_email = registration.name, registration.email
    elif not permissions.can_ask_for(actor, municipality):
        raise ValidationError(_("You can only do this for your own council."), code="other")
    if municipality.kind != OrganisationKind.MUNICIPALITY:
        raise ValidationError(_("A question is asked for a council."), code="not_council")
    now = timezone.now()
    if today is None:
        today = timezone.localdate(now)
    else:  # a question recorded afterwards (the demo's history): asked on that day
        now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(10)))
    obj = CouncilQuestion(
        municipality=municipality,
        asker_name=asker_name,
        asker_email=asker_email,
        asked_by=actor if getattr(actor, "is_authenticated", False) else None,
        registration=registration,
        dossier=dossier,
        subject=subject,
        question=question,
        asked_at=now,
        answer_due=answer_due_for(today),
    )
    return audited_create(
        actor=actor,
        obj=obj,
        verb="council question asked",
        changes={"through_link": registration is not None, "answer_due": str(obj.answer_due)},
    )


def _require_secretariat(actor) -> None:
    if not permissions.is_secretariat(actor):
        raise ValidationError(_("Only the regiobureau does this."), code="not_secretariat")


@transaction.atomic
def question_assign(*, actor, question: CouncilQuestion, assignee) -> CouncilQuestion:
    """Route the question to a named person at the regiobureau."""
    _require_secretariat(actor)
    if question.status == QuestionStatus.SENT:
        raise ValidationError(_("This question has been answered."), code="sent")
    return audited_update(
        actor=actor, obj=question, verb="council question assigned", assignee=assignee
    )


@transaction.atomic
def question_answer(
    *, actor, question: CouncilQuestion, answer: str, closed_reason: str = ""
) -> CouncilQuestion:
    """Write (or rewrite) the answer; it waits for a second person's review."""
    _require_secretariat(actor)
    question = CouncilQuestion.objects.select_for_update().get(pk=question.pk)
    if question.status == QuestionStatus.SENT:
        raise ValidationError(_("This question has been answered."), code="sent")
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer.")}, code="empty")
    return audited_update(
        actor=actor,
        obj=question,
        verb="council question answered",
        answer=answer,
        closed_reason=closed_reason.strip(),
        status=QuestionStatus.DRAFTED,
        answered_by=actor,
        answered_at=timezone.now(),
        assignee=question.assignee or actor,
    )


@transaction.atomic
def question_review(*, actor, question: CouncilQuestion) -> CouncilQuestion:
    """Four eyes: someone other than the author approves the answer; it is sent to the asking
    council and to all the griffies, and published unless a reason keeps it closed."""
    _require_secretariat(actor)
    question = CouncilQuestion.objects.select_for_update().get(pk=question.pk)
    if question.status != QuestionStatus.DRAFTED:
        raise ValidationError(_("There is no answer to review."), code="no_answer")
    if question.answered_by_id == actor.pk:
        raise ValidationError(
            _("Someone other than the author reviews the answer."), code="four_eyes"
        )
    audited_update(
        actor=actor,
        obj=question,
        verb="council question answer reviewed and sent",
        status=QuestionStatus.SENT,
        reviewed_by=actor,
        sent_at=timezone.now(),
    )
    enqueue_on_commit(ANSWER_MAIL_TASK, question.pk)
    return question


def griffie_addresses() -> list[str]:
    """The e-mail addresses of the griffies of all the councils."""
    return list(
        Person.objects.filter(
            organisation__kind=OrganisationKind.MUNICIPALITY,
            user__groups__name=Role.CLERK.value,
            user__is_active=True,
        )
        .values_list("user__email", flat=True)
        .distinct()
    )


def question_answer_send(*, question_id: int) -> int:
    """Mail the reviewed answer to the council member and to the griffies of all councils."""
    question = CouncilQuestion.objects.select_related("municipality").get(pk=question_id)
    if question.status != QuestionStatus.SENT:
        return 0
    recipients = [question.asker_email, *griffie_addresses()]
    return send_templated_mail(
        template="vragen/email/question_answered",
        context={"question": question, "link": site_link(question.get_absolute_url())},
        recipients=recipients,
    )
