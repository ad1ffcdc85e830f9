"""Writes for the agenda: add, change, remove and reorder items (sub-items 3a, 3b); each
body's standard items; dossiers. Every change carries the agenda version the secretary saw.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from nhn_portal.core.audit import audit_record_create, audited_create, audited_update
from nhn_portal.core.constants import AuditAction
from regiobureau import permissions
from regiobureau.constants import DEFAULT_TEMPLATE_ITEMS, TemplatePlacement
from regiobureau.models.meetings import AgendaItem, AgendaTemplateItem, Dossier, Meeting
from regiobureau.search import item_search_refresh, items_search_remove
from regiobureau.services.guards import bump_agenda_version, check_editable, visibility_changed

ITEM_FIELDS = [
    "title",
    "description",
    "purpose",
    "presenter",
    "planned_minutes",
    "is_public",
    "dossier",
    "parent",
]


def _check_parent(meeting: Meeting, parent: AgendaItem | None) -> None:
    if parent is None:
        return
    if parent.meeting_id != meeting.pk:
        raise ValidationError({"parent": _("The main item belongs to another meeting.")})
    if parent.parent_id is not None:
        raise ValidationError({"parent": _("A sub-item cannot have sub-items of its own.")})


def _make_room(meeting: Meeting, parent: AgendaItem | None) -> int:
    """The position for an item joining `parent`'s items: before the closing items at the
    main level (moving them down one place), else last."""
    siblings = meeting.items.filter(parent=parent)
    first_closing = None
    if parent is None:
        closing = siblings.filter(standard_key=TemplatePlacement.CLOSING).order_by("position")
        first_closing = closing.first()
    if first_closing is not None:
        position = first_closing.position
        siblings.filter(position__gte=position).update(position=F("position") + 1)
        return position
    return (siblings.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def agenda_item_create(
    *,
    actor,
    meeting: Meeting,
    expected_version: int | None,
    title: str,
    purpose: str,
    description: str = "",
    presenter=None,
    planned_minutes: int | None = None,
    is_public: bool = True,
    dossier=None,
    parent: AgendaItem | None = None,
) -> AgendaItem:
    """Add an item: before the closing items, or as the last sub-item of `parent`."""
    check_editable(meeting)
    _check_parent(meeting, parent)
    position = _make_room(meeting, parent)
    item = AgendaItem(
        meeting=meeting,
        parent=parent,
        position=position,
        title=(title or "").strip(),
        description=description,
        purpose=purpose,
        presenter=presenter,
        planned_minutes=planned_minutes,
        is_public=is_public,
        dossier=dossier,
    )
    item.full_clean()
    bump_agenda_version(meeting, expected_version)
    item.save()
    audit_record_create(actor=actor, obj=item, action=AuditAction.CREATE, verb="agenda_item_create")
    item_search_refresh(items=[item])
    return item


@transaction.atomic
def agenda_item_update(
    *, actor, item: AgendaItem, expected_version: int | None, **fields: Any
) -> AgendaItem:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"agenda_item_update does not change {sorted(unknown)}")
    meeting = item.meeting
    check_editable(meeting)
    if "parent" in fields:
        _check_parent(meeting, fields["parent"])
        if fields["parent"] is not None and item.children.exists():
            raise ValidationError({"parent": _("An item with sub-items cannot become a sub-item.")})
    if "title" in fields:
        fields["title"] = (fields["title"] or "").strip()
    old_parent_id = item.parent_id
    was_public = permissions.is_public_item(item)
    values = dict(fields)
    if "parent" in fields:
        new_parent = fields["parent"]
        if (new_parent.pk if new_parent else None) != old_parent_id:
            # A promoted or demoted item joins its new level last (before the closing items at
            # the main level), not at the number it happened to have on its old level.
            values["position"] = _make_room(meeting, new_parent)
    audited_update(
        actor=actor,
        obj=item,
        verb="agenda_item_update",
        before_save=lambda: bump_agenda_version(meeting, expected_version),
        recorded=ITEM_FIELDS,
        **values,
    )
    if "position" in values:
        _renumber(meeting, parent_id=old_parent_id)
    if "is_public" in fields or "parent" in fields:
        now_public = permissions.is_public_item(item)
        if now_public != was_public or ("is_public" in fields and item.children.exists()):
            visibility_changed(actor=actor, meeting=meeting, reason="agenda_item_update")
    item_search_refresh(items=[item])
    return item


@transaction.atomic
def agenda_item_delete(*, actor, item: AgendaItem, expected_version: int | None) -> None:
    """Remove an item (and its sub-items and stukken)."""
    meeting = item.meeting
    check_editable(meeting)
    bump_agenda_version(meeting, expected_version)
    audit_record_create(actor=actor, obj=item, action=AuditAction.DELETE, verb="agenda_item_delete")
    items_search_remove(items=[item])
    item.delete()
    _renumber(meeting, parent_id=item.parent_id)


def _renumber(meeting: Meeting, *, parent_id: int | None) -> None:
    items = list(meeting.items.filter(parent_id=parent_id).order_by("position", "pk"))
    for index, item in enumerate(items, start=1):
        if item.position != index:
            item.position = index
    AgendaItem.objects.bulk_update(items, ["position"])


@transaction.atomic
def agenda_reorder(
    *,
    actor,
    meeting: Meeting,
    expected_version: int | None,
    ordered_ids: list[int],
    parent: AgendaItem | None = None,
) -> None:
    """Put the items under `parent` (main items when None) in the given order.

    The list must name exactly those items: an item of another meeting, a missing one or a
    duplicate refuses the whole request, so nothing is half-reordered.
    """
    check_editable(meeting)
    _check_parent(meeting, parent)
    siblings = {i.pk: i for i in meeting.items.filter(parent=parent)}
    if len(ordered_ids) != len(set(ordered_ids)) or set(ordered_ids) != set(siblings):
        raise ValidationError(
            _("The new order does not name exactly the items of this agenda; nothing was moved."),
            code="bad_order",
        )
    bump_agenda_version(meeting, expected_version)
    before = [i.pk for i in sorted(siblings.values(), key=lambda i: i.position)]
    for position, pk in enumerate(ordered_ids, start=1):
        siblings[pk].position = position
    AgendaItem.objects.bulk_update(siblings.values(), ["position"])
    audit_record_create(
        actor=actor,
        obj=meeting,
        action=AuditAction.UPDATE,
        verb="agenda_reorder",
        changes={"order": [before, list(ordered_ids)]},
    )


@transaction.atomic
def agenda_item_move(
    *, actor, item: AgendaItem, expected_version: int | None, direction: str
) -> None:
    """Move an item one place up or down among its siblings (the keyboard alternative to
    drag and drop, WCAG 2.2 success criterion 2.5.7)."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Unknown direction."))
    meeting = item.meeting
    ids = list(
        meeting.items.filter(parent_id=item.parent_id)
        .order_by("position", "pk")
        .values_list("pk", flat=True)
    )
    index = ids.index(item.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(ids):
        ids[index], ids[target] = ids[target], ids[index]
    agenda_reorder(
        actor=actor,
        meeting=meeting,
        expected_version=expected_version,
        ordered_ids=ids,
        parent=item.parent,
    )


@transaction.atomic
def agenda_template_reset(*, actor, body) -> list[AgendaTemplateItem]:
    """Give a body its own copy of the default standard items, to edit in the admin."""
    body.agenda_template_items.all().delete()
    rows = []
    counters = {TemplatePlacement.OPENING: 0, TemplatePlacement.CLOSING: 0}
    for placement, title, purpose in DEFAULT_TEMPLATE_ITEMS:
        counters[placement] += 1
        rows.append(
            AgendaTemplateItem.objects.create(
                body=body,
                placement=placement,
                position=counters[placement],
                title=title,
                purpose=purpose,
            )
        )
    audit_record_create(
        actor=actor, obj=body, action=AuditAction.UPDATE, verb="agenda_template_reset"
    )
    return rows


@transaction.atomic
def dossier_create(*, actor, name: str, slug: str, description: str = "", theme=None):
    """Start following a topic across bodies: "Woondeal NHN", "MIRT-verkenning"."""
    dossier = Dossier(name=(name or "").strip(), slug=slug, description=description, theme=theme)
    audited_create(actor=actor, obj=dossier, verb="dossier_create")
    return dossier
