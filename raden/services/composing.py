"""Composing a council letter: a draft about a meeting, its items (decisions of
public agenda items) and the paragraphs one sub-region's councils read; adopting it; starting a
corrected version ("herziene versie") of one that was issued.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gremia.models.registry import Person, Subregion
from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction
from raden.constants import (
    LetterStatus,
)
from raden.models.letters import CouncilLetter, CouncilLetterItem, CouncilLetterSubregionParagraph
from regiobureau.models.decisions import Decision
from regiobureau.models.meetings import AgendaItem, Meeting

LETTER_FIELDS = ["title", "intro", "contact_person", "college_text", "subregion_summary"]


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
    college_text: str = "",
    subregion_summary: str = "",
) -> CouncilLetter:
    """Start a draft letter about `meeting` (with, optionally, the text of its collegebrief
    and its summary for the sub-region offices)."""
    letter = CouncilLetter(
        meeting=meeting,
        title=(title or "").strip(),
        intro=intro,
        contact_person=contact_person,
        college_text=college_text,
        subregion_summary=subregion_summary,
    )
    audited_create(actor=actor, obj=letter, verb="council_letter_create")
    return letter


@transaction.atomic
def council_letter_update(*, actor, letter: CouncilLetter, **fields: Any) -> CouncilLetter:
    """Change the title, introduction or contact person of a draft."""
    unknown = set(fields) - set(LETTER_FIELDS)
    if unknown:
        raise TypeError(f"council_letter_update does not change {sorted(unknown)}")
    _check_draft(letter)
    return audited_update(
        actor=actor, obj=letter, verb="council_letter_update", recorded=LETTER_FIELDS, **fields
    )


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


def check_has_items(letter: CouncilLetter) -> None:
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
    check_has_items(letter)
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
        college_text=letter.college_text,
        subregion_summary=letter.subregion_summary,
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
