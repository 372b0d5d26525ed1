"""Words that scraping glued together where links were: `Al Ghazalidan Alyssa`, `kriptoShiba Inu`.

Only for display text Arsip writes itself (titles); the body keeps its words as the outlet wrote them.
A glued token is rare in the archive while its parts are common words there, which decides the split.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from generator.understand.wordlists import CLITICS, GLUE_WORDS

# `kriptoShiba` → `kripto Shiba`, `Klub 2025sudah` → `Klub 2025 sudah`. Where a capital run meets a word
# (`TNIJenderal`, `BTSdikabarkan`) only the archive's words can tell where one ends: see `_parts`.
_CASE_GLUE = re.compile(r"(?<=[a-z]{2})(?=[A-Z])|(?<=(?:19|20)\d\d)(?=[a-z]{3})")
_LETTERS = re.compile(r"[^\W\d_]+")
MIN_GLUED = 6  # shorter tokens are words, not two glued
MAX_PARTS = 3


def split_case_glue(text: str) -> str:
    """Split where a lower-case letter runs into a capital: `kriptoShiba` → `kripto Shiba`."""
    return _CASE_GLUE.sub(" ", text)


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each word (letters only, lower case) is written in these texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(word.casefold() for word in _LETTERS.findall(split_case_glue(text)))
    return counts


def split_glued(text: str, counts: Mapping[str, int]) -> str:
    """Case glue split, then a rare token split into common words: `narkobadi` → `narkoba di`."""

    def split(match: re.Match[str]) -> str:
        token = match.group(0)
        parts = _parts(token, counts) if len(token) >= MIN_GLUED else None
        return " ".join(parts) if parts else token

    return _LETTERS.sub(split, split_case_glue(text))


def _parts(token: str, counts: Mapping[str, int], depth: int = 0) -> list[str] | None:
    whole = counts.get(token.casefold(), 0)
    if whole >= 2 or depth >= MAX_PARTS:
        return None

    def known(part: str) -> bool:
        word = part.casefold()
        shortest = 2 if part.isupper() else 3  # an acronym (`AS`, `TNI`) may be short
        return len(word) >= shortest and word not in CLITICS and counts.get(word, 0) > max(whole, 1)

    for cut in range(len(token) - 2, 1, -1):
        head, tail = token[:cut], token[cut:]
        if head.casefold() in GLUE_WORDS:
            # `di-`, `ke-` open many real words (`diketahui`, `ketua`): split off only inside a glued run,
            # and only before a whole word.
            if depth and known(tail):
                return [head, tail]
            continue
        if not known(head):
            continue
        if known(tail) or tail.casefold() in GLUE_WORDS:
            return [head, tail]
        rest = _parts(tail, counts, depth + 1)
        if rest:
            return [head, *rest]
    return None
