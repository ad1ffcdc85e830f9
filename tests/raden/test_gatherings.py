"""Council gatherings: registration by a signed personal link without an
account, the waiting list beyond capacity, cancelling (which uses the link up and moves the
first on the waiting list up), the griffie's invitations, attendance per municipality, and
the bad links: altered, expired or used → a Dutch page, nothing recorded."""

import datetime

import pytest
from django.conf import settings
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from nhn_portal.core.models import AuditRecord
from raden import links
from raden.constants import RegistrationStatus
from raden.models.gatherings import GatheringRegistration
from raden.selectors.gatherings import attendance_by_municipality, council_participation
from raden.services.gatherings import (
    gathering_cancel,
    gathering_create,
    gathering_invitation_answer,
    gathering_invite_list,
    gathering_register,
    gathering_update,
    personal_link_check,
    registration_attendance_set,
)
from regiobureau.constants import MeetingStatus
from tests.builders import griffie, make_gathering, personal_link
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def gathering(secretary):
    return make_gathering(secretary=secretary, capacity=2)


def _register(client, token):
    return client.post(reverse("raden:registration_register", kwargs={"token": token}))


# ---- Services ------------------------------------------------------------------------------


def test_register_then_waiting_list_beyond_capacity(gathering, region):
    first = gathering_register(token=personal_link(gathering, region["Texel"]))
    second = gathering_register(
        token=personal_link(gathering, region["Hoorn"], name="Bram", email="bram@example.org")
    )
    third = gathering_register(
        token=personal_link(gathering, region["Alkmaar"], name="Cor", email="cor@example.org")
    )
    assert [first.status, second.status, third.status] == [
        RegistrationStatus.REGISTERED,
        RegistrationStatus.REGISTERED,
        RegistrationStatus.WAITING,
    ]
    assert third.municipality == region["Alkmaar"]
    assert AuditRecord.objects.filter(verb="gathering_register").count() == 3


def test_registering_twice_with_the_same_link_changes_nothing(gathering, region):
    token = personal_link(gathering, region["Texel"])
    first = gathering_register(token=token)
    again = gathering_register(token=token)
    assert first.pk == again.pk
    assert GatheringRegistration.objects.count() == 1


def test_cancel_moves_the_first_on_the_waiting_list_up_and_mails_them(
    gathering, region, django_capture_on_commit_callbacks
):
    texel = personal_link(gathering, region["Texel"])
    gathering_register(token=texel)
    gathering_register(
        token=personal_link(gathering, region["Hoorn"], name="Bram", email="bram@example.org")
    )
    waiting = [
        gathering_register(
            token=personal_link(gathering, region[town], name=town, email=f"{town}@example.org")
        )
        for town in ("Alkmaar", "Schagen")
    ]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        gathering_cancel(token=texel)
    waiting[0].refresh_from_db()
    waiting[1].refresh_from_db()
    assert waiting[0].status == RegistrationStatus.REGISTERED
    assert waiting[0].promoted_at is not None
    assert waiting[1].status == RegistrationStatus.WAITING
    assert [m.to for m in mail.outbox] == [["alkmaar@example.org"]]
    assert reverse("raden:registration_link", kwargs={"token": "x"})[:-2] in mail.outbox[0].body


def test_a_cancelled_link_is_used_and_a_new_link_registers_again(gathering, region):
    token = personal_link(gathering, region["Texel"])
    gathering_register(token=token)
    gathering_cancel(token=token)
    with pytest.raises(links.LinkError) as used:
        gathering_register(token=token)
    assert used.value.code == "used"
    # A new invitation gives a new link (issued after the cancellation).
    registration = GatheringRegistration.objects.get()
    GatheringRegistration.objects.filter(pk=registration.pk).update(
        cancelled_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    again = gathering_register(token=personal_link(gathering, region["Texel"]))
    assert again.pk == registration.pk
    assert again.status == RegistrationStatus.REGISTERED


def test_an_altered_link_is_refused_and_records_nothing(gathering, region):
    token = personal_link(gathering, region["Texel"])
    altered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    with pytest.raises(links.LinkError) as error:
        gathering_register(token=altered)
    assert error.value.code == "altered"
    # An invitation token is not a personal link (another salt).
    invitation = links.invitation_token(gathering_id=gathering.pk, municipality_id=1)
    with pytest.raises(links.LinkError):
        gathering_register(token=invitation)
    # A signed payload pointing at another gathering's id that does not exist.
    forged = signing.dumps({"g": 999999, "m": 1, "n": "x", "e": "x@x.nl", "i": 0})
    with pytest.raises(links.LinkError):
        gathering_register(token=forged)
    assert not GatheringRegistration.objects.exists()


def test_a_personal_link_does_not_reveal_the_name_or_address(gathering, region):
    """The link travels through mail servers, proxies and browser histories: whoever reads it
    learns nothing of the council member, and it still opens after a key rotation."""
    import base64

    from django.test import override_settings

    token = links.personal_token(
        gathering_id=gathering.pk,
        municipality_id=region["Texel"].pk,
        name="Jansen",
        email="a.jansen@raad-texel.nl",
    )
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    for secret in (b"Jansen", b"jansen", b"raad-texel", b"a.jansen"):
        assert secret not in raw and secret.decode() not in token
    assert links.personal_read(token).email == "a.jansen@raad-texel.nl"
    with override_settings(
        SECRET_KEY="new-key-" + "x" * 50, SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]
    ):
        assert links.personal_read(token).name == "Jansen"
    other_key = override_settings(SECRET_KEY="other-key-" + "x" * 50, SECRET_KEY_FALLBACKS=[])
    with other_key, pytest.raises(links.LinkError):
        links.personal_read(token)


