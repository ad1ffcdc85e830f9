"""Writes for council letters and their delivery to the 17 councils (issue 5).

Every status change is audited (who, when) in the same transaction. Issuing makes one delivery
per municipality and asks the document pipeline (issue #4) for each council's PDF, one job per
municipality; a delivery is made available (klaargezet) only once its own job is done, so one
failed render holds back that council only, and is requested again.
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gremia.models import Organisation, Person, Subregion
from nhn_portal.core import production
from nhn_portal.core.audit import audit_record_create, model_changes, snapshot, timestamp_once
from nhn_portal.core.constants import AuditAction, GenerationStatus
from regiobureau.models import AgendaItem, Decision, Meeting

from . import selectors
from .constants import (
    DELIVERY_ORDER,
    RENDER_MAX_RETRIES,
    DeliveryStatus,
    LetterStatus,
    RenderStatus,
)
from .models import (
    CouncilLetter,
    CouncilLetterDelivery,
    CouncilLetterItem,
    CouncilLetterSubregionParagraph,
)
from .producers import COUNCIL_LETTER

LETTER_FIELDS = ["title", "intro", "contact_person"]
PDF_TEMPLATE = "raden/pdf/council_letter.html"


# ---- Composing ---------------------------------------------------------------------------


def _check_draft(letter: CouncilLetter) -> None:
    if letter.status != LetterStatus.DRAFT:
        raise ValidationError(
            _("This letter has been adopted and can no longer be changed; issue a correction."),
            code="not_draft",
        )


@transaction.atomic
def council_letter_create(
    *,
    actor,
    meeting: Meeting,
    title: str,
    intro: str = "",
    contact_person: Person | None = None,
) -> CouncilLetter:
    """Start a draft letter about `meeting`."""
    letter = CouncilLetter(
        meeting=meeting, title=(title or "").strip(), intro=intro, contact_person=contact_person
    )
    letter.full_clean()
    letter.save()
    audit_record_create(
        actor=actor, obj=letter, action=AuditAction.CREATE, verb="council_letter_create"
    )
    return letter


@transaction.atomic
def council_letter_update(*, actor, letter: CouncilLetter, **fields: Any) -> CouncilLetter:
    """Change the title, introduction or contact person of a draft."""
    unknown = set(fields) - set(LETTER_FIELDS)
    if unknown:
        raise TypeError(f"council_letter_update does not change {sorted(unknown)}")
    _check_draft(letter)
    before = snapshot(letter, LETTER_FIELDS)
    for name, value in fields.items():
        setattr(letter, name, value)
    letter.full_clean()
    letter.save(update_fields=[*fields, "updated_at"])
    audit_record_create(
        actor=actor,
        obj=letter,
        action=AuditAction.UPDATE,
        verb="council_letter_update",
        changes=model_changes(before, letter, LETTER_FIELDS),
    )
    return letter


@transaction.atomic
def council_letter_item_add(
    *,
    actor,
    letter: CouncilLetter,
    text: str,
    decision: Decision | None = None,
    agenda_item: AgendaItem | None = None,
) -> CouncilLetterItem:
    """Report a decision (or an agenda item) of the letter's meeting to the councils."""
    _check_draft(letter)
    if decision is not None:
        agenda_item = decision.item
    if agenda_item is None or agenda_item.meeting_id != letter.meeting_id:
        raise ValidationError(
            _("Choose a decision or agenda item of this letter's meeting."), code="wrong_meeting"
        )
    if not agenda_item.is_public:
        # A letter goes to 17 councils and is public: a closed item never goes in it.
        raise ValidationError(
            _("A closed agenda item cannot be reported in a council letter."), code="closed"
        )
    last = letter.items.order_by("-position").values_list("position", flat=True).first()
    position = (last or 0) + 1
    entry = CouncilLetterItem(
        letter=letter,
        decision=decision,
        agenda_item=agenda_item,
        text=(text or "").strip(),
        position=position,
    )
    entry.full_clean()
    entry.save()
    audit_record_create(
        actor=actor,
        obj=letter,
        action=AuditAction.UPDATE,
        verb="council_letter_item_add",
        changes={"item": str(agenda_item)},
    )
    return entry


