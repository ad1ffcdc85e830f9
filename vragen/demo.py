"""Demo questions from council members: four answered (one kept closed, one asked through a
member's personal link when the gatherings register has one) and one past its answer date.
Every write goes through the services, so the audit trail is real. Idempotent: a question
with the same subject is left alone."""

import datetime

from django.utils import timezone

from gremia.models.registry import Organisation
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from raden.models.gatherings import GatheringRegistration
from regiobureau.models.meetings import Dossier
from vragen.models import CouncilQuestion
from vragen.services import question_answer, question_ask, question_assign, question_review

# (council slug, council member, subject, question, answer or None, reason to keep closed,
#  days ago it was asked)
QUESTIONS = [
    (
        "gemeente-texel",
        "Marjan Eelman",
        "Woningbouw op Texel binnen de Woondeal",
        "Hoeveel van de versnellingsmiddelen van de Woondeal komen ten goede aan woningbouw "
        "op Texel, en wanneer hoort de raad daarover?",
        "Texel ontvangt in 2026 een deel van de versnellingsmiddelen voor planvorming van "
        "circa 120 woningen. De raad ontvangt in het voorjaar een raadsinformatiebrief met de "
        "verdeling per gemeente.",
        "",
        40,
    ),
    (
        "gemeente-hoorn",
        "Ruud Kaag",
        "Bereikbaarheid bedrijventerreinen Westfrisiaweg",
        "Welke afspraken maakt de regio met de provincie over de ontsluiting van de "
        "bedrijventerreinen langs de Westfrisiaweg?",
        "De regio bespreekt de ontsluiting in het BO MIRT; de inzet is vastgelegd in de "
        "regionale bereikbaarheidsagenda, die de raden in de zomer ontvingen.",
        "",
        30,
    ),
    (
        "gemeente-den-helder",
        "Sanne Koster",
        "Arbeidsmarktregio en de marinehaven",
        "Hoe betrekt de regio de uitbreiding van de marinehaven bij de arbeidsmarktagenda?",
        "De uitbreiding is een van de speerpunten van de arbeidsmarktagenda; het werkgevers"
        "servicepunt stemt de werving af met Defensie.",
        "",
        25,
    ),
    (
        "gemeente-alkmaar",
        "Peter Jonk",
        "Kosten regionale aanpak dakloosheid",
        "Welke kosten draagt Alkmaar als centrumgemeente voor de regionale aanpak "
        "dakloosheid, per regiogemeente?",
        "De verdeling per gemeente staat in de bijlage bij dit antwoord.",
        "Bevat nog niet vastgestelde bedragen per gemeente uit lopende onderhandelingen.",
        20,
    ),
    (
        "gemeente-schagen",
        "Lotte Zeeman",
        "Energieopslag en netcongestie in de Kop",
        "Wat doet de regio aan netcongestie bij nieuwe bedrijven in de Kop van Noord-Holland?",
        None,
        "",
        21,
    ),
]


def load_demo_questions(*, report: LoadReport) -> None:
    secretary = User.objects.filter(email="secretaris@example.org").first()
    reviewer = User.objects.filter(email="reviewer@example.org").first()
    if secretary is None or reviewer is None:
        return
    dossier = Dossier.objects.order_by("pk").first()
    today = timezone.localdate()
    for slug, name, subject, text, answer, closed, days in QUESTIONS:
        if CouncilQuestion.objects.filter(subject=subject).exists():
            report.count("vragen van raadsleden", created=False)
            continue
        municipality = Organisation.objects.filter(slug=slug).first()
        if municipality is None:
            continue
        # Den Helder's question comes from a council member of its own in the gatherings
        # register, through her personal link (recorded in that member's name).
        through_link = (
            GatheringRegistration.objects.filter(municipality=municipality).order_by("pk").first()
            if slug == "gemeente-den-helder"
            else None
        )
        question = question_ask(
            actor=None if through_link else secretary,
            municipality=municipality,
            asker_name=name,
            asker_email=f"{name.split()[0].lower()}@raad.example.org",
            subject=subject,
            question=text,
            dossier=dossier if slug == "gemeente-texel" else None,
            registration=through_link,
            today=today - datetime.timedelta(days=days),
        )
        question_assign(actor=secretary, question=question, assignee=secretary)
        if answer is not None:
            question_answer(actor=secretary, question=question, answer=answer, closed_reason=closed)
            question_review(actor=reviewer, question=question)
        report.count("vragen van raadsleden", created=True)