def test_an_expired_link_is_refused(secretary, region):
    held = make_gathering(secretary=secretary, days=-40)
    with pytest.raises(links.LinkError) as error:
        personal_link_check(personal_link(held, region["Texel"]))
    assert error.value.code == "expired"


def test_registration_closes_when_the_gathering_starts(secretary, region):
    started = make_gathering(secretary=secretary, days=-1)
    with pytest.raises(ValidationError):
        gathering_register(token=personal_link(started, region["Texel"]))
    assert not GatheringRegistration.objects.exists()


def test_invitation_answer_mails_a_personal_link_and_records_nothing_else(
    gathering, region, django_capture_on_commit_callbacks
):
    token = links.invitation_token(gathering_id=gathering.pk, municipality_id=region["Texel"].pk)
    with django_capture_on_commit_callbacks(execute=True):
        gathering_invitation_answer(token=token, name="Anna", email=" Anna@Example.org")
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    assert not GatheringRegistration.objects.exists()
    url = next(line for line in mail.outbox[0].body.splitlines() if "/raden/aanmelding/" in line)
    personal = url.strip().rstrip("/").rsplit("/", 1)[1]
    registration = gathering_register(token=personal)
    assert (registration.email, registration.municipality) == ("anna@example.org", region["Texel"])


def test_griffie_invites_a_list(gathering, region, django_capture_on_commit_callbacks):
    clerk = griffie(region["Texel"])
    with django_capture_on_commit_callbacks(execute=True):
        count = gathering_invite_list(
            actor=clerk,
            gathering=gathering,
            municipality=region["Texel"],
            entries=[("Anna", "anna@example.org"), ("Bram", "bram@example.org")],
        )
    assert count == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "bram@example.org"]
    with pytest.raises(ValidationError):
        gathering_invite_list(
            actor=clerk,
            gathering=gathering,
            municipality=region["Texel"],
            entries=[("Anna", "geen-adres")],
        )


def test_attendance_per_municipality_and_participation(secretary, region):
    held = make_gathering(secretary=secretary, days=7)
    tokens = {
        town: personal_link(held, region[town], name=town, email=f"{town}@example.org")
        for town in ("Texel", "Hoorn")
    }
    registrations = {town: gathering_register(token=t) for town, t in tokens.items()}
    with pytest.raises(ValidationError):  # not started yet
        registration_attendance_set(
            actor=secretary, registration=registrations["Texel"], attended=True
        )
    held.meeting.__class__.objects.filter(pk=held.meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
        status=MeetingStatus.HELD,
    )
    registration_attendance_set(actor=secretary, registration=registrations["Texel"], attended=True)
    rows = {row.municipality.name: row for row in attendance_by_municipality(held)}
    assert len(rows) == 17
    assert (rows["Gemeente Texel"].registered, rows["Gemeente Texel"].attended) == (1, 1)
    assert (rows["Gemeente Hoorn"].registered, rows["Gemeente Hoorn"].attended) == (1, 0)
    participation = council_participation()
    assert participation.held == 1
    assert [(town.name, n) for town, n in participation.taking_part] == [("Gemeente Texel", 1)]
    assert len(participation.never) == 16


def test_only_a_meeting_of_the_gatherings_body(secretary, body):
    from tests.builders import make_meeting

    meeting = make_meeting(secretary=secretary, body=body)
    with pytest.raises(ValidationError):
        gathering_create(actor=secretary, meeting=meeting, kind="webinar")


def test_more_capacity_moves_the_waiting_list_up(gathering, region):
    for town in ("Texel", "Hoorn", "Alkmaar"):
        gathering_register(
            token=personal_link(gathering, region[town], name=town, email=f"{town}@example.org")
        )
    gathering_update(actor=None, gathering=gathering, capacity=3)
    assert not GatheringRegistration.objects.filter(status=RegistrationStatus.WAITING).exists()


# ---- Pages ---------------------------------------------------------------------------------


