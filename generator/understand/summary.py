"""A short summary for listings, feeds and meta descriptions."""

from __future__ import annotations

from generator.understand.titles import shorten

SUMMARY_LIMIT = 240


def summarise(paragraphs: tuple[str, ...], limit: int = SUMMARY_LIMIT) -> str:
    """The opening paragraphs, cut at a word boundary, with an ellipsis when cut."""
    text = ""
    for paragraph in paragraphs:
        text = f"{text} {paragraph}".strip()
        if len(text) >= limit:
            break
    if len(text) <= limit:
        return text
    return shorten(text, limit - 1) + "…"
