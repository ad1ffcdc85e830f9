"""The netwerk pages pass axe-core's WCAG 2.2 A/AA rules too, for the secretariat
and for a bestuurder who carries a lobby dossier, over the demo data of `load_nhn --demo`:
opportunities, the public-affairs agenda, the related tables, the boundary spanners and the
Regio Deal showcase, and the edit pages."""

import pytest

from tests.browser.pages import log_in, open_page
from tests.browser.test_accessibility import DEMO_PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def netwerk_demo(demo):
    from gremia.constants import OrganisationKind
    from gremia.models.registry import Organisation, Person
    from netwerk.demo import load_demo_lobby, load_demo_opportunities, load_demo_regio_deal
    from netwerk.models.lobby import LobbyDossier
    from netwerk.models.opportunities import Opportunity
    from netwerk.models.regio_deal import RegioDealProject
    from netwerk.reference import load_related_tables
    from netwerk.services.spanners import boundary_spanner_set
    from nhn_portal.core.models import User

    secretary = User.objects.get(email="secretaris@example.org")
    load_related_tables()
    load_demo_opportunities(actor=secretary)
    load_demo_lobby(actor=secretary)
    load_demo_regio_deal(actor=secretary)
    office = Organisation.objects.filter(kind=OrganisationKind.SUBREGIONAL_OFFICE).first()
    person = Person.objects.create(name="Grensverkenner Demo", organisation=office)
    spanner = boundary_spanner_set(actor=secretary, subregion=office.subregion, person=person)
    carried = LobbyDossier.objects.filter(carriers__user__email="bestuurder@example.org")
    return {
        **demo,
        "opportunity": Opportunity.objects.filter(decided_on__isnull=True).first().pk,
        "dossier": LobbyDossier.objects.first().pk,
        "carried": carried.first().pk if carried.exists() else None,
        "project": RegioDealProject.objects.first().pk,
        "spanner": spanner.pk,
    }


def netwerk_pages(ids: dict) -> dict[str, list[str]]:
    pages = {
        "": ["/netwerk/regio-deal/", "/netwerk/public-affairs/openbaar/"],
        "secretaris@example.org": [
            "/netwerk/kansen/",
            "/netwerk/kansen/nieuw/",
            "/netwerk/kansen/doorlooptijden/",
            f"/netwerk/kansen/{ids['opportunity']}/",
            f"/netwerk/kansen/{ids['opportunity']}/bewerken/",
            "/netwerk/public-affairs/",
            "/netwerk/public-affairs/nieuw/",
            "/netwerk/public-affairs/momenten/",
            f"/netwerk/public-affairs/{ids['dossier']}/",
            f"/netwerk/public-affairs/{ids['dossier']}/bewerken/",
            "/netwerk/verbonden-tafels/",
            "/netwerk/grensverkenners/",
            f"/netwerk/grensverkenners/{ids['spanner']}/",
            "/netwerk/regio-deal/projecten/",
            f"/netwerk/regio-deal/projecten/{ids['project']}/",
        ],
        "bestuurder@example.org": ["/netwerk/public-affairs/"],
    }
    if ids["carried"]:
        pages["bestuurder@example.org"].append(f"/netwerk/public-affairs/{ids['carried']}/")
    return pages


def test_the_netwerk_pages_pass_axe(browser_context, live_server, netwerk_demo):
    problems = {}
    for email, paths in netwerk_pages(netwerk_demo).items():
        browser_context.clear_cookies()
        page = open_page(browser_context)
        if email:
            log_in(page, live_server, email, DEMO_PASSWORD)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, f"{email or 'anonymous'}: {path} gave {response.status}"
            violations = axe_violations(page)
            if violations:
                problems[f"{email or 'anonymous'} {path}"] = violations
        page.close()
    assert problems == {}
