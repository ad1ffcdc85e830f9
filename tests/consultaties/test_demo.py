"""The consultations' demo: one closed (12 responses, 3 without wishes, 2 not dealt with, the
reactienota adopted and the final decision linked), one open with one council late."""

import pytest

from consultaties.constants import NotaStatus, ResponseStatus
from consultaties.demo import CLOSED_TITLE, load_demo_consultations
from consultaties.models import Consultation
from consultaties.permissions import is_public


def test_the_demo_tells_both_consultations_and_loads_once(nhn_demo):
    closed = Consultation.objects.get(title=CLOSED_TITLE)
    statuses = list(closed.responses.values_list("status", flat=True))
    assert statuses.count(ResponseStatus.RESPONDED) == 12
    assert statuses.count(ResponseStatus.NO_WISHES) == 3
    assert statuses.count(ResponseStatus.NOT_DEALT) == 2
    assert closed.nota_status == NotaStatus.ADOPTED and closed.final_decision is not None
    assert not closed.responses.filter(is_late=True).exists()
    assert is_public(closed)
    open_one = Consultation.objects.exclude(pk=closed.pk).get()
    assert open_one.is_open and is_public(open_one)
    assert open_one.responses.filter(is_late=True).count() == 1
    assert len(set(open_one.responses.values_list("status", flat=True))) >= 4
    load_demo_consultations()
    assert Consultation.objects.count() == 2


def test_the_demo_issues_the_consultation_letters_once(nhn_demo):
    """Each consultation's question letter to the councils asked, the closed one's
    reactienota with the final decision, copies received, scheduled and discussed; a second
    load issues nothing and moves no copy."""
    from raden.constants import Addressee, DeliveryStatus
    from raden.models.discussions import LetterDiscussion
    from raden.models.letters import CouncilLetter, CouncilLetterDelivery

    closed = Consultation.objects.get(title=CLOSED_TITLE)
    open_one = Consultation.objects.exclude(pk=closed.pk).get()
    assert closed.letter and closed.final_letter and open_one.letter
    assert open_one.final_letter is None
    for letter in (closed.letter, closed.final_letter, open_one.letter):
        councils = letter.deliveries.filter(addressee=Addressee.COUNCIL)
        assert councils.count() == 17
    statuses = set(
        closed.letter.deliveries.filter(addressee=Addressee.COUNCIL).values_list(
            "status", flat=True
        )
    )
    assert DeliveryStatus.SCHEDULED in statuses
    final_statuses = set(
        closed.final_letter.deliveries.filter(addressee=Addressee.COUNCIL).values_list(
            "status", flat=True
        )
    )
    assert {DeliveryStatus.RECEIVED, DeliveryStatus.AVAILABLE} <= final_statuses
    assert LetterDiscussion.objects.filter(delivery__letter=closed.letter).exists()
    before = (
        CouncilLetter.objects.count(),
        sorted(CouncilLetterDelivery.objects.values_list("pk", "status")),
        LetterDiscussion.objects.count(),
    )
    load_demo_consultations()
    after = (
        CouncilLetter.objects.count(),
        sorted(CouncilLetterDelivery.objects.values_list("pk", "status")),
        LetterDiscussion.objects.count(),
    )
    assert after == before


@pytest.mark.parametrize("role", ["griffie.texel", "secretaris"])
def test_demo_logins_see_their_consultation_work(client, nhn_demo, role):
    from nhn_portal.core.models import User

    client.force_login(User.objects.get(email=f"{role}@example.org"))
    page = client.get("/").content.decode()
    assert "reactienota" in page or "reactie van uw raad" in page
