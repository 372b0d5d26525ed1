"""Is an article Indonesian or English? Counted by very common function words."""

from __future__ import annotations

import re

from generator.understand.wordlists import ENGLISH_FUNCTION_WORDS as _ENGLISH
from generator.understand.wordlists import INDONESIAN_FUNCTION_WORDS as _INDONESIAN

_WORD = re.compile(r"[a-z]+")


def detect_language(paragraphs: tuple[str, ...], default: str) -> str:
    words = _WORD.findall(" ".join(paragraphs[:6]).lower())
    indonesian = sum(1 for w in words if w in _INDONESIAN)
    english = sum(1 for w in words if w in _ENGLISH)
    if indonesian == english:
        return default
    return "id" if indonesian > english else "en"