@transaction.atomic
def council_letter_item_remove(*, actor, entry: CouncilLetterItem) -> None:
    _check_draft(entry.letter)
    audit_record_create(
        actor=actor,
        obj=entry.letter,
        action=AuditAction.UPDATE,
        verb="council_letter_item_remove",
        changes={"item": str(entry.agenda_item)},
    )
    entry.delete()


@transaction.atomic
def council_letter_paragraph_set(
    *, actor, letter: CouncilLetter, subregion: Subregion, text: str
) -> CouncilLetterSubregionParagraph | None:
    """Set (or, with empty text, remove) the paragraph only one sub-region's councils read."""
    _check_draft(letter)
    text = (text or "").strip()
    existing = letter.subregion_paragraphs.filter(subregion=subregion).first()
    if not text:
        if existing is not None:
            existing.delete()
        paragraph = None
    else:
        paragraph = existing or CouncilLetterSubregionParagraph(letter=letter, subregion=subregion)
        paragraph.text = text
        paragraph.full_clean()
        paragraph.save()
    audit_record_create(
        actor=actor,
        obj=letter,
        action=AuditAction.UPDATE,
        verb="council_letter_paragraph_set",
        changes={"subregion": str(subregion), "removed": paragraph is None},
    )
    return paragraph


def _check_has_items(letter: CouncilLetter) -> None:
    if not letter.items.exists():
        raise ValidationError(
            _("This letter has no items; add at least one decision before it goes out."),
            code="no_items",
        )


@transaction.atomic
def council_letter_adopt(*, actor, letter: CouncilLetter) -> CouncilLetter:
    """concept → vastgesteld: the text is final."""
    letter = CouncilLetter.objects.select_for_update().get(pk=letter.pk)
    _check_draft(letter)
    _check_has_items(letter)
    letter.status = LetterStatus.ADOPTED
    letter.adopted_at = timezone.now()
    letter.save(update_fields=["status", "adopted_at", "updated_at"])
    audit_record_create(
        actor=actor,
        obj=letter,
        action=AuditAction.UPDATE,
        verb="council_letter_adopt",
        changes={"status": [LetterStatus.DRAFT, LetterStatus.ADOPTED]},
    )
    return letter


@transaction.atomic
def council_letter_issue(*, actor, letter: CouncilLetter) -> list[CouncilLetterDelivery]:
    """vastgesteld → verzonden: one delivery per municipality, each with its own generation
    job rendered after the commit. Refused without items; a delivery is available only once
    its job is done (delivery_job_finished, right after the render)."""
    letter = CouncilLetter.objects.select_for_update().get(pk=letter.pk)
    if letter.status == LetterStatus.SENT:
        raise ValidationError(_("This letter has already been issued."), code="issued")
    _check_has_items(letter)
    if letter.status != LetterStatus.ADOPTED:
        raise ValidationError(
            _("Adopt the letter before issuing it to the councils."), code="not_adopted"
        )
    towns = list(selectors.municipalities())
    if not towns:
        raise ValidationError(_("There are no municipalities to send the letter to."))
    letter.status = LetterStatus.SENT
    letter.issued_at = timezone.now()
    letter.save(update_fields=["status", "issued_at", "updated_at"])
    deliveries = CouncilLetterDelivery.objects.bulk_create(
        CouncilLetterDelivery(
            letter=letter,
            municipality=town,
            status=DeliveryStatus.PENDING,
            status_changed_at=letter.issued_at,
            render_status=RenderStatus.QUEUED,
        )
        for town in towns
    )
    audit_record_create(
        actor=actor,
        obj=letter,
        action=AuditAction.UPDATE,
        verb="council_letter_issue",
        changes={
            "status": [LetterStatus.ADOPTED, LetterStatus.SENT],
            "municipalities": len(deliveries),
        },
    )
    # Read the rows back rather than trust bulk_create to set primary keys on every backend.
    deliveries = list(
        CouncilLetterDelivery.objects.filter(letter=letter)
        .select_related("municipality")
        .order_by("pk")
    )
    for delivery in deliveries:
        _request_render(actor=actor, delivery=delivery)
    return deliveries


