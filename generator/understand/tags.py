"""Tags: the people, organisations, places and topics an archive keeps returning to.

Candidates are runs of capitalised words (names, acronyms, `Pilkada 2024`) and, for topics, content words
that a story repeats. Which of them become tags is decided for the whole archive from document
frequency (see `assign_tags`): a tag must name more than one article, and never a stopword, weekday,
month, number, outlet or piece of furniture.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

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


def _runs(paragraph: str) -> list[tuple[list[str], bool]]:
    """Runs of capitalised words, each with whether it opens a sentence."""
    tokens = _TOKEN.findall(_GLUE.sub(" ", paragraph))
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    opens = True
    at_start = True
    for token in tokens:
        word = token.strip(".") if token.endswith(".") and not _INITIALS.fullmatch(token) else token
        ends_sentence = token.endswith(".") and word != token
        if word and ((_is_capitalised(word) and not _never(word)) or (current and _YEAR.fullmatch(word))):
            if not current:
                opens = at_start
            current.append(word)
        elif current and word.casefold() in _CONNECTORS:
            current.append(word)
        else:
            if current:
                runs.append((current, opens))
            current = []
        at_start = token in _SENTENCE_END or ends_sentence
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


def word_case_counts(paragraphs: Sequence[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each word is written in lower case, and capitalised inside a sentence (for names)."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for paragraph in paragraphs:
        opens = True
        for token in _TOKEN.findall(paragraph):
            if token[:1].islower():
                lower[token.casefold()] += 1
            elif not opens and token[:1].isupper():
                upper[token.casefold()] += 1
            opens = token in _SENTENCE_END or token.endswith((".", "!", "?"))
    return lower, upper


@dataclass(frozen=True)
class Runs:
    """One article's raw candidates, before the archive's case counts decide which runs are names.

    Depends on the article alone, so it can be computed once and kept (see `corpus.article_features`).
    """

    runs: tuple[tuple[int, tuple[str, ...], bool], ...]  # (paragraph number, words, opens a sentence)
    words: Mapping[str, int]  # lower-case content words → count


def article_runs(paragraphs: Sequence[str]) -> Runs:
    """The tokenising half of `candidates`: capitalised runs and content words of one article."""
    runs: list[tuple[int, tuple[str, ...], bool]] = []
    words: Counter[str] = Counter()
    for number, paragraph in enumerate(paragraphs):
        runs.extend((number, tuple(run), opens) for run, opens in _runs(paragraph))
        for token in _TOKEN.findall(paragraph):
            low = token.casefold()
            if token[:1].islower() and len(low) >= 5 and low.isalpha() and not _never(low):
                words[low] += 1
    return Runs(tuple(runs), dict(words))


def candidates(paragraphs: Sequence[str], lower: Mapping[str, int], upper: Mapping[str, int]) -> Candidates:
    """Name runs and content words of one article; `lower`/`upper` are the archive's case counts."""
    return decide_candidates(article_runs(paragraphs), lower, upper)


def decide_candidates(found: Runs, lower: Mapping[str, int], upper: Mapping[str, int]) -> Candidates:
    """The cheap half of `candidates`: the archive's case counts applied to one article's runs."""
    names: Counter[str] = Counter()
    lead: set[str] = set()
    surface: dict[str, str] = {}
    for number, words, opens in found.runs:
        run: Sequence[str] = words
        first = run[0].casefold()
        if opens and (first not in upper or lower.get(first, 0) > upper.get(first, 0)):
            run = run[1:]  # a common word that is capitalised only because it starts the sentence
        run = _clean_run(run)
        if not run or (len(run) == 1 and _YEAR.fullmatch(run[0])):
            continue
        if len(run) == 1 and lower.get(run[0].casefold(), 0) > upper.get(run[0].casefold(), 0):
            continue  # a common word written with a capital here and there
        name = " ".join(run)
        key = tag_key(name)
        names[key] += 1
        surface.setdefault(key, name)
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
    return Candidates({surface[k]: n for k, n in names.items()}, dict(found.words), frozenset(lead))


@dataclass(frozen=True)
class Vocabulary:
    """The archive's tag vocabulary: document frequency and the preferred spelling of each tag key."""

    df: Mapping[str, int]
    names: Mapping[str, str]
    documents: int


def _alias(key: str, aliases: Mapping[str, str]) -> str:
    return aliases.get(key, key)


