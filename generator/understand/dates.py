"""Dates written in the text: `Jumat (20/6/2025)`, `Senin (16/6)`, `Rabu, 18 Juni 2025`, `March 6`.

Mentions are found first (with their weekday, when the writer gave one); `choose_date` then picks the
publication day the way an editor reads a story, and prefers no date to a doubtful one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from generator.draft import PartialDate

MONTHS = {
    # Indonesian
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "des": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12, "aug": 8, "oct": 10, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"
_PART_OF_DAY = r"(?:\s+(?:pagi|siang|sore|malam|dini\s+hari|morning|afternoon|evening|night))?"
# The weekday is looked for just before a date (a leading optional group would be tried at every position);
# it may be glued to a preceding name, as in `dikutip dari CNBCRabu (18/6/2025)`.
_WEEKDAY_BEFORE = re.compile(rf"(?-i:(?<![a-z]))({_WEEKDAY})\b{_PART_OF_DAY}[\s,]*\(?\s*$", re.IGNORECASE)

_FORMS = [
    # Jumat (20/6/2025)   Senin (16/6)   (18/06/2025)   Rabu(18/6/25)
    re.compile(r"\((?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{2,4}))?/?\)", re.IGNORECASE),
    # Rabu, 18 Juni 2025   22 sampai 24 September 2024 (the last day of a period)   18 Juni
    re.compile(
        rf"(?<![\d/.,])(?:\d{{1,2}}\s*(?P<span>-|–|sampai|hingga|s\.d\.?|s/d|dan|and|to)\s*)?(?P<day>\d{{1,2}})\s+"
        rf"(?P<mname>{_MONTH})\.?(?:,?\s+(?P<year>{_YEAR}))?\b",
        re.IGNORECASE,
    ),
    # Friday, March 6, 1987   March 6
    re.compile(
        rf"\b(?P<mname>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>{_YEAR}))?\b",
        re.IGNORECASE,
    ),
]
# Words that tell a period is over (`telah sukses dilaksanakan pada 20-23 Mei`, `… Mei lalu`): a story
# may look back on it weeks later.
_PAST = re.compile(
    r"\b(?:telah|sudah|lalu|kemarin|silam|sukses|berhasil|usai|selesai|was|were|had|last|ago)\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_MONTH_YEAR = re.compile(rf"\b(?P<mname>{_MONTH})\s+(?P<year>{_YEAR})\b", re.IGNORECASE)
_ANY_YEAR = re.compile(rf"(?<![\d.,/])({_YEAR})(?![\d.,/]\d)")


@dataclass(frozen=True)
class Mention:
    """One date the text names; `year` is None when the writer left it to the context."""

    position: int
    day: int | None
    month: int
    year: int | None
    weekday: int | None = None
    period: bool = False  # the last day of a span of days (`22 sampai 24 September`) still under way


def _month(match: re.Match[str]) -> int | None:
    if match.groupdict().get("mname"):
        return MONTHS[match.group("mname").lower()]
    month = int(match.group("month"))
    return month if 1 <= month <= 12 else None


def mentions(text: str) -> list[Mention]:
    """Every day (with or without a year) and every month-and-year written in the text, in order."""
    found: dict[int, Mention] = {}
    for form in _FORMS:
        for match in form.finditer(text):
            month = _month(match)
            day = int(match.group("day"))
            if month is None or not 1 <= day <= 31:
                continue
            year = match.group("year")
            year_value = (int(year) + 2000 if len(year) == 2 else int(year)) if year else None
            if year_value is not None and not 1900 <= year_value <= 2099:
                year_value = None  # a typo such as `(13/10/3025)`: the weekday and the context still decide
            before = _WEEKDAY_BEFORE.search(text, max(0, match.start() - 40), match.start())
            weekday = before.group(1) if before else None
            start = match.start("day")
            period = bool(match.groupdict().get("span")) and match.group("span").lower() not in ("dan", "and")
            if period and _PAST.search(_sentence_of(text, match.start(), match.end())):
                period = False
            if start not in found:
                found[start] = Mention(
                    start, day, month, year_value, WEEKDAYS[weekday.lower()] if weekday else None, period
                )
    for match in _MONTH_YEAR.finditer(text):
        start = match.start()
        if not any(m.position <= start <= m.position + 4 for m in found.values()):
            found[start] = Mention(start, None, MONTHS[match.group("mname").lower()], int(match.group("year")))
    return [found[k] for k in sorted(found)]


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end]."""
    before = 0
    for boundary in _SENTENCE_END.finditer(text, max(0, start - 300), start):
        before = boundary.end()
    after = _SENTENCE_END.search(text, end)
    return text[before : after.start() if after else len(text)]


def years_named(text: str) -> list[int]:
    return [int(y) for y in _ANY_YEAR.findall(text)]


