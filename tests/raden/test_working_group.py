"""The demo's regional council working group: council members of each sub-region, a chair,
its coming meeting; loading again creates nothing."""

import pytest
from django.utils import timezone

from gremia.constants import BodyKind, MembershipRole
from gremia.models.registry import Body
from nhn_portal.core.seeding import LoadReport
from raden.demo import WORKING_GROUP_SLUG, load_demo_council_working_group
from regiobureau.models.meetings import Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_pdfs")]


def test_the_council_working_group_has_members_per_subregion_and_meetings(nhn_demo):
    body = Body.objects.get(slug=WORKING_GROUP_SLUG)
    assert body.kind == BodyKind.COUNCIL_GATHERING
    memberships = body.memberships.select_related("organisation__subregion")
    subregions = {m.organisation.subregion.name for m in memberships}
    assert len(subregions) == 3
    assert memberships.count() == 6
    assert memberships.filter(role=MembershipRole.CHAIR).count() == 1
    meetings = Meeting.objects.filter(body=body)
    assert meetings.count() == 1
    assert all(meeting.starts_at > timezone.now() for meeting in meetings)
    report = LoadReport()
    load_demo_council_working_group(report=report)
    assert not report.anything_created
    assert Meeting.objects.filter(body=body).count() == 1
