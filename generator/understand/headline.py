"""A lead sentence rewritten in headline style: what a sentence needs and a headline does not, left out.

`Komisi Pemberantasan Korupsi (KPK) telah menetapkan tersangka pada Senin (16/6/2025)` →
`KPK tetapkan tersangka`; `Raven Industries Inc said it purchased the unit` → `Raven Industries purchased unit`.
A headline keeps the sentence's core, who does what: an aside between the subject and its verb goes
(`PN Palu, Sulteng, menerima …` → `PN Palu terima …`), and so does a long speaker before what was said.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.understand.dates import MONTHS, WEEKDAYS
from generator.understand.verbs import headline_verbs, present_tense
from generator.understand.wordlists import (
    COMPANY_FORMS,
    HEADLINE_DROPS,
    HEADLINE_FILLERS,
    LEAD_INS,
    NOT_ME_VERBS,
    TITLES,
)


def _alternatives(words: object) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_WEEKDAY = _alternatives(WEEKDAYS)
_MONTH = _alternatives(MONTHS)
_NUMERIC_DATE = r"\(\s*\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*\)"
# `pada Senin (16/6/2025) pagi WIB`, `Jumat, 20 Juni 2025`, `(20/6)`, `hari ini`, `on Tuesday`, `yesterday`.
_DATE_PHRASE = re.compile(
    rf",?\s*(?<![\w-])(?:(?:pada|on|sejak|since)\s+)?"
    rf"(?:(?:hari\s+)?(?:{_WEEKDAY})\b\s*,?\s*(?:{_NUMERIC_DATE}|\d{{1,2}}\s+(?:{_MONTH})(?:\s+\d{{4}})?)?"
    r"(?:\s+(?:lalu|kemarin|depan|mendatang))?"
    r"(?:\s+(?:pagi|siang|sore|malam|dini\s+hari|morning|afternoon|evening|night))?(?:\s+(?:WIB|WITA|WIT))?"
    rf"|{_NUMERIC_DATE}|hari\s+ini|kemarin|today|yesterday|tonight|(?:(?:late|early)\s+)?(?:this|last|next)\s+(?:week|month)"
    r")(?![\w'’\"])"
    rf"|,?\s*\b(?:pada|on)\s+(?:tanggal\s+)?\d{{1,2}}\s+(?:{_MONTH})\b(?:\s+\d{{4}})?",
    re.IGNORECASE,
)
# `mulai hari ini, Kamis (19/6) hingga Minggu (13/7)` without its days: `mulai hingga` says nothing.
_EMPTY_SPAN = re.compile(r"\s+(?:mulai|sejak|dari)\s+(?:hingga|sampai)\b")
# `PT Bank Tabungan Negara (Persero) Tbk` → `Bank Tabungan Negara`; `Co's` keeps its `'s`.
_COMPANY_FORM = re.compile(rf"\s*(?:\(Persero\)|\b(?:{_alternatives(COMPANY_FORMS)})\b\.?(?=[\s,.'’]|$))")
# `Komisi Pemberantasan Korupsi (KPK)` → `KPK`, `organisasi masyarakat (ormas)` → `ormas`: headlines name
# things by their short form.
_EXPANDED = re.compile(
    r"\b(?:[A-Z][\w&.-]*\s+(?:(?:dan|of|and|&|for|untuk)\s+)?){0,6}[A-Z][\w&.-]*\s*\(([A-Z][A-Za-z0-9&-]{1,14})\)"
    r"|\b(?:[A-Za-z][\w-]*\s+){1,5}[a-z][\w-]*\s*\(([A-Za-z][A-Za-z0-9&-]{1,14})\)"
)
_LEAD_IN = re.compile(rf"^(?:{_alternatives(LEAD_INS)})\b[^,]{{3,120}},\s+", re.IGNORECASE)
MIN_REST = 5  # words the sentence must keep after its lead-in is dropped
# English attribution: `X said it bought Y` → `X bought Y`; `X said Y` → `X: Y`.
_SAID_IT = re.compile(r"\s+said\s+(?:it|he|she|they)\s+(?=\w)")
_SAID = re.compile(r"^(?P<who>.{3,80}?)\s+said\s+(?:that\s+)?(?P<what>(?:\S+\s+){2}\S.*)$")
# Only the main clause loses its copula and modal: `it was ready` after `warned that` keeps its `was`.
_MAIN_CLAUSE = re.compile(r"^(?:(?!\b(?:that|which|who|where|when|if|because|although|as)\b)[^,;:])*")
_COPULA = re.compile(r"(?<=\w)\s(?:is|are|was|were)\s+(?=[a-z])")  # `pressures are under control` → `… under`
_WILL = re.compile(
    r"\s(?:will|would|is\s+to|are\s+to)\s+(?=[a-z])(?!(?:[a-z]+ly|almost|also|not|still|soon|never|now|then)\b)"
)  # `MGE will start` → `MGE to start`
_FILLER = re.compile(rf"(?<![\w-])(?:{_alternatives(HEADLINE_FILLERS)})\s+", re.IGNORECASE)
# `have to` is a need, not an auxiliary; a capitalised drop word mid-sentence is a name (`Jawa Tengah`).
_DROP = re.compile(
    rf"(?<![\w-])(?:{_alternatives(sorted(HEADLINE_DROPS))})(?![\w-])(?!(?<=has|had)\s+to\b)(?!(?<=have)\s+to\b)\s*"
    rf"|^(?:{_alternatives(w.capitalize() for w in sorted(HEADLINE_DROPS))})(?![\w-])\s*"
)
# Indonesian headlines leave out `kini`, `baru-baru ini`, a purpose's `untuk` before its verb (`jurus terpadu
# untuk menekan kemiskinan` → `jurus terpadu tekan kemiskinan`) and a possessive `mereka` (`SUV terbaru mereka`).
_NOW = re.compile(r"(?<=\w)(?<!masa)\s+(?:baru-baru\s+ini|kini)\b(?=\s+\w)", re.IGNORECASE)
_PURPOSE = re.compile(r"(?<=\w)\s+(?:untuk|guna)\s+(?=me[a-z]{3,}\b)")
_THEIR = re.compile(
    r"(?<![\w-])(?P<noun>(?!(?:me|ber|ter|di)[a-z]{3})(?!(?:bagi|kepada|oleh|dengan|bersama|untuk|dari|pada|antara)\b)"
    r"[a-z]{3,})\s+mereka\b(?=\s*(?:[,.;:]|$|\s+(?:di|ke|dari|pada|dalam|untuk|dengan|yang|dan|sebagai|selama)\b))"
)
_ASIDE = re.compile(r"\s*\([^()]*\d[^()]*\)")  # `(40)`, `(16/6)`: ages and dates in brackets

# Words that begin a predicate: auxiliaries, and verb forms (`me-`, `di-`, `ber-`, `ter-`; English `-ed`).
_AUXILIARIES = frozenset((
    "akan", "telah", "sudah", "sedang", "tengah", "masih", "bisa", "dapat", "harus", "mulai", "kembali", "resmi",
    "siap", "baru", "belum", "tidak", "tak", "juga", "kini", "jadi", "sempat", "turut", "ikut", "tetap", "terus",
    "langsung", "enggan", "mampu", "berhasil", "mengaku", "diduga",
    "said", "says", "is", "are", "was", "were", "has", "had", "have", "will", "would", "can", "could", "may",
    "might", "should", "to",
))  # fmt: skip
_NOT_PREDICATES = NOT_ME_VERBS | frozenset((
    "dari", "dalam", "dengan", "dia", "di", "dan", "terhadap", "terkait", "termasuk", "tersangka", "terdakwa",
    "terbaru", "terbesar", "tertinggi", "terakhir", "terutama", "berbagai", "beberapa", "bersama", "berupa",
    "berusia", "berdasarkan", "tersebut", "tertentu", "terlalu", "dinas", "diri", "dirut", "direksi", "direktur",
    "digital", "diskon", "dividen", "distrik",
))  # fmt: skip
_PREPOSITIONS = frozenset((
    "di", "ke", "dari", "pada", "dalam", "untuk", "dengan", "bagi", "oleh",
    "in", "on", "at", "for", "from", "with", "by", "to", "of",
))  # fmt: skip
_VERB_FORM = re.compile(r"(?:me|di|ber|ter)[a-z]{4,}|[a-z]{3,}ed")
_COMMA = re.compile(r",\s+")
_RELATIVE = re.compile(r"\b(?:yang|who|which|that)\b")
MAX_SUBJECT = 10  # words before the first comma that can still be a subject
MAX_ASIDE = 20  # words an aside between subject and verb may have
MAX_NAME = 5  # words of a name
# Indonesian reporting verbs: `X mengatakan (bahwa) Y`. Those that also take a plain object
# (`menegaskan komitmennya`) report only with `bahwa` or a comma (`Lalamove menegaskan, driver …`).
_REPORTS = "mengatakan menyatakan menyebutkan menyebut menuturkan menjelaskan menerangkan memastikan mengklaim meyakini"
_REPORTS_WITH_BAHWA = (
    "mengungkapkan mengungkap menegaskan membenarkan menyampaikan menilai menekankan mengingatkan mengakui "
    "mencatat melaporkan mengumumkan"
)
_SPEAKER = re.compile(
    rf"^(?P<who>[^,:\"“]{{2,100}}?)\s+(?:{_alternatives(_REPORTS.split())}"
    rf"|(?:{_alternatives(_REPORTS_WITH_BAHWA.split())})(?=,|\s+bahwa\b))\b,?\s+(?:bahwa\s+)?(?P<what>\S.*)$"
)
_NAME_PARTICLES = frozenset(["de", "la", "van", "von", "der", "bin", "binti", "al"])
SHORT_SPEAKER = 3  # words: `Panglima TNI: …`; a longer speaker is left out, what was said is the news
MIN_SAID = 4  # words what was said must have to stand alone


def headline_style(sentence: str, counts: Mapping[str, int]) -> str:
    """The sentence in headline style; `counts` are the archive's word counts (for verb roots)."""
    text = _COMPANY_FORM.sub(lambda m: " " if m.group(0).endswith(")") else "", sentence)
    text = _EXPANDED.sub(_short_form, text)
    text = " ".join(_EMPTY_SPAN.sub("", _DATE_PHRASE.sub("", text)).split())
    lead_in = _LEAD_IN.match(text)
    if lead_in and len(text[lead_in.end() :].split()) >= MIN_REST:
        text = text[lead_in.end() :]
    text = _reported(_core(_compact(text)))
    text = _SAID_IT.sub(" ", text)
    said = _SAID.match(text)
    if said:
        text = _attributed(said.group("who"), said.group("what"))
    who, colon, what = text.rpartition(": ")
    main = _MAIN_CLAUSE.match(what)
    assert main  # it matches any text, if only emptily
    end = main.end()
    main_clause = present_tense(what[:end], counts)
    text = who + colon + _COPULA.sub(" ", _WILL.sub(" to ", main_clause), count=1) + what[end:]
    text = headline_verbs(text, counts)
    text = _ASIDE.sub("", _FILLER.sub("", text))
    text = _DROP.sub(lambda m: " " if m.group(0).strip() else m.group(0), text)
    text = " ".join(text.split()).strip(" ,;:.")
    return text[:1].upper() + text[1:] if text else sentence