def test_personal_link_pages_without_an_account(client, gathering, region):
    token = personal_link(gathering, region["Texel"])
    url = reverse("raden:registration_link", kwargs={"token": token})
    page = client.get(url)
    assert page.status_code == 200
    assert "Aanmelden voor deze bijeenkomst" in page.text
    assert page["Cache-Control"] == "private, no-store"
    assert not GatheringRegistration.objects.exists()  # opening records nothing
    response = _register(client, token)
    assert response.status_code == 302
    page = client.get(url)
    assert "U bent aangemeld" in page.text
    cancel = client.post(reverse("raden:registration_cancel", kwargs={"token": token}))
    assert cancel.status_code == 200
    assert "Uw aanmelding is ingetrokken" in cancel.text
    used = client.get(url)
    assert used.status_code == 410
    assert "Deze link is al gebruikt" in used.text


@pytest.mark.parametrize("code", ["altered", "expired"])
def test_bad_links_get_a_dutch_page_and_record_nothing(client, secretary, region, code):
    if code == "altered":
        gathering = make_gathering(secretary=secretary)
        token = personal_link(gathering, region["Texel"]) + "x"
        status, heading = 400, "Deze link is niet geldig"
    else:
        gathering = make_gathering(secretary=secretary, days=-40)
        token = personal_link(gathering, region["Texel"])
        status, heading = 410, "Deze link is verlopen"
    before = AuditRecord.objects.count()
    for response in (
        client.get(reverse("raden:registration_link", kwargs={"token": token})),
        _register(client, token),
    ):
        assert response.status_code == status
        assert heading in response.text
        assert "griffie" in response.text
    assert not GatheringRegistration.objects.exists()
    assert AuditRecord.objects.count() == before


def test_invitation_page(client, gathering, region, django_capture_on_commit_callbacks):
    token = links.invitation_token(gathering_id=gathering.pk, municipality_id=region["Hoorn"].pk)
    url = reverse("raden:gathering_invitation", kwargs={"token": token})
    page = client.get(url)
    assert page.status_code == 200
    assert "Gemeente Hoorn" in page.text
    bad = client.post(url, {"name": "", "email": "geen"})
    assert bad.status_code == 422
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url, {"name": "Bram", "email": "bram@example.org"})
    assert sent.status_code == 200
    assert "bram@example.org" in sent.text
    assert len(mail.outbox) == 1
    assert not GatheringRegistration.objects.exists()
    altered = client.get(reverse("raden:gathering_invitation", kwargs={"token": token[:-2]}))
    assert altered.status_code == 400


def test_griffie_sees_its_own_council_and_its_invitation_link(client, gathering, region):
    gathering_register(token=personal_link(gathering, region["Texel"]))
    gathering_register(
        token=personal_link(gathering, region["Hoorn"], name="Bram Hoorn", email="b@example.org")
    )
    client.force_login(griffie(region["Texel"]))
    page = client.get(gathering.get_absolute_url())
    assert page.status_code == 200
    assert "Anna de Vries" in page.text
    assert "Bram Hoorn" not in page.text  # another council's member
    assert "/raden/bijeenkomsten/uitnodiging/" in page.text
    listing = client.get(reverse("raden:gathering_list"))
    assert gathering.get_absolute_url() in listing.text


def test_griffie_uploads_a_csv_list(client, gathering, region, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(griffie(region["Texel"]))
    upload = SimpleUploadedFile(
        "raad.csv", b"naam;e-mail\nAnna;anna@example.org\nBram;bram@example.org\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("raden:gathering_invite", kwargs={"pk": gathering.pk}), {"upload": upload}
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 2


def test_secretariat_records_attendance(client, secretary, region):
    held = make_gathering(secretary=secretary, days=3)
    registration = gathering_register(token=personal_link(held, region["Texel"]))
    held.meeting.__class__.objects.filter(pk=held.meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    client.force_login(secretary)
    url = reverse("raden:registration_attendance", kwargs={"pk": registration.pk})
    assert client.post(url, {"attended": "on"}).status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED
    page = client.get(held.get_absolute_url())
    assert "Niet aanwezig: Anna de Vries" in page.text


def test_others_get_404(client, gathering, region):
    client.force_login(UserFactory())
    assert client.get(gathering.get_absolute_url()).status_code == 404
    assert client.get(reverse("raden:gathering_list")).status_code == 404
    client.force_login(griffie(region["Texel"]))
    registration = gathering_register(token=personal_link(gathering, region["Texel"]))
    url = reverse("raden:registration_attendance", kwargs={"pk": registration.pk})
    assert client.post(url, {"attended": "on"}).status_code == 404


def test_balance_page_shows_participation(client, secretary, region):
    client.force_login(secretary)
    page = client.get(reverse("gremia:balance"))
    assert page.status_code == 200
    assert "Raden bij de raadsbijeenkomsten" in page.text
