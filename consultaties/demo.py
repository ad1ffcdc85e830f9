"""Demo consultations of the councils for `manage.py load_nhn --demo`.

One closed: the regional housing agenda, put to the 17 councils before the Platform Wonen's
previous meeting (12 responses, 3 "geen wensen en bedenkingen", 2 not dealt with), answered in
an adopted reactienota, its final decision linked. One open on a coming public meeting's item,
past its deadline with mixed statuses, one council late, so the griffies and the secretariat
have work waiting. Also the recess periods of the two demo griffies' councils, and the letters
through raden: each consultation's question to the councils asked, and for the closed one the
reactienota with the final decision, with per-council copies received, scheduled and
discussed. Idempotent: a consultation that exists (by title) is left as it is; a letter is
issued once and a copy's step is taken only when the copy has not moved yet. All writes go
through the services."""

import datetime

from django.utils import timezone

from consultaties.constants import AgendaBody, Effect, ResponseStatus
from consultaties.models import Consultation, CouncilRecess
from consultaties.selectors import working_days_after
from consultaties.services import (
    consultation_letter_issue,
    consultation_open,
    final_decision_link,
    final_letter_issue,
    nota_review,
    nota_submit,
    recess_add,
    response_answer,
    response_record,
    response_schedule,
)
from gremia.models.registry import Organisation
from nhn_portal.core.models import GenerationJob, User
from nhn_portal.core.production.services import document_generation_run
from nhn_portal.core.seeding import LoadReport
from nhn_portal.core.workdays import working_day_on_or_before, working_days_before
from raden.constants import Addressee, AgendaForum, DeliveryStatus, DiscussionOutcome
from raden.services.delivery import (
    delivery_confirm_receipt,
    delivery_mark_downloaded,
    delivery_schedule,
)
from raden.services.discussions import letter_discussion_record
from raden.services.issuing import deliveries_sync
from regiobureau.constants import MeetingStatus
from regiobureau.demo.agendas import PREVIOUS_MEETING_TITLE, SECRETARY_EMAIL
from regiobureau.demo.meetings import REVIEWER_EMAIL
from regiobureau.models.meetings import AgendaItem

CLOSED_TITLE = "Regionale woonagenda NHN 2026–2030 (demo)"
WOONDEAL_ITEM = "Woondeal NHN: voortgang en versnellingsmaatregelen"
GRIFFIES = {
    "gemeente-texel": "griffie.texel@example.org",
    "gemeente-hoorn": "griffie.hoorn@example.org",
}
# The closed consultation: which councils did what (by slug); the rest adopted a response.
CLOSED_NO_WISHES = ("gemeente-enkhuizen", "gemeente-medemblik", "gemeente-opmeer")
CLOSED_NOT_DEALT = ("gemeente-heiloo", "gemeente-koggenland")
EFFECTS = (Effect.ADOPTED, Effect.PARTLY, Effect.NOT)
RESPONSE_TEXT = (
    "De raad van {town} kan zich vinden in de richting van de woonagenda, maar vraagt de regio "
    "om meer aandacht voor betaalbare woningen voor jongeren en ouderen in de kernen."
)


def _user(email):
    return User.objects.filter(email=email).first()


def _towns() -> dict[str, Organisation]:
    return {
        town.slug: town
        for town in Organisation.objects.filter(kind="gemeente", slug__startswith="gemeente-")
    }


def _actor_for(slug):
    """The council's demo griffie, or the system (councils without a demo login)."""
    return _user(GRIFFIES[slug]) if slug in GRIFFIES else None


def _thursday_on_or_before(day: datetime.date) -> datetime.date:
    day -= datetime.timedelta(days=(day.weekday() - 3) % 7)
    return working_day_on_or_before(day)


def load_demo_consultations(*, report: LoadReport | None = None) -> list[Consultation]:
    secretary = _user(SECRETARY_EMAIL)
    if secretary is None:
        return []
    _recesses()
    made = []
    closed = Consultation.objects.filter(title=CLOSED_TITLE).first()
    if report is not None:
        report.count("demo-consultaties", created=closed is None)
    if closed is None:
        closed = _closed(secretary)
    if closed is not None:
        made.append(closed)
    item = _open_draft()
    if item is not None:
        existing = Consultation.objects.filter(agenda_item=item).first()
        if report is not None:
            report.count("demo-consultaties", created=existing is None)
        made.append(existing or _open(secretary, item))
    for consultation in made:
        _letters(secretary, consultation)
    return made