def _compact(text: str) -> str:
    """`kini`, a purpose's `untuk` and a possessive `mereka` left out."""
    return _THEIR.sub(r"\g<noun>", _PURPOSE.sub(" ", _NOW.sub("", text)))


def _name(who: str) -> str:
    """The name that ends a speaker's description, after their titles: `Commerce Secretary Malcolm Baldrige`
    → `Malcolm Baldrige`; empty where the description ends in no name (`a top Iranian official`)."""
    words = who.split()
    start = len(words)
    while start and (words[start - 1][:1].isupper() or words[start - 1] in _NAME_PARTICLES):
        if words[start - 1].casefold() in TITLES:
            break
        start -= 1
    while start < len(words) and not words[start][:1].isupper():
        start += 1
    return " ".join(words[start:])


def _short_form(match: re.Match[str]) -> str:
    """`Menteri Energi dan Sumber Daya Mineral (ESDM)` → `Menteri ESDM`: only the words the short form stands
    for give way to it, found as the shortest run of two or more words whose letters spell it (`Kepala
    Kepolisian … (Kapolri)`). A clipping of one word (`Shiba Inu (SHIB)`, `Blue Bird (BIRD)`) is a symbol, not a
    short form: the name stays with it."""
    group = 1 if match.group(1) else 2
    acronym = match.group(group)
    words = match.group(0)[: match.start(group) - match.start() - 1].split()
    glue = " " if match.string[match.end() : match.end() + 1].isalnum() else ""
    if any(_spells(word, acronym) for word in words):
        return match.group(0)
    for start in range(len(words) - 2, -1, -1):
        if (group == 2 or words[start][:1].isupper()) and _spells("".join(words[start:]), acronym):
            return " ".join([*words[:start], acronym]) + glue
    # Words in another language's order (`Korps Garda Revolusi Islam Iran (IRGC)`): their initials tell.
    initials = {w[0].casefold() for w in words}
    if group == 1 and len(words) >= 2 and 2 * sum(letter in initials for letter in acronym.casefold()) >= len(acronym):
        return acronym + glue
    return match.group(0)


