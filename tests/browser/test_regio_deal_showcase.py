"""The Regio Deal showcase in a real browser: a visitor without a login finds it in
the navigation, sees the Regio Deal's facts, an approved project with its picture and alt text,
and no draft; the page passes axe and raises no CSP violation."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from netwerk.constants import ProgrammeLine
from netwerk.services.regio_deal import (
    project_image_add,
    regio_deal_project_create,
    regio_deal_project_review,
    regio_deal_project_submit,
)
from nhn_portal.core.constants import Role
from tests.browser.pages import SHOTS, csp_problems, open_page
from tests.browser.test_accessibility import axe_violations
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def showcase(role_groups):
    secretary = UserFactory(roles=[Role.SECRETARY])
    reviewer = UserFactory(roles=[Role.SECRETARY])
    approved = regio_deal_project_create(
        actor=secretary,
        title="Techniekpact Regio Alkmaar",
        line=ProgrammeLine.WORKING,
        summary="Omscholing naar technische beroepen.",
    )
    picture = io.BytesIO()
    Image.new("RGB", (320, 200), (20, 90, 160)).save(picture, format="PNG")
    project_image_add(
        actor=secretary,
        project=approved,
        upload=SimpleUploadedFile("foto.png", picture.getvalue()),
        alt_text="Cursisten aan een draaibank",
    )
    regio_deal_project_submit(actor=secretary, project=approved)
    regio_deal_project_review(actor=reviewer, project=approved, approve=True)
    regio_deal_project_create(
        actor=secretary, title="Concept dat nog niet openbaar is", line=ProgrammeLine.LIVING,
        summary="Nog in de maak.",
    )  # fmt: skip


def test_public_showcase(browser_context, live_server, showcase):
    page = open_page(browser_context)
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Openbaar").click()  # the menu group (a disclosure)
    page.get_by_role("link", name="Regio Deal").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}/netwerk/regio-deal/"
    text = page.inner_text("main")
    assert "65 miljoen" in text and "32,5 miljoen" in text
    assert "Techniekpact Regio Alkmaar" in text
    assert "Concept dat nog niet openbaar is" not in text
    image = page.get_by_role("img", name="Cursisten aan een draaibank")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 320
    page.screenshot(path=f"{SHOTS}/regio-deal.png", full_page=True)
    assert axe_violations(page) == []
    assert csp_problems(page) == []
