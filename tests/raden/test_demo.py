"""The demo: the previous Platform Wonen meeting held, with decisions (one by majority
vote), actions (one overdue) and a council letter to 17 councils in several states; twice
loaded, once created."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from gremia.demo import load_demo
from nhn_portal.core.models import User
from nhn_portal.core.seeding import LoadReport
from raden.constants import Addressee, DeliveryStatus
from raden.demo import MEETING_TITLE, load_demo_council_letters
from raden.models.letters import CouncilLetter, CouncilLetterDelivery
from regiobureau.constants import MeetingStatus
from regiobureau.demo.meetings import load_demo_meetings
from regiobureau.models.decisions import ActionItem, Decision
from regiobureau.models.meetings import Meeting
from regiobureau.selectors.actions import action_list_for_user, open_actions_for_meeting

# Every task the raden services enqueue runs in-process; the 17 letters' PDFs are made by a
# quick stand-in (tests/test_embedded_demo.py checks them made by WeasyPrint).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager", "quick_pdfs")]


def test_demo_council_letter_in_several_states_and_idempotent(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_nhn", stdout=io.StringIO())
    load_demo(report=LoadReport())
    load_demo_meetings()
    letter = load_demo_council_letters()
    meeting = Meeting.objects.get(title=MEETING_TITLE)
    assert meeting.status == MeetingStatus.HELD
    # Held means it lies in the past; the platform's upcoming demo meeting carries its
    # open actions on its actielijst.
    assert meeting.starts_at < timezone.now()
    upcoming = Meeting.objects.get(body=meeting.body, title="Wonen (demo)")
    assert upcoming.starts_at > timezone.now()
    assert upcoming.status == MeetingStatus.AGENDA_PUBLISHED
    secretary = User.objects.get(email="secretaris@example.org")
    carried = open_actions_for_meeting(user=secretary, meeting=upcoming)
    assert {a.origin_meeting for a in carried} == {meeting}
    assert len(carried) == 4
    # The demo bestuurder sees one of them as their own.
    bestuurder = User.objects.get(email="bestuurder@example.org")
    mine = action_list_for_user(user=bestuurder)
    assert [a.description.split(" met ")[0] for a in mine] == ["Bestuurlijk overleg"]
    decisions = Decision.objects.filter(item__meeting=meeting)
    assert any(d.votes.exists() for d in decisions)
    assert ActionItem.objects.filter(
        origin_meeting=meeting, deadline__lt=timezone.localdate(), status="open"
    ).exists()
    states = {
        d.municipality.slug: d.status
        for d in CouncilLetterDelivery.objects.filter(
            letter=letter, addressee=Addressee.COUNCIL
        ).select_related("municipality")
    }
    assert len(states) == 17
    assert states["gemeente-texel"] == DeliveryStatus.RECEIVED
    assert states["gemeente-hoorn"] == DeliveryStatus.SCHEDULED
    assert DeliveryStatus.DOWNLOADED in states.values()
    assert DeliveryStatus.AVAILABLE in states.values()
    assert load_demo_council_letters() == letter
    assert CouncilLetter.objects.count() == 1


def test_demo_council_conference_and_preferences(settings, tmp_path):
    """One upcoming council conference with registrations from several councils,
    and the preferences of a few councils; loaded twice, created once."""
    from raden.constants import GatheringKind
    from raden.demo import load_demo_gatherings
    from raden.models.gatherings import Gathering, GatheringRegistration
    from raden.models.preferences import CouncilPreference

    settings.MEDIA_ROOT = tmp_path
    call_command("load_nhn", stdout=io.StringIO())
    load_demo(report=LoadReport())
    load_demo_meetings()
    gathering = load_demo_gatherings()
    assert gathering.kind == GatheringKind.CONFERENCE
    assert gathering.meeting.starts_at > timezone.now()
    councils = set(
        GatheringRegistration.objects.filter(gathering=gathering).values_list(
            "municipality__slug", flat=True
        )
    )
    assert len(councils) >= 5
    assert CouncilPreference.objects.filter(preference="digest").exists()
    assert CouncilPreference.objects.count() == 4
    assert load_demo_gatherings() == gathering
    assert Gathering.objects.count() == 1
    assert CouncilPreference.objects.count() == 4
