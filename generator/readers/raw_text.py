"""Raw scraped news text: one paragraph per line, no metadata."""

from __future__ import annotations

from generator.draft import SourceLine


def paragraphs(text: str) -> tuple[SourceLine, ...]:
    """Every non-blank line is a paragraph, whitespace collapsed, with its line number."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        cleaned = " ".join(line.split())
        if cleaned:
            found.append(SourceLine(cleaned, number))
    return tuple(found)