def build_vocabulary(
    all_candidates: Sequence[Candidates], aliases: Mapping[str, str], stoplist: frozenset[str]
) -> Vocabulary:
    """Document frequency of every candidate over the archive, after aliases and the stoplist."""
    df: Counter[str] = Counter()
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for found in all_candidates:
        keys = set()
        for name, count in found.names.items():
            key = _alias(tag_key(name), aliases)
            if key in stoplist:
                continue
            keys.add(key)
            spellings[key][name] += count
        for word in found.words:
            key = _alias(word, aliases)
            if key not in stoplist:
                keys.add(key)
                spellings[key][word] += 1
        df.update(keys)
    names = {key: _preferred(key, counts, aliases) for key, counts in spellings.items()}
    return Vocabulary(dict(df), names, len(all_candidates))


def _preferred(key: str, counts: Counter[str], aliases: Mapping[str, str]) -> str:
    if key in aliases.values() and key not in {tag_key(s) for s in counts}:
        return key.title()
    spelling = counts.most_common(1)[0][0]
    return spelling[:1].upper() + spelling[1:] if spelling.islower() else spelling


def _scores(
    found: Candidates, vocabulary: Vocabulary, aliases: Mapping[str, str], stoplist: frozenset[str]
) -> dict[str, float]:
    import math

    # In a small archive every recurring name is rare enough; the cap matters only once there is a crowd.
    limit = vocabulary.documents if vocabulary.documents < SMALL_ARCHIVE else int(MAX_DF_SHARE * vocabulary.documents)
    min_df = 1 if vocabulary.documents < SMALL_ARCHIVE else 2
    scores: dict[str, float] = {}
    for name, count in found.names.items():
        key = _alias(tag_key(name), aliases)
        df = vocabulary.df.get(key, 0)
        if key in stoplist or df < min_df or df > limit:
            continue
        weight = (1 + math.log(count)) * math.log(1 + vocabulary.documents / df)
        if tag_key(name) in found.lead:
            weight *= 1.5
        scores[key] = max(scores.get(key, 0.0), weight * (1.2 if " " in key else 1.0))
    for word, count in found.words.items():
        key = _alias(word, aliases)
        df = vocabulary.df.get(key, 0)
        if key in stoplist or df < min_df or df > limit or key in scores:
            continue
        # A topic word said once is weak evidence: it only fills an article that has few names.
        if count < 2 and vocabulary.documents < SMALL_ARCHIVE:
            continue
        scores[key] = (0.5 if count >= 2 else 0.1) * (1 + math.log(count)) * math.log(1 + vocabulary.documents / df)
    return scores


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
    scored = [
        _scores(found, vocabulary, aliases, stoplist) if own is None else {}
        for found, own in zip(all_candidates, given, strict=True)
    ]
    kept = Counter(key for own in given if own is not None for key in {_alias(tag_key(t), aliases) for t in own})
    banned: set[str] = set()
    chosen: list[list[str]] = []
    for _ in range(4 if vocabulary.documents >= SMALL_ARCHIVE else 0):
        chosen = [_best(scores, banned) for scores in scored]
        used = Counter(key for keys in chosen for key in keys) + kept
        lonely = {key for key, n in used.items() if n < 2}
        if not lonely:
            break
        banned |= lonely
    if vocabulary.documents < SMALL_ARCHIVE:  # too few articles for statistics: each keeps its own names
        chosen = [_best(scores, banned) for scores in scored]
    used = Counter(key for keys in chosen for key in keys) + kept
    chosen = [[key for key in keys if used[key] >= 2 or vocabulary.documents < SMALL_ARCHIVE] for keys in chosen]
    return [tuple(vocabulary.names.get(key, key) for key in keys) for keys in chosen]


def _best(scores: Mapping[str, float], banned: set[str]) -> list[str]:
    ranked = sorted((k for k in scores if k not in banned), key=lambda k: (-scores[k], k))
    if not ranked:
        return []
    top = scores[ranked[0]]
    picked = [k for k in ranked[:MAX_TAGS] if scores[k] >= 0.15 * top]
    picked = picked if len(picked) >= MIN_TAGS else ranked[:MIN_TAGS]
    # A name inside a longer chosen name says nothing more: keep `Bank Indonesia`, drop `Indonesia` if both.
    return [k for k in picked if not any(k != other and f" {k} " in f" {other} " for other in picked)]
