"""A headline-like title written from the lead when no person gave one."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from generator.understand.glue import split_glued, word_counts
from generator.understand.headline import headline_style
from generator.understand.wordlists import ABBREVIATIONS

MAX_TITLE = 105
MIN_TITLE = 60  # a clause break earlier than this cuts too much: cut at a word instead
WHOLE_TITLE = 115  # a whole sentence this short is better than a cut one
MIN_SENTENCE_WORDS = 4
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘])")
_CLAUSE_BREAK = re.compile(
    r"[,;]\s+|\s+[-–—]\s+|\s+(?=(?:yang|karena|sehingga|setelah|usai|untuk|dengan|namun|tetapi|sedangkan"
    r"|which|who|that|after|because|but|while)\s)"
)
_QUOTE_OPEN = tuple("\"“‘'")
# A sentence that points back (`Hal ini disampaikan …`) needs the one before it: not a headline.
_ANAPHORA = re.compile(r"(?:hal\s+(?:ini|itu|tersebut)|ini|itu|it|this|that|kabar)\b", re.IGNORECASE)
_TRAILING = re.compile(
    r"(?:\s+(?:di|ke|dari|dan|yang|untuk|dengan|pada|atau|serta|karena|oleh|dalam|bagi"
    r"|the|a|an|of|to|in|on|for|and|or|with|by|at|from|as))+$"
)


def shorten(text: str, limit: int) -> str:
    """Cut at the last word boundary within `limit` characters; never mid-word."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") or text[:limit]


def sentences(paragraph: str) -> Iterator[str]:
    """The paragraph's sentences; a period after an initial or abbreviation (`U.S.`, `Mr.`) ends none."""
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        last = paragraph[start : match.start()].rstrip("\"”’'.!?").rsplit(None, 1)[-1:]
        word = last[0].rsplit(".", 1)[-1] if last else ""
        if paragraph[match.start() - 1] == "." and (
            (len(word) == 1 and word.isupper()) or word.casefold() in ABBREVIATIONS
        ):
            continue
        yield paragraph[start : match.start()]
        start = match.end()
    yield paragraph[start:]


def lead_sentence(paragraphs: tuple[str, ...]) -> str:
    """The first sentence that reads as news on its own: not a quotation, not pointing back, not a fragment."""
    found = [s for p in paragraphs[:3] for s in sentences(p) if s.strip()]
    for sentence in found[:3]:
        opening = sentence.lstrip()
        if opening.startswith(_QUOTE_OPEN) or _ANAPHORA.match(opening) or len(opening.split()) < MIN_SENTENCE_WORDS:
            continue
        return sentence
    return found[0] if found else ""


def title_from_lead(paragraphs: tuple[str, ...], counts: Mapping[str, int] | None = None) -> str:
    """The lead sentence in headline style, cut at a natural boundary to about MAX_TITLE characters.

    `counts` are the archive's word counts (they mend glued words and choose verb roots); without them the
    article's own words are used.
    """
    counts = counts if counts is not None else word_counts(paragraphs)
    lead = lead_sentence(paragraphs).strip().rstrip(".")
    if not lead:
        return ""
    sentence = _TRAILING.sub("", headline_style(split_glued(lead, counts), counts))
    if len(sentence) <= WHOLE_TITLE:
        return sentence
    best = None
    for match in _CLAUSE_BREAK.finditer(sentence):
        if MIN_TITLE <= match.start() <= MAX_TITLE:
            best = match.start()
    cut = sentence[:best].rstrip(" ,;:") if best else shorten(sentence, MAX_TITLE)
    return _TRAILING.sub("", cut)
