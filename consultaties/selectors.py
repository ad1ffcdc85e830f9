"""Reads of consultations: lists per role, the progress matrix, public views, deadlines
and the warnings (recess, a decision that needed a consultation and has none)."""

import datetime

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from consultaties import permissions
from consultaties.constants import (
    DEFAULT_TERM_WEEKS,
    REMINDER_DAYS,
    ConsultationStatus,
    NotaStatus,
    ResponseStatus,
)
from consultaties.models import Consultation, CouncilRecess, CouncilResponse, WorkingGroupAdvice
from gremia.models.registry import Organisation
from gremia.selectors.rules import rules_current
from nhn_portal.core.access import NotFound, is_secretariat
from nhn_portal.core.workdays import is_working_day, working_days_before
from raden.permissions import griffie_municipality
from raden.selectors.letters import municipalities
from regiobureau.models.decisions import Decision


def term_weeks(body) -> int:
    """The consultation term of `body`'s rules of play, else the NHN-wide rules, else 8."""
    for scope in (body, None):
        rules = rules_current(body=scope)
        if rules is not None and rules.consultation_term_weeks:
            return rules.consultation_term_weeks
    return DEFAULT_TERM_WEEKS


def working_days_after(day: datetime.date, count: int) -> datetime.date:
    """The working day `count` working days after `day` (`day` itself is not counted)."""
    current = day
    while count > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def default_deadline(*, body, opened_on: datetime.date) -> datetime.date:
    """The rules' term counted in working days (five a week) from the day it opens."""
    return working_days_after(opened_on, term_weeks(body) * 5)


def reminder_dates(deadline: datetime.date) -> dict[int, datetime.date]:
    """{14: day, 3: day}: the working days 14 and 3 working days before the deadline."""
    return {days: working_days_before(deadline, days) for days in REMINDER_DAYS}


def towns_asked(subregions) -> list[Organisation]:
    towns = municipalities()
    ids = [s.pk for s in subregions]
    if ids:
        towns = towns.filter(subregion_id__in=ids)
    return list(towns)


def recess_clashes(*, towns, start: datetime.date, end: datetime.date) -> list[CouncilRecess]:
    """The recesses of the asked councils that fall within the term."""
    return list(
        CouncilRecess.objects.filter(
            municipality__in=towns, starts_on__lte=end, ends_on__gte=start
        ).select_related("municipality")
    )


def consultations_for(user) -> list[Consultation]:
    qs = Consultation.objects.select_related("agenda_item__meeting__body").annotate(
        answered=Count(
            "responses",
            filter=Q(
                responses__status__in=[
                    ResponseStatus.RESPONDED,
                    ResponseStatus.NO_WISHES,
                    ResponseStatus.NOT_DEALT,
                ]
            ),
        ),
        asked=Count("responses"),
    )
    if is_secretariat(user):
        return list(qs)
    town = griffie_municipality(user)
    if town is None:
        return []
    return list(qs.filter(responses__municipality=town))


def access_consultation(*, user, pk: int) -> Consultation:
    consultation = (
        Consultation.objects.select_related("agenda_item__meeting__body", "final_decision")
        .filter(pk=pk)
        .first()
    )
    if consultation is None or not permissions.can_see(user, consultation):
        raise NotFound
    return consultation


def access_response(*, user, pk: int) -> CouncilResponse:
    """A response its own griffie may record; NotFound for anyone else."""
    response = (
        CouncilResponse.objects.select_related("consultation", "municipality").filter(pk=pk).first()
    )
    if response is None or not (permissions.can_respond(user, response) or is_secretariat(user)):
        raise NotFound
    return response


def matrix(consultation: Consultation) -> list[CouncilResponse]:
    """All councils asked, with their status, dates and lateness (the secretariat's matrix)."""
    return list(
        consultation.responses.select_related("municipality__subregion").order_by(
            "municipality__subregion__name", "municipality__name"
        )
    )


def public_consultations() -> list[Consultation]:
    """Consultations whose draft a visitor may see, newest first."""
    return list(public_consultations_qs())


def public_consultations_qs():
    """The same as a queryset, filtered in the database (permissions.public_q)."""
    return Consultation.objects.filter(permissions.public_q()).select_related(
        "agenda_item__meeting__body", "agenda_item__parent"
    )


def consultations_awaited(*, item, decided_on: datetime.date) -> list[Consultation]:
    """The consultations a decision adopted on `item` on `decided_on` would overtake: on
    the item itself, or on an item of the same dossier of the same body, not yet linked to
    a final decision, whose deadline has not yet passed."""
    on_item = Q(agenda_item=item)
    if item.dossier_id:
        on_item |= Q(
            agenda_item__dossier_id=item.dossier_id,
            agenda_item__meeting__body_id=item.meeting.body_id,
        )
    return list(
        Consultation.objects.filter(
            on_item, final_decision__isnull=True, deadline__gte=decided_on
        ).order_by("deadline", "pk")
    )


