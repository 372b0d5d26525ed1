"""`BACA JUGA:` lines: teasers for other articles, kept apart from the body."""

from __future__ import annotations

import re

from generator.draft import SourceLine
from generator.understand.facts import Teaser

_TEASER = re.compile(r"^\s*baca\s+juga\s*[:：]?\s*(?P<headline>.*)$", re.IGNORECASE)


def _headline(line: SourceLine) -> str | None:
    """The headline a teaser line names ("" for a bare `Baca Juga`, whose headline was lost); None for any other."""
    match = _TEASER.match(line.text)
    return match.group("headline").strip(" -–—") if match else None


def has_teasers(lines: tuple[SourceLine, ...]) -> bool:
    """True when `split_teasers` would find a teaser among these lines."""
    return any(_headline(line) for line in lines)


def split_teasers(lines: tuple[SourceLine, ...]) -> tuple[tuple[SourceLine, ...], tuple[Teaser, ...]]:
    """Separate teaser lines from body lines; a bare `Baca Juga` is dropped (its headline was lost)."""
    body: list[SourceLine] = []
    teasers: list[Teaser] = []
    for line in lines:
        headline = _headline(line)
        if headline is None:
            body.append(line)
        elif headline:
            teasers.append(Teaser(headline, line.line))
    return tuple(body), tuple(teasers)