def _render(letter) -> None:
    """Render the copies here rather than wait for a worker (as raden's demo does); the
    worker later finds the jobs done."""
    jobs = set(letter.deliveries.exclude(job=None).values_list("job_id", flat=True))
    for job_id in sorted(jobs):
        document_generation_run(job_id=job_id)
    deliveries_sync(letter=letter)


def _letters(secretary, consultation: Consultation) -> None:
    """The consultation's letters, issued once, and what the councils did with their copies."""
    consultation.refresh_from_db()
    if consultation.letter_id is None:
        _render(consultation_letter_issue(actor=secretary, consultation=consultation))
        consultation.refresh_from_db()
    if (
        consultation.nota_is_adopted
        and consultation.final_decision_id
        and consultation.final_letter_id is None
    ):
        _render(final_letter_issue(actor=secretary, consultation=consultation))
        consultation.refresh_from_db()
    responses = {r.municipality_id: r for r in consultation.responses.all()}
    _walk_copies(consultation.letter, responses, discuss=True)
    if consultation.final_letter_id:
        _walk_copies(consultation.final_letter, {}, discuss=False)


def _walk_copies(letter, responses, *, discuss: bool) -> None:
    """Per council: the copy downloaded and received; scheduled for the council on the date
    the griffie gave the consultation; the two demo griffies record it discussed (with
    its outcome once the date has passed). A copy that moved already is left alone."""
    today = timezone.localdate()
    copies = letter.deliveries.filter(addressee=Addressee.COUNCIL).select_related("municipality")
    for index, copy in enumerate(copies.order_by("municipality__name")):
        slug = copy.municipality.slug
        actor = _actor_for(slug)
        response = responses.get(copy.municipality_id)
        if copy.status == DeliveryStatus.AVAILABLE and (index % 4 != 3 or slug in GRIFFIES):
            copy = delivery_mark_downloaded(actor=actor, delivery=copy)
            if response is not None and response.agenda_date:
                copy = delivery_schedule(
                    actor=actor, delivery=copy, council_date=response.agenda_date
                )
            elif index % 2 == 0 or slug in GRIFFIES:
                copy = delivery_confirm_receipt(actor=actor, delivery=copy)
        if (
            discuss
            and actor is not None
            and response is not None
            and response.agenda_date
            and not copy.discussions.exists()
        ):
            forum = (
                AgendaForum.COMMITTEE
                if response.agenda_body == AgendaBody.COMMITTEE
                else AgendaForum.COUNCIL
            )
            letter_discussion_record(
                actor=actor,
                delivery=copy,
                forum=forum,
                agenda_date=response.agenda_date,
                outcome=DiscussionOutcome.DISCUSSED if response.agenda_date <= today else "",
            )


def _recesses() -> None:
    year = timezone.localdate().year
    towns = _towns()
    for slug, email in GRIFFIES.items():
        town = towns.get(slug)
        if town is None or CouncilRecess.objects.filter(municipality=town).exists():
            continue
        clerk = _user(email)
        for label, start, end in (
            ("Zomerreces", datetime.date(year, 7, 11), datetime.date(year, 8, 23)),
            ("Kerstreces", datetime.date(year, 12, 19), datetime.date(year + 1, 1, 4)),
        ):
            recess_add(actor=clerk, municipality=town, label=label, starts_on=start, ends_on=end)


