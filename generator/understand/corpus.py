"""Facts about the whole archive, computed once over every draft and passed in explicitly."""

from __future__ import annotations

import hashlib
import pickle
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Protocol

from generator.config import Config
from generator.draft import Draft
from generator.understand.body import Body, read_body
from generator.understand.dates import usual_years, years_named
from generator.understand.furniture import compile_patterns
from generator.understand.glue import word_counts
from generator.understand.language import detect_language
from generator.understand.linking import index_forms, lead_forms, match_headline
from generator.understand.tags import (
    Candidates,
    PackedCandidates,
    Runs,
    article_runs,
    assign_tags,
    case_sets,
    decide,
    pack_candidates,
    unpack_candidates,
    word_case_counts,
)
from generator.workers import fork_map, worker_count

# A line must recur in this many distinct seeds (and this share of them) to count as page furniture.
FURNITURE_MIN_SEEDS = 3
FURNITURE_MIN_SHARE = 0.02
FURNITURE_MAX_WORDS = 8


@dataclass(frozen=True)
class CorpusFacts:
    furniture: frozenset[str] = frozenset()
    patterns: tuple[re.Pattern[str], ...] = ()
    # Decided over every body at once (see `archive_facts`).
    usual_year: Mapping[str, int] = field(default_factory=dict)  # language → the year stories are written in
    tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # source → tags from the archive's vocabulary
    teaser_targets: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (source, headline) → target
    headlines: Mapping[str, str] = field(default_factory=dict)  # target source → a teaser headline naming it
    word_counts: Mapping[str, int] = field(default_factory=dict)  # every word of the archive (titles mend glue)
    # (source, digest) → its body and language as the analysis read them (`understand` need not read them again)
    bodies: Mapping[tuple[str, str], tuple[Body, str]] = field(default_factory=dict)

    def is_furniture(self, line: str) -> bool:
        return normalise_line(line) in self.furniture or any(p.fullmatch(line) for p in self.patterns)


def normalise_line(line: str) -> str:
    return " ".join(line.lower().split())


def _line_sets(drafts: Iterable[Draft]) -> list[frozenset[str]]:
    """Each draft's lines, normalised (`normalise_line`), as a set."""
    return [frozenset(map(normalise_line, (line.text for line in draft.lines))) for draft in drafts]


def repeated_lines(drafts: Iterable[Draft], line_sets: Sequence[frozenset[str]] | None = None) -> frozenset[str]:
    """Short lines that repeat across many distinct seeds are page furniture, not writing.

    `line_sets`: each draft's `_line_sets`, when already known.
    """
    drafts = list(drafts)
    seen: Counter[str] = Counter()
    bodies: set[frozenset[str]] = set()
    for draft, lines in zip(drafts, line_sets or _line_sets(drafts), strict=True):
        if draft.format != "text":
            continue
        if lines in bodies:  # a second scrape of the same article must not make its lines look repeated
            continue
        bodies.add(lines)
        # A normalised line has one space between words.
        seen.update(line for line in lines if line.count(" ") < FURNITURE_MAX_WORDS)
    threshold = max(FURNITURE_MIN_SEEDS, int(len(bodies) * FURNITURE_MIN_SHARE))
    return frozenset(line for line, n in seen.items() if n >= threshold)


def corpus_facts(
    drafts: Iterable[Draft], patterns: tuple[str, ...] = (), line_sets: Sequence[frozenset[str]] | None = None
) -> CorpusFacts:
    """Furniture lines and patterns only; see `archive_facts` for everything the archive knows."""
    return CorpusFacts(repeated_lines(drafts, line_sets), compile_patterns(patterns))


@dataclass(frozen=True)
class ArticleFeatures:
    """What the archive-wide analysis and later stages need of one article, from that article alone.

    Depends on the draft, the furniture lines among its own lines, and `feature_settings` of the config;
    computed once and kept (see `FeatureStore`), so an edit recomputes one article's features, not the archive's.
    """

    body: Body
    language: str
    years: tuple[int, ...]
    lead: str  # what teaser matching needs of the article, packed (see `linking.LeadForms.packed`)