def _request_render(*, actor, delivery: CouncilLetterDelivery) -> None:
    """One generation job for this council's copy; the pipeline renders it after the commit
    and calls delivery_job_finished when the job is done."""
    job = production.document_generation_request(
        actor=actor,
        subject=delivery.letter,
        kind=COUNCIL_LETTER,
        audience=delivery.municipality.slug,
    )
    delivery.job = job
    delivery.render_status = RenderStatus.QUEUED
    delivery.render_attempts += 1
    delivery.save(update_fields=["job", "render_status", "render_attempts", "updated_at"])


@transaction.atomic
def council_letter_correct(*, actor, letter: CouncilLetter) -> CouncilLetter:
    """Start a corrected version ("herziene versie") of an issued letter: a new draft with the
    same content, which the secretary edits, adopts and issues; the old one stays as it was."""
    letter = CouncilLetter.objects.select_for_update().get(pk=letter.pk)
    if letter.status != LetterStatus.SENT:
        raise ValidationError(
            _("Only an issued letter is corrected; change the draft itself instead."),
            code="not_issued",
        )
    if CouncilLetter.objects.filter(supersedes=letter).exists():
        raise ValidationError(
            _("A corrected version of this letter already exists."), code="already_corrected"
        )
    revision = CouncilLetter(
        meeting_id=letter.meeting_id,
        title=letter.title,
        intro=letter.intro,
        contact_person_id=letter.contact_person_id,
        version=letter.version + 1,
        supersedes=letter,
    )
    revision.full_clean()
    revision.save()
    CouncilLetterItem.objects.bulk_create(
        CouncilLetterItem(
            letter=revision,
            position=entry.position,
            decision_id=entry.decision_id,
            agenda_item_id=entry.agenda_item_id,
            text=entry.text,
        )
        for entry in letter.items.all()
    )
    CouncilLetterSubregionParagraph.objects.bulk_create(
        CouncilLetterSubregionParagraph(letter=revision, subregion_id=p.subregion_id, text=p.text)
        for p in letter.subregion_paragraphs.all()
    )
    audit_record_create(
        actor=actor,
        obj=revision,
        action=AuditAction.CREATE,
        verb="council_letter_correct",
        changes={"supersedes": letter.pk, "version": revision.version},
    )
    return revision


# ---- The PDF per council -----------------------------------------------------------------


def council_letter_document(
    letter: CouncilLetter, municipality: Organisation
) -> tuple[str, dict[str, Any], str]:
    """Template, context and title of one council's copy: addressed to its council, with its
    own sub-region's paragraph only. Also the producer of the generation pipeline."""
    paragraph = (
        letter.subregion_paragraphs.filter(subregion_id=municipality.subregion_id).first()
        if municipality.subregion_id
        else None
    )
    town = selectors.council_name(municipality)
    context = {
        "letter": letter,
        "meeting": letter.meeting,
        "body": letter.meeting.body,
        "items": selectors.letter_items(letter),
        "municipality": municipality,
        "council_name": town,
        "subregion": municipality.subregion,
        "subregion_paragraph": paragraph,
        "contact_person": letter.contact_person,
        "is_revision": letter.is_revision,
        "issued_on": timezone.localtime(letter.issued_at or timezone.now()).date(),
        "confidential": False,
    }
    title = f"Raadsinformatiebrief {letter.title} – gemeenteraad {town}"
    if letter.is_revision:
        title += f" (herziene versie {letter.version})"
    return PDF_TEMPLATE, context, title


def delivery_job_finished(job_id: int) -> None:
    """The pipeline's follow-up (on_finished) of a council's copy: make it available, or
    request it again after a failure, the moment its job ended."""
    delivery_id = (
        CouncilLetterDelivery.objects.filter(job_id=job_id).values_list("pk", flat=True).first()
    )
    if delivery_id is not None:
        _delivery_sync(delivery_id)


