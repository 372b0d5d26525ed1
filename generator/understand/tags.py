"""Tags: the people, organisations, places and topics an archive keeps returning to.

Candidates are runs of capitalised words (names, acronyms, `Pilkada 2024`) and, for topics, content words
that a story repeats. Which of them become tags is decided for the whole archive from document
frequency (see `assign_tags`): a tag must name more than one article, and never a stopword, weekday,
month, number, outlet or piece of furniture.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Collection, Container, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress

from generator.understand.dates import MONTHS, WEEKDAYS
from generator.understand.wordlists import FURNITURE_WORDS, OUTLETS, STOPWORDS, TITLES

MIN_TAGS, MAX_TAGS = 3, 8
MAX_DF_SHARE = 0.3  # a word in a third of the archive tells a reader nothing about one article
SMALL_ARCHIVE = 20  # below this many articles document frequencies mean nothing; names said twice will do

_CONNECTORS = frozenset({"of", "de", "bin", "binti", "van", "von", "der", "al", "el", "la", "le", "da"})
_TOKEN = re.compile(r"[\w’'.&-]+|[^\w\s]")
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", "“", "”", '"', "(", ")", "—", "–", "-"})
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


@lru_cache(maxsize=1 << 18)
def tag_key(name: str) -> str:
    """Tags that differ only by case, spacing or Unicode form are one tag."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().replace("’", "'").split())


@lru_cache(maxsize=1 << 18)
def _never(word: str) -> bool:
    """Words that are never a tag nor part of one at its edges."""
    low = word.casefold().strip(".")
    return (
        low in STOPWORDS
        or low in MONTHS
        or low in WEEKDAYS
        or low in OUTLETS
        or low in FURNITURE_WORDS
        or not any(c.isalpha() for c in low)
        or len(low) < 2
    )


@lru_cache(maxsize=1 << 18)
def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


@dataclass(frozen=True)
class Candidates:
    """What one article offers as tags: names (run → count) and lower-case content words (word → count)."""

    names: Mapping[str, int]
    words: Mapping[str, int]
    lead: frozenset[str]  # keys that appear in the first paragraph
    keys: tuple[str, ...]  # the `tag_key` of each name, in the order of `names`
    repeated: frozenset[str]  # the words said more than once


_OTHER, _NAME, _JOINS = 0, 1, 2  # kinds of token: a name word; a year or connector, which continues a name


@lru_cache(maxsize=1 << 18)
def _token_kind(token: str) -> tuple[str, int, bool, bool]:
    """How `_runs` treats one token: (the word, its kind, whether it ends a sentence, whether one opens after)."""
    word = token.strip(".") if token.endswith(".") and not _INITIALS.fullmatch(token) else token
    ends_sentence = token.endswith(".") and word != token
    if word and _is_capitalised(word) and not _never(word):
        kind = _NAME
    elif (word and _YEAR.fullmatch(word)) or word.casefold() in _CONNECTORS:
        kind = _JOINS
    else:
        kind = _OTHER
    return word, kind, ends_sentence, token in _SENTENCE_END or ends_sentence


def _runs(paragraph: str) -> list[tuple[list[str], bool]]:
    """Runs of capitalised words, each with whether it opens a sentence."""
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    opens = True
    at_start = True
    for token in _TOKEN.findall(_GLUE.sub(" ", paragraph)):
        word, kind, ends_sentence, starts_next = _token_kind(token)
        if kind == _NAME or (kind == _JOINS and current):
            if not current:
                opens = at_start
            current.append(word)
        elif current:
            runs.append((current, opens))
            current = []
        at_start = starts_next
        if ends_sentence and current:
            runs.append((current, opens))
            current = []
    if current:
        runs.append((current, opens))
    return runs


def _clean_run(words: Sequence[str]) -> Sequence[str]:
    while words and (words[0].casefold() in TITLES or words[0].casefold() in _CONNECTORS):
        words = words[1:]
    while words and words[-1].casefold() in _CONNECTORS:
        words = words[:-1]
    return words[:5]


_ENDS = (".", "!", "?")


