"""Datelines such as `PALEMBANG, KORANPALPRES.COM - ` split into a place, an outlet and (Reuters) a day."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.understand.dates import MONTHS

_DASH = r"\s*[-–—]+\s*"
# A dash that ends a dateline is followed by the sentence, which never starts with a lower-case word.
_AFTER = r"(?=[^a-z\s]|$)"
_CAPS_WORD = r"[A-Z][A-Z.'’]*[A-Z.](?![a-z])"
_PLACE_CAPS = rf"{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}}"
_PLACE_MIXED = r"[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,3}"
_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.(?i:com|co|id|net|org|news|tv|info|my|sg|uk))+(?![\w.])"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_REGION = r"[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}"

# Ordered: the most specific shape first. Each names `place` and/or `outlet` (and Reuters a month and day).
_SHAPES = [
    # PALEMBANG, KORANPALPRES.COM -   JAKARTA, KOMPAS.com-
    re.compile(rf"^(?P<place>{_PLACE_CAPS})\s*,\s*(?P<outlet>{_DOMAIN}){_DASH}"),
    # MINNEAPOLIS, March 6 -   BOCA RATON, Fla., April 27 -
    re.compile(
        rf"^(?P<place>{_PLACE_CAPS}(?:\s*,\s*{_REGION})?)\s*,\s*(?P<month>(?i:{_MONTH}))\.?\s+(?P<day>\d{{1,2}}){_DASH}"
    ),
    # Liputan6.com, Jakarta -   TEMPO.CO,Jakarta-
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>{_PLACE_MIXED}?){_DASH}"),
    # Liputan6.com, JakartaPerkembangan… (the dash was lost and the place glued to the sentence)
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}})(?=[A-Z])"),
    # KOMPAS.com -Di tengah…
    re.compile(rf"^(?P<outlet>{_DOMAIN}){_DASH}"),
    # Jakarta (ANTARA) -   JAKARTA (ANTARA) -
    re.compile(rf"^(?P<place>{_PLACE_MIXED})\s*\((?P<outlet>[A-Z][A-Za-z]+)\){_DASH}"),
    # JAKARTA-   LOS ANGELES-Katy…   WASHINGTON –Hasil…
    re.compile(rf"^(?P<place>{_PLACE_CAPS}){_DASH}{_AFTER}"),
]

# Rubric labels that open a lead the way a place does but name no place.
_NOT_PLACES = frozenset({"info bisnis", "advertorial", "infografis", "breaking news", "update", "eksklusif"})


@dataclass(frozen=True)
class Dateline:
    place: str | None
    outlet: str | None
    rest: str
    month: int | None = None
    day: int | None = None


def place_name(raw: str) -> str:
    """`PALEMBANG` → `Palembang`, `NEW YORK` → `New York`; mixed case is kept as written."""
    raw = raw.strip(" ,")
    head, sep, region = raw.partition(",")
    head = head.rstrip(".")
    if head.isupper():
        head = " ".join(part.capitalize() for part in head.split())
    return f"{head}{sep}{region}" if sep else head


def outlet_domain(raw: str) -> str:
    return raw.strip(" .,").lower()


def split_dateline(paragraph: str) -> Dateline:
    """Split a leading dateline off the first paragraph; a sentence without one is left whole."""
    for shape in _SHAPES:
        match = shape.match(paragraph)
        if not match:
            continue
        rest = paragraph[match.end() :].strip()
        if not rest:
            continue
        groups = match.groupdict()
        place = place_name(groups["place"]) if groups.get("place") else None
        if place and place.casefold() in _NOT_PLACES:
            place = None
        outlet = outlet_domain(groups["outlet"]) if groups.get("outlet") else None
        month = MONTHS[groups["month"].lower()] if groups.get("month") else None
        day = int(groups["day"]) if groups.get("day") else None
        return Dateline(place, outlet, rest, month, day)
    return Dateline(None, None, paragraph)
