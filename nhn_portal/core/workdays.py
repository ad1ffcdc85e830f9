"""Working days in the Netherlands: Monday to Friday, not a public holiday.

Deadlines (stukken for a meeting, a series' dates) are counted in working days and never fall
on a weekend or a holiday. The holidays come from the `holidays` package (the Dutch calendar:
New Year, Easter, King's Day, Ascension, Whitsun, Christmas, and Liberation Day in the years it
is a day off), so nothing here hard-codes a date.
"""

import datetime
from functools import cache

import holidays


@cache
def _dutch_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("NL", years=year))


def is_holiday(day: datetime.date) -> bool:
    return day in _dutch_holidays(day.year)


def holiday_name(day: datetime.date) -> str:
    """The holiday's name (in Dutch), or "" on an ordinary day."""
    return holidays.country_holidays("NL", years=day.year, language="nl").get(day, "") or ""


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and not is_holiday(day)


def working_days_before(day: datetime.date, count: int) -> datetime.date:
    """The working day `count` working days before `day` (`day` itself is not counted)."""
    current = day
    remaining = count
    while remaining > 0:
        current -= datetime.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_day_on_or_before(day: datetime.date) -> datetime.date:
    """`day` when it is a working day, else the last working day before it."""
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def working_day_on_or_after(day: datetime.date) -> datetime.date:
    """`day` when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def working_days_after(day: datetime.date, count: int) -> datetime.date:
    """The working day `count` working days after `day` (`day` itself is not counted)."""
    current = day
    remaining = count
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current
