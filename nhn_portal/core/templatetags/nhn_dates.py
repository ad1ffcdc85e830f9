"""Dutch long dates for pages and PDFs: "dinsdag 3 maart 2026, 19.30 uur".

The Dutch forms hold whatever language is active, because documents are Dutch-only;
datetimes are shown in the current time zone (Europe/Amsterdam) and must be aware.
"""

from __future__ import annotations

import datetime

from django import template
from django.utils import dateformat, timezone, translation

register = template.Library()


def format_long_date(value: datetime.date | None) -> str:
    """'dinsdag 3 maart 2026'; an empty string for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    with translation.override("nl"):
        return dateformat.format(value, "l j F Y")


def format_date(value: datetime.date | None) -> str:
    """'3 maart 2026' (the date without its weekday); an empty string for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    with translation.override("nl"):
        return dateformat.format(value, "j F Y")


def format_when(value: datetime.date | datetime.datetime | None) -> str:
    """'3 maart 2026' for a date, '3 maart 2026, 19.30 uur' for a moment."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        return f"{format_date(value)}, {format_time(value)}"
    return format_date(value)


def format_clock(value: datetime.datetime | datetime.time | None) -> str:
    """'19.30', the clock alone: for a range that says "uur" once ('14.00–16.00 uur')."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return f"{value.hour}.{value.minute:02d}"


def format_time(value: datetime.datetime | datetime.time | None) -> str:
    """'19.30 uur' (Dutch style: a full stop between hours and minutes)."""
    clock = format_clock(value)
    return f"{clock} uur" if clock else ""


def format_long_datetime(value: datetime.datetime | None) -> str:
    """'dinsdag 3 maart 2026, 19.30 uur'; a date alone gives the long date."""
    if value is None or value == "":
        return ""
    if not isinstance(value, datetime.datetime):
        return format_long_date(value)
    value = timezone.localtime(value)
    return f"{format_long_date(value)}, {format_time(value)}"


register.filter("nl_long_date", format_long_date)
register.filter("nl_time", format_time)
register.filter("nl_clock", format_clock)
register.filter("nl_long_datetime", format_long_datetime)
register.filter("nl_date", format_date)
register.filter("nl_when", format_when)
