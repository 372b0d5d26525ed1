"""`BACA JUGA:` lines: teasers for other articles, kept apart from the body."""

from __future__ import annotations

import re

from generator.draft import SourceLine
from generator.understand.facts import Teaser

_TEASER = re.compile(r"^\s*baca\s+juga\s*[:：]?\s*(?P<headline>.*)$", re.IGNORECASE)


def _teaser(line: SourceLine) -> Teaser | None | bool:
    """The teaser a line is; True for a bare `Baca Juga` (a teaser line whose headline was lost); False for none."""
    match = _TEASER.match(line.text)
    if not match:
        return False
    headline = match.group("headline").strip(" -–—")
    return Teaser(headline, line.line) if headline else True


def has_teasers(lines: tuple[SourceLine, ...]) -> bool:
    """True when `split_teasers` would find a teaser among these lines."""
    return any(isinstance(_teaser(line), Teaser) for line in lines)


def split_teasers(lines: tuple[SourceLine, ...]) -> tuple[tuple[SourceLine, ...], tuple[Teaser, ...]]:
    """Separate teaser lines from body lines; a bare `Baca Juga` is dropped (its headline was lost)."""
    body: list[SourceLine] = []
    teasers: list[Teaser] = []
    for line in lines:
        found = _teaser(line)
        if found is False:
            body.append(line)
        elif isinstance(found, Teaser):
            teasers.append(found)
    return tuple(body), tuple(teasers)