def public_responses(consultation: Consultation) -> list[CouncilResponse]:
    """What a visitor sees of the councils: each outcome as it arrives."""
    return [r for r in matrix(consultation) if r.has_outcome]


def open_for_griffie(user) -> list[CouncilResponse]:
    town = griffie_municipality(user)
    if town is None:
        return []
    return list(
        CouncilResponse.objects.filter(
            municipality=town,
            consultation__status=ConsultationStatus.OPEN,
            status__in=[ResponseStatus.ASKED, ResponseStatus.SCHEDULED],
        ).select_related("consultation")
    )


def nota_work(user) -> list[Consultation]:
    """For the secretariat, in one query: reactienota's due (past the deadline, still a
    draft) and those waiting for a reviewer other than their author."""
    if not is_secretariat(user):
        return []
    today = timezone.localdate()
    return list(
        Consultation.objects.filter(
            Q(deadline__lt=today, nota_status=NotaStatus.DRAFT)
            | (Q(nota_status=NotaStatus.REVIEW) & ~Q(nota_author=user))
        ).order_by("deadline", "pk")
    )


def decisions_missing_consultation(*, meeting=None) -> list[Decision]:
    """Decisions of bodies whose rules of play require a consultation, without one (of one
    meeting when given: the warning "consultatie ontbreekt" on its page)."""
    decisions = Decision.objects.filter(consultation__isnull=True).select_related(
        "item__meeting__body"
    )
    if meeting is not None:
        decisions = decisions.filter(item__meeting=meeting)
    needs: dict[int, bool] = {}
    missing = []
    for decision in decisions.filter(item__consultations__isnull=True):
        body = decision.item.meeting.body
        if body.pk not in needs:
            rules = rules_current(body=body)
            needs[body.pk] = bool(rules and rules.consultation_required)
        if needs[body.pk]:
            missing.append(decision)
    return missing


def council_public_consultations(municipality) -> list[Consultation]:
    """The public consultations a council was asked in, newest first (its Atom feed and iCal
    carry them and their deadlines)."""
    return list(
        Consultation.objects.filter(permissions.public_q(), responses__municipality=municipality)
        .select_related("agenda_item__meeting", "agenda_item__parent")
        .order_by("-opened_on", "-pk")
    )


def consultations_for_meeting(*, user, meeting) -> list[Consultation]:
    """The consultations on the meeting's items the reader may see, with how many councils
    have dealt with it ("besproken in 11 van de 17 raden"); one query."""
    qs = (
        Consultation.objects.filter(agenda_item__meeting=meeting)
        .select_related("agenda_item__meeting", "agenda_item__parent")
        .annotate(
            answered=Count(
                "responses",
                filter=Q(
                    responses__status__in=[
                        ResponseStatus.RESPONDED,
                        ResponseStatus.NO_WISHES,
                        ResponseStatus.NOT_DEALT,
                    ]
                ),
            ),
            asked=Count("responses"),
        )
        .order_by("pk")
    )
    return [c for c in qs if is_secretariat(user) or permissions.is_public(c)]


def working_group_advice(consultation: Consultation) -> list[WorkingGroupAdvice]:
    """The council working group's advice on the consultation (shown to whoever may see the
    consultation: its visibility is the consultation's)."""
    return list(consultation.working_group_advice.select_related("meeting__body"))


def access_advice(*, user, pk: int) -> WorkingGroupAdvice:
    advice = (
        WorkingGroupAdvice.objects.select_related("consultation__agenda_item__meeting")
        .filter(pk=pk)
        .first()
    )
    if advice is None or not permissions.can_see(user, advice.consultation):
        raise NotFound
    return advice


def working_group_meetings():
    """The meetings the working group's advice may come from: council gathering bodies'."""
    from gremia.constants import BodyKind
    from regiobureau.models.meetings import Meeting

    return (
        Meeting.objects.filter(body__kind=BodyKind.COUNCIL_GATHERING)
        .select_related("body")
        .order_by("-starts_at")
    )


def public_consultations_for_open_data() -> list[Consultation]:
    """The public consultations with what a visitor sees of them, for the open data (ORI,
    the Woo sitemap): each with `public_outcomes` (the responses with an outcome, per
    council), oldest first."""
    qs = (
        Consultation.objects.filter(permissions.public_q())
        .select_related(
            "agenda_item__meeting__body", "agenda_item__parent", "final_decision__item__meeting"
        )
        .prefetch_related(
            Prefetch(
                "responses",
                queryset=CouncilResponse.objects.filter(
                    status__in=[
                        ResponseStatus.RESPONDED,
                        ResponseStatus.NO_WISHES,
                        ResponseStatus.NOT_DEALT,
                    ]
                )
                .select_related("municipality")
                .order_by("municipality__name", "pk"),
                to_attr="public_outcomes",
            )
        )
        .order_by("pk")
    )
    return list(qs)
