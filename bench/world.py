"""The data the web benchmarks and the load test run against.

Run by bench/suite.py and bench/load in a throw-away database (DATABASE_URL, MEDIA_ROOT and
DEBUG=true set by the caller): the NHN reference and demo data (`load_nhn --demo`), then

- a published meeting of the Platform Wonen with 80 agenda items, each with an annotation and
  three stukken (one vertrouwelijk, every seventh item closed), and one with 10 such items;
- 50 council letters sent to all 17 councils, so the distribution dashboard and the griffie's
  list have 50 rows;

and prints one JSON object: logged-in session cookies per role and the URLs to measure.
Not a test; numbers vary per machine.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nhn_portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

ANNOTATION = (
    "<p>Het portefeuillehoudersoverleg bespreekt de voortgang van het regionale "
    "woningbouwprogramma. In de eerste helft van het jaar zijn in de basisregio's samen "
    "1.240 woningen opgeleverd, waarvan 38 procent in het betaalbare segment.</p>"
    "<p>De vertraging bij drie grote locaties komt door netcongestie en "
    "stikstofvergunningen; het regiobureau stelt voor de versnellingsmiddelen te verschuiven "
    "naar kleinere inbreidingslocaties.</p>"
)
DEMO_EMAILS = {
    "secretary": "secretaris@example.org",
    "member": "bestuurder@example.org",
    "officer": "ambtenaar@example.org",
    "griffie": "griffie.texel@example.org",
}


def big_meeting(*, secretary, body, items: int, days: int):
    """A published meeting of `body` with `items` items, each annotated with three stukken."""
    from regiobureau.constants import ANNOTATION_FIELDS, AnnotationStatus
    from regiobureau.models.annotations import Annotation
    from regiobureau.models.documents import Document, DocumentVersion
    from regiobureau.models.meetings import AgendaItem
    from regiobureau.services.meetings import meeting_create, meeting_publish_agenda

    starts = timezone.now().replace(microsecond=0, second=0) + datetime.timedelta(days=days)
    meeting = meeting_create(
        actor=secretary,
        body=body,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        is_public=True,
        title=f"{body.name} — werkbijeenkomst met {items} agendapunten",
        location="Gemeentehuis Alkmaar, raadzaal",
        online_url="",
    )
    first = meeting.items.order_by("position").last().position + 1
    created = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            position=first + number,
            title=f"Woningbouwprogramma, deelproject {number}: voortgang en ijkpunten",
            purpose="besluitvorming" if number % 3 else "informatie",
            is_public=number % 7 != 0,
        )
        for number in range(1, items + 1)
    )
    # Adopted, as the members read them (a concept never adopted is hidden from them).
    adopted = {"core_message": ANNOTATION, "proposal": "<p>Instemmen.</p>"}
    Annotation.objects.bulk_create(
        Annotation(
            agenda_item=item,
            status=AnnotationStatus.ADOPTED,
            adopted_content={name: adopted.get(name, "") for name in ANNOTATION_FIELDS},
            adopted_number=1,
            adopted_at=starts - datetime.timedelta(days=7),
            **adopted,
        )
        for item in created
    )
    documents = Document.objects.bulk_create(
        Document(agenda_item=item, title=f"Stuk {n} bij punt {item.position}", confidentiality=c)
        for item in created
        for n, c in enumerate(["openbaar", "vertrouwelijk", "openbaar"], start=1)
    )
    DocumentVersion.objects.bulk_create(
        DocumentVersion(
            document=document,
            number=1,
            file=f"stukken/{document.pk}/stuk.pdf",
            original_name="stuk.pdf",
            content_type="application/pdf",
            size=120_000,
            sha256="0" * 64,
        )
        for document in documents
    )
    meeting.refresh_from_db()
    meeting_publish_agenda(
        actor=secretary, meeting=meeting, expected_version=meeting.agenda_version
    )
    return meeting, created[0]


def readable_stuk(item):
    """A public stuk of `item` with its version as current (the bulk load above sets none), so
    the viewer opens it; only this one, so the other pages' figures stay comparable."""
    document = item.documents.filter(confidentiality="openbaar").order_by("pk")[0]
    document.current_version = document.versions.get()
    document.save(update_fields=["current_version"])
    return document


