"""The demo of the means, tried as a new user would: the cost key 2026 adopted by the
stuurgroep's decision on it, the core message adopted, the Ontwikkelperspectief and the
energy exploration as dossiers with their route, the decision that adopts growth scenario 1
offered to the beheerder; a second run changes nothing."""

import pytest
from django.urls import reverse

from middelen import seeds
from middelen.models import CoreMessage, CostKeyStatus, CostKeyYear
from nhn_portal.core.constants import Role
from nhn_portal.core.models import AuditRecord
from nhn_portal.core.seeding import LoadReport
from regiobureau.models.meetings import Dossier
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_of_the_means_and_the_story(nhn_demo, client, quick_pdfs):
    key = CostKeyYear.objects.select_related("decision__item__meeting").get(year=2026)
    assert key.status == CostKeyStatus.ADOPTED
    assert key.decision.item.title == seeds.ITEM_COST_KEY
    assert key.decision.item.meeting.title == seeds.MEANS_TITLE
    assert CostKeyYear.objects.get(year=2027).status == CostKeyStatus.DRAFT
    message = CoreMessage.objects.select_related("decision__item").get()
    assert message.adopted_on and message.decision.item.title == seeds.ITEM_CORE
    for slug in ("ontwikkelperspectief-nhn", "energieverkenning-nhn"):
        dossier = Dossier.objects.get(slug=slug)
        bodies = set(dossier.agenda_items.values_list("meeting__body__slug", flat=True))
        assert bodies == {seeds.PREP_BODY, "publieke-stuurgroep-nhn"}
        assert dossier.agenda_items.filter(decisions__isnull=False).exists()

    client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    page = client.get(reverse("middelen:cost_key", args=[2026])).content.decode()
    assert "100,00 %" in page and "Vastgesteld door de stuurgroep" in page
    client.force_login(UserFactory(roles=[Role.MANAGER]))
    scenario = client.get(reverse("platforms:scenario_detail", args=["thematische-verbreding"]))
    assert seeds.ITEM_SCENARIO in scenario.content.decode()

    before = AuditRecord.objects.count()
    seeds.load_demo(LoadReport())
    assert AuditRecord.objects.count() == before
