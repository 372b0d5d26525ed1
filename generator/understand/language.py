"""Is an article Indonesian or English? Counted by very common function words."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]+")
_INDONESIAN = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "dengan",
        "ini",
        "itu",
        "tidak",
        "akan",
        "pada",
        "juga",
        "dalam",
        "karena",
        "oleh",
        "adalah",
        "atau",
        "sudah",
        "telah",
        "bahwa",
    ]
)
_ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "that",
        "for",
        "it",
        "was",
        "on",
        "with",
        "as",
        "by",
        "said",
        "at",
        "from",
        "be",
        "have",
        "has",
        "are",
        "were",
        "will",
    ]
)


def detect_language(paragraphs: tuple[str, ...], default: str) -> str:
    words = _WORD.findall(" ".join(paragraphs[:6]).lower())
    indonesian = sum(1 for w in words if w in _INDONESIAN)
    english = sum(1 for w in words if w in _ENGLISH)
    if indonesian == english:
        return default
    return "id" if indonesian > english else "en"
