"""A lead sentence rewritten in headline style: what a sentence needs and a headline does not, left out.

`Komisi Pemberantasan Korupsi (KPK) telah menetapkan tersangka pada Senin (16/6/2025)` →
`KPK tetapkan tersangka`; `Raven Industries Inc said it purchased the unit` → `Raven Industries purchased unit`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.understand.dates import MONTHS, WEEKDAYS
from generator.understand.verbs import headline_verbs
from generator.understand.wordlists import COMPANY_FORMS, HEADLINE_DROPS, HEADLINE_FILLERS, LEAD_INS


def _alternatives(words: object) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_WEEKDAY = _alternatives(WEEKDAYS)
_MONTH = _alternatives(MONTHS)
_NUMERIC_DATE = r"\(\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*\)"
# `pada Senin (16/6/2025) pagi WIB`, `Jumat, 20 Juni 2025`, `(20/6)`, `hari ini`, `on Tuesday`, `yesterday`.
_DATE_PHRASE = re.compile(
    rf",?\s*(?<![\w-])(?:(?:pada|on|sejak|since)\s+)?"
    rf"(?:(?:hari\s+)?(?:{_WEEKDAY})\b\s*,?\s*(?:{_NUMERIC_DATE}|\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?)?"
    r"(?:\s+(?:pagi|siang|sore|malam|dini\s+hari|morning|afternoon|evening|night))?(?:\s+(?:WIB|WITA|WIT))?"
    rf"|{_NUMERIC_DATE}|hari\s+ini|kemarin|today|yesterday|tonight|(?:this|last|next)\s+week)(?![\w'’\"])",
    re.IGNORECASE,
)
# `PT Bank Tabungan Negara (Persero) Tbk` → `Bank Tabungan Negara`; `Co's` keeps its `'s`.
_COMPANY_FORM = re.compile(rf"\s*(?:\(Persero\)|\b(?:{_alternatives(COMPANY_FORMS)})\b\.?(?=[\s,.'’]|$))")
# `Komisi Pemberantasan Korupsi (KPK)` → `KPK`: headlines name organisations by their short form.
_EXPANDED = re.compile(r"\b(?:[A-Z][\w&.-]*\s+(?:(?:dan|of|and|&|for|untuk)\s+)?){1,7}\(([A-Z][A-Za-z0-9&-]{1,9})\)")
_LEAD_IN = re.compile(rf"^(?:{_alternatives(LEAD_INS)})\b[^,]{{3,120}},\s+", re.IGNORECASE)
MIN_REST = 5  # words the sentence must keep after its lead-in is dropped
# English attribution: `X said it bought Y` → `X bought Y`; `X said Y` → `X: Y`.
_SAID_IT = re.compile(r"\s+said\s+(?:it|he|she|they)\s+(?=\w)")
_SAID = re.compile(r"^(?P<who>.{3,80}?)\s+said\s+(?:that\s+)?(?P<what>(?:\S+\s+){2}\S.*)$")
_COPULA = re.compile(
    r"(?<=\w)\s(?:is|are|was|were)\s+(?=[a-z])"
)  # `pressures are under control` → `pressures under control`
_WILL = re.compile(r"\s(?:will|would|is\s+to|are\s+to)\s+(?=[a-z])")  # `MGE will start` → `MGE to start`
_FILLER = re.compile(rf"(?<![\w-])(?:{_alternatives(HEADLINE_FILLERS)})\s+", re.IGNORECASE)
_DROPS = sorted(HEADLINE_DROPS) + [w.capitalize() for w in sorted(HEADLINE_DROPS)]
_DROP = re.compile(rf"(?<![\w-])(?:{_alternatives(_DROPS)})(?![\w-])\s*")
_ASIDE = re.compile(r"\s*\([^()]*\d[^()]*\)")  # `(40)`, `(16/6)`: ages and dates in brackets


def headline_style(sentence: str, counts: Mapping[str, int]) -> str:
    """The sentence in headline style; `counts` are the archive's word counts (for verb roots)."""
    text = _COMPANY_FORM.sub("", sentence)
    text = _EXPANDED.sub(lambda m: m.group(1), text)
    text = _DATE_PHRASE.sub("", text)
    lead_in = _LEAD_IN.match(text)
    if lead_in and len(text[lead_in.end() :].split()) >= MIN_REST:
        text = text[lead_in.end() :]
    text = _SAID_IT.sub(" ", text)
    said = _SAID.match(text)
    if said:
        text = f"{said.group('who')}: {said.group('what')}"
    text = _COPULA.sub(" ", _WILL.sub(" to ", text), count=1)
    text = headline_verbs(text, counts)
    text = _ASIDE.sub("", _FILLER.sub("", text))
    text = _DROP.sub(lambda m: " " if m.group(0).strip() else m.group(0), text)
    text = " ".join(text.split()).strip(" ,;:.")
    return text[:1].upper() + text[1:] if text else sentence