def sent_letters(*, meeting, count: int) -> None:
    """`count` council letters on `meeting`, sent to all 17 councils, in bulk (no PDFs made:
    the pages list them, they do not open the files)."""
    from gremia.constants import OrganisationKind
    from gremia.models.registry import Organisation
    from raden.constants import DeliveryStatus, LetterStatus, RenderStatus
    from raden.models.letters import CouncilLetter, CouncilLetterDelivery

    now = timezone.now()
    towns = list(Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).order_by("name"))
    letters = CouncilLetter.objects.bulk_create(
        CouncilLetter(
            meeting=meeting,
            title=f"Voortgang woningbouwprogramma, deel {number}",
            intro="Het Platform Wonen informeert u over de voortgang.",
            status=LetterStatus.SENT,
            adopted_at=now,
            issued_at=now - datetime.timedelta(days=number),
        )
        for number in range(1, count + 1)
    )
    statuses = [DeliveryStatus.AVAILABLE, DeliveryStatus.DOWNLOADED, DeliveryStatus.RECEIVED]
    CouncilLetterDelivery.objects.bulk_create(
        CouncilLetterDelivery(
            letter=letter,
            municipality=town,
            status=statuses[(letter.pk + town.pk) % len(statuses)],
            status_changed_at=now,
            available_at=now,
            render_status=RenderStatus.DONE,
        )
        for letter in letters
        for town in towns
    )


def cookie_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def main() -> None:
    from gremia.models.registry import Body
    from nhn_portal.core.models import User

    call_command("migrate", verbosity=0)
    call_command("load_nhn", demo=True, verbosity=0, stdout=io.StringIO())
    users = {role: User.objects.get(email=email) for role, email in DEMO_EMAILS.items()}
    body = (
        Body.objects.filter(memberships__person__user=users["member"], name__icontains="Wonen")
        .distinct()
        .get()
    )
    with transaction.atomic():
        meeting80, item80 = big_meeting(secretary=users["secretary"], body=body, items=80, days=30)
        meeting10, item10 = big_meeting(secretary=users["secretary"], body=body, items=10, days=31)
        sent_letters(meeting=meeting80, count=50)
    urls = {
        "health": reverse("health"),
        "editor80": reverse("regiobureau:agenda_editor", args=[meeting80.pk]),
        "editor10": reverse("regiobureau:agenda_editor", args=[meeting10.pk]),
        "reading80": reverse("regiobureau:meeting_reading", args=[meeting80.pk]),
        "item_partial": reverse("regiobureau:item_edit", args=[item80.pk]),
        "overview": reverse("home"),
        "dashboard": reverse("raden:dashboard"),
        "griffie_list": reverse("raden:index"),
        "item_detail": reverse("regiobureau:item_detail", args=[item80.pk]),
        "calendar": reverse("regiobureau:calendar"),
        "comment_add": reverse("regiobureau:comment_add", args=[item80.pk]),
        "meeting80_page": reverse("regiobureau:meeting_detail", args=[meeting80.pk]),
        "meeting10_page": reverse("regiobureau:meeting_detail", args=[meeting10.pk]),
        "item_partial_10": reverse("regiobureau:item_edit", args=[item10.pk]),
        "pdf_request_10": reverse("regiobureau:meeting_pdf_request", args=[meeting10.pk]),
        # A public stuk of the 80-item agenda in the browser viewer (the page, not the file).
        "viewer": reverse("viewer:document_read", args=[readable_stuk(item80).pk]),
    }
    from consultaties.constants import ResponseStatus
    from consultaties.models import CouncilResponse
    from raden.constants import CONFIRMED_STATUSES
    from raden.models.letters import CouncilLetterDelivery

    # Texel's response to a consultation of the demo that its griffie can still schedule (the
    # load test's consultation journey): the page of the consultation and the schedule form.
    response = (
        CouncilResponse.objects.filter(
            municipality__slug="gemeente-texel",
            status__in=[ResponseStatus.ASKED, ResponseStatus.SCHEDULED],
        )
        .select_related("consultation")
        .first()
    )
    urls["consultation_texel"] = response.consultation.get_absolute_url()
    urls["response_agenda"] = reverse("consultaties:response_agenda", args=[response.pk])
    texel = CouncilLetterDelivery.objects.filter(
        letter__meeting=meeting80, municipality__slug="gemeente-texel"
    ).exclude(status__in=CONFIRMED_STATUSES)  # receipts the load test can still confirm
    print(
        json.dumps(
            {
                "meeting10": meeting10.pk,
                "texel_deliveries": list(texel.values_list("pk", flat=True)),
                "cookies": {role: cookie_for(user) for role, user in users.items()},
                "cookie_name": settings.SESSION_COOKIE_NAME,
                "urls": urls,
                "meeting80": meeting80.pk,
                "texel_response": response.pk,
                # Every saved change raises the response's version by one.
                "texel_response_version": response.version,
                "item80": item80.pk,
                "items80": list(meeting80.items.values_list("pk", flat=True)),
            }
        )
    )


if __name__ == "__main__":
    main()
