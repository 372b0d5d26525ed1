"""Each article's share of the archive-wide analysis: computed from that article alone, and kept between builds.

An edit recomputes one article's features, not the archive's (unless it changes what the archive needs, below:
the first teaser, the first date or title or tags left unstated, or the last of them gone; then every
article's features are computed once again). Features (body, language, years named, teaser
forms) are loaded for every article; counts (words and their case, tag candidates) only for the articles that
changed since the build that kept the archive's sums (see `understand.sums`).

What every article states is not inferred, so the parts of the analysis that serve only inference are computed
only when some article needs them (`FeatureNeeds`): an archive whose seeds all state title, date and tags
(Markdown front matter, sidecars) skips most of the tokenising.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Protocol

from generator.config import Config
from generator.draft import Draft
from generator.progress import Progress, no_progress
from generator.understand.body import BodyRef, read_body_ref
from generator.understand.dates import years_named
from generator.understand.furniture import Furniture, LineSet
from generator.understand.glue import word_counts
from generator.understand.language import detect_language
from generator.understand.linking import lead_forms
from generator.understand.tags import Runs, article_runs, word_case_counts
from generator.workers import fork_map, worker_count


@dataclass(frozen=True)
class ArticleFeatures:
    """What the archive-wide analysis and later stages need of one article, from that article alone.

    Depends on the draft, the furniture lines among its own lines, `feature_settings` of the config and the
    parts the archive needs (`FeatureNeeds`); computed once and kept (see `FeatureStore`).
    """

    body_ref: BodyRef  # the body told by the draft's lines: `body_ref.body(draft)`
    language: str
    years: tuple[int, ...]  # empty unless `FeatureNeeds.years`
    lead: str  # what teaser matching needs of the article, packed (see `linking.LeadForms.packed`); "" unless
    # `FeatureNeeds.leads`


@dataclass(frozen=True)
class FeatureNeeds:
    """Which parts of the analysis that serve only inference a build needs: those some article infers by."""

    leads: bool = True  # teaser forms, to find the article a teaser names: some article has a teaser
    years: bool = True  # the years named, for the usual year: some article's date is inferred
    counts: bool = True  # word and case counts, tag candidates: some article's title or tags are inferred


ALL_NEEDS = FeatureNeeds()


def feature_needs(drafts: Sequence[Draft], lines_of: Sequence[LineSet]) -> FeatureNeeds:
    """What inference these drafts need (an article's stated title, date or tags is never inferred); `lines_of`:
    their `line_sets`."""
    return FeatureNeeds(
        leads=any(lines.teasers for lines in lines_of),
        years=any(draft.infers("date") for draft in drafts),
        counts=any(draft.infers("title") or draft.infers("tags") for draft in drafts),
    )


@dataclass(frozen=True)
class ArticleCounts:
    """What the archive's sums and tag candidates need of one article, from that article alone.

    Kept apart from `ArticleFeatures`: a build loads these only for articles added, removed or changed since
    the build that kept the sums (see `sums.ArchiveSums`), so they may be large.
    """

    word_counts: Mapping[str, int]  # for glue splitting in titles
    lower: Mapping[str, int]  # case counts, see `word_case_counts`
    upper: Mapping[str, int]
    runs: Runs  # tag candidates before the archive's case counts decide them


class FeatureStore(Protocol):
    """Where features computed by earlier builds are kept, pickled (the build cache); keys name all they depend on.

    The values are pickled here, not by the store: worker processes pickle what they compute, once.
    """

    def load_features(self, keys: Collection[str]) -> dict[str, bytes]: ...

    def store_features(self, rows: Mapping[str, bytes], keep: Collection[str] | None) -> None: ...


def feature_settings(config: Config) -> tuple[object, ...]:
    """The config fields that `article_features` depends on."""
    return (config.language, config.furniture_patterns, config.max_seed_bytes)


def feature_key(
    draft: Draft,
    furniture: Furniture,
    settings: tuple[object, ...],
    lines: LineSet,
    needs: FeatureNeeds = ALL_NEEDS,
) -> str:
    """A hash of everything one article's features are made from (`lines`: its normalised lines, see `line_sets`;
    `needs`: the parts computed, so that features made without a part are not taken for a build that needs it)."""
    own = sorted(lines.short & furniture.lines)  # furniture lines are short
    text = repr((draft.source, draft.format, draft.digest, settings, own, needs.leads, needs.years))
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


COUNTS = "+counts"  # a feature key with this suffix names the article's `ArticleCounts`


def article_features(
    draft: Draft, furniture: Furniture, default_language: str, needs: FeatureNeeds = ALL_NEEDS
) -> tuple[ArticleFeatures, ArticleCounts | None]:
    """One article's share of the archive-wide analysis (the expensive, tokenising part): the parts `needs`
    asks for, and no counts unless it asks for them."""
    body_ref = read_body_ref(draft, furniture.is_furniture)
    body = body_ref.body(draft)
    features = ArticleFeatures(
        body_ref=body_ref,
        language=draft.value("language") or detect_language(body.paragraphs, default_language),
        years=tuple(years_named("\n".join(body.paragraphs))) if needs.years else (),
        lead=lead_forms(body.paragraphs, draft.value("title")).packed() if needs.leads else "",
    )
    if not needs.counts:
        return features, None
    lower, upper = word_case_counts(body.paragraphs)
    counts = ArticleCounts(
        word_counts=dict(word_counts(body.paragraphs)),
        lower=dict(lower),
        upper=dict(upper),
        runs=article_runs(body.paragraphs, lower),
    )
    return features, counts


PARALLEL_FEATURES = 400  # fewer articles than this are computed faster than worker processes start

Sums = tuple[dict[str, int], dict[str, int], dict[str, int]]  # word counts, lower-case and capitalised counts
Totals = tuple[Counter[str], Counter[str], Counter[str]]  # the same, being added up


def new_totals() -> Totals:
    return Counter(), Counter(), Counter()


def add_counts(totals: Totals, words: Mapping[str, int], lower: Mapping[str, int], upper: Mapping[str, int]) -> None:
    totals[0].update(words)
    totals[1].update(lower)
    totals[2].update(upper)


def summed(totals: Totals) -> Sums:
    return dict(totals[0]), dict(totals[1]), dict(totals[2])


# One article's features and counts as computed: objects, or pickled (as kept in the store).
Computed = tuple[ArticleFeatures | bytes, ArticleCounts | bytes | None]


def pickle_value(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpickle_value(blob: bytes | None) -> object:
    """The value pickled in `blob`; None for none, or a damaged one (which is simply computed again)."""
    if blob is None:
        return None
    try:
        return pickle.loads(blob)
    except Exception:
        return None


def _compute_some(
    drafts: Sequence[Draft], furniture: Furniture, default_language: str, needs: FeatureNeeds, pickled: bool
) -> tuple[list[Computed], Sums]:
    """Features of these articles, and the sums of their counts (which the archive's sums then add up)."""
    done: list[Computed] = []
    totals = new_totals()
    for draft in drafts:
        features, counts = article_features(draft, furniture, default_language, needs)
        if counts is not None:
            add_counts(totals, counts.word_counts, counts.lower, counts.upper)
        if pickled:
            done.append((pickle_value(features), None if counts is None else pickle_value(counts)))
        else:
            done.append((features, counts))
    return done, summed(totals)


def _compute(
    drafts: Sequence[Draft],
    keys: Sequence[str],
    furniture: Furniture,
    config: Config,
    jobs: int,
    store: FeatureStore | None,
    needs: FeatureNeeds,
    progress: Progress = no_progress,
    with_counts: bool = False,
) -> tuple[list[ArticleFeatures], list[ArticleCounts], Sums]:
    """These articles' features, their counts (when asked, or without a store, which keeps them; none unless
    `needs.counts`), their sums.

    Workers pickle what the store keeps and add up their share of the counts, so the main process neither
    pickles nor sums article by article, and never unpickles the counts; each worker's share is kept as it
    comes, so the pickled rows never wait in memory all at once.
    """
    workers = worker_count(len(drafts), jobs, PARALLEL_FEATURES)
    size = max(1, len(drafts) // (workers * 4)) if workers > 1 else max(1, len(drafts))
    chunks = [drafts[start : start + size] for start in range(0, len(drafts), size)]
    # A worker's results travel pickled anyway, and the store keeps them pickled.
    pickled = workers > 1 or store is not None
    compute = partial(
        _compute_some, furniture=furniture, default_language=config.language, needs=needs, pickled=pickled
    )
    with fork_map(compute, chunks, workers) as parts:
        features: list[ArticleFeatures] = []
        counts: list[ArticleCounts] = []
        totals = new_totals()
        for computed, sums in parts:
            progress("analyse", len(features), len(drafts))  # a cancelled build stops here, between chunks
            done = len(features)
            features += _kept(keys[done : done + len(computed)], computed, store)
            if with_counts or store is None:  # else the store has them, and memory is spared
                counts += [value for _, one in computed if (value := _counts(one)) is not None]
            add_counts(totals, *sums)
    return features, counts, summed(totals)


@dataclass
class Analysis:
    """One build's features, every article's, and the way to the counts of any article, current or gone."""

    drafts: Sequence[Draft]
    furniture: Furniture
    config: Config
    store: FeatureStore | None
    jobs: int
    keys: list[str]
    needs: FeatureNeeds
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
            kept = self.store.load_features([key + COUNTS for key in missing])
            for key in missing:
                if (value := _counts(kept.get(key + COUNTS))) is not None:
                    found[key] = value
            missing = [key for key in missing if key not in found]
        if missing:
            index = {key: i for i, key in enumerate(self.keys)}
            if not recompute or any(key not in index for key in missing):
                return None
            todo = [index[key] for key in missing]
            drafts = [self.drafts[i] for i in todo]
            needs = replace(self.needs, counts=True)  # the features stored with them are as `self.needs` made them
            _, counts, _ = _compute(
                drafts, missing, self.furniture, self.config, self.jobs, self.store, needs, with_counts=True
            )
            found.update(zip(missing, counts, strict=True))
            if self.store is None:  # nowhere else to find them next time
                self.counts.update(zip(missing, counts, strict=True))
        return found


def _counts(value: ArticleCounts | bytes | None) -> ArticleCounts | None:
    """Counts from what is known of them: themselves, pickled, or nothing (or damaged)."""
    found = unpickle_value(value) if isinstance(value, bytes) else value
    return found if isinstance(found, ArticleCounts) else None


def _kept(keys: Sequence[str], computed: Sequence[Computed], store: FeatureStore | None) -> list[ArticleFeatures]:
    """The features of computed articles; the store keeps their features and counts (pickled) at once."""
    rows: dict[str, bytes] = {}
    features: list[ArticleFeatures] = []
    for key, (article, counts) in zip(keys, computed, strict=True):
        if store is not None:
            rows[key] = article if isinstance(article, bytes) else pickle_value(article)
            if counts is not None:
                rows[key + COUNTS] = counts if isinstance(counts, bytes) else pickle_value(counts)
        value = unpickle_value(article) if isinstance(article, bytes) else article
        assert isinstance(value, ArticleFeatures)  # just computed
        features.append(value)
    if store is not None:
        store.store_features(rows, None)
    return features


def analyse(
    drafts: Sequence[Draft],
    furniture: Furniture,
    config: Config,
    store: FeatureStore | None,
    jobs: int,
    lines_of: Sequence[LineSet],
    needs: FeatureNeeds = ALL_NEEDS,
    progress: Progress = no_progress,
) -> Analysis:
    """Every article's features, in draft order: from the store when kept, else computed (as `needs` asks)."""
    if store is not None:
        settings = feature_settings(config)
        keys = [
            feature_key(draft, furniture, settings, lines, needs) for draft, lines in zip(drafts, lines_of, strict=True)
        ]
        known = store.load_features(set(keys))
    else:  # without a store, keys only tell articles apart
        keys = [str(index) for index in range(len(drafts))]
        known = {}
    found = [value if isinstance(value := unpickle_value(known.get(key)), ArticleFeatures) else None for key in keys]
    del known
    missing = [index for index, value in enumerate(found) if value is None]
    new_keys = [keys[index] for index in missing]
    todo = [drafts[index] for index in missing]
    features, counts, sums = _compute(todo, new_keys, furniture, config, jobs, store, needs, progress)
    for index, one in zip(missing, features, strict=True):
        found[index] = one
    every = [value for value in found if value is not None]
    memory = dict(zip(new_keys, counts, strict=True)) if store is None and needs.counts else {}  # nowhere else
    all_computed = sums if len(missing) == len(drafts) and needs.counts else None
    return Analysis(drafts, furniture, config, store, jobs, keys, needs, every, memory, all_computed)
