"""How each council wants to be informed: recorded by its own griffie
(audited), shown to the secretariat on the overview, beside each letter's copies, on the
distribution dashboard (digest councils marked) and in its CSV, and to the griffie with its
council's copy."""

import csv
import io

import pytest
from django.urls import reverse

from nhn_portal.core.models import AuditRecord
from raden.constants import InformationPreference
from raden.models.preferences import CouncilPreference
from raden.services.digest import council_digests_send
from raden.services.preferences import council_preference_set
from tests.builders import griffie, issue, letter_for
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


def test_griffie_records_its_own_councils_preference(client, region):
    clerk = griffie(region["Texel"])
    client.force_login(clerk)
    page = client.get(reverse("raden:preference"))
    assert page.status_code == 200
    assert "Hoe wil uw raad geïnformeerd worden?" in page.text
    response = client.post(
        reverse("raden:preference"),
        {"preference": InformationPreference.LETTER_AND_COMMITTEE, "note": "Commissie Bestuur"},
    )
    assert response.status_code == 302
    preference = CouncilPreference.objects.get()
    assert preference.municipality == region["Texel"]
    assert preference.updated_by == clerk
    # Changed later: one record per council, every change audited.
    client.post(reverse("raden:preference"), {"preference": InformationPreference.DIGEST})
    preference.refresh_from_db()
    assert preference.preference == InformationPreference.DIGEST
    assert CouncilPreference.objects.count() == 1
    assert AuditRecord.objects.filter(verb="council_preference_set").count() == 2
    bad = client.post(reverse("raden:preference"), {"preference": "telegram"})
    assert bad.status_code == 422


def test_secretariat_sees_every_council_and_others_get_404(client, region, secretary):
    council_preference_set(
        actor=None, municipality=region["Hoorn"], preference=InformationPreference.DIGEST
    )
    client.force_login(secretary)
    page = client.get(reverse("raden:preference"))
    assert page.status_code == 200
    assert page.text.count("niet vastgelegd") == 16
    assert "Een verzamelbericht per e-mail" in page.text
    client.force_login(UserFactory())
    assert client.get(reverse("raden:preference")).status_code == 404


def test_letter_flow_and_dashboard_follow_the_preference(
    client, secretary, region, meeting_with_decision, fake_render,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    council_preference_set(
        actor=None, municipality=region["Hoorn"], preference=InformationPreference.DIGEST
    )
    council_preference_set(
        actor=None,
        municipality=region["Texel"],
        preference=InformationPreference.LETTER_AND_COMMITTEE,
    )
    letter = letter_for(meeting_with_decision, secretary, region)
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    client.force_login(secretary)
    dashboard = client.get(reverse("raden:dashboard"))
    assert 'rb-badge rb-badge--annotation"><span class="rb-visually-hidden">' in dashboard.text
    assert ">digest</span>" in dashboard.text or "verzamelbericht" in dashboard.text
    detail = client.get(reverse("raden:letter_detail", kwargs={"pk": letter.pk}))
    assert "Brief en een presentatie in een commissie" in detail.text
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("raden:dashboard_csv")).content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][-1] == "voorkeur raad"
    by_town = {row[4]: row[-1] for row in rows[1:]}
    assert by_town["Gemeente Hoorn"] == "Een verzamelbericht per e-mail"
    assert by_town["Gemeente Alkmaar"] == ""
    # The griffie sees its council's preference with its copy, and what to do with it.
    client.force_login(griffie(region["Texel"]))
    copy = client.get(reverse("raden:delivery_detail", kwargs={"pk": deliveries["Texel"].pk}))
    assert "presentatie in een commissie" in copy.text


def test_a_digest_council_gets_one_mail_a_week_instead_of_one_per_letter(
    secretary, region, meeting_with_decision, fake_render, django_capture_on_commit_callbacks
):
    from django.core import mail

    hoorn, texel = griffie(region["Hoorn"]), griffie(region["Texel"])
    council_preference_set(
        actor=None, municipality=region["Hoorn"], preference=InformationPreference.DIGEST
    )
    letter = letter_for(meeting_with_decision, secretary, region)
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    mailed = {address for message in mail.outbox for address in message.to}
    assert texel.email in mailed and hoorn.email not in mailed
    assert deliveries["Hoorn"].status != "wachtrij"  # in Hoorn's portal all the same
    mail.outbox.clear()
    assert council_digests_send() == 1
    (digest,) = mail.outbox
    assert digest.to == [hoorn.email]
    assert "Nieuwe raadsinformatiebrief voor Gemeente Hoorn" in digest.subject
    assert letter.title in digest.body
    assert reverse("raden:delivery_detail", kwargs={"pk": deliveries["Hoorn"].pk}) in digest.body
    deliveries["Hoorn"].refresh_from_db()
    assert deliveries["Hoorn"].notified_at is not None
    # Nothing new: no second digest.
    assert council_digests_send() == 0


def test_leaving_the_digest_sends_what_waited_for_it(
    secretary, region, meeting_with_decision, fake_render, django_capture_on_commit_callbacks
):
    from django.core import mail

    hoorn = griffie(region["Hoorn"])
    council_preference_set(
        actor=None, municipality=region["Hoorn"], preference=InformationPreference.DIGEST
    )
    issue(letter_for(meeting_with_decision, secretary, region), secretary,
          django_capture_on_commit_callbacks)  # fmt: skip
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        council_preference_set(
            actor=hoorn, municipality=region["Hoorn"], preference=InformationPreference.LETTER
        )
    assert [message.to for message in mail.outbox] == [[hoorn.email]]
