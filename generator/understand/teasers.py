"""`BACA JUGA:` lines: teasers for other articles, kept apart from the body."""

from __future__ import annotations

import re

from generator.draft import SourceLine
from generator.understand.facts import Teaser

_TEASER = re.compile(r"^\s*baca\s+juga\s*[:：]?\s*(?P<headline>.*)$", re.IGNORECASE)


def has_teasers(lines: tuple[SourceLine, ...]) -> bool:
    """True when `split_teasers` would find a teaser among these lines."""
    for line in lines:
        match = _TEASER.match(line.text)
        if match and match.group("headline").strip(" -–—"):
            return True
    return False


def split_teasers(lines: tuple[SourceLine, ...]) -> tuple[tuple[SourceLine, ...], tuple[Teaser, ...]]:
    """Separate teaser lines from body lines; a bare `Baca Juga` is dropped (its headline was lost)."""
    body: list[SourceLine] = []
    teasers: list[Teaser] = []
    for line in lines:
        match = _TEASER.match(line.text)
        if not match:
            body.append(line)
            continue
        headline = match.group("headline").strip(" -–—")
        if headline:
            teasers.append(Teaser(headline, line.line))
    return tuple(body), tuple(teasers)