@dataclass(frozen=True)
class ArticleCounts:
    """What the archive's sums and tag candidates need of one article, from that article alone.

    Kept apart from `ArticleFeatures`: a build loads these only for articles added, removed or changed since
    the build that kept the sums (see `ArchiveSums`), so they may be large.
    """

    word_counts: Mapping[str, int]  # for glue splitting in titles
    lower: Mapping[str, int]  # case counts, see `word_case_counts`
    upper: Mapping[str, int]
    runs: Runs  # tag candidates before the archive's case counts decide them


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


class FeatureStore(Protocol):
    """Where features computed by earlier builds are kept, pickled (the build cache); keys name all they depend on.

    The values are pickled here, not by the store: worker processes pickle what they compute, once.
    """

    def load_features(self, keys: Collection[str]) -> dict[str, bytes]: ...

    def store_features(self, rows: Mapping[str, bytes], keep: Collection[str] | None) -> None: ...


def feature_settings(config: Config) -> tuple[object, ...]:
    """The config fields that `article_features` depends on."""
    return (config.language, config.furniture_patterns, config.max_seed_bytes)


def feature_key(draft: Draft, furniture: CorpusFacts, settings: tuple[object, ...], lines: frozenset[str]) -> str:
    """A hash of everything one article's features are made from (`lines`: its normalised lines, `_line_sets`)."""
    own = sorted(lines & furniture.furniture)
    text = repr((draft.source, draft.format, draft.digest, settings, own))
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


_COUNTS = "+counts"  # a feature key with this suffix names the article's `ArticleCounts`


def _sums_key(settings: tuple[object, ...]) -> str:
    return "archive-sums:" + hashlib.blake2b(repr(settings).encode(), digest_size=20).hexdigest()


def article_features(
    draft: Draft, furniture: CorpusFacts, default_language: str
) -> tuple[ArticleFeatures, ArticleCounts]:
    """One article's share of the archive-wide analysis (the expensive, tokenising part)."""
    body = read_body(draft, furniture.is_furniture)
    lower, upper = word_case_counts(body.paragraphs)
    features = ArticleFeatures(
        body=body,
        language=draft.value("language") or detect_language(body.paragraphs, default_language),
        years=tuple(years_named("\n".join(body.paragraphs))),
        lead=lead_forms(body.paragraphs, draft.value("title")).packed(),
    )
    counts = ArticleCounts(
        word_counts=dict(word_counts(body.paragraphs)),
        lower=dict(lower),
        upper=dict(upper),
        runs=article_runs(body.paragraphs, lower),
    )
    return features, counts


PARALLEL_FEATURES = 400  # fewer articles than this are computed faster than worker processes start

Sums = tuple[dict[str, int], dict[str, int], dict[str, int]]  # word counts, lower-case and capitalised counts
# One article's features and counts as computed: objects, or pickled (as kept in the store).
Computed = tuple[ArticleFeatures | bytes, ArticleCounts | bytes]


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _loads(blob: bytes | None) -> object:
    """The value pickled in `blob`; None for none, or a damaged one (which is simply computed again)."""
    if blob is None:
        return None
    try:
        return pickle.loads(blob)
    except Exception:
        return None


def _compute_some(
    drafts: Sequence[Draft], furniture: CorpusFacts, default_language: str, pickled: bool
) -> tuple[list[Computed], Sums]:
    """Features of these articles, and the sums of their counts (which the archive's sums then add up)."""
    done: list[Computed] = []
    sums: tuple[Counter[str], Counter[str], Counter[str]] = (Counter(), Counter(), Counter())
    for draft in drafts:
        features, counts = article_features(draft, furniture, default_language)
        done.append((_dumps(features), _dumps(counts)) if pickled else (features, counts))
        sums[0].update(counts.word_counts)
        sums[1].update(counts.lower)
        sums[2].update(counts.upper)
    return done, sums