def _exists(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(mention: Mention, context_year: int | None, usual_year: int | None = None) -> date | None:
    """The calendar day a mention names, or None when it cannot be trusted.

    A missing year comes from the context; a weekday must agree with the day (a year either side of the
    context is tried, as a story written in January speaks of December). A full date whose weekday
    disagrees is a typo somewhere: no date beats a wrong one.
    """
    if mention.day is None:
        return None
    if mention.year is not None:
        day = _exists(mention.year, mention.month, mention.day)
        if day and mention.weekday is not None and day.weekday() != mention.weekday:
            return None
        return day
    if context_year is None:
        return None
    if mention.weekday is None:
        return _exists(context_year, mention.month, mention.day)
    years = [context_year, context_year - 1, context_year + 1]
    if usual_year is not None:
        years += [usual_year, usual_year - 1, usual_year + 1]
    for year in dict.fromkeys(years):
        day = _exists(year, mention.month, mention.day)
        if day and day.weekday() == mention.weekday:
            return day
    return None


def context_year(found: list[Mention], usual_year: int | None) -> int | None:
    """The year the story is written in: the one its complete dates name most, else the archive's usual one."""
    counted = Counter(m.year for m in found if m.year is not None and m.day is not None)
    if counted:
        return counted.most_common(1)[0][0]
    return usual_year


STORY_SPAN = 7  # days around the first weekday-anchored day that still belong to the same story


@dataclass(frozen=True)
class DateEvidence:
    """What the text says about its own date, gathered before the choice."""

    anchored: tuple[date, ...]  # days named with an agreeing weekday (`Senin (16/6/2025)`): the story's days
    plain: tuple[date, ...]  # days named without a weekday
    months: tuple[tuple[int, int], ...]  # (year, month) named without a day
    dateline: date | None = None
    periods: tuple[date, ...] = ()  # last days of spans still under way (also in `plain`)


def gather(
    paragraphs: tuple[str, ...], usual_year: int | None, dateline: tuple[int, int] | None = None
) -> DateEvidence:
    """Resolve every mention in the text against the story's year."""
    text = "\n".join(paragraphs)
    found = mentions(text)
    year = context_year(found, usual_year)
    anchored, plain, months, periods = [], [], [], []
    for mention in found:
        if mention.day is None:
            months.append((mention.year, mention.month))
            continue
        day = resolve(mention, year, usual_year)
        if day is None:
            continue
        (anchored if mention.weekday is not None else plain).append(day)
        if mention.period and mention.weekday is None:
            periods.append(day)
    # A dateline is written on the day of publication: its year is the archive's, not a year the story recalls.
    dateline_year = usual_year or year
    lined = _exists(dateline_year, *dateline) if dateline and dateline_year else None
    return DateEvidence(tuple(anchored), tuple(plain), tuple(m for m in months if m[0]), lined, tuple(periods))


def choose_date(evidence: DateEvidence) -> PartialDate | None:
    """The publication day as an editor would read it, a month when only a month is sure, else None.

    A dateline's day is the publication day. Otherwise the story's days are those named with a weekday
    (`kata dia, Senin (16/6/2025)`): the lead names the story's day first, and a report goes out on the
    latest day it covers, so the latest such day within a week of the first is chosen (days further away
    are background or announcements). Without any weekday, a single
    full date that the text names more than once, or first, is taken only when it is the only one.
    A story whose one date is a period still under way (`pengamanan … dari tanggal 22 sampai 24 September
    2024`) is written during it, but which of its days is not said: it gets the period's month.
    """
    if evidence.dateline:
        return PartialDate.from_date(evidence.dateline)
    if evidence.anchored:
        first = evidence.anchored[0]
        return PartialDate.from_date(max(d for d in evidence.anchored if abs((d - first).days) <= STORY_SPAN))
    # Without a weekday a day is as often background as news: trust it only when it is the one day the
    # text names, and named twice. The same holds for a month without a day.
    plain = Counter(evidence.plain)
    if len(plain) == 1 and next(iter(plain.values())) >= 2:
        return PartialDate.from_date(next(iter(plain)))
    months = Counter(evidence.months)
    if not plain and len(months) == 1 and next(iter(months.values())) >= 2:
        year, month = next(iter(months))
        return PartialDate(year, month)
    if len(plain) == 1 and set(evidence.periods) == set(plain):
        end = next(iter(plain))
        if all(m == (end.year, end.month) for m in evidence.months):
            return PartialDate(end.year, end.month)
    return None


def usual_years(year_lists: list[list[int]]) -> int | None:
    """The year an archive's stories are usually written in: most often the latest year each one names."""
    latest = Counter(max(years) for years in year_lists if years)
    if not latest:
        return None
    year, count = latest.most_common(1)[0]
    return year if count >= max(2, 0.3 * sum(latest.values())) else None
