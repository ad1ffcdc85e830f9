"""Council letters: compose, adopt, issue 17 copies, correct; the griffie's steps."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from nhn_portal.core.models import AuditRecord, GenerationJob
from raden.constants import RENDER_MAX_RETRIES, DeliveryStatus, LetterStatus, RenderStatus
from raden.models.letters import CouncilLetter, CouncilLetterDelivery
from raden.services.composing import (
    council_letter_adopt,
    council_letter_correct,
    council_letter_create,
    council_letter_item_add,
    council_letter_update,
)
from raden.services.delivery import (
    delivery_confirm_receipt,
    delivery_mark_downloaded,
    delivery_schedule,
    delivery_take_note,
)
from raden.services.issuing import council_letter_issue, deliveries_sync, delivery_render_retry
from tests.builders import griffie, issue, letter_for

# Every task the raden services enqueue runs in-process.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


def test_a_letter_without_items_is_refused(secretary, meeting_with_decision, region):
    letter = council_letter_create(actor=secretary, meeting=meeting_with_decision, title="Leeg")
    with pytest.raises(ValidationError) as error:
        council_letter_adopt(actor=secretary, letter=letter)
    assert error.value.code == "no_items"
    letter.status = LetterStatus.ADOPTED  # even if it got past adoption somehow
    letter.save()
    with pytest.raises(ValidationError):
        council_letter_issue(actor=secretary, letter=letter)
    assert not CouncilLetterDelivery.objects.exists()


def test_a_draft_is_not_issued(secretary, meeting_with_decision, region):
    letter = letter_for(meeting_with_decision, secretary, region, adopt=False)
    with pytest.raises(ValidationError):
        council_letter_issue(actor=secretary, letter=letter)


def test_issuing_makes_17_deliveries_rendered_after_commit(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    griffie(region["Texel"])
    letter = letter_for(meeting_with_decision, secretary, region)
    with django_capture_on_commit_callbacks() as callbacks:
        council_letter_issue(actor=secretary, letter=letter)
    # Nothing rendered or announced before the commit: 17 jobs wait for it, handed to the
    # broker together by one after-commit callback.
    assert len(callbacks) == 1
    assert GenerationJob.objects.filter(enqueued_at__isnull=False).count() == 0
    jobs = GenerationJob.objects.filter(kind="raadsinformatiebrief")
    assert sorted(jobs.values_list("audience", flat=True)) == sorted(
        t.slug for t in region.values()
    )
    assert set(CouncilLetterDelivery.objects.values_list("status", flat=True)) == {
        DeliveryStatus.PENDING
    }
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    deliveries = CouncilLetterDelivery.objects.filter(letter=letter)
    assert deliveries.count() == 17
    assert set(deliveries.values_list("status", flat=True)) == {DeliveryStatus.AVAILABLE}
    assert all(d.document_id and d.document.audience == d.municipality.slug for d in deliveries)
    assert CouncilLetter.objects.get(pk=letter.pk).status == LetterStatus.SENT
    with pytest.raises(ValidationError):
        council_letter_issue(actor=secretary, letter=letter)


def test_griffie_is_mailed_a_link_without_content(
    secretary,
    meeting_with_decision,
    region,
    fake_render,
    django_capture_on_commit_callbacks,
    settings,
):
    settings.SITE_URL = "https://portaal.example.org"
    griffie(region["Texel"], email="griffie@texel.example.org")
    letter = letter_for(meeting_with_decision, secretary, region)
    deliveries = issue(letter, secretary, django_capture_on_commit_callbacks)
    [message] = [m for m in mail.outbox if m.to == ["griffie@texel.example.org"]]
    assert f"/raden/brieven/{deliveries['Texel'].pk}/" in message.body
    assert "versnellingsmiddelen" not in message.body
    assert "Texel" in message.subject
    # Syncing again (the beat) announces nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert deliveries_sync() == 0
    assert len([m for m in mail.outbox if m.to == ["griffie@texel.example.org"]]) == 1


def test_a_redelivered_notify_task_mails_the_griffie_only_once(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    from raden.tasks import council_letter_delivery_notify

    griffie(region["Texel"], email="griffie@texel.example.org")
    letter = letter_for(meeting_with_decision, secretary, region)
    texel = issue(letter, secretary, django_capture_on_commit_callbacks)["Texel"]
    texel.refresh_from_db()
    assert texel.notified_at is not None
    record = AuditRecord.objects.get(verb="delivery_notify", object_id=str(texel.pk))
    assert record.changes == {"recipients": ["griffie@texel.example.org"]}
    # The broker hands the same task out again (late acknowledgement after a lost worker).
    assert council_letter_delivery_notify.apply(args=[texel.pk]).get() == 0
    assert len([m for m in mail.outbox if m.to == ["griffie@texel.example.org"]]) == 1
    assert AuditRecord.objects.filter(verb="delivery_notify", object_id=str(texel.pk)).count() == 1


def test_a_failed_mail_leaves_the_copy_unmarked_so_the_retry_sends_it(
    secretary,
    meeting_with_decision,
    region,
    fake_render,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    from celery.exceptions import Retry

    from raden import tasks
    from raden.services import issuing as sending

    letter = letter_for(meeting_with_decision, secretary, region)
    # Issued before Texel's griffie had an account: nobody to mail, nothing marked.
    texel = issue(letter, secretary, django_capture_on_commit_callbacks)["Texel"]
    griffie(region["Texel"], email="griffie@texel.example.org")

    def refuse(*args, **kwargs):
        raise ConnectionError("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr(sending, "send_templated_mail", refuse)
        with pytest.raises((ConnectionError, Retry)):
            tasks.council_letter_delivery_notify.apply(args=[texel.pk], throw=True)
    texel.refresh_from_db()
    assert texel.notified_at is None
    assert tasks.council_letter_delivery_notify.apply(args=[texel.pk]).get() == 1
    texel.refresh_from_db()
    assert texel.notified_at is not None
    assert [m.to for m in mail.outbox] == [["griffie@texel.example.org"]]


def test_one_failed_render_holds_back_only_that_council(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    fake_render.add("Hoorn")
    griffie(region["Hoorn"], email="griffie@hoorn.example.org")
    letter = letter_for(meeting_with_decision, secretary, region)
    issue(letter, secretary, django_capture_on_commit_callbacks)
    # The sync requests a failed copy again, up to RENDER_MAX_RETRIES attempts in all.
    for _round in range(RENDER_MAX_RETRIES + 1):
        with django_capture_on_commit_callbacks(execute=True):
            deliveries_sync()
    deliveries = {
        d.municipality.name.removeprefix("Gemeente "): d
        for d in CouncilLetterDelivery.objects.filter(letter=letter).select_related("municipality")
    }
    hoorn = deliveries.pop("Hoorn")
    assert hoorn.render_status == RenderStatus.FAILED
    assert hoorn.render_attempts == RENDER_MAX_RETRIES
    assert hoorn.status == DeliveryStatus.PENDING  # never marked available
    assert hoorn.document is None
    assert "render failed for Hoorn" in hoorn.render_error
    assert GenerationJob.objects.filter(audience=region["Hoorn"].slug).count() == RENDER_MAX_RETRIES
    assert all(d.status == DeliveryStatus.AVAILABLE for d in deliveries.values())
    assert len(deliveries) == 16
    assert not [m for m in mail.outbox if "griffie@hoorn.example.org" in m.to]
    # The secretary retries once the cause is gone: Hoorn becomes available too.
    fake_render.clear()
    with django_capture_on_commit_callbacks(execute=True):
        delivery_render_retry(actor=secretary, delivery=hoorn)
    hoorn.refresh_from_db()
    assert hoorn.render_status == RenderStatus.DONE
    assert hoorn.status == DeliveryStatus.AVAILABLE
    assert [m for m in mail.outbox if "griffie@hoorn.example.org" in m.to]


def test_a_rendered_copy_is_available_the_moment_its_job_ends(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    """No sync needed: the pipeline's follow-up (on_finished) makes the copy available."""
    from nhn_portal.core.production.services import document_generation_run

    griffie(region["Texel"], email="griffie@texel.example.org")
    letter = letter_for(meeting_with_decision, secretary, region)
    with django_capture_on_commit_callbacks(execute=False):
        council_letter_issue(actor=secretary, letter=letter)  # jobs not yet run
    texel = CouncilLetterDelivery.objects.get(letter=letter, municipality=region["Texel"])
    assert texel.status == DeliveryStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        document_generation_run(job_id=texel.job_id)
    texel.refresh_from_db()
    assert texel.status == DeliveryStatus.AVAILABLE
    assert texel.render_status == RenderStatus.DONE
    assert [m.to for m in mail.outbox] == [["griffie@texel.example.org"]]
    # The other 16 jobs have not run: their copies wait.
    others = CouncilLetterDelivery.objects.filter(letter=letter).exclude(pk=texel.pk)
    assert set(others.values_list("status", flat=True)) == {DeliveryStatus.PENDING}