def _spells(words: str, acronym: str) -> bool:
    """The acronym's letters appear in order in `words`, the first one first (`KemenPANRB`, `Pemkot`)."""
    letters, want = iter(words.casefold()), acronym.casefold()
    if words[:1].casefold() != want[:1]:
        return False
    return all(any(have == letter for have in letters) for letter in want if letter.isalnum())


def _predicate(word: str) -> bool:
    """The word can begin a predicate (`menyiapkan`, `dibunuh`, `sudah`, `agreed`)."""
    folded = word.casefold()
    if not word[:1].islower() or folded in _NOT_PREDICATES:
        return False
    return folded in _AUXILIARIES or bool(_VERB_FORM.fullmatch(folded))


def _core(text: str) -> str:
    """An aside between the subject and its verb left out: `Lamine Yamal, bintang muda Barcelona, dikabarkan …`
    → `Lamine Yamal dikabarkan …`. Where the subject only describes and the aside names (`Produsen mobil asal
    China, Jaecoo, sedang …`, `Gelandang Timnas, Nathan Tjoe-A-On mengambil …`), the name is kept instead."""
    parts = _COMMA.split(text)
    if len(parts) < 2:
        return text
    words = _RELATIVE.split(parts[0])[0].split()
    if (
        not words
        or words[0].casefold() in _PREPOSITIONS
        or len(words) > MAX_SUBJECT
        or any(_predicate(w) for w in words[1:])
    ):
        return text
    describes = any(w[:1].islower() for w in words[1:])
    for verb_at in range(1, len(parts)):
        opening = parts[verb_at].split()
        if not opening:
            return text
        aside = parts[1:verb_at]
        if sum(len(part.split()) for part in aside) > MAX_ASIDE:
            return text
        if _predicate(opening[0]) and not (_stative(opening[0]) and _later_predicate(parts[verb_at + 1 :])):
            subject = parts[0]
            if aside and describes and _is_name(aside[0].split()):
                subject = aside[0]
            return " ".join([subject, ", ".join(parts[verb_at:])])
        if verb_at == 1 and describes and _named_subject(opening):
            return ", ".join(parts[verb_at:])
    return text


