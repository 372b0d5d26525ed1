"""The archive's word and case counts and its tag decisions: summed once, then adjusted for what an edit changed.

A build keeps its sums (`ArchiveSums`); the next one takes away the counts of articles gone or changed and
adds those of articles new or changed, and re-decides the tag candidates only of articles whose words' case
moved. Adjusted or summed afresh, the counts are equal.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.understand.features import (
    COUNTS,
    Analysis,
    ArticleCounts,
    FeatureStore,
    Sums,
    add_counts,
    new_totals,
    pickle_value,
    summed,
    unpickle_value,
)
from generator.understand.tags import (
    Candidates,
    PackedCandidates,
    assign_tags,
    case_sets,
    decide,
    pack_candidates,
    unpack_candidates,
    word_case,
)


@dataclass(frozen=True)
class ArchiveSums:
    """The archive-wide sums of one build and the articles they sum: the next build adjusts them for its changes.

    `decided` holds, per article, its tag candidates under these case counts with the words whose case decided
    them (None when the build inferred no tags): an article keeps its candidates while none of those words
    changes its case.
    """

    keys: tuple[str, ...]  # `feature_key` of every article summed
    word_counts: Mapping[str, int]
    lower: Mapping[str, int]
    upper: Mapping[str, int]
    decided: Mapping[str, tuple[str, PackedCandidates]] | None  # feature key → (consulted words, candidates)


def load_sums(store: FeatureStore, key: str) -> ArchiveSums | None:
    """The sums the last build kept under this key, if any (and readable)."""
    kept = unpickle_value(store.load_features([key]).get(key))
    return kept if isinstance(kept, ArchiveSums) else None


def sums_key_of(settings: tuple[object, ...]) -> str:
    return "archive-sums:" + hashlib.blake2b(repr(settings).encode(), digest_size=20).hexdigest()


def _adjust(total: dict[str, int], part: Mapping[str, int], sign: int) -> bool:
    """Add (sign 1) or take away (-1) one article's counts; False if that would leave a negative count."""
    for word, n in part.items():
        value = total.get(word, 0) + sign * n
        if value > 0:
            total[word] = value
        elif value == 0:
            del total[word]
        else:
            return False
    return True


SLICE = 1000  # articles whose counts are in memory at once


def sum_up(analysis: Analysis, previous: ArchiveSums | None) -> tuple[Sums, dict[str, ArticleCounts] | None]:
    """The archive's counts, and the counts of the articles gone or added since `previous` (by feature key)
    when the sums were adjusted from it.

    Adjusted or summed afresh, the counts are equal; their key order differs, which nothing reads.
    """
    if analysis.computed_sums is not None:  # every article was computed: so were the sums
        return analysis.computed_sums, None
    if previous is not None:
        before, now = Counter(previous.keys), Counter(analysis.keys)
        gone, added = list((before - now).elements()), list((now - before).elements())
        old = analysis.counts_of(gone, recompute=False)
        new = analysis.counts_of(added)
        if old is not None and new is not None:
            sums = dict(previous.word_counts), dict(previous.lower), dict(previous.upper)
            changes = [(old[key], -1) for key in gone] + [(new[key], 1) for key in added]
            if all(
                _adjust(total, getattr(counts, name), sign)
                for counts, sign in changes
                for total, name in zip(sums, ("word_counts", "lower", "upper"), strict=True)
            ):
                return sums, {**old, **new}
    totals = new_totals()
    for start in range(0, len(analysis.keys), SLICE):
        counts = analysis.counts_of(analysis.keys[start : start + SLICE])
        assert counts is not None  # every current article's counts can be computed
        for article in counts.values():
            add_counts(totals, article.word_counts, article.lower, article.upper)
    return summed(totals), None


def infer_tags(
    analysis: Analysis,
    stated: Sequence[Sequence[str] | None],
    lower: dict[str, int],
    upper: dict[str, int],
    previous: ArchiveSums | None,
    changed: Mapping[str, ArticleCounts] | None,
) -> tuple[list[tuple[str, ...]], dict[str, tuple[str, PackedCandidates]] | None]:
    """Inferred tags per article, and every article's decided candidates (None when nothing was inferred).

    An article keeps the candidates `previous` decided for it unless it changed or the case of a word that
    decided them did (an edit moves the archive's case counts of its own words only).
    """
    if all(own is not None for own in stated):  # every article states its tags: there is nothing to decide
        return [() for _ in stated], None
    capitalised, common = case_sets(lower, upper)
    kept: Mapping[str, tuple[str, PackedCandidates]] = {}
    if previous is not None and previous.decided is not None and changed is not None:
        touched: set[str] = set()
        for counts in changed.values():
            touched.update(counts.lower)
            touched.update(counts.upper)
        flipped = {w for w in touched if word_case(w, previous.lower, previous.upper) != word_case(w, lower, upper)}
        kept = {
            key: entry
            for key, entry in previous.decided.items()
            if not flipped or flipped.isdisjoint(entry[0].split("\n"))
        }
    todo = list(dict.fromkeys(key for key in analysis.keys if key not in kept))
    fresh: dict[str, Candidates] = {}
    decided: dict[str, tuple[str, PackedCandidates]] = {}
    known = changed or {}
    for start in range(0, len(todo), SLICE):  # a slice of the counts in memory at a time
        wanted = todo[start : start + SLICE]
        counts = analysis.counts_of([key for key in wanted if key not in known])
        assert counts is not None  # every current article's counts can be computed
        counts.update((key, known[key]) for key in wanted if key in known)
        for key, article_counts in counts.items():
            runs = article_counts.runs
            fresh[key] = found = decide(runs, capitalised, common)
            decided[key] = "\n".join(sorted(runs.consulted())), pack_candidates(found)
    for key in analysis.keys:
        if key not in decided:
            decided[key] = kept[key]
    every = [fresh[key] if key in fresh else unpack_candidates(decided[key][1]) for key in analysis.keys]
    config = analysis.config
    return assign_tags(every, dict(config.tag_aliases), frozenset(config.tag_stoplist), stated), decided


def keep_sums(
    analysis: Analysis, store: FeatureStore, sums_key: str, sums: ArchiveSums, previous: ArchiveSums | None
) -> None:
    """Store this build's sums (its features are kept already); forget what no current article uses."""
    same = previous is not None and previous.keys == sums.keys and (previous.decided is None) == (sums.decided is None)
    # Unchanged sums (a rebuild that changed nothing here) need not be written again.
    rows = {} if same else {sums_key: pickle_value(sums)}
    store.store_features(rows, _current(analysis, sums_key))


def forget_features_except(analysis: Analysis, store: FeatureStore, sums_key: str) -> None:
    """Forget what no current article uses, for a build that needed no sums (those kept stay, still true of the
    articles they list: a later build adjusts them, or sums afresh when the counts of the articles gone are
    forgotten)."""
    store.store_features({}, _current(analysis, sums_key))


def _current(analysis: Analysis, sums_key: str) -> set[str]:
    return {*analysis.keys, *(key + COUNTS for key in analysis.keys), sums_key}
