"""Datelines such as `PALEMBANG, KORANPALPRES.COM - ` split into a place and an outlet."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DASH = r"\s*[-–—]+\s*"
_PLACE_CAPS = r"[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3}"
_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,})+"
_MONTHS_EN = r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"

# Ordered: the most specific shape first. Each names `place` and/or `outlet`.
_SHAPES = [
    re.compile(rf"^(?P<place>{_PLACE_CAPS})\s*,\s*(?P<outlet>{_DOMAIN}){_DASH}"),
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>[A-Z][\w'’]*(?: [A-Z][\w'’]*){{0,3}}){_DASH}"),
    re.compile(rf"^(?P<place>{_PLACE_CAPS})\s*,\s*{_MONTHS_EN}\s+\d{{1,2}}{_DASH}"),
    re.compile(rf"^(?P<place>{_PLACE_CAPS})(?:\s*\([A-Za-z]+\))?-+\s*"),
]


@dataclass(frozen=True)
class Dateline:
    place: str | None
    outlet: str | None
    rest: str


def place_name(raw: str) -> str:
    """`PALEMBANG` → `Palembang`, `NEW YORK` → `New York`; mixed case is kept as written."""
    raw = raw.strip(" .,")
    if raw.isupper():
        return " ".join(part.capitalize() for part in raw.split())
    return raw


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
        outlet = outlet_domain(groups["outlet"]) if groups.get("outlet") else None
        return Dateline(place, outlet, rest)
    return Dateline(None, None, paragraph)
