"""A delivery's status in words and since when (never colour alone), as one tag.

`{% delivery_status delivery %}` renders what `raden/_delivery_status.html` rendered as an
include: the distribution dashboard shows it in every cell (50 letters x 17 councils), where
an include and the `date` filter per cell cost most of the page.
"""

from __future__ import annotations

import datetime
import functools

from django import template
from django.utils import dateformat, timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from raden.constants import DeliveryStatus

register = template.Library()


@functools.cache
def _words(language: str) -> dict[str, str]:
    """The escaped words of a cell in `language`: status labels, "since", "council"."""
    words = {value: escape(str(label)) for value, label in DeliveryStatus.choices}
    return {**words, "since": escape(gettext("since")), "council": escape(gettext("council"))}


@functools.lru_cache(maxsize=512)
def _day(value: datetime.date, pattern: str, language: str) -> str:
    return escape(dateformat.format(value, pattern))


class _Cells:
    """What every cell of one page shares: the words and the time zone, looked up once."""

    def __init__(self):
        language = translation.get_language()
        self.language = language
        self.words = _words(language)
        self.zone = timezone.get_current_timezone()

    def day(self, value: datetime.date, pattern: str = "j b Y") -> str:
        return _day(value, pattern, self.language)

    def status(self, delivery) -> str:
        words = self.words
        status = delivery.status
        html = (
            f'<span class="rd-status rd-status--{escape(status)}">'
            f"{words.get(status) or escape(status)}</span>"
        )
        changed = delivery.status_changed_at
        if changed:
            local = changed.astimezone(self.zone)
            html += (
                f' <span class="rb-meta">{words["since"]} <time datetime="{local.isoformat()}">'
                f"{self.day(local.date())}</time></span>"
            )
        if status == DeliveryStatus.SCHEDULED and delivery.council_date:
            html += (
                f' <span class="rb-meta">({words["council"]} '
                f"{self.day(delivery.council_date, 'j F Y')})</span>"
            )
        return html


@register.simple_tag
def delivery_status(delivery) -> str:
    return mark_safe(_Cells().status(delivery))  # noqa: S308 - built from escaped parts only


@register.simple_tag
def delivery_cells(row) -> str:
    """The dashboard's cells of one letter row, one per council in the columns' order."""
    page = _Cells()
    not_sent = escape(gettext("not sent"))
    late_word = escape(gettext("not confirmed"))
    cells = []
    for _subregion, group in row.groups:
        for cell in group:
            if cell.delivery is None:
                cells.append(f'<td class="utrecht-table__cell rd-cell">{not_sent}</td>')
            elif cell.late:
                cells.append(
                    f'<td class="utrecht-table__cell rd-cell rd-late">'
                    f"{page.status(cell.delivery)} <strong>{late_word}</strong></td>"
                )
            else:
                cells.append(
                    f'<td class="utrecht-table__cell rd-cell">{page.status(cell.delivery)}</td>'
                )
    return mark_safe("".join(cells))  # noqa: S308 - built from escaped parts only