def deliveries_sync(*, letter: CouncilLetter | None = None) -> int:
    """Bring each copy in production up to date with its generation job: a finished job makes
    the copy available (klaargezet) and mails its griffie; a failed one is shown with the
    reason and requested again, up to RENDER_MAX_RETRIES times. Safe to run at any moment
    (the beat runs it every minute). Returns the number of copies made available."""
    pending = CouncilLetterDelivery.objects.filter(
        status=DeliveryStatus.PENDING, job__isnull=False
    ).exclude(render_status=RenderStatus.FAILED, render_attempts__gte=RENDER_MAX_RETRIES)
    if letter is not None:
        pending = pending.filter(letter=letter)
    made_available = 0
    for delivery_id in pending.values_list("pk", flat=True):
        made_available += _delivery_sync(delivery_id)
    return made_available


@transaction.atomic
def _delivery_sync(delivery_id: int) -> int:
    from .tasks import council_letter_delivery_notify

    delivery = (
        CouncilLetterDelivery.objects.select_for_update(of=("self",))
        .select_related("job", "letter", "municipality")
        .get(pk=delivery_id)
    )
    job = delivery.job
    if delivery.status != DeliveryStatus.PENDING or job is None:
        return 0
    if job.status == GenerationStatus.DONE:
        now = timezone.now()
        delivery.document_id = job.document_id
        delivery.render_status = RenderStatus.DONE
        delivery.render_error = ""
        delivery.status = DeliveryStatus.AVAILABLE
        delivery.available_at = now
        delivery.status_changed_at = now
        delivery.save(
            update_fields=[
                "document",
                "render_status",
                "render_error",
                "status",
                "available_at",
                "status_changed_at",
                "updated_at",
            ]
        )
        audit_record_create(
            actor=None,
            obj=delivery,
            action=AuditAction.UPDATE,
            verb="delivery_make_available",
            changes={"status": [DeliveryStatus.PENDING, DeliveryStatus.AVAILABLE]},
        )
        council_letter_delivery_notify.delay_on_commit(delivery.pk)
        return 1
    if job.status == GenerationStatus.FAILED:
        if delivery.render_status != RenderStatus.FAILED:
            audit_record_create(
                actor=None,
                obj=delivery,
                action=AuditAction.UPDATE,
                verb="delivery_render_fail",
                changes={"reason": job.failure_reason[:300], "attempt": delivery.render_attempts},
            )
        delivery.render_status = RenderStatus.FAILED
        delivery.render_error = job.failure_reason
        delivery.save(update_fields=["render_status", "render_error", "updated_at"])
        if delivery.render_attempts < RENDER_MAX_RETRIES:
            _request_render(actor=None, delivery=delivery)
        return 0
    status = RenderStatus.RUNNING if job.status == GenerationStatus.RUNNING else RenderStatus.QUEUED
    if delivery.render_status != status:
        delivery.render_status = status
        delivery.save(update_fields=["render_status", "updated_at"])
    return 0


@transaction.atomic
def delivery_render_retry(*, actor, delivery: CouncilLetterDelivery) -> CouncilLetterDelivery:
    """Make a failed council's copy again (the secretary's button, after the automatic
    retries); the failed job stays as the record."""
    delivery = (
        CouncilLetterDelivery.objects.select_for_update(of=("self",))
        .select_related("letter", "municipality")
        .get(pk=delivery.pk)
    )
    if delivery.render_status != RenderStatus.FAILED:
        raise ValidationError(_("Only a failed PDF can be made again."), code="not_failed")
    _request_render(actor=actor, delivery=delivery)
    audit_record_create(
        actor=actor, obj=delivery, action=AuditAction.UPDATE, verb="delivery_render_retry"
    )
    return delivery


# ---- The griffie's steps -----------------------------------------------------------------


