"""Facts about the whole archive, computed once over every draft and passed in explicitly."""

from __future__ import annotations

import hashlib
import multiprocessing
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
from generator.understand.linking import LeadForms, index_forms, lead_forms, match_headline
from generator.understand.tags import Runs, article_runs, assign_tags, decide_candidates, word_case_counts

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


def repeated_lines(drafts: Iterable[Draft]) -> frozenset[str]:
    """Short lines that repeat across many distinct seeds are page furniture, not writing."""
    seen: Counter[str] = Counter()
    bodies: set[str] = set()
    for draft in drafts:
        if draft.format != "text":
            continue
        lines = {normalise_line(line.text) for line in draft.lines}
        body = "\n".join(sorted(lines))
        if body in bodies:  # a second scrape of the same article must not make its lines look repeated
            continue
        bodies.add(body)
        seen.update(line for line in lines if len(line.split()) <= FURNITURE_MAX_WORDS)
    threshold = max(FURNITURE_MIN_SEEDS, int(len(bodies) * FURNITURE_MIN_SHARE))
    return frozenset(line for line, n in seen.items() if n >= threshold)


def corpus_facts(drafts: Iterable[Draft], patterns: tuple[str, ...] = ()) -> CorpusFacts:
    """Furniture lines and patterns only; see `archive_facts` for everything the archive knows."""
    return CorpusFacts(repeated_lines(drafts), compile_patterns(patterns))


@dataclass(frozen=True)
class ArticleFeatures:
    """What the archive-wide analysis needs of one article, from that article alone: computed once, kept.

    Depends on the draft, the furniture lines among its own lines, and `feature_settings` of the config;
    `archive_facts` only adds these up, so an edit recomputes one article's features, not the archive's.
    """

    body: Body
    language: str
    years: tuple[int, ...]
    word_counts: Counter[str]  # for glue splitting in titles
    lower: Counter[str]  # case counts, see `word_case_counts`
    upper: Counter[str]
    runs: Runs  # tag candidates before the archive's case counts decide them
    lead: LeadForms  # what teaser matching needs of the article (see `linking`)


class FeatureStore(Protocol):
    """Where features computed by earlier builds are kept (the build cache); keys name all they depend on."""

    def load_features(self, keys: Collection[str]) -> dict[str, object]: ...

    def store_features(self, rows: Mapping[str, object], keep: Collection[str]) -> None: ...


def feature_settings(config: Config) -> tuple[object, ...]:
    """The config fields that `article_features` depends on."""
    return (config.language, config.furniture_patterns, config.max_seed_bytes)


def feature_key(draft: Draft, furniture: CorpusFacts, settings: tuple[object, ...]) -> str:
    """A hash of everything one article's features are made from."""
    own = sorted({normalise_line(line.text) for line in draft.lines} & furniture.furniture)
    text = repr((draft.source, draft.format, draft.digest, settings, own))
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


def article_features(draft: Draft, furniture: CorpusFacts, default_language: str) -> ArticleFeatures:
    """One article's share of the archive-wide analysis (the expensive, tokenising part)."""
    body = read_body(draft, furniture.is_furniture)
    lower, upper = word_case_counts(body.paragraphs)
    return ArticleFeatures(
        body=body,
        language=draft.value("language") or detect_language(body.paragraphs, default_language),
        years=tuple(years_named("\n".join(body.paragraphs))),
        word_counts=word_counts(body.paragraphs),
        lower=lower,
        upper=upper,
        runs=article_runs(body.paragraphs),
        lead=lead_forms(body.paragraphs, draft.value("title")),
    )


PARALLEL_FEATURES = 400  # fewer articles than this are computed faster than worker processes start


def all_features(
    drafts: Sequence[Draft],
    furniture: CorpusFacts,
    config: Config,
    store: FeatureStore | None = None,
    jobs: int = 1,
) -> list[ArticleFeatures]:
    """Every article's features, in draft order: from the store when kept, else computed (and kept)."""
    found: list[ArticleFeatures | None] = [None] * len(drafts)
    keys: list[str] = []
    if store is not None:
        settings = feature_settings(config)
        keys = [feature_key(draft, furniture, settings) for draft in drafts]
        known = store.load_features(set(keys))
        found = [value if isinstance(value := known.get(key), ArticleFeatures) else None for key in keys]
    missing = [index for index, value in enumerate(found) if value is None]
    compute = partial(article_features, furniture=furniture, default_language=config.language)
    todo = [drafts[index] for index in missing]
    workers = min(jobs, len(todo) // (PARALLEL_FEATURES // 2))
    if workers > 1 and len(todo) >= PARALLEL_FEATURES:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            computed = pool.map(compute, todo, chunksize=max(1, len(todo) // (workers * 4)))
    else:
        computed = [compute(draft) for draft in todo]
    for index, value in zip(missing, computed, strict=True):
        found[index] = value
    if store is not None:
        store.store_features({keys[i]: found[i] for i in missing}, keys)
    return [value for value in found if value is not None]


def archive_facts(
    drafts: Sequence[Draft], config: Config, store: FeatureStore | None = None, jobs: int = 1
) -> CorpusFacts:
    """Everything decided for the whole archive at once: furniture, usual years, tags, teaser targets.

    Each article's features come from `store` when an earlier build kept them (None: all are computed).
    """
    furniture = corpus_facts(drafts, config.furniture_patterns)
    features = all_features(drafts, furniture, config, store, jobs)
    year_lists: dict[str, list[list[int]]] = {}
    for feature in features:
        year_lists.setdefault(feature.language, []).append(list(feature.years))
    usual = {language: year for language, lists in year_lists.items() if (year := usual_years(lists)) is not None}

    # Summed article by article in order, these equal (keys in the same order) the counts over all the text.
    counts: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for feature in features:
        counts.update(feature.word_counts)
        lower.update(feature.lower)
        upper.update(feature.upper)
    found = [decide_candidates(feature.runs, lower, upper) for feature in features]
    stated = [draft.value("tags") for draft in drafts]
    assigned = assign_tags(found, dict(config.tag_aliases), frozenset(config.tag_stoplist), stated)
    tags = {draft.source: chosen for draft, chosen in zip(drafts, assigned, strict=True)}

    index = index_forms(
        [
            (d.source, f.lead, d.value("title"), d.value("outlet", f.body.dateline.outlet))
            for d, f in zip(drafts, features, strict=True)
        ]
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
