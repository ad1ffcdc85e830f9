"""Demo decisions, actions and a council letter (issue 5) on an earlier Platform Wonen meeting.

The platform's previous meeting, two weeks ago, is created here, held, and given its decisions,
actions and council letter; its open actions then show on the upcoming demo meeting's
actielijst. `load_demo_council_letters()` is idempotent: once the demo meeting has its council
letter, nothing is done again. All writes go through the services (the same audit trail as real
use). The letter's 17 PDFs are rendered here, synchronously through the document pipeline's own
service, so the demo shows copies in several states without a running worker.
"""

import datetime

from django.utils import timezone

from gremia.constants import DecisionRule, MembershipRole
from gremia.models import Body, Membership, Organisation, Person, Subregion
from gremia.services import registry_object_save
from nhn_portal.core import production
from nhn_portal.core.audit import snapshot
from nhn_portal.core.models import User
from regiobureau import decision_services
from regiobureau import services as meeting_services
from regiobureau.constants import DecisionOutcome, MeetingStatus
from regiobureau.demo import (
    DECISION,
    ZUIDRAND_ANNOTATION,
    Item,
    demo_meeting_create,
    ensure_dossiers,
    woondeal_annotation,
    woondeal_subregion_items,
)
from regiobureau.models import Meeting

from . import services
from .constants import DeliveryStatus
from .models import CouncilLetter

BODY_SLUG = "platform-wonen"
MEETING_TITLE = "Wonen, vorige vergadering (demo)"
DAYS_AGO = 14
# The previous meeting's agenda; its stukken are left out, since uploading them now would be
# after that meeting's deadline and flag them late.
AGENDA = [
    Item(
        "Woondeal NHN: voortgang en versnellingsmaatregelen",
        DECISION,
        "woondeal-nhn",
        minutes=45,
        annotation=woondeal_annotation("Ter besluitvorming in het platform."),
        subs=woondeal_subregion_items(),
    ),
    Item(
        "Grondposities Zuidrand: onderhandelingsruimte",
        DECISION,
        public=False,
        minutes=20,
        annotation=ZUIDRAND_ANNOTATION,
    ),
]
SECRETARY_EMAIL = "secretaris@example.org"
LETTER_TITLE = "Woondeal NHN: versnellingsmaatregelen (demo)"


def load_demo_council_letters(*, stdout=None) -> CouncilLetter | None:
    """Create and hold the previous Platform Wonen meeting, record its decisions and actions,
    and issue a council letter to the 17 councils with deliveries in several states."""
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    meeting = Meeting.objects.select_related("body").filter(title=MEETING_TITLE).first()
    if meeting is None:
        body = Body.objects.filter(slug=BODY_SLUG).first()
        if body is None or body.is_dissolved():
            _say(stdout, "  raadsinformatiebrief (demo): geen Platform Wonen, overgeslagen")
            return None
        meeting = demo_meeting_create(
            actor, body, -DAYS_AGO, True, AGENDA, ensure_dossiers(actor), title=MEETING_TITLE
        )
    existing = CouncilLetter.objects.filter(meeting=meeting).first()
    if existing is not None:
        _say(stdout, "  raadsinformatiebrief (demo): al aanwezig")
        return existing
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED:
        meeting_services.meeting_set_status(actor=actor, meeting=meeting, status=MeetingStatus.HELD)
    _majority_rule(actor, meeting)
    woondeal = _record_decisions(actor, meeting)
    _record_actions(actor, meeting)
    letter = _issue_letter(actor, meeting, woondeal)
    _say(stdout, "  raadsinformatiebrief (demo): besluiten, acties en 17 brieven aangemaakt")
    return letter


def _say(stdout, text: str) -> None:
    if stdout is not None:
        stdout.write(text)


def _majority_rule(actor, meeting) -> None:
    # The demo shows a vote: the Platform Wonen decides by majority (a rule of play the
    # stuurgroep may set per body). Only a body still on the default rule is changed.
    body = meeting.body
    if body.decision_rule == DecisionRule.CONSENSUS:
        before = snapshot(body, ["decision_rule"])
        body.decision_rule = DecisionRule.MAJORITY
        registry_object_save(actor=actor, obj=body, fields=["decision_rule"], before=before)


def _record_decisions(actor, meeting):
    items = {item.title: item for item in meeting.items.all()}
    day = timezone.localtime(meeting.starts_at).date()
    voters = list(
        Membership.objects.current(day)
        .filter(body=meeting.body, role__in=[MembershipRole.CHAIR, MembershipRole.MEMBER])
        .order_by("person__name")
        .values_list("person_id", flat=True)
    )
    choices = ["voor", "voor", "tegen", "onthouding", "voor"]
    woondeal = decision_services.decision_record(
        actor=actor,
        item=items["Woondeal NHN: voortgang en versnellingsmaatregelen"],
        text=(
            "Het platform neemt kennis van de voortgang van de Woondeal en stemt in met de "
            "versnellingsmaatregelen, waaronder extra capaciteit voor planvorming in de Kop "
            "van Noord-Holland en West-Friesland."
        ),
        votes=dict(zip(voters, choices, strict=False)),
    )
    if "West-Friesland: flexwonen" in items:
        decision_services.decision_record(
            actor=actor,
            item=items["West-Friesland: flexwonen"],
            text="Het platform neemt kennis van de aanpak flexwonen in West-Friesland.",
            outcome=DecisionOutcome.NOTED,
        )
    if "Grondposities Zuidrand: onderhandelingsruimte" in items:
        decision_services.decision_record(
            actor=actor,
            item=items["Grondposities Zuidrand: onderhandelingsruimte"],
            text="Aangehouden tot na de nieuwe taxatie.",
            outcome=DecisionOutcome.POSTPONED,
        )
    return woondeal


