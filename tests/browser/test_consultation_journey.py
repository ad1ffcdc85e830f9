"""The councils' voice, tried as a new user would (issue 24, "Done when"): the secretary opens
a consultation on the form, the griffie of Texel records her council's response (and cannot
reach Hoorn's), the secretariat's matrix shows all 17 councils, the public page shows the
response. Then axe-core (WCAG 2.2 A/AA) on the consultation pages — the secretariat's matrix,
the griffie's response form, the public page — and on the public questions page."""

import datetime

import pytest
from django.utils import timezone

from tests.browser.pages import csp_problems, log_in, open_page
from tests.browser.test_accessibility import AXE, DEMO_PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECRETARY = "secretaris@example.org"
TEXEL = "griffie.texel@example.org"
TITLE = "Regionale mobiliteitsagenda (browsertest)"
RESPONSE = "De raad van Texel vraagt om een betere veerverbinding."


def open_consultation(page, live_server, item_pk) -> int:
    """The secretary fills in the form; past a recess warning she confirms."""
    page.goto(f"{live_server.url}/consultaties/nieuw/")
    page.select_option("select[name=agenda_item]", value=str(item_pk))
    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=question]", "Heeft uw raad wensen en bedenkingen?")
    deadline = timezone.localdate() + datetime.timedelta(days=70)
    page.fill("input[name=deadline]", deadline.isoformat())
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    if page.locator("input[name=despite_recess]").count():  # the warning: she goes on
        page.click("main form button[type=submit]")
        page.wait_for_load_state("networkidle")
    from consultaties.models import Consultation

    consultation = Consultation.objects.get(title=TITLE)
    assert page.url.endswith(f"/consultaties/{consultation.pk}/"), page.url
    return consultation.pk


def test_secretary_opens_griffie_responds_matrix_and_public_page(
    browser_context, live_server, demo
):
    from consultaties.models import CouncilResponse

    page = open_page(browser_context)
    log_in(page, live_server, SECRETARY, DEMO_PASSWORD)
    pk = open_consultation(page, live_server, demo["item"])
    # The matrix: all 17 councils, each asked.
    rows = page.locator("main table tbody tr")
    assert rows.count() == 17
    assert any("Gemeente Texel" in text for text in rows.all_inner_texts())
    page.close()

    browser_context.clear_cookies()
    page = open_page(browser_context)
    log_in(page, live_server, TEXEL, DEMO_PASSWORD)
    page.goto(f"{live_server.url}/consultaties/{pk}/")
    assert page.locator("h2", has_text="Gemeente Texel").count() == 1
    assert page.locator("text=Voortgang per raad").count() == 0  # the matrix is not hers
    page.check("input[name=outcome][value=responded]")
    page.fill("input[name=outcome_date]", timezone.localdate().isoformat())
    page.fill("textarea[name=text]", RESPONSE)
    page.click("button:has-text('Uitkomst vastleggen')")
    page.wait_for_load_state("networkidle")
    assert page.locator(".utrecht-alert, [role=status], [role=alert]").count() >= 1
    texel = CouncilResponse.objects.get(consultation_id=pk, municipality__slug="gemeente-texel")
    assert texel.text == RESPONSE and texel.has_outcome
    # Hoorn's response is out of her reach, by its address too.
    hoorn = CouncilResponse.objects.get(consultation_id=pk, municipality__slug="gemeente-hoorn")
    # (posted through the context's request API, with her session and a valid CSRF token)
    token = page.locator("input[name=csrfmiddlewaretoken]").first.input_value()
    answer = page.request.post(
        f"{live_server.url}/consultaties/reacties/{hoorn.pk}/uitkomst/",
        form={
            "csrfmiddlewaretoken": token,
            "version": str(hoorn.version),
            "outcome": "no_wishes",
        },
        headers={"Referer": page.url},
    )
    assert answer.status == 404
    hoorn.refresh_from_db()
    assert not hoorn.has_outcome
    assert csp_problems(page) == []
    page.close()

    browser_context.clear_cookies()
    page = open_page(browser_context)
    log_in(page, live_server, SECRETARY, DEMO_PASSWORD)
    page.goto(f"{live_server.url}/consultaties/{pk}/")
    rows = page.locator("main table tbody tr")
    assert rows.count() == 17
    texel_row = page.locator("main table tbody tr", has_text="Gemeente Texel")
    assert texel.get_status_display() in texel_row.inner_text()
    page.close()

    browser_context.clear_cookies()
    page = open_page(browser_context)
    public = page.goto(f"{live_server.url}/consultaties/openbaar/{pk}/")
    assert public.status == 200
    assert RESPONSE in page.content()
    assert TITLE in page.content()
    assert csp_problems(page) == []
    page.close()


def test_consultation_and_questions_pages_pass_axe(browser_context, live_server, demo):
    assert AXE.exists(), "axe-core is missing: run bin/setup (npm ci)"
    from consultaties.models import Consultation
    from consultaties.selectors import public_consultations

    open_one = Consultation.objects.filter(status="open").first()
    public = public_consultations()[0]
    paths = {
        SECRETARY: [
            "/consultaties/",
            f"/consultaties/{open_one.pk}/",
            f"/consultaties/{public.pk}/",
            "/consultaties/nieuw/",
        ],
        TEXEL: [f"/consultaties/{open_one.pk}/", "/consultaties/", "/consultaties/reces/"],
        "": [
            "/consultaties/openbaar/",
            f"/consultaties/openbaar/{public.pk}/",
            f"/consultaties/openbaar/{open_one.pk}/",
            "/vragen/openbaar/",
        ],
    }
    problems = {}
    for email, urls in paths.items():
        browser_context.clear_cookies()
        page = open_page(browser_context)
        if email:
            log_in(page, live_server, email, DEMO_PASSWORD)
        for path in urls:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, f"{email} {path} gave {response.status}"
            violations = axe_violations(page)
            if violations:
                problems[f"{email} {path}"] = violations
        page.close()
    assert problems == {}
