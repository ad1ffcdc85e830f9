"""The calendar that keeps itself straight, in the browser: the meeting form
with its schedule warnings and "Toch opslaan", and the recurring series pages (list, form with
warnings, the series' meetings) pass axe-core at 1280 and 375 px, and "Toch opslaan" saves.
Run on its own (one browser file at a time)."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser.pages import SHOTS, csp_problems, log_in, open_page
from tests.browser.test_accessibility import AXE, DEMO_PASSWORD, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)


def _checked(page, name: str) -> dict:
    problems = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        violations = axe_violations(page)
        if violations:
            problems[f"{name} at {width}px"] = violations
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/calendar-{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    return problems


def _clash_day() -> tuple[datetime.date, str]:
    """The day and place of the demo's coming Platform Wonen meeting (a clash to plan onto)."""
    from regiobureau.models.meetings import Meeting

    meeting = Meeting.objects.get(body__slug="platform-wonen", title="Wonen (demo)")
    return timezone.localtime(meeting.starts_at).date(), meeting.location


def test_meeting_form_warnings_and_series_pages_pass_axe(browser_context, live_server, demo):
    from planning.models import MeetingSeries
    from regiobureau.models.meetings import Meeting

    assert AXE.exists(), "axe-core is missing: run bin/setup (npm ci)"
    day, place = _clash_day()
    page = open_page(browser_context)
    log_in(page, live_server, "secretaris@example.org", DEMO_PASSWORD)
    problems = {}

    # One meeting of the Platform Mobiliteit at the same time and place: warned.
    page.goto(f"{live_server.url}/vergaderingen/nieuw/?gremium=platform-mobiliteit")
    page.fill("input[name=date]", day.isoformat())
    page.fill("input[name=start_time]", "14:30")
    page.fill("input[name=end_time]", "15:30")
    page.fill("input[name=location]", place)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[role=alert]").filter(has_text="Ruud Smit").count() == 1
    problems.update(_checked(page, "meeting-warnings"))
    before = Meeting.objects.count()
    page.click("main form button[type=submit]:has-text('Toch opslaan')")
    page.wait_for_load_state("networkidle")
    assert Meeting.objects.count() == before + 1

    # The series pages.
    page.goto(f"{live_server.url}/vergaderingen/reeksen/")
    problems.update(_checked(page, "series-list"))
    page.goto(f"{live_server.url}/vergaderingen/reeksen/nieuw/")
    problems.update(_checked(page, "series-form"))
    page.select_option("select[name=body]", label="Platform Economie")
    page.fill("input[name=first_date]", day.isoformat())
    page.fill("input[name=interval_weeks]", "6")
    page.fill("input[name=count]", "3")
    page.fill("input[name=start_time]", "14:00")
    page.fill("input[name=end_time]", "16:00")
    page.fill("input[name=location]", place)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[role=alert]").count() >= 1
    problems.update(_checked(page, "series-warnings"))
    page.click("main form button[type=submit]:has-text('Toch opslaan')")
    page.wait_for_load_state("networkidle")
    series = MeetingSeries.objects.get()
    assert page.url.endswith(series.get_absolute_url())
    assert series.meetings.count() == 3
    problems.update(_checked(page, "series-detail"))
    assert csp_problems(page) == []
    assert problems == {}