def _closed(secretary) -> Consultation | None:
    item = (
        AgendaItem.objects.filter(meeting__title=PREVIOUS_MEETING_TITLE, title=WOONDEAL_ITEM)
        .select_related("meeting")
        .first()
    )
    decision = item.decisions.first() if item else None
    if decision is None:
        return None
    meeting_day = timezone.localtime(item.meeting.starts_at).date()
    opened_on = working_days_before(meeting_day, 50)
    deadline = working_days_after(opened_on, 40)
    consultation = consultation_open(
        actor=secretary,
        agenda_item=item,
        title=CLOSED_TITLE,
        question=(
            "Het Platform Wonen vraagt uw raad om wensen en bedenkingen bij de ontwerp-"
            "woonagenda: de verdeling van de bouwopgave over de basisregio’s, het aandeel "
            "betaalbare woningen en de versnellingsmaatregelen."
        ),
        opened_on=opened_on,
        deadline=deadline,
        issue_letter=False,
    )
    towns = {r.municipality.slug: r for r in consultation.responses.select_related("municipality")}
    for index, (slug, response) in enumerate(sorted(towns.items())):
        actor = _actor_for(slug)
        agenda_day = _thursday_on_or_before(deadline - datetime.timedelta(days=7 + index % 3 * 7))
        response = response_schedule(
            actor=actor,
            response=response,
            version=response.version,
            agenda_body=AgendaBody.COUNCIL,
            agenda_date=agenda_day,
        )
        if slug in CLOSED_NOT_DEALT:
            outcome, text = ResponseStatus.NOT_DEALT, ""
        elif slug in CLOSED_NO_WISHES:
            outcome, text = ResponseStatus.NO_WISHES, ""
        else:
            outcome = ResponseStatus.RESPONDED
            text = RESPONSE_TEXT.format(town=response.municipality.name)
        response_record(
            actor=actor,
            response=response,
            version=response.version,
            outcome=outcome,
            outcome_date=agenda_day,
            text=text,
            today=agenda_day,
        )
    for index, response in enumerate(
        consultation.responses.filter(status=ResponseStatus.RESPONDED).order_by("pk")
    ):
        effect = EFFECTS[index % 3]
        response_answer(
            actor=secretary,
            response=response,
            summary="Meer betaalbare woningen voor jongeren en ouderen in de kernen.",
            answer=(
                "Het platform neemt een minimum van 30% betaalbare woningen per basisregio op."
                if effect != Effect.NOT
                else "De verdeling per kern is aan de gemeente zelf."
            ),
            effect=effect,
            reason="de woonagenda regelt de verdeling per basisregio, niet per kern"
            if effect == Effect.NOT
            else "",
        )
    nota_submit(actor=secretary, consultation=consultation)
    reviewer = _user(REVIEWER_EMAIL)
    if reviewer is not None:
        nota_review(actor=reviewer, consultation=consultation, approve=True)
        # Render here rather than wait for a worker; the worker later finds the job done.
        for job in GenerationJob.objects.filter(kind="reactienota", object_id=consultation.pk):
            document_generation_run(job_id=job.pk)
    final_decision_link(actor=secretary, consultation=consultation, decision=decision)
    return consultation


def _open_draft() -> AgendaItem | None:
    """A public item of a coming public meeting whose agenda is out: the open draft."""
    return (
        AgendaItem.objects.filter(
            meeting__starts_at__gt=timezone.now(),
            meeting__status=MeetingStatus.AGENDA_PUBLISHED,
            meeting__is_public=True,
            meeting__body__slug="platform-wonen",
            is_public=True,
            parent__isnull=True,
            standard_key="",
            purpose="besluitvorming",
        )
        .order_by("meeting__starts_at", "position")
        .first()
    )


def _open(secretary, item) -> Consultation:
    today = timezone.localdate()
    deadline = working_days_before(today, 3)
    opened_on = working_days_before(deadline, 40)
    consultation = consultation_open(
        actor=secretary,
        agenda_item=item,
        title=item.title,
        question=(
            "Wij vragen uw raad om wensen en bedenkingen bij dit ontwerpbesluit voordat het "
            "platform het neemt."
        ),
        opened_on=opened_on,
        deadline=deadline,
        issue_letter=False,
    )
    rows = {r.municipality.slug: r for r in consultation.responses.select_related("municipality")}
    plan = sorted(rows)
    on_time_day = working_days_before(deadline, 5)
    for index, slug in enumerate(plan):
        response = rows[slug]
        actor = _actor_for(slug)
        if slug == "gemeente-hoorn":
            continue  # asked, nothing recorded yet: the Hoorn griffie's to-do
        if slug == "gemeente-texel":
            response_schedule(
                actor=actor,
                response=response,
                version=response.version,
                agenda_body=AgendaBody.COMMITTEE,
                agenda_date=_thursday_on_or_before(today + datetime.timedelta(days=13)),
            )
            continue
        if slug == "gemeente-alkmaar":  # responded, after the deadline: late
            response_record(
                actor=actor,
                response=response,
                version=response.version,
                outcome=ResponseStatus.RESPONDED,
                outcome_date=working_day_on_or_before(today),
                text=RESPONSE_TEXT.format(town=response.municipality.name),
                today=today,
            )
            continue
        kind = index % 4
        if kind == 0:
            response_schedule(
                actor=actor,
                response=response,
                version=response.version,
                agenda_body=AgendaBody.COUNCIL,
                agenda_date=_thursday_on_or_before(today + datetime.timedelta(days=20)),
            )
        elif kind in (1, 2):
            response_record(
                actor=actor,
                response=response,
                version=response.version,
                outcome=ResponseStatus.RESPONDED if kind == 1 else ResponseStatus.NO_WISHES,
                outcome_date=on_time_day,
                text=RESPONSE_TEXT.format(town=response.municipality.name) if kind == 1 else "",
                today=on_time_day,
            )
    return consultation