def _working_day(day: datetime.date) -> datetime.date:
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def _thursday_from(day: datetime.date) -> datetime.date:
    """The first Thursday from `day` on, outside the Christmas recess (21 December – 6 January)."""
    day += datetime.timedelta(days=(3 - day.weekday()) % 7)
    while (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 6):
        day += datetime.timedelta(days=7)
    return day


def _record_actions(actor, meeting) -> None:
    today = timezone.localdate()
    item = meeting.items.filter(title__startswith="Woondeal").first()
    # Demo persons are found by their e-mail address (gremia.demo.person_email).
    kramer = Person.objects.filter(email="bas.kramer@example.org").first()
    peeters = Person.objects.filter(email="iris.peeters@example.org").first()
    schagen = Organisation.objects.filter(slug="gemeente-schagen").first()
    # The demo bestuurder (chair of the platform) has something to do as well.
    chair = Person.objects.filter(user__email="bestuurder@example.org").first()
    specs = [
        (
            chair,
            None,
            today + datetime.timedelta(days=10),
            "Bestuurlijk overleg met de provincie over de versnellingsmiddelen voorbereiden.",
        ),
        (
            kramer,
            None,
            today - datetime.timedelta(days=5),
            "Notitie netcongestie en woningbouw in de Kop aanleveren (achterstallig).",
        ),
        (
            peeters,
            None,
            today + datetime.timedelta(days=14),
            "Regionale aanpak flexwonen afstemmen met de woningcorporaties.",
        ),
        (
            None,
            schagen,
            today + datetime.timedelta(days=30),
            "Planlijst woningbouw Schagen actualiseren voor de monitor.",
        ),
    ]
    for person, organisation, deadline, description in specs:
        if person is None and organisation is None:
            continue
        decision_services.action_item_create(
            actor=actor,
            meeting=meeting,
            item=item,
            description=description,
            deadline=_working_day(deadline),
            owner_person=person,
            owner_organisation=organisation,
        )


def _issue_letter(actor, meeting, woondeal) -> CouncilLetter:
    contact = Person.objects.filter(user__email=SECRETARY_EMAIL).first()
    letter = services.council_letter_create(
        actor=actor,
        meeting=meeting,
        title=LETTER_TITLE,
        intro=(
            "Het Platform Wonen van de regionale samenwerking Noord-Holland Noord heeft "
            "besloten over de voortgang van de Woondeal en de versnellingsmaatregelen. Met "
            "deze brief informeren wij uw raad."
        ),
        contact_person=contact,
    )
    services.council_letter_item_add(
        actor=actor,
        letter=letter,
        decision=woondeal,
        text=(
            "De regio versnelt de woningbouw met extra capaciteit voor planvorming. Uw "
            "gemeente kan een beroep doen op deze capaciteit; het college informeert u over "
            "de projecten in uw gemeente."
        ),
    )
    kop = Subregion.objects.filter(name="Kop van Noord-Holland").first()
    if kop is not None:
        services.council_letter_paragraph_set(
            actor=actor,
            letter=letter,
            subregion=kop,
            text=(
                "In de Kop van Noord-Holland blijft de bouwproductie achter door netcongestie. "
                "De extra capaciteit gaat daarom eerst naar projecten in uw basisregio."
            ),
        )
    services.council_letter_adopt(actor=actor, letter=letter)
    deliveries = services.council_letter_issue(actor=actor, letter=letter)
    # Render here rather than wait for a worker; the worker later finds the jobs done.
    for delivery in deliveries:
        production.document_generation_run(job_id=delivery.job_id)
    services.deliveries_sync(letter=letter)
    _walk_griffie_steps(letter)
    return letter


def _walk_griffie_steps(letter) -> None:
    by_slug = {d.municipality.slug: d for d in letter.deliveries.select_related("municipality")}
    texel_clerk = User.objects.filter(email="griffie.texel@example.org").first()
    hoorn_clerk = User.objects.filter(email="griffie.hoorn@example.org").first()
    texel = by_slug.get("gemeente-texel")
    if texel and texel.status == DeliveryStatus.AVAILABLE:
        services.delivery_mark_downloaded(actor=texel_clerk, delivery=texel)
        services.delivery_confirm_receipt(actor=texel_clerk, delivery=texel)
    hoorn = by_slug.get("gemeente-hoorn")
    if hoorn and hoorn.status == DeliveryStatus.AVAILABLE:
        services.delivery_mark_downloaded(actor=hoorn_clerk, delivery=hoorn)
        services.delivery_schedule(
            actor=hoorn_clerk,
            delivery=hoorn,
            # Councils meet on weekday evenings: the first Thursday four weeks or more ahead.
            council_date=_thursday_from(timezone.localdate() + datetime.timedelta(days=28)),
            link="https://hoorn.raadsinformatie.example.org/vergadering/demo",
        )
    # Two more councils have downloaded their copy (by a griffie without a demo login).
    for slug in ("gemeente-alkmaar", "gemeente-den-helder"):
        delivery = by_slug.get(slug)
        if delivery and delivery.status == DeliveryStatus.AVAILABLE:
            services.delivery_mark_downloaded(actor=None, delivery=delivery)
