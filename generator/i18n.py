"""UI strings and dates per language: gettext catalogues (.po) read with Babel, no compile step."""

from __future__ import annotations

import io
from functools import lru_cache

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from generator.config import LOCALE_DIR
from generator.draft import PartialDate

DATE_FORMATS = {
    ("day", "long"): "EEEE, d MMMM y",
    ("day", "medium"): "d MMMM y",
    ("day", "short"): "d MMM y",
    ("month", "long"): "MMMM y",
    ("month", "medium"): "MMMM y",
    ("month", "short"): "MMM y",
}


@lru_cache(maxsize=8)
def translations(language: str) -> NullTranslations:
    """The catalogue for `language`; English msgids are shown where a catalogue lacks a string."""
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return NullTranslations()
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


@lru_cache(maxsize=65536)
def format_partial_date(value: PartialDate | None, language: str, style: str = "medium") -> str:
    """A date in the reader's language at the precision it is known.

    `Senin, 23 September 2024`, `September 2024`, `2024`.
    """
    if value is None:
        return ""
    if value.precision == "year":
        return str(value.year)
    pattern = DATE_FORMATS[(value.precision, style)]
    return format_date(value.as_date(), pattern, locale=language)


@lru_cache(maxsize=256)
def month_name(month: int, language: str) -> str:
    return format_date(PartialDate(2000, month, 1).as_date(), "LLLL", locale=language)


@lru_cache(maxsize=65536)  # page numbers and counts: few distinct values, each formatted by Babel once
def format_number(value: int, language: str) -> str:
    return format_decimal(value, locale=language)


def timestamp(value: PartialDate | None, timezone: str) -> str:
    """RFC 3339 time of the start of that date in the site's timezone (feeds); a fixed epoch when unknown."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    if value is None:
        return "1970-01-01T00:00:00Z"
    moment = datetime.combine(value.as_date(), time(0, 0), tzinfo=ZoneInfo(timezone))
    return moment.isoformat()
