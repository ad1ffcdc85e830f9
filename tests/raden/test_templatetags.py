"""The delivery status tags of the distribution dashboard (made one tag each
instead of an include per cell): words, dates in Dutch, escaping, the late mark."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils import translation

from raden.constants import DeliveryStatus

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def delivery(status, *, changed=None, council_date=None):
    return SimpleNamespace(status=status, status_changed_at=changed, council_date=council_date)


def render(source: str, **context) -> str:
    with translation.override("nl"):
        return Template("{% load raden_tags %}" + source).render(Context(context))


def test_status_in_words_with_since_and_council_date_in_local_time():
    # 23.30 UTC on 2 March is 3 March in Amsterdam: the day shown is the local one.
    changed = datetime.datetime(2026, 3, 2, 23, 30, tzinfo=datetime.UTC)
    html = render(
        "{% delivery_status d %}",
        d=delivery(
            DeliveryStatus.SCHEDULED, changed=changed, council_date=datetime.date(2026, 4, 9)
        ),
    )
    assert html == (
        '<span class="rd-status rd-status--geagendeerd">Geagendeerd in de raad</span>'
        ' <span class="rb-meta">sinds <time datetime="2026-03-03T00:30:00+01:00">3 mrt 2026'
        '</time></span> <span class="rb-meta">(raad 9 april 2026)</span>'
    )


def test_council_date_only_for_a_scheduled_letter_and_no_since_without_a_date():
    html = render(
        "{% delivery_status d %}",
        d=delivery(DeliveryStatus.AVAILABLE, council_date=datetime.date(2026, 4, 9)),
    )
    assert html == '<span class="rd-status rd-status--klaargezet">Klaargezet</span>'


def test_cells_of_a_row_mark_late_and_not_sent_and_escape_unknown_values():
    changed = datetime.datetime(2026, 3, 3, 10, 0, tzinfo=AMSTERDAM)
    row = SimpleNamespace(
        groups=[
            (
                None,
                [
                    SimpleNamespace(
                        delivery=delivery(DeliveryStatus.DOWNLOADED, changed=changed), late=True
                    ),
                    SimpleNamespace(delivery=None, late=False),
                    SimpleNamespace(delivery=delivery("<b>x</b>"), late=False),
                ],
            )
        ]
    )
    html = render("{% delivery_cells row %}", row=row)
    cells = html.split("</td>")[:-1]
    assert len(cells) == 3
    assert 'rd-late">' in cells[0] and "<strong>niet bevestigd</strong>" in cells[0]
    assert "3 mrt 2026" in cells[0]
    assert cells[1].endswith("niet verzonden")
    assert "<b>" not in cells[2] and "&lt;b&gt;x&lt;/b&gt;" in cells[2]
