"""Calendar grids for month pages: weeks of days in the reader's locale, each day with its period if any."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from generator.model import Period


@dataclass(frozen=True)
class CalendarDay:
    day: int
    period: Period | None  # the day page, when something was published that day


@lru_cache(maxsize=4)
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def first_weekday(language: str) -> int:
    """0 = Monday, as Python's calendar counts."""
    return _locale(language).first_week_day


def weekday_names(language: str) -> tuple[tuple[str, str], ...]:
    """(short, full) weekday names in calendar order for this locale."""
    days = _locale(language).days["format"]
    start = first_weekday(language)
    order = [(start + offset) % 7 for offset in range(7)]
    return tuple((days["abbreviated"][d], days["wide"][d]) for d in order)


def month_weeks(month: Period, language: str) -> tuple[tuple[CalendarDay | None, ...], ...]:
    """The month as weeks (rows of 7); None pads the days of neighbouring months."""
    by_day = {p.date.day: p for p in month.children}
    assert month.date.month is not None
    grid = calendar.Calendar(first_weekday(language)).monthdayscalendar(month.date.year, month.date.month)
    return tuple(tuple(CalendarDay(d, by_day.get(d)) if d else None for d in week) for week in grid)


def month_counts(year: Period) -> tuple[tuple[int, Period | None], ...]:
    """All twelve months of a year, each with its period when it has articles."""
    by_month = {p.date.month: p for p in year.children}
    return tuple((m, by_month.get(m)) for m in range(1, 13))


def busiest(periods: Sequence[Period]) -> int:
    """The largest article count among `periods` (for shading), at least 1."""
    return max((len(p.articles) for p in periods), default=1) or 1
