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
_CAPITALS_THEN_WORD = re.compile(r"[A-Z]{2,}(?=[a-z]{3})")  # `TENGAHgempuran`, `PTChandra`, `BTSdikabarkan`
MIN_GLUED = 6  # shorter tokens are words, not two glued
MAX_PARTS = 3
MIN_AFTER_PREPOSITION = 4  # letters of a word glued after a function word (`sebagaikota`; not `padahal`)
MIN_COMMON_TAIL = 3  # times that word is written alone in the archive
# Two content words glued (`gelangemas`): each has this many letters, or is a three-letter word written alone
# this often beside one of LONG_WORD letters (`menyebuthak`); `without`, `perhatikan` are no such pair.
MIN_CONTENT_WORD = 4
LONG_WORD = 6
MIN_COMMON_SHORT = 5
SUFFIXES = frozenset(["kan"])  # written alone as a particle, glued it is the verb suffix
PREFIXES = frozenset(["per", "ber", "ter"])  # `perhubungan` is no `per hubungan`
# A link glued to the same word in several scrapes (`Al Ghazalidan` twice) is still glue when the name alone is
# far more common than the glued token.
REPEAT_RATIO = 5
MIN_REPEAT_HEAD = 4
_GLUE_LONGEST_FIRST = tuple(sorted(GLUE_WORDS, key=lambda word: (-len(word), word)))


def split_case_glue(text: str) -> str:
    """Split where a lower-case letter runs into a capital: `kriptoShiba` → `kripto Shiba`."""
    return _CASE_GLUE.sub(" ", text)


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each word (letters only, lower case) is written in these texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(map(str.casefold, _LETTERS.findall(split_case_glue(text))))  # counted in C
    return counts


def split_glued(text: str, counts: Mapping[str, int]) -> str:
    """Case glue split, then a rare token split into common words: `narkobadi` → `narkoba di`."""

    def split(match: re.Match[str]) -> str:
        token = match.group(0)
        parts = _capitals_then_word(token, counts) or (_parts(token, counts) if len(token) >= MIN_GLUED else None)
        return " ".join(parts) if parts else token

    return _LETTERS.sub(split, split_case_glue(text))


def _capitals_then_word(token: str, counts: Mapping[str, int]) -> list[str] | None:
    """`TENGAHgempuran` → `TENGAH gempuran`, `ALiga` → `A Liga`: a capital run glued to a word ends one letter
    before the case changes when that letter opens a word of the archive, or else where the case changes
    when the run itself is one."""
    run = _CAPITALS_THEN_WORD.match(token)
    if not run:
        return None
    head, tail = token[: run.end() - 1], token[run.end() - 1 :]
    if _common(tail, counts) and (len(head) == 1 or _common(head, counts)):
        return [head, tail]
    head, tail = token[: run.end()], token[run.end() :]
    if _common(head, counts):
        return [head, *(_parts(tail, counts) or [tail])]
    return None


def _common(word: str, counts: Mapping[str, int]) -> bool:
    return counts.get(word.casefold(), 0) >= 2


def _parts(token: str, counts: Mapping[str, int], depth: int = 0) -> list[str] | None:
    whole = counts.get(token.casefold(), 0)
    if depth >= MAX_PARTS:
        return None
    if whole >= 2:
        return _repeated_glue(token, counts, whole)

    def content(part: str, other: int) -> bool:
        if len(part) >= MIN_CONTENT_WORD or part.isupper():
            return True
        return other >= LONG_WORD and counts.get(part.casefold(), 0) >= MIN_COMMON_SHORT

    def known(part: str) -> bool:
        word = part.casefold()
        shortest = 2 if part.isupper() else 3  # an acronym (`AS`, `TNI`) may be short
        return len(word) >= shortest and word not in CLITICS and counts.get(word, 0) > max(whole, 1)

    for cut in range(len(token) - 2, 1, -1):
        head, tail = token[:cut], token[cut:]
        if head.casefold() in GLUE_WORDS:
            # `di-`, `ke-` open many real words (`diketahui`, `ketua`): split off only inside a glued run,
            # and only before a whole word. A longer function word also at the start of a lower-case token,
            # before a common longer word (`sebagaikota`; not `Danantara`, `padahal`, `daripada`).
            at_start = (
                len(head) > 2
                and head[0].islower()
                and len(tail) >= MIN_AFTER_PREPOSITION
                and tail.casefold() not in GLUE_WORDS
            )
            if known(tail) and (depth or (at_start and counts.get(tail.casefold(), 0) >= MIN_COMMON_TAIL)):
                return [head, tail]
            continue
        if not known(head):
            continue
        if tail.casefold() in GLUE_WORDS:
            return [head, tail]
        # Two content words glued: each long enough to be a word of its own (`gelang emas`; not `with out`,
        # `per hati`), and a suffix is no word (`umumkan` is not `umum kan`).
        if head.casefold() in PREFIXES or tail.casefold() in SUFFIXES or not content(head, len(tail)):
            continue
        if known(tail) and content(tail, len(head)):
            return [head, tail]
        rest = _parts(tail, counts, depth + 1)
        if rest:
            return [head, *rest]
    return None


def _repeated_glue(token: str, counts: Mapping[str, int], whole: int) -> list[str] | None:
    """`Ghazalidan` (twice in the archive) → `Ghazali dan`: a function word glued after a far more common word."""
    folded = token.casefold()
    for word in _GLUE_LONGEST_FIRST:
        head = token[: -len(word)]
        if (
            folded.endswith(word)
            and len(head) >= MIN_REPEAT_HEAD
            and head.casefold() not in GLUE_WORDS  # `daripada` is a word
            and counts.get(head.casefold(), 0) >= REPEAT_RATIO * whole
        ):
            return [head, token[-len(word) :]]
    return None
