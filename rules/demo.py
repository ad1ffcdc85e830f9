"""Demo of the rules adoption: the stuurgroep's meeting of two weeks ago, held, adopted
version 2 of the NHN-wide spelregelnotitie (drafted by gremia's demo) by a decision, linked to
the version."""

from django.utils import timezone

from gremia.constants import RulesStatus
from gremia.models.registry import Body
from gremia.models.rules import RulesOfPlay
from gremia.reference import STEERING_GROUP
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from regiobureau.constants import DecisionOutcome, MeetingStatus
from regiobureau.demo.agendas import DECISION, SECRETARY_EMAIL, Item
from regiobureau.demo.meetings import demo_meeting_create
from regiobureau.models.meetings import Meeting
from regiobureau.services.decisions import decision_record
from regiobureau.services.meetings import meeting_set_status
from rules.models import RulesAdoption
from rules.services import rules_of_play_adopt_by_decision

RULES_MEETING_TITLE = "Stuurgroep: spelregelnotitie (demo)"
RULES_ITEM_TITLE = "Spelregelnotitie NHN, versie 2"
DAYS_AGO = 14


def load_demo_rules_adoption(*, report: LoadReport | None = None) -> RulesAdoption | None:
    adoption = RulesAdoption.objects.filter(rules__body__isnull=True).first()
    if adoption is not None:
        if report is not None:
            report.count("spelregels vastgesteld bij besluit (demo)", created=False)
        return adoption
    rules = RulesOfPlay.objects.filter(body__isnull=True, status=RulesStatus.DRAFT).first()
    body = Body.objects.filter(slug=STEERING_GROUP).first()
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    if rules is None or body is None or body.is_dissolved():
        if report is not None:
            report.note("spelregels (demo): geen concept of geen stuurgroep, overgeslagen")
        return None
    meeting = Meeting.objects.filter(title=RULES_MEETING_TITLE).first() or demo_meeting_create(
        actor, body, -DAYS_AGO, True, [Item(RULES_ITEM_TITLE, DECISION)], {},
        title=RULES_MEETING_TITLE,
    )  # fmt: skip
    if meeting.status == MeetingStatus.AGENDA_PUBLISHED and meeting.starts_at < timezone.now():
        meeting_set_status(actor=actor, meeting=meeting, status=MeetingStatus.HELD)
    item = meeting.items.get(title=RULES_ITEM_TITLE)
    decision = item.decisions.first() or decision_record(
        actor=actor,
        item=item,
        text=(
            "De stuurgroep stelt versie 2 van de spelregelnotitie NHN vast, met de korte "
            "reflectie na elke vergadering."
        ),
        outcome=DecisionOutcome.ADOPTED,
    )
    adoption = rules_of_play_adopt_by_decision(actor=actor, rules=rules, decision=decision)
    if report is not None:
        report.count("spelregels vastgesteld bij besluit (demo)", created=True)
    return adoption
