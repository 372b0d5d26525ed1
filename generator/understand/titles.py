"""A headline-like title written from the lead when no person gave one."""

from __future__ import annotations

import re

MAX_TITLE = 100
MIN_TITLE = 40
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘])")
_CLAUSE_BREAK = re.compile(
    r"[,;:]\s+|\s+[-–—]\s+|\s+(?=(?:yang|karena|sehingga|setelah|usai|untuk|dengan|which|who|that|after|because)\s)"
)


def shorten(text: str, limit: int) -> str:
    """Cut at the last word boundary within `limit` characters; never mid-word."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") or text[:limit]


# Headline style drops what a sentence needs and a headline does not: articles, auxiliaries, asides.
_HEADLINE_DROPS = re.compile(
    r"\s*\([^()]*\d[^()]*\)|\b(?:telah|sudah|tersebut|pun|pula|sebuah|seorang|the|a|an|has|have|had)\b\s*",
    re.IGNORECASE,
)
_DAY_PHRASE = re.compile(
    r",?\s*(?:pada\s+)?(?:hari\s+ini|kemarin|today|yesterday|"
    r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)(?:\s*,?\s*\(?\d{1,2}/\d{1,2}(?:/\d{2,4})?\)?)?)\b",
    re.IGNORECASE,
)


# `Komisi Pemberantasan Korupsi (KPK)` → `KPK`: headlines name organisations by their short form.
_EXPANDED = re.compile(r"\b(?:[A-Z][\w&.-]*\s+(?:(?:dan|of|and|&)\s+)?){1,7}\(([A-Z][A-Za-z0-9&-]{1,9})\)")


def headline_style(sentence: str) -> str:
    """`Komisi Pemberantasan Korupsi (KPK) telah menahan … hari ini` → `KPK menahan …`."""
    text = _EXPANDED.sub(lambda m: m.group(1), sentence)
    text = _DAY_PHRASE.sub("", text)
    text = _HEADLINE_DROPS.sub(lambda m: " " if m.group(0).strip() else m.group(0), text)
    text = " ".join(text.split()).strip(" ,;:")
    return text[:1].upper() + text[1:] if text else sentence


def title_from_lead(paragraphs: tuple[str, ...]) -> str:
    """The lead's first sentence in headline style, cut at a natural boundary to at most MAX_TITLE characters."""
    lead = next((p for p in paragraphs if len(p.split()) >= 3), paragraphs[0] if paragraphs else "")
    if not lead:
        return ""
    sentence = headline_style(_SENTENCE_END.split(lead, maxsplit=1)[0].rstrip(" ."))
    if len(sentence) <= MAX_TITLE:
        return sentence
    # Keep as much of the sentence as fits, cut where a clause ends.
    best = None
    for match in _CLAUSE_BREAK.finditer(sentence):
        if MIN_TITLE <= match.start() <= MAX_TITLE:
            best = match.start()
    if best:
        return sentence[:best].rstrip(" ,;:")
    return shorten(sentence, MAX_TITLE)
