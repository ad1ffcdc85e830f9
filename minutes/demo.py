"""The demo's draft minutes: the held Platform Wonen meeting has a concept verslag
written by the secretariat, a short account per main item (the closed item's too), not yet
sent to the members."""

from minutes.models import Minutes
from minutes.selectors import minutes_for
from minutes.services import minutes_entry_save
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from regiobureau.constants import MeetingStatus
from regiobureau.demo.agendas import PREVIOUS_MEETING_TITLE, SECRETARY_EMAIL
from regiobureau.models.meetings import Meeting

# Item title → its account (Dutch, as the secretariat writes it).
DEMO_ACCOUNTS = {
    "Opening en mededelingen": (
        "De voorzitter opent de vergadering en heet de leden welkom. Er zijn geen mededelingen."
    ),
    "Woondeal NHN: voortgang en versnellingsmaatregelen": (
        "Het regiobureau licht de voortgang van de Woondeal toe: de productie ligt in de Kop "
        "van Noord-Holland achter op schema, West-Friesland ligt op koers. De leden vragen "
        "naar de capaciteit voor planvorming; het regiobureau zegt een overzicht per "
        "gemeente toe. Het platform stemt in met de versnellingsmaatregelen."
    ),
    "Grondposities Zuidrand: onderhandelingsruimte": (
        "De leden bespreken de onderhandelingsruimte voor de grondposities. Het besluit "
        "wordt aangehouden tot na de nieuwe taxatie."
    ),
    "Rondvraag": "Geen vragen.",
    "Sluiting": "De voorzitter sluit de vergadering.",
}


def load_demo_minutes(*, report: LoadReport | None = None) -> Minutes | None:
    actor = User.objects.filter(email=SECRETARY_EMAIL).first()
    meeting = Meeting.objects.filter(
        title=PREVIOUS_MEETING_TITLE, status=MeetingStatus.HELD
    ).first()
    if actor is None or meeting is None:
        return None
    existing = minutes_for(meeting)
    if existing is not None:
        if report is not None:
            report.count("verslagen (demo)", created=False)
        return existing
    for item in meeting.items.filter(parent=None).order_by("position"):
        text = DEMO_ACCOUNTS.get(item.title)
        if text:
            minutes_entry_save(actor=actor, item=item, expected_version=0, text=text)
    if report is not None:
        report.count("verslagen (demo)", created=True)
    return minutes_for(meeting)