def test_a_failing_follow_up_leaves_the_job_done_for_the_beat_to_finish(
    secretary,
    meeting_with_decision,
    region,
    fake_render,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    from nhn_portal.core.constants import GenerationStatus
    from nhn_portal.core.production.services import document_generation_run

    letter = letter_for(meeting_with_decision, secretary, region)
    with django_capture_on_commit_callbacks(execute=False):
        council_letter_issue(actor=secretary, letter=letter)
    texel = CouncilLetterDelivery.objects.get(letter=letter, municipality=region["Texel"])

    def broken(job_id):
        raise RuntimeError("database hiccup")

    with monkeypatch.context() as patched:
        patched.setattr("raden.producers.delivery_job_finished", broken)
        with django_capture_on_commit_callbacks(execute=True):
            job = document_generation_run(job_id=texel.job_id)
    assert job.status == GenerationStatus.DONE
    texel.refresh_from_db()
    assert texel.status == DeliveryStatus.PENDING
    # The beat's sync is the safety net.
    with django_capture_on_commit_callbacks(execute=True):
        assert deliveries_sync(letter=letter) == 1
    texel.refresh_from_db()
    assert texel.status == DeliveryStatus.AVAILABLE


def test_griffie_flow_receipt_once_then_scheduled_then_noted(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    clerk = griffie(region["Texel"])
    letter = letter_for(meeting_with_decision, secretary, region)
    delivery = issue(letter, secretary, django_capture_on_commit_callbacks)["Texel"]

    delivery_mark_downloaded(actor=clerk, delivery=delivery)
    delivery_mark_downloaded(actor=clerk, delivery=delivery)  # only the first counts
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DOWNLOADED and delivery.downloaded_by == clerk

    delivery_confirm_receipt(actor=clerk, delivery=delivery)
    with pytest.raises(ValidationError) as error:
        delivery_confirm_receipt(actor=clerk, delivery=delivery)
    assert error.value.code == "already_confirmed"

    delivery_schedule(
        actor=clerk,
        delivery=delivery,
        council_date=datetime.date(2026, 7, 2),
        link="https://texel.raadsinformatie.nl/vergadering/123",
    )
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SCHEDULED
    assert delivery.council_date == datetime.date(2026, 7, 2)
    delivery_take_note(actor=clerk, delivery=delivery)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.NOTED and delivery.noted_at
    verbs = list(
        AuditRecord.objects.filter(object_id=str(delivery.pk), actor=clerk)
        .order_by("pk")
        .values_list("verb", flat=True)
    )
    assert verbs == [
        "delivery_mark_downloaded",
        "delivery_confirm_receipt",
        "delivery_schedule",
        "delivery_take_note",
    ]


def test_scheduling_without_confirming_counts_as_receipt(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    clerk = griffie(region["Hoorn"])
    letter = letter_for(meeting_with_decision, secretary, region)
    delivery = issue(letter, secretary, django_capture_on_commit_callbacks)["Hoorn"]
    delivery_schedule(actor=clerk, delivery=delivery, council_date=datetime.date(2026, 7, 9))
    delivery.refresh_from_db()
    assert delivery.received_at is not None and delivery.received_by == clerk
    with pytest.raises(ValidationError):
        delivery_confirm_receipt(actor=clerk, delivery=delivery)


def test_correction_is_a_new_version_and_keeps_the_old(
    secretary, meeting_with_decision, region, fake_render, django_capture_on_commit_callbacks
):
    letter = letter_for(meeting_with_decision, secretary, region)
    with pytest.raises(ValidationError):
        council_letter_correct(actor=secretary, letter=letter)  # not issued yet
    issue(letter, secretary, django_capture_on_commit_callbacks)
    revision = council_letter_correct(actor=secretary, letter=letter)
    assert revision.version == 2 and revision.supersedes == letter
    assert revision.status == LetterStatus.DRAFT
    assert "herziene versie" in str(revision)
    assert revision.items.count() == 1 and revision.subregion_paragraphs.count() == 1
    with pytest.raises(ValidationError):
        council_letter_correct(actor=secretary, letter=letter)
    council_letter_update(actor=secretary, letter=revision, title="Versnelling (herzien)")
    council_letter_adopt(actor=secretary, letter=revision)
    issue(revision, secretary, django_capture_on_commit_callbacks)
    assert CouncilLetterDelivery.objects.filter(letter=letter).count() == 17
    assert CouncilLetterDelivery.objects.filter(letter=revision).count() == 17
    assert CouncilLetter.objects.get(pk=letter.pk).title == "Versnelling woningbouw"


def test_closed_items_never_go_into_a_letter(secretary, meeting_with_decision, region):
    from tests.factories import AgendaItemFactory

    letter = letter_for(meeting_with_decision, secretary, region, adopt=False)
    closed = AgendaItemFactory(meeting=meeting_with_decision, confidential=True)
    with pytest.raises(ValidationError):
        council_letter_item_add(actor=secretary, letter=letter, agenda_item=closed, text="x")
