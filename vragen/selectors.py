"""Reading the questions of council members: a griffie sees her own council's questions, the
secretariat all; the public only sent answers that no recorded reason keeps closed."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.constants import OrganisationKind
from gremia.models.registry import Organisation
from nhn_portal.core.constants import Role
from nhn_portal.core.portal import COUNCILS, TodoLine
from nhn_portal.core.templatetags.nhn_dates import format_date
from raden.models.gatherings import GatheringRegistration
from vragen import permissions
from vragen.constants import QuestionStatus
from vragen.models import CouncilQuestion

_RELATED = ("municipality", "dossier", "assignee", "answered_by", "reviewed_by")


def questions_for(user, *, municipality_id=None, dossier_id=None) -> QuerySet[CouncilQuestion]:
    """The questions the user may follow (none for anyone who does not work with them),
    optionally of one council or one dossier."""
    qs = CouncilQuestion.objects.select_related(*_RELATED)
    if not permissions.is_secretariat(user):
        own = permissions.griffie_municipality(user)
        if own is None:
            return qs.none()
        qs = qs.filter(municipality=own)
    if municipality_id:
        qs = qs.filter(municipality_id=municipality_id)
    if dossier_id:
        qs = qs.filter(dossier_id=dossier_id)
    return qs


def access_question(*, user, pk: int) -> CouncilQuestion:
    try:
        return questions_for(user).get(pk=pk)
    except CouncilQuestion.DoesNotExist:
        raise Http404 from None


def public_questions() -> QuerySet[CouncilQuestion]:
    """Sent answers that are published: never one with a reason to keep it closed."""
    return (
        CouncilQuestion.objects.filter(status=QuestionStatus.SENT, closed_reason="")
        .select_related("municipality", "dossier")
        .order_by("-sent_at", "-pk")
    )


def public_question(pk: int) -> CouncilQuestion:
    try:
        return public_questions().get(pk=pk)
    except CouncilQuestion.DoesNotExist:
        raise Http404 from None


def council_counts(user) -> list[dict]:
    """Per council: how many questions, how many still open (the overview per council)."""
    rows = {}
    for question in questions_for(user):
        row = rows.setdefault(
            question.municipality_id,
            {"municipality": question.municipality, "total": 0, "open": 0},
        )
        row["total"] += 1
        row["open"] += question.status != QuestionStatus.SENT
    return sorted(rows.values(), key=lambda row: row["municipality"].name)


def municipalities() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).order_by("name")


def overdue_questions(*, today=None) -> QuerySet[CouncilQuestion]:
    today = today or timezone.localdate()
    return (
        CouncilQuestion.objects.filter(answer_due__lt=today)
        .exclude(status=QuestionStatus.SENT)
        .select_related("municipality", "assignee")
        .order_by("answer_due", "pk")
    )


def overdue_lines(user) -> list[TodoLine]:
    """The secretariat's to-do list: each question past its answer date, unanswered or
    waiting for review (the secretaries', not the beheerder's)."""
    if Role.SECRETARY.value not in getattr(user, "role_names", ()):
        return []
    return [
        TodoLine(
            text=_("Answer the question from %(council)s: %(subject)s")
            % {"council": question.municipality, "subject": question.subject},
            url=question.get_absolute_url(),
            when=question.answer_due,
            why=_("answer date %(date)s has passed") % {"date": format_date(question.answer_due)},
            group=COUNCILS,
        )
        for question in overdue_questions()
    ]


def registrations_for_links(user) -> list[GatheringRegistration]:
    """The council members in the gatherings register who can get a personal question link:
    one per e-mail address, of the griffie's own council (the secretariat: all)."""
    qs = GatheringRegistration.objects.select_related("municipality").order_by(
        "municipality__name", "name", "-registered_at"
    )
    if not permissions.is_secretariat(user):
        own = permissions.griffie_municipality(user)
        if own is None:
            return []
        qs = qs.filter(municipality=own)
    seen, rows = set(), []
    for registration in qs:
        key = registration.email.lower()
        if key not in seen:
            seen.add(key)
            rows.append(registration)
    return rows


def access_registration(*, user, pk: int) -> GatheringRegistration:
    for registration in registrations_for_links(user):
        if registration.pk == pk:
            return registration
    raise Http404


def assignable_users():
    from nhn_portal.core.models import User

    return (
        User.objects.filter(
            Q(groups__name=Role.SECRETARY.value) | Q(groups__name=Role.MANAGER.value),
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def public_url(question: CouncilQuestion) -> str:
    return reverse("vragen:public_detail", kwargs={"pk": question.pk})