def _compute(
    drafts: Sequence[Draft],
    keys: Sequence[str],
    furniture: CorpusFacts,
    config: Config,
    jobs: int,
    store: FeatureStore | None,
) -> tuple[list[ArticleFeatures], list[ArticleCounts], Sums]:
    """These articles' features, their counts (only without a store: it keeps them), and the counts' sums.

    Workers pickle what the store keeps and add up their share of the counts, so the main process neither
    pickles nor sums article by article, and never unpickles the counts; each worker's share is kept as it
    comes, so the pickled rows never wait in memory all at once.
    """
    workers = worker_count(len(drafts), jobs, PARALLEL_FEATURES)
    size = max(1, len(drafts) // (workers * 4)) if workers > 1 else max(1, len(drafts))
    chunks = [drafts[start : start + size] for start in range(0, len(drafts), size)]
    # A worker's results travel pickled anyway, and the store keeps them pickled.
    pickled = workers > 1 or store is not None
    compute = partial(_compute_some, furniture=furniture, default_language=config.language, pickled=pickled)
    with fork_map(compute, chunks, workers) as parts:
        features: list[ArticleFeatures] = []
        counts: list[ArticleCounts] = []
        totals: tuple[Counter[str], Counter[str], Counter[str]] = (Counter(), Counter(), Counter())
        for computed, sums in parts:
            done = len(features)
            features += _kept(keys[done : done + len(computed)], computed, store)
            if store is None:  # else the store has them
                counts += [value for _, one in computed if (value := _counts(one)) is not None]
            for total, part_sum in zip(totals, sums, strict=True):
                total.update(part_sum)
    return features, counts, (dict(totals[0]), dict(totals[1]), dict(totals[2]))


@dataclass
class _Analysis:
    """One build's features, every article's, and the way to the counts of any article, current or gone."""

    drafts: Sequence[Draft]
    furniture: CorpusFacts
    config: Config
    store: FeatureStore | None
    jobs: int
    keys: list[str]
    features: list[ArticleFeatures]
    counts: dict[str, ArticleCounts]  # without a store, every article's (with one, the store keeps them)
    computed_sums: Sums | None  # the sums of every article's counts, when this build computed them all

    def counts_of(self, wanted: Sequence[str], recompute: bool = True) -> dict[str, ArticleCounts] | None:
        """The counts of these keys: kept by the store, or computed again (only for current articles).

        None when some cannot be had (kept no more, and `recompute` false or the article gone).
        """
        found = {key: self.counts[key] for key in wanted if key in self.counts}
        missing = [key for key in wanted if key not in found]
        if missing and self.store is not None:
            kept = self.store.load_features([key + _COUNTS for key in missing])
            for key in missing:
                if (value := _counts(kept.get(key + _COUNTS))) is not None:
                    found[key] = value
            missing = [key for key in missing if key not in found]
        if missing:
            index = {key: i for i, key in enumerate(self.keys)}
            if not recompute or any(key not in index for key in missing):
                return None
            todo = [index[key] for key in missing]
            drafts = [self.drafts[i] for i in todo]
            _, counts, _ = _compute(drafts, missing, self.furniture, self.config, self.jobs, self.store)
            if self.store is not None:  # it kept them just now
                return self.counts_of(wanted, recompute=False)
            found.update(zip(missing, counts, strict=True))
            self.counts.update(zip(missing, counts, strict=True))
        return found


def _counts(value: ArticleCounts | bytes | None) -> ArticleCounts | None:
    """Counts from what is known of them: themselves, pickled, or nothing (or damaged)."""
    found = _loads(value) if isinstance(value, bytes) else value
    return found if isinstance(found, ArticleCounts) else None


def _kept(keys: Sequence[str], computed: Sequence[Computed], store: FeatureStore | None) -> list[ArticleFeatures]:
    """The features of computed articles; the store keeps their features and counts (pickled) at once."""
    rows: dict[str, bytes] = {}
    features: list[ArticleFeatures] = []
    for key, (article, counts) in zip(keys, computed, strict=True):
        if store is not None:
            rows[key] = article if isinstance(article, bytes) else _dumps(article)
            rows[key + _COUNTS] = counts if isinstance(counts, bytes) else _dumps(counts)
        value = _loads(article) if isinstance(article, bytes) else article
        assert isinstance(value, ArticleFeatures)  # just computed
        features.append(value)
    if store is not None:
        store.store_features(rows, None)
    return features


def _analyse(
    drafts: Sequence[Draft],
    furniture: CorpusFacts,
    config: Config,
    store: FeatureStore | None,
    jobs: int,
    line_sets: Sequence[frozenset[str]],
) -> _Analysis:
    """Every article's features, in draft order: from the store when kept, else computed."""
    if store is not None:
        settings = feature_settings(config)
        keys = [feature_key(draft, furniture, settings, lines) for draft, lines in zip(drafts, line_sets, strict=True)]
        known = store.load_features(set(keys))
    else:  # without a store, keys only tell articles apart
        keys = [str(index) for index in range(len(drafts))]
        known = {}
    found = [value if isinstance(value := _loads(known.get(key)), ArticleFeatures) else None for key in keys]
    del known
    missing = [index for index, value in enumerate(found) if value is None]
    new_keys = [keys[index] for index in missing]
    features, counts, sums = _compute([drafts[index] for index in missing], new_keys, furniture, config, jobs, store)
    for index, one in zip(missing, features, strict=True):
        found[index] = one
    every = [value for value in found if value is not None]
    memory = dict(zip(new_keys, counts, strict=True)) if store is None else {}  # nowhere else to find them
    all_computed = sums if len(missing) == len(drafts) else None
    return _Analysis(drafts, furniture, config, store, jobs, keys, every, memory, all_computed)


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


def _sum_up(analysis: _Analysis, previous: ArchiveSums | None) -> tuple[Sums, tuple[list[str], list[str]] | None]:
    """The archive's counts, and the articles (gone, added) since `previous` when they were adjusted from it.

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
                return sums, (gone, added)
    totals: tuple[Counter[str], Counter[str], Counter[str]] = (Counter(), Counter(), Counter())
    for start in range(0, len(analysis.keys), SLICE):
        counts = analysis.counts_of(analysis.keys[start : start + SLICE])
        assert counts is not None  # every current article's counts can be computed
        for article in counts.values():
            totals[0].update(article.word_counts)
            totals[1].update(article.lower)
            totals[2].update(article.upper)
    return (dict(totals[0]), dict(totals[1]), dict(totals[2])), None


def _case(word: str, lower: Mapping[str, int], upper: Mapping[str, int]) -> tuple[bool, bool]:
    """What `case_sets` says of one word: (common, found capitalised inside a sentence)."""
    capitalised = upper.get(word, 0)
    return lower.get(word, 0) > capitalised, capitalised > 0


def _infer_tags(
    analysis: _Analysis,
    stated: Sequence[Sequence[str] | None],
    lower: dict[str, int],
    upper: dict[str, int],
    previous: ArchiveSums | None,
    changes: tuple[list[str], list[str]] | None,
) -> tuple[list[tuple[str, ...]], dict[str, tuple[str, PackedCandidates]] | None]:
    """Inferred tags per article, and every article's decided candidates (None when nothing was inferred).

    An article keeps the candidates `previous` decided for it unless it changed or the case of a word that
    decided them did (an edit moves the archive's case counts of its own words only).
    """
    if all(own is not None for own in stated):  # every article states its tags: there is nothing to decide
        return [() for _ in stated], None
    capitalised, common = case_sets(lower, upper)
    kept: Mapping[str, tuple[str, PackedCandidates]] = {}
    if previous is not None and previous.decided is not None and changes is not None:
        changed = analysis.counts_of([*changes[0], *changes[1]], recompute=False)
        assert changed is not None  # counted just before
        touched: set[str] = set()
        for counts in changed.values():
            touched.update(counts.lower)
            touched.update(counts.upper)
        flipped = {w for w in touched if _case(w, previous.lower, previous.upper) != _case(w, lower, upper)}
        kept = {
            key: entry
            for key, entry in previous.decided.items()
            if not flipped or flipped.isdisjoint(entry[0].split("\n"))
        }
    todo = list(dict.fromkeys(key for key in analysis.keys if key not in kept))
    fresh: dict[str, Candidates] = {}
    decided: dict[str, tuple[str, PackedCandidates]] = {}
    for start in range(0, len(todo), SLICE):  # a slice of the counts in memory at a time
        counts = analysis.counts_of(todo[start : start + SLICE])
        assert counts is not None  # every current article's counts can be computed
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


def archive_facts(
    drafts: Sequence[Draft], config: Config, store: FeatureStore | None = None, jobs: int = 1
) -> CorpusFacts:
    """Everything decided for the whole archive at once: furniture, usual years, tags, teaser targets.

    Each article's features come from `store` when an earlier build kept them (None: all are computed), and
    the archive's sums are adjusted for the articles changed since the build that kept them.
    """
    line_sets = _line_sets(drafts)
    furniture = corpus_facts(drafts, config.furniture_patterns, line_sets)
    analysis = _analyse(drafts, furniture, config, store, jobs, line_sets)
    sums_key = _sums_key(feature_settings(config))
    previous = None
    if store is not None:
        kept = _loads(store.load_features([sums_key]).get(sums_key))
        previous = kept if isinstance(kept, ArchiveSums) else None
    (counts, lower, upper), changes = _sum_up(analysis, previous)
    stated = [draft.value("tags") for draft in drafts]
    assigned, decided = _infer_tags(analysis, stated, lower, upper, previous, changes)
    if store is not None:
        _keep(analysis, store, sums_key, ArchiveSums(tuple(analysis.keys), counts, lower, upper, decided), previous)

    features = analysis.features
    year_lists: dict[str, list[list[int]]] = {}
    for feature in features:
        year_lists.setdefault(feature.language, []).append(list(feature.years))
    usual = {language: year for language, lists in year_lists.items() if (year := usual_years(lists)) is not None}
    tags = {draft.source: chosen for draft, chosen in zip(drafts, assigned, strict=True)}

    index = index_forms(
        [
            (d.source, f.lead, d.value("title"), d.value("outlet", f.body.dateline.outlet))
            for d, f in zip(drafts, features, strict=True)
        ],
        headlines=[teaser.headline for feature in features for teaser in feature.body.teasers],
    )
    targets: dict[tuple[str, str], str] = {}
    headlines: dict[str, str] = {}
    for draft, feature in zip(drafts, features, strict=True):
        for teaser in feature.body.teasers:
            target = match_headline(teaser.headline, index, draft.source)
            if target is not None:
                targets[(draft.source, teaser.headline)] = target
                headlines.setdefault(target, teaser.headline)
    bodies = {(d.source, d.digest): (f.body, f.language) for d, f in zip(drafts, features, strict=True)}
    return replace(
        furniture,
        usual_year=usual,
        tags=tags,
        teaser_targets=targets,
        headlines=headlines,
        word_counts=counts,
        bodies=bodies,
    )


def _keep(
    analysis: _Analysis, store: FeatureStore, sums_key: str, sums: ArchiveSums, previous: ArchiveSums | None
) -> None:
    """Store this build's sums (its features are kept already); forget what no current article uses."""
    same = previous is not None and previous.keys == sums.keys and (previous.decided is None) == (sums.decided is None)
    # Unchanged sums (a rebuild that changed nothing here) need not be written again.
    rows = {} if same else {sums_key: _dumps(sums)}
    store.store_features(rows, {*analysis.keys, *(key + _COUNTS for key in analysis.keys), sums_key})
