"""The demo tried as a new user would: a spanner per sub-region with their day, a sub-region
office login that sees its municipalities' letters, the code of conduct with its ambassadors,
and after the 2026 elections a successor with an induction pack."""

import pytest
from django.urls import reverse

from gremia.models.conduct import ConductAmbassador
from gremia.models.rules import RulesOfPlay
from netwerk.models.spanners import BoundarySpanner
from nhn_portal.core.constants import GenerationStatus
from nhn_portal.core.models import GenerationJob, User
from raden.selectors.offices import office_council_copies
from verkiezingen.constants import INDUCTION_PACK
from verkiezingen.models import Succession

pytestmark = pytest.mark.django_db


def test_demo_shows_the_region_parts(nhn_demo, client):
    spanners = BoundarySpanner.objects.select_related("subregion", "person__user")
    assert {s.subregion.slug for s in spanners} == {
        "kop-van-noord-holland", "west-friesland", "regio-alkmaar",
    }  # fmt: skip
    assert all(s.workday is not None for s in spanners)
    kop = User.objects.get(email="kop@example.org")
    copies = office_council_copies(user=kop)
    assert copies and {c.municipality.subregion.slug for c in copies} == {"kop-van-noord-holland"}
    adopted = RulesOfPlay.objects.filter(body__isnull=True, version=2).get()
    assert adopted.core_values and adopted.ways_of_working
    assert ConductAmbassador.objects.filter(subregion__isnull=False).count() == 3
    succession = Succession.objects.select_related("membership__person").get()
    assert succession.membership.person.name == "Gerrit Zijlstra (demo)"
    job = GenerationJob.objects.get(kind=INDUCTION_PACK)
    assert job.status == GenerationStatus.DONE
    client.force_login(User.objects.get(email="secretaris@example.org"))
    page = client.get(reverse("verkiezingen:election_detail", args=[succession.election_id]))
    assert "Gerrit Zijlstra (demo)" in page.text
