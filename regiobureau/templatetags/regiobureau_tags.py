"""Template helpers of the meeting pages."""

from django import template
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from nhn_portal.core.richtext import sanitize_rich_text
from regiobureau import permissions
from regiobureau.selectors.meetings import meeting_label as meeting_label_selector

register = template.Library()


@register.filter
def rich_text(value: str) -> str:
    """An annotation field as HTML: always through the sanitiser before it is marked safe.

    Plain text (no tags) keeps its paragraphs and line breaks.
    """
    value = value or ""
    if "<" not in value:
        value = linebreaks(value, autoescape=True)
    return mark_safe(sanitize_rich_text(value))  # noqa: S308 - sanitised by nh3 just above


@register.filter
def get_item(mapping, key):
    """`threads|get_item:annotation.pk` — dictionary lookup with a variable key."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def place_visible_to(meeting, user) -> bool:
    """`meeting|place_visible_to:viewer` — whether the place and online link may be shown
    (a closed meeting's only to those inside it; no viewer given: only a public one's)."""
    if user is None or user == "":
        return bool(meeting.is_public)
    return permissions.can_see_meeting_place(user, meeting)


@register.filter
def meeting_label(meeting, user) -> str:
    """`meeting|meeting_label:viewer` — the title, or a closed meeting's body and date only
    for those outside it (no viewer given: as a visitor sees it)."""
    return meeting_label_selector(user=user or None, meeting=meeting)
