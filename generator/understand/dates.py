"""Dates written in the text: `Jumat (20/6/2025)`, `Rabu, 18 Juni 2025`, `March 6, 1987`."""

from __future__ import annotations

import re
from datetime import date

from generator.draft import PartialDate

MONTHS = {
    # Indonesian
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "des": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12, "aug": 8, "oct": 10, "dec": 12,
}  # fmt: skip

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\.?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\((\d{1,2})/(\d{1,2})/((?:19|20)?\d{2})\)")


def _valid(year: int, month: int, day: int) -> PartialDate | None:
    try:
        date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def explicit_dates(text: str) -> list[tuple[int, PartialDate]]:
    """Every complete date written in the text, with its position."""
    found: list[tuple[int, PartialDate]] = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        parsed = _valid(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
        if parsed:
            found.append((match.start(), parsed))
    for match in _MONTH_DAY_YEAR.finditer(text):
        parsed = _valid(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)))
        if parsed:
            found.append((match.start(), parsed))
    for match in _NUMERIC.finditer(text):
        year = int(match.group(3))
        year = year + 2000 if year < 100 else year
        parsed = _valid(year, int(match.group(2)), int(match.group(1)))
        if parsed:
            found.append((match.start(), parsed))
    return sorted(found, key=lambda item: item[0])


def infer_date(paragraphs: tuple[str, ...]) -> PartialDate | None:
    """The first complete date in the text, the simplest honest reading; None when there is none."""
    for paragraph in paragraphs:
        found = explicit_dates(paragraph)
        if found:
            return found[0][1]
    return None