def _advance(
    *,
    actor,
    delivery: CouncilLetterDelivery,
    status: str,
    verb: str,
    stamp: dict[str, Any],
) -> CouncilLetterDelivery:
    """Move a delivery forward to `status` (never back), with its step's timestamp."""
    if delivery.status == DeliveryStatus.PENDING:
        raise ValidationError(_("This letter is not available yet."), code="pending")
    before = snapshot(delivery, ["status", *stamp])
    if DELIVERY_ORDER.index(status) > DELIVERY_ORDER.index(delivery.status):
        delivery.status = status
        delivery.status_changed_at = timezone.now()
    for name, value in stamp.items():
        setattr(delivery, name, value)
    delivery.full_clean()
    delivery.save(update_fields=["status", "status_changed_at", *stamp, "updated_at"])
    audit_record_create(
        actor=actor,
        obj=delivery,
        action=AuditAction.UPDATE,
        verb=verb,
        changes=model_changes(before, delivery, ["status", *stamp]),
    )
    return delivery


def delivery_mark_notified(*, delivery_id: int, recipients: list[str]) -> bool:
    """Record that the griffie was mailed about its copy; False if that was recorded before."""
    return timestamp_once(
        model=CouncilLetterDelivery,
        pk=delivery_id,
        field="notified_at",
        verb="delivery_notify",
        changes={"recipients": recipients},
    )


@transaction.atomic
def delivery_mark_downloaded(*, actor, delivery: CouncilLetterDelivery) -> CouncilLetterDelivery:
    """The griffie downloaded its copy; only the first download is a status change."""
    delivery = CouncilLetterDelivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.downloaded_at is not None:
        return delivery
    return _advance(
        actor=actor,
        delivery=delivery,
        status=DeliveryStatus.DOWNLOADED,
        verb="delivery_mark_downloaded",
        stamp={"downloaded_at": timezone.now(), "downloaded_by": actor},
    )


@transaction.atomic
def delivery_confirm_receipt(*, actor, delivery: CouncilLetterDelivery) -> CouncilLetterDelivery:
    """ "Ontvangst bevestigen": once; a second confirmation is refused."""
    delivery = CouncilLetterDelivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.received_at is not None:
        raise ValidationError(
            _("Receipt of this letter was already confirmed on %(date)s.")
            % {"date": date_format(timezone.localtime(delivery.received_at), "j F Y")},
            code="already_confirmed",
        )
    return _advance(
        actor=actor,
        delivery=delivery,
        status=DeliveryStatus.RECEIVED,
        verb="delivery_confirm_receipt",
        stamp={"received_at": timezone.now(), "received_by": actor},
    )


@transaction.atomic
def delivery_schedule(
    *,
    actor,
    delivery: CouncilLetterDelivery,
    council_date: datetime.date,
    link: str = "",
) -> CouncilLetterDelivery:
    """ "Geagendeerd voor de raad op <datum>", with an optional link to the council's system.
    Scheduling implies receipt; a new date may be set later (the council postponed it)."""
    delivery = CouncilLetterDelivery.objects.select_for_update().get(pk=delivery.pk)
    if council_date is None:
        raise ValidationError({"council_date": _("Give the date of the council meeting.")})
    if delivery.status == DeliveryStatus.NOTED:
        raise ValidationError(_("The council has already taken note of this letter."), code="noted")
    now = timezone.now()
    stamp: dict[str, Any] = {
        "council_date": council_date,
        "council_link": (link or "").strip(),
        "scheduled_at": now,
    }
    if delivery.received_at is None:
        stamp |= {"received_at": now, "received_by": actor}
    return _advance(
        actor=actor,
        delivery=delivery,
        status=DeliveryStatus.SCHEDULED,
        verb="delivery_schedule",
        stamp=stamp,
    )


@transaction.atomic
def delivery_take_note(*, actor, delivery: CouncilLetterDelivery) -> CouncilLetterDelivery:
    """ "Ter kennisname aangenomen": the council has dealt with the letter."""
    delivery = CouncilLetterDelivery.objects.select_for_update().get(pk=delivery.pk)
    if delivery.status == DeliveryStatus.NOTED:
        raise ValidationError(_("The council has already taken note of this letter."), code="noted")
    now = timezone.now()
    stamp: dict[str, Any] = {"noted_at": now}
    if delivery.received_at is None:
        stamp |= {"received_at": now, "received_by": actor}
    return _advance(
        actor=actor,
        delivery=delivery,
        status=DeliveryStatus.NOTED,
        verb="delivery_take_note",
        stamp=stamp,
    )