def _stative(word: str) -> bool:
    """A `ber-`/`ter-` word can describe as well as tell (`berinisial DS`, `terletak di`)."""
    return word.casefold().startswith(("ber", "ter")) and word.casefold() not in _AUXILIARIES


def _later_predicate(parts: list[str]) -> bool:
    """A later part opens with a verb that only tells: the stative one before it was an aside."""
    openings = [part.split()[0] for part in parts if part.split()]
    return any(_predicate(word) and not _stative(word) for word in openings)


def _is_name(words: list[str]) -> bool:
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


def _named_subject(words: list[str]) -> bool:
    """The words open with a name, then its verb: `Nathan Tjoe-A-On mengambil …`."""
    for at, word in enumerate(words[: MAX_NAME + 1]):
        if not word[:1].isupper():
            return at > 0 and _predicate(word)
    return False


def _reported(text: str) -> str:
    """`Kapolres Kampar AKBP Boby mengatakan kegiatan patroli …` → `Kegiatan patroli …`; a short speaker stays
    as headlines write it: `Panglima TNI: …`."""
    reported = _SPEAKER.match(text)
    if not reported:
        return text
    who, what = reported.group("who"), reported.group("what")
    if any(_predicate(w) for w in who.split()[1:]) or len(what.split()) < MIN_SAID:
        return text
    return _attributed(who, _core(what))


def _attributed(who: str, what: str) -> str:
    """`Panglima TNI: …`; a long speaker gives way to their full name (`Commerce Secretary Malcolm Baldrige` →
    `Malcolm Baldrige`), or is left out where the sentence gives none: what was said is the news."""
    if len(who.split()) > SHORT_SPEAKER:
        name = _name(who)
        who = name if 2 <= len(name.split()) <= SHORT_SPEAKER else ""
    return f"{who}: {what}" if who else what[:1].upper() + what[1:]
