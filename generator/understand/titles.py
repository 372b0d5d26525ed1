"""A headline-like title written from the lead when no person gave one.

The lead sentence (not a quotation, not a reply to the sentence before) in headline style, cut near MAX_TITLE at
a clause or phrase boundary, then trimmed back to where its words are most likely the headline's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping

from generator.understand.glue import split_case_glue, split_glued, word_counts
from generator.understand.headline import headline_style
from generator.understand.wordlists import ABBREVIATIONS, STOPWORDS

MAX_TITLE = 105
MIN_TITLE = 60  # a clause break earlier than this cuts too much: cut at a phrase or a word instead
MIN_PHRASE_CUT = 70  # a phrase break (before a preposition) must keep more: it leaves less out
WHOLE_TITLE = 115  # a whole sentence this short is better than a cut one
MIN_SENTENCE_WORDS = 4
LEAD_CANDIDATES = 5  # sentences looked at for the lead; a quotation alone can fill three
# A title is trimmed to where its words are most likely the headline's: a word the article keeps coming back to
# likely is, one it never repeats likely is not, a function word seldom is. Extra words are weighed against a
# published headline's usual length.
MIN_TRIMMED = 40
HEADLINE_WORDS = 9
FUNCTION_WORD = 0.15
ONCE, EACH_MENTION, CERTAIN = 0.1, 0.1, 0.7
_WORD = re.compile(r"\w+")
_WANTS_MORE = re.compile(r"\b[a-z]{2,}ing$")
# A sentence ends at a stop and a space before a capital, or where scraping lost the space after a word's stop
# (`Nico Williams.Selanjutnya`; not `St.Petersburg`, `U.S.`).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘])|(?<=[a-z]{2}\.)(?=[A-Z][a-z])")
_CLAUSE_BREAK = re.compile(
    r"[,;]\s+|\s+[-–—]\s+|\s+(?=(?:yang|karena|sehingga|setelah|usai|untuk|dengan|namun|tetapi|sedangkan"
    r"|which|who|that|after|because|but|while)\s)"
)
# Where no clause ends in reach, a phrase does: before a preposition (`… tarif khusus Rp 1 | selama sehari`).
_PHRASE_BREAK = re.compile(
    r"\s+(?=(?:di|ke|dari|pada|dalam|bagi|oleh|sejak|selama|hingga|sampai|terkait|melalui|lewat|sebagai|saat"
    r"|ketika|demi|atas|tentang|soal|serta|in|on|at|for|from|by|against|despite|into|amid|as"
    r"|since|until|during)\s)"
)
_BREAKS = (_CLAUSE_BREAK, _PHRASE_BREAK)  # the boundaries a title may be cut at, best first
_QUOTE_OPEN = tuple("\"“‘'")
# The end of a quotation (`… Inisial RN," ujar Kasi Humas`, `… jelas," bebernya`) is not news on its own.
_QUOTE_TAIL = re.compile(
    r"[,!?…][\"”’']\s+[a-z]|[\"”’']\s*(?:kata|ujar|ucap|tutur|jelas|tegas|ungkap|imbuh|tambah|said|says)\b",
    re.IGNORECASE,
)
# Nor is a sentence that opens by answering the one before (`Namun Fitroh belum …`, `However, …`).
_CONNECTIVE = re.compile(
    r"(?:namun|tetapi|tapi|sementara|selain\s+itu|adapun|bahkan|lantas|sedangkan|padahal|however|but|meanwhile)\b",
    re.IGNORECASE,
)
# A sentence that points back (`Hal ini disampaikan …`) needs the one before it: not a headline.
_ANAPHORA = re.compile(
    r"(?:hal\s+(?:ini|itu|tersebut)|ini|itu|it|this|that|kabar|ia|dia|mereka|keduanya|he|she|they)\b", re.IGNORECASE
)
# Words a title cannot end on: they promise more (`… apalagi jika`, `… dan inilah`, `… is to`).
_TRAILING = re.compile(
    r"(?:\s+(?:di|ke|dari|dan|yang|untuk|dengan|pada|atau|serta|karena|oleh|dalam|bagi|sebagai|hingga|sampai"
    r"|jika|bila|apalagi|bahwa|terutama|seperti|yakni|yaitu|agar|sehingga|namun|tetapi|tapi|juga|akan|bisa"
    r"|dapat|harus|tidak|tak|belum|masih|inilah|itulah|adalah|merupakan|sangat|para"
    r"|the|a|an|of|to|in|on|for|and|or|with|by|at|from|as|that|which|who|is|are|was|were|be|been|will|would"
    r"|its|their|his|her|not|than|against|into|but|while|next|few|several|some|many|any|each|every|other"
    r"|another|more|most|such|these|those|per|sepanjang|selama|menuju|terhadap|antara|melalui|sekitar|bersama"
    r"|tanpa|jadi|mereka|hanya|bukan|cuma|sekadar|up|down|out|off))+$"
)
# Scraping drops the space after a comma or before a quotation mark (`Jawa,Icha`, `Biani‘haramkan’`).
_UNSPACED = re.compile(r"(?<=[^\W\d_][,;])(?=[^\W\d_‘“])|(?<=[^\W\d_])(?=[‘“])")


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
    for sentence in found[:LEAD_CANDIDATES]:
        opening = sentence.lstrip()
        if (
            opening.startswith(_QUOTE_OPEN)
            or _QUOTE_TAIL.search(opening)
            or _ANAPHORA.match(opening)
            or _CONNECTIVE.match(opening)
            or len(opening.split()) < MIN_SENTENCE_WORDS
        ):
            continue
        return sentence
    return found[0] if found else ""


def title_from_lead(paragraphs: tuple[str, ...], counts: Mapping[str, int] | None = None) -> str:
    """The lead sentence in headline style, cut at a natural boundary to about MAX_TITLE characters.

    `counts` are the archive's word counts (they mend glued words and choose verb roots); without them the
    article's own words are used.
    """
    counts = counts if counts is not None else word_counts(paragraphs)
    lead = _UNSPACED.sub(" ", lead_sentence(paragraphs).strip().rstrip("."))
    if not lead:
        return ""
    sentence = _finish(headline_style(split_glued(lead, counts), counts))
    mentions = Counter(word.casefold() for p in paragraphs for word in _WORD.findall(split_case_glue(p)))
    return _trimmed(_cut(sentence), mentions)


def _cut(sentence: str) -> str:
    """The sentence, or its start to a clause (or else phrase, or else word) boundary near MAX_TITLE."""
    if len(sentence) <= WHOLE_TITLE:
        return sentence
    best = None
    for breaks, shortest in zip(_BREAKS, (MIN_TITLE, MIN_PHRASE_CUT), strict=True):
        for match in breaks.finditer(sentence):
            if shortest <= match.start() <= MAX_TITLE:
                best = match.start()
        if best:
            break
    return _finish(sentence[:best] if best else shorten(sentence, MAX_TITLE))


def _trimmed(title: str, mentions: Mapping[str, int]) -> str:
    """The title, or a shorter start of it ending at a clause or phrase break, whichever promises most."""

    def likely(word: str) -> float:
        if word in STOPWORDS:
            return FUNCTION_WORD
        return min(ONCE + EACH_MENTION * max(mentions.get(word, 0) - 1, 0), CERTAIN)

    def promise(text: str) -> float:
        words = [word.casefold() for word in _WORD.findall(text)]
        return sum(likely(word) for word in set(words)) / (len(words) + HEADLINE_WORDS)

    candidates = [title] + [
        _finish(title[: match.start()])
        for breaks in _BREAKS
        for match in breaks.finditer(title)
        if match.start() >= MIN_TRIMMED
    ]
    # A trimmed title does not end on a participle that wants its phrase (`… in agreement calling`).
    kept = [c for c in candidates if c == title or (len(c) >= MIN_TRIMMED and not _WANTS_MORE.search(c))]
    return max(kept, key=promise)


def _finish(title: str) -> str:
    """No word or mark at the end that promises more (`… panik, apalagi jika` → `… panik`)."""
    while True:
        finished = _TRAILING.sub("", title.rstrip(" ,;:-–—"))
        if finished == title:
            return title
        title = finished