def word_case_counts(paragraphs: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each word is written in lower case, and capitalised inside a sentence (for names)."""
    lows: list[str] = []
    ups: list[str] = []
    for paragraph in paragraphs:
        opens = True
        for token in _TOKEN.findall(paragraph):
            first = token[:1]
            if first.islower():
                lows.append(token)
            elif not opens and first.isupper():
                ups.append(token)
            opens = token in _SENTENCE_END or token.endswith(_ENDS)
    # Counted at once, keys in order of first use: the same counters as counting token by token.
    return Counter(map(str.casefold, lows)), Counter(map(str.casefold, ups))


# One way to read a run: (the name as written, its tag key, the word whose case decides a one-word name or "").
Reading = tuple[str, str, str]


def _reading(words: Sequence[str]) -> Reading | None:
    run = _clean_run(words)
    if not run or (len(run) == 1 and _YEAR.fullmatch(run[0])):
        return None
    name = " ".join(run)
    return name, tag_key(name), run[0].casefold() if len(run) == 1 else ""


@lru_cache(maxsize=1 << 16)
def _readings(run: tuple[str, ...], opens: bool) -> tuple[str, Reading | None, Reading | None]:
    """(its first word casefolded, if the run opens a sentence, else ""; read whole; read without that word)."""
    if opens:
        return run[0].casefold(), _reading(run), _reading(run[1:])
    return "", _reading(run), None


@dataclass(frozen=True)
class Runs:
    """One article's raw candidates, before the archive's case counts decide which runs are names.

    Depends on the article alone, so it can be computed once and kept (see `features.article_features`).
    Each run is read both ways the archive may decide: whole, and (when it opens a sentence) without its
    first word, which may be a common word capitalised only there.
    """

    # (paragraph number, first word casefolded if the run opens a sentence else "", read whole, read without it)
    runs: tuple[tuple[int, str, Reading | None, Reading | None], ...]
    words: Mapping[str, int]  # lower-case content words → count

    def consulted(self) -> set[str]:
        """The words whose archive-wide case decides how this article's runs are read."""
        found = {first for _, first, _, _ in self.runs if first}
        for _, _, whole, rest in self.runs:
            for reading in (whole, rest):
                if reading is not None and reading[2]:
                    found.add(reading[2])
        return found


def article_runs(paragraphs: Sequence[str], lower: Mapping[str, int] | None = None) -> Runs:
    """The tokenising half of `candidates`: capitalised runs and content words of one article.

    `lower` is the article's own lower-case counts (`word_case_counts`), when already known.
    """
    runs = [
        (number, *_readings(tuple(run), opens))
        for number, paragraph in enumerate(paragraphs)
        for run, opens in _runs(paragraph)
    ]
    if lower is None:
        lower = word_case_counts(paragraphs)[0]
    words = {word: n for word, n in lower.items() if len(word) >= 5 and word.isalpha() and not _never(word)}
    return Runs(tuple(runs), words)


def candidates(paragraphs: Sequence[str], lower: Mapping[str, int], upper: Mapping[str, int]) -> Candidates:
    """Name runs and content words of one article; `lower`/`upper` are the archive's case counts."""
    return decide(article_runs(paragraphs), *case_sets(lower, upper))


def case_sets(lower: Mapping[str, int], upper: Mapping[str, int]) -> tuple[set[str], set[str]]:
    """What the archive's case counts say of each word: (capitalised, common).

    Common words are written in lower case more often than capitalised inside a sentence; capitalised
    words are found capitalised inside a sentence and are not common. Runs are decided by these alone.
    """
    common = {word for word, n in lower.items() if n > upper.get(word, 0)}  # `_common`, inline for speed
    return set(upper.keys() - common), common


def word_case(word: str, lower: Mapping[str, int], upper: Mapping[str, int]) -> tuple[bool, bool]:
    """What `case_sets` says of one word: (capitalised, common)."""
    common = _common(word, lower, upper)
    return word in upper and not common, common


def _common(word: str, lower: Mapping[str, int], upper: Mapping[str, int]) -> bool:
    """Written in lower case more often than capitalised inside a sentence."""
    return lower.get(word, 0) > upper.get(word, 0)


def decide(found: Runs, capitalised: Container[str], common: Container[str]) -> Candidates:
    """One article's candidates, given the archive's `case_sets`."""
    names: dict[str, int] = {}
    lead: set[str] = set()
    surface: dict[str, str] = {}
    for number, first, whole, rest in found.runs:
        # A run that opens a sentence loses a first word that is capitalised only because it starts it.
        reading = rest if first and first not in capitalised else whole
        if reading is None:
            continue
        name, key, single = reading
        if single and single in common:
            continue  # a common word written with a capital here and there
        names[key] = names.get(key, 0) + 1
        if key not in surface:
            surface[key] = name
        if number == 0:
            lead.add(key)
    # A single word that is part of a longer name in the same article is that name: `Prabowo` → `Prabowo Subianto`.
    containing: dict[str, list[str]] = {}
    for key in names:
        if " " in key:
            for part in set(key.split()):
                containing.setdefault(part, []).append(key)
    for key in [k for k in names if " " not in k]:
        longer = containing.get(key, [])
        if len(longer) == 1:
            names[longer[0]] += names.pop(key)
    words = dict(found.words)
    repeated = frozenset(word for word, n in words.items() if n > 1)
    return Candidates({surface[k]: n for k, n in names.items()}, words, frozenset(lead), tuple(names), repeated)


# Candidates as a few strings: a whole archive's of them load from the build cache far faster than as dicts.
PackedCandidates = tuple[str, str, bytes, str, bytes, str]


def pack_candidates(found: Candidates) -> PackedCandidates:
    """`found` in a compact form that `unpack_candidates` turns back into an equal `Candidates`."""
    return (
        "\n".join(found.names),  # no name, word or key holds a line break: tokens never hold whitespace
        "\n".join(found.keys),
        array("I", found.names.values()).tobytes(),
        "\n".join(found.words),
        array("I", found.words.values()).tobytes(),
        "\n".join(found.lead),
    )


def unpack_candidates(packed: PackedCandidates) -> Candidates:
    names, keys, name_counts, words, word_counts, lead = packed
    said = _uints(word_counts)
    word_list = words.split("\n") if words else []
    return Candidates(
        dict(zip(names.split("\n") if names else [], _uints(name_counts), strict=True)),
        dict(zip(word_list, said, strict=True)),
        frozenset(lead.split("\n") if lead else ()),
        tuple(keys.split("\n")) if keys else (),
        frozenset(compress(word_list, map((1).__lt__, said))),
    )


def _uints(packed: bytes) -> array[int]:
    values = array("I")
    values.frombytes(packed)
    return values


@dataclass(frozen=True)
class Vocabulary:
    """The archive's tag vocabulary: in how many articles each tag key is a candidate."""

    df: Mapping[str, int]
    documents: int


def _alias(key: str, aliases: Mapping[str, str]) -> str:
    return aliases.get(key, key)


def build_vocabulary(
    all_candidates: Sequence[Candidates], aliases: Mapping[str, str], stoplist: frozenset[str]
) -> Vocabulary:
    """Document frequency of every candidate over the archive, after aliases and the stoplist."""
    df: Counter[str] = Counter()
    for found in all_candidates:
        keys = set(found.keys)
        keys.update(found.words)
        if aliases and not keys.isdisjoint(aliases):
            keys = {aliases.get(key, key) for key in keys}
        df.update(keys)
    for key in stoplist:
        df.pop(key, None)
    return Vocabulary(dict(df), len(all_candidates))


def tag_names(
    all_candidates: Sequence[Candidates], wanted: Collection[str], aliases: Mapping[str, str]
) -> dict[str, str]:
    """The preferred spelling of each wanted key: the one used most, of equals the one met first."""
    wanted = set(wanted)
    spellings: dict[str, dict[str, int]] = {key: {} for key in wanted}
    for found in all_candidates:
        if aliases:
            for name, own in zip(found.names, found.keys, strict=True):
                key = aliases.get(own, own)
                if key in wanted:
                    counts = spellings[key]
                    counts[name] = counts.get(name, 0) + found.names[name]
        elif hits := wanted.intersection(found.keys):  # each name its own key: one spelling a key an article
            names = found.names
            spelled = dict(zip(found.keys, names, strict=True))
            for key in hits:
                name = spelled[key]
                counts = spellings[key]
                counts[name] = counts.get(name, 0) + names[name]
        # A word counts once an article; without aliases a word is its own key, so one word a key an article.
        for word in found.words if aliases else found.words.keys() & wanted:
            key = aliases.get(word, word)
            if key in wanted:
                counts = spellings[key]
                counts[word] = counts.get(word, 0) + 1
    targets = frozenset(aliases.values())
    return {key: _preferred(key, counts, targets) for key, counts in spellings.items() if counts}


def _preferred(key: str, counts: Mapping[str, int], targets: frozenset[str]) -> str:
    if key in targets and key not in {tag_key(s) for s in counts}:
        return key.title()
    # The most used spelling; of equals, the one met first.
    spelling = next(iter(counts)) if len(counts) == 1 else max(counts, key=counts.__getitem__)
    return spelling[:1].upper() + spelling[1:] if spelling.islower() else spelling


class _Scorer:
    """How strongly each candidate names its article, given the archive's vocabulary."""

    def __init__(self, vocabulary: Vocabulary, aliases: Mapping[str, str], stoplist: frozenset[str]) -> None:
        documents = vocabulary.documents
        # In a small archive every recurring name is rare enough; the cap matters only once there is a crowd.
        limit = documents if documents < SMALL_ARCHIVE else int(MAX_DF_SHARE * documents)
        min_df = 1 if documents < SMALL_ARCHIVE else 2
        # log(1 + N / df) of every key that may become a tag; the others score nothing.
        self.rarity = {
            key: math.log(1 + documents / df)
            for key, df in vocabulary.df.items()
            if min_df <= df <= limit and key not in stoplist
        }
        # A topic word said once is weak evidence: it only fills an article that has few names (and in a small
        # archive, none). Its score, 0.1 * (1 + log 1) * rarity, is looked up.
        self.small = documents < SMALL_ARCHIVE
        self.once = {} if self.small else {key: 0.1 * rarity for key, rarity in self.rarity.items()}
        self.aliases = aliases

    def scores(self, found: Candidates) -> dict[str, float]:
        if self.aliases:
            return self._aliased(found)
        # Without aliases each name is its own key, and so is each word.
        rarity, lead = self.rarity, found.lead
        scores: dict[str, float] = {}
        for key, count in zip(found.keys, found.names.values(), strict=True):
            idf = rarity.get(key)
            if idf is not None:
                weight = _repeat(count) * idf
                if key in lead:
                    weight *= 1.5
                scores[key] = weight * (1.2 if " " in key else 1.0)
        # Words said once score a look-up; the others are computed.
        fresh = rarity.keys() & found.words.keys()
        fresh.difference_update(scores)
        repeated = fresh & found.repeated
        if not self.small:
            once = self.once
            fresh -= repeated
            scores.update({word: once[word] for word in fresh})
        words = found.words
        for word in repeated:
            scores[word] = 0.5 * _repeat(words[word]) * rarity[word]
        return scores

    def _aliased(self, found: Candidates) -> dict[str, float]:
        rarity, aliases = self.rarity, self.aliases
        scores: dict[str, float] = {}
        for own, count in zip(found.keys, found.names.values(), strict=True):
            key = aliases.get(own, own)
            idf = rarity.get(key)
            if idf is None:
                continue
            weight = _repeat(count) * idf
            if own in found.lead:
                weight *= 1.5
            scores[key] = max(scores.get(key, 0.0), weight * (1.2 if " " in key else 1.0))
        for word, count in found.words.items():
            key = aliases.get(word, word)
            idf = rarity.get(key)
            if idf is None or key in scores or (count < 2 and self.small):
                continue
            scores[key] = (0.5 if count >= 2 else 0.1) * _repeat(count) * idf
        return scores


_REPEATS = [0.0] + [1 + math.log(count) for count in range(1, 256)]


def _repeat(count: int) -> float:
    """1 + log(count): how much saying a candidate more often adds."""
    return _REPEATS[count] if count < 256 else 1 + math.log(count)


def assign_tags(
    all_candidates: Sequence[Candidates],
    aliases: Mapping[str, str] | None = None,
    stoplist: frozenset[str] = frozenset(),
    stated: Sequence[Sequence[str] | None] | None = None,
) -> list[tuple[str, ...]]:
    """Tags for every article at once: the best 3–8 of its candidates that name other articles too.

    A tag given to one article only is noise, so such tags are withdrawn and the articles re-scored,
    until every tag names at least two articles (a few rounds suffice). `stated` holds, per article, the
    tags a person gave it (None where there are none): such an article gets no inferred tags (it keeps its
    own, which count towards the articles a tag names), and no time is spent choosing for it.
    """
    aliases = {tag_key(k): tag_key(v) for k, v in (aliases or {}).items()}
    stoplist = frozenset(tag_key(s) for s in stoplist)
    given = list(stated) if stated is not None else [None] * len(all_candidates)
    vocabulary = build_vocabulary(all_candidates, aliases, stoplist)
    scorer = _Scorer(vocabulary, aliases, stoplist)
    ranked = [
        _Ranked(scorer.scores(found)) if own is None else _Ranked({})
        for found, own in zip(all_candidates, given, strict=True)
    ]
    kept = Counter(key for own in given if own is not None for key in {_alias(tag_key(t), aliases) for t in own})
    banned: set[str] = set()
    chosen: list[list[str]] = []
    lonely: set[str] = set()
    for round_ in range(4 if vocabulary.documents >= SMALL_ARCHIVE else 0):
        if round_ == 0:
            chosen = [r.best(banned) for r in ranked]
        else:  # only an article whose leading candidates were just banned can choose differently
            chosen = [
                r.best(banned) if not lonely.isdisjoint(r.window) else keys
                for r, keys in zip(ranked, chosen, strict=True)
            ]
        used = Counter(chain.from_iterable(chosen)) + kept
        lonely = {key for key, n in used.items() if n < 2}
        if not lonely:
            break
        banned |= lonely
    if vocabulary.documents < SMALL_ARCHIVE:  # too few articles for statistics: each keeps its own names
        chosen = [r.best(banned) for r in ranked]
    used = Counter(chain.from_iterable(chosen)) + kept
    chosen = [[key for key in keys if used[key] >= 2 or vocabulary.documents < SMALL_ARCHIVE] for keys in chosen]
    names = tag_names(all_candidates, set(chain.from_iterable(chosen)), aliases)
    return [tuple(names.get(key, key) for key in keys) for keys in chosen]


class _Ranked:
    """One article's scored candidates, best first (ties by key), and the best 3–8 of those not banned."""

    def __init__(self, scores: dict[str, float]) -> None:
        self.scores = scores
        # Sorted by key, then (stably) by falling score: the order of (-score, key).
        self.order = sorted(sorted(scores), key=scores.__getitem__, reverse=True)
        self.window: tuple[str, ...] = ()  # the candidates the last choice looked at

    def best(self, banned: set[str]) -> list[str]:
        ranked = self.order
        if banned:
            ranked = []
            for key in self.order:
                if key not in banned:
                    ranked.append(key)
                    if len(ranked) == MAX_TAGS:
                        break
        self.window = tuple(ranked[:MAX_TAGS])
        if not ranked:
            return []
        scores = self.scores
        top = scores[ranked[0]]
        picked = [k for k in ranked[:MAX_TAGS] if scores[k] >= 0.15 * top]
        picked = picked if len(picked) >= MIN_TAGS else ranked[:MIN_TAGS]
        # A name inside a longer chosen name says nothing more: keep `Bank Indonesia`, drop `Indonesia` if both.
        # Padded with spaces and joined by line breaks (which no key holds), a key found twice is inside another.
        padded = [f" {k} " for k in picked]
        joined = "\n".join(padded)
        return [k for k, own in zip(picked, padded, strict=True) if joined.count(own) == 1]
