"""A headline-like title written from the lead when no person gave one."""

from __future__ import annotations

import re

MAX_TITLE = 100
MIN_TITLE = 40
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘])")
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[-–—]\s+")


def shorten(text: str, limit: int) -> str:
    """Cut at the last word boundary within `limit` characters; never mid-word."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") or text[:limit]


def title_from_lead(paragraphs: tuple[str, ...]) -> str:
    """The lead's first sentence, cut at a natural boundary to at most MAX_TITLE characters."""
    lead = next((p for p in paragraphs if len(p.split()) >= 3), paragraphs[0] if paragraphs else "")
    if not lead:
        return ""
    sentence = _SENTENCE_END.split(lead, maxsplit=1)[0].rstrip(" .")
    if len(sentence) <= MAX_TITLE:
        return sentence
    best = None
    for match in _CLAUSE_BREAK.finditer(sentence):
        if MIN_TITLE <= match.start() <= MAX_TITLE:
            best = match.start()
    if best:
        return sentence[:best].rstrip(" ,;:")
    return shorten(sentence, MAX_TITLE)
