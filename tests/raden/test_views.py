"""The griffie portal and the distribution dashboard: isolation per municipality,
the receipt flow through the pages, counts, CSV and a fixed query budget."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raden.constants import DeliveryStatus
from raden.models.letters import CouncilLetter, CouncilLetterDelivery
from raden.services.delivery import delivery_confirm_receipt
from regiobureau.services.decisions import decision_list_adopt
from tests.builders import griffie, issue, letter_for
from tests.factories import MeetingFactory, UserFactory

# Every task the raden services enqueue runs in-process.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def issued(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    letter = letter_for(meeting_with_decision, secretary, region)
    return letter, issue(letter, secretary, django_capture_on_commit_callbacks)


def test_griffie_sees_only_its_own_council(client, region, issued):
    _letter, deliveries = issued
    clerk = griffie(region["Texel"])
    client.force_login(clerk)
    page = client.get(reverse("raden:index"))
    assert page.status_code == 200
    assert reverse("raden:delivery_detail", args=[deliveries["Texel"].pk]) in page.text
    assert reverse("raden:delivery_detail", args=[deliveries["Hoorn"].pk]) not in page.text
    hoorn = deliveries["Hoorn"].pk
    for name in ["delivery_detail", "delivery_download", "delivery_confirm"]:
        method = client.post if name == "delivery_confirm" else client.get
        assert method(reverse(f"raden:{name}", args=[hoorn])).status_code == 404, name
    assert CouncilLetterDelivery.objects.get(pk=hoorn).status == DeliveryStatus.AVAILABLE
    # And the secretariat's pages are not the griffie's either.
    assert client.get(reverse("raden:dashboard")).status_code == 404
    assert client.get(reverse("raden:letter_detail", args=[_letter.pk])).status_code == 404


def test_other_users_get_404(client, issued):
    _letter, deliveries = issued
    client.force_login(UserFactory())
    assert client.get(reverse("raden:index")).status_code == 404
    assert (
        client.get(reverse("raden:delivery_detail", args=[deliveries["Texel"].pk])).status_code
        == 404
    )


def test_download_confirm_and_schedule_through_the_pages(client, region, issued):
    _letter, deliveries = issued
    texel = deliveries["Texel"]
    client.force_login(griffie(region["Texel"]))
    download = client.get(reverse("raden:delivery_download", args=[texel.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    texel.refresh_from_db()
    assert texel.status == DeliveryStatus.DOWNLOADED

    url = reverse("raden:delivery_confirm", args=[texel.pk])
    client.post(url)
    second = client.post(url, follow=True)
    already = _("Receipt of this letter was already confirmed on %(date)s.").split("%(date)s")[0]
    assert already in second.text
    texel.refresh_from_db()
    assert texel.status == DeliveryStatus.RECEIVED

    client.post(
        reverse("raden:delivery_schedule", args=[texel.pk]),
        {"council_date": "2026-07-02", "council_link": "https://texel.raadsinformatie.nl/x"},
    )
    texel.refresh_from_db()
    assert texel.status == DeliveryStatus.SCHEDULED
    assert texel.council_date == datetime.date(2026, 7, 2)
    page = client.get(reverse("raden:delivery_detail", args=[texel.pk]))
    assert "https://texel.raadsinformatie.nl/x" in page.text
    # The form shows the recorded date, in the ISO form a date input takes.
    assert 'type="date" name="council_date" value="2026-07-02"' in page.text


def test_pending_copies_are_not_shown_to_the_griffie(
    client,
    secretary,
    meeting_with_decision,
    region,
    fake_render,
    django_capture_on_commit_callbacks,
):
    fake_render.add("Texel")
    letter = letter_for(meeting_with_decision, secretary, region)
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    client.force_login(griffie(region["Texel"]))
    page = client.get(reverse("raden:index"))
    assert reverse("raden:delivery_detail", args=[deliveries["Texel"].pk]) not in page.text
    assert "Er zijn nog geen brieven voor uw raad." in page.text
    assert (
        client.get(reverse("raden:delivery_detail", args=[deliveries["Texel"].pk])).status_code
        == 404
    )


# Session, user, role groups, the version of what the matrix shows (one query); when the
# matrix is not in the cache: municipalities, the councils' preferences, letters and their
# deliveries, in how many councils each letter was discussed, and the sub-region offices as
# linking pins (none here; with offices one more for their people).
DASHBOARD_QUERIES = 10


def test_dashboard_counts_and_fixed_query_count(
    client,
    secretary,
    meeting_with_decision,
    region,
    fake_render,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
):
    letter = letter_for(meeting_with_decision, secretary, region)
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    clerk = griffie(region["Texel"])
    delivery_confirm_receipt(actor=clerk, delivery=deliveries["Texel"])
    client.force_login(secretary)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("raden:dashboard"))
    row = response.context["dashboard"].rows[0]
    assert row.confirmed == 1
    assert row.counts[DeliveryStatus.AVAILABLE] == 16
    assert [s.name for s, _towns in response.context["dashboard"].subregions] == [
        "Kop van Noord-Holland",
        "Regio Alkmaar",
        "West-Friesland",
    ]
    assert str(DeliveryStatus.RECEIVED.label) in response.text

    for _number in range(4):
        extra = letter_for(meeting_with_decision, secretary, region, paragraph=False)
        issue(extra, secretary, django_capture_on_commit_callbacks)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("raden:dashboard"))
    assert len(response.context["dashboard"].rows) == 5


def test_not_confirmed_after_n_days_filter_and_csv(client, secretary, issued, region):
    letter, deliveries = issued
    delivery_confirm_receipt(actor=griffie(region["Hoorn"]), delivery=deliveries["Hoorn"])
    CouncilLetterDelivery.objects.filter(letter=letter).update(
        available_at=timezone.now() - datetime.timedelta(days=10)
    )
    client.force_login(secretary)
    response = client.get(reverse("raden:dashboard"), {"days": 7})
    [row] = response.context["dashboard"].rows
    assert row.late_count == 16
    assert client.get(reverse("raden:dashboard"), {"days": 14}).context["dashboard"].rows == []

    export = client.get(reverse("raden:dashboard_csv"))
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["brief", "versie", "verzonden", "basisregio", "gemeente"]
    assert len(rows) == 1 + 17
    hoorn = next(r for r in rows if r[4] == "Gemeente Hoorn")
    assert hoorn[3] == "West-Friesland"


def test_secretary_composes_adopts_and_issues_through_the_pages(
    client,
    secretary,
    meeting_with_decision,
    region,
    fake_render,
    django_capture_on_commit_callbacks,
):
    client.force_login(secretary)
    # A letter reports an adopted decision list: refused before the adoption.
    too_early = client.post(
        reverse("raden:letter_create", args=[meeting_with_decision.pk]),
        {"title": "Woondeal", "intro": "Kort"},
    )
    assert too_early.status_code == 400
    assert not CouncilLetter.objects.exists()
    decision_list_adopt(
        actor=secretary,
        meeting=meeting_with_decision,
        at_meeting=MeetingFactory(body=meeting_with_decision.body, published=True),
    )
    response = client.post(
        reverse("raden:letter_create", args=[meeting_with_decision.pk]),
        {"title": "Woondeal", "intro": "Kort"},
    )
    letter_url = response["Location"]
    letter_pk = int(letter_url.rstrip("/").split("/")[-1])
    refused = client.post(reverse("raden:letter_adopt", args=[letter_pk]), follow=True)
    no_items = _("This letter has no items; add at least one decision before it goes out.")
    assert no_items in refused.text
    decision = meeting_with_decision.items.get(title__startswith="Woondeal").decisions.get()
    client.post(
        reverse("raden:letter_item_add", args=[letter_pk]),
        {"decision": decision.pk, "text": "Voor de raad"},
    )
    client.post(reverse("raden:letter_adopt", args=[letter_pk]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("raden:letter_issue", args=[letter_pk]))
    assert (
        CouncilLetterDelivery.objects.filter(
            letter_id=letter_pk, status=DeliveryStatus.AVAILABLE
        ).count()
        == 17
    )
    page = client.get(letter_url)
    assert page.status_code == 200 and "Gemeente Texel" in page.text


def test_dossier_page_shows_decisions_and_the_councils_informed(
    client,
    secretary,
    meeting_with_decision,
    region,
    fake_render,
    django_capture_on_commit_callbacks,
):
    from tests.factories import DossierFactory

    dossier = DossierFactory(name="Woondeal NHN")
    meeting_with_decision.items.filter(title__startswith="Woondeal").update(dossier=dossier)
    letter = letter_for(meeting_with_decision, secretary, region)
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    url = reverse("regiobureau:dossier_detail", args=[dossier.slug])

    client.force_login(secretary)
    page = client.get(url)
    assert "Het platform stemt in met de verdeling" in page.text
    assert "Versnelling woningbouw" in page.text
    assert page.text.count("Gemeente ") >= 17

    clerk = griffie(region["Texel"])
    delivery_confirm_receipt(actor=clerk, delivery=deliveries["Texel"])
    client.force_login(clerk)
    page = client.get(url)
    assert "Gemeente Texel" in page.text and "Gemeente Hoorn" not in page.text


@pytest.mark.parametrize("model", ["councilletter", "councilletterdelivery"])
def test_the_beheerder_looks_letters_up_in_the_admin_but_changes_nothing(
    admin_client, issued, model
):
    letter, deliveries = issued
    listing = admin_client.get(reverse(f"admin:raden_{model}_changelist"))
    assert listing.status_code == 200
    assert letter.title in listing.text
    obj = letter if model == "councilletter" else deliveries["Texel"]
    change = admin_client.get(reverse(f"admin:raden_{model}_change", args=[obj.pk]))
    assert change.status_code == 200
    assert 'name="_save"' not in change.text
    assert admin_client.get(reverse(f"admin:raden_{model}_add")).status_code == 403
    deleted = admin_client.post(reverse(f"admin:raden_{model}_delete", args=[obj.pk]))
    assert deleted.status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_the_overview_lists_the_griffies_unconfirmed_letters_and_the_secretariats_count(
    client, secretary, region, issued
):
    letter, deliveries = issued
    clerk = griffie(region["Texel"])
    client.force_login(clerk)
    overview = client.get(reverse("home"))
    assert [d.pk for d in overview.context["griffie_letters"]] == [deliveries["Texel"].pk]
    assert reverse("raden:delivery_detail", args=[deliveries["Texel"].pk]) in overview.text
    assert overview.context["unconfirmed_copies"] is None  # not the griffie's business
    delivery_confirm_receipt(actor=clerk, delivery=deliveries["Texel"])
    assert client.get(reverse("home")).context["griffie_letters"] == []

    client.force_login(secretary)
    overview = client.get(reverse("home"))
    assert overview.context["unconfirmed_copies"] == 16
    assert overview.context["griffie_letters"] == []
    assert reverse("raden:dashboard") in overview.text


def test_a_second_letter_about_a_meeting_is_asked_about_first(
    client, secretary, meeting_with_decision
):
    decision_list_adopt(
        actor=secretary,
        meeting=meeting_with_decision,
        at_meeting=MeetingFactory(body=meeting_with_decision.body, published=True),
    )
    client.force_login(secretary)
    url = reverse("raden:letter_create", args=[meeting_with_decision.pk])
    assert client.post(url, {"title": "Eerste", "intro": ""}).status_code == 302
    warned = client.post(url, {"title": "Tweede", "intro": ""})
    assert warned.status_code == 200
    assert "Over deze vergadering is al een raadsinformatiebrief" in warned.text
    assert "Toch een tweede brief schrijven" in warned.text
    assert CouncilLetter.objects.count() == 1
    confirmed = client.post(url, {"title": "Tweede", "intro": "", "second_letter": "1"})
    assert confirmed.status_code == 302
    assert CouncilLetter.objects.count() == 2
