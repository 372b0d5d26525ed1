"""Facts about the whole archive, computed once over every draft and passed in explicitly.

The work is in three parts, each in its own module: furniture (lines the seeds repeat), each article's
features (`understand.features`, kept between builds), and the archive's counts and tag decisions
(`understand.sums`, adjusted for what changed). This module puts them together with the usual year and the
teaser targets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.config import Config
from generator.draft import Draft
from generator.progress import Progress, no_progress
from generator.understand.body import Body
from generator.understand.dates import usual_years
from generator.understand.features import ArticleFeatures, FeatureStore, analyse, feature_needs, feature_settings
from generator.understand.furniture import Furniture, LineSet, find_furniture, line_sets
from generator.understand.linking import index_forms, match_headline
from generator.understand.sums import (
    ArchiveSums,
    forget_features_except,
    infer_tags,
    keep_sums,
    load_sums,
    sum_up,
    sums_key_of,
)


@dataclass(frozen=True)
class CorpusFacts:
    furniture: Furniture = field(default_factory=Furniture)
    # Decided over every body at once (see `archive_facts`).
    usual_year: Mapping[str, int] = field(default_factory=dict)  # language → the year stories are written in
    tags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # source → tags from the archive's vocabulary
    teaser_targets: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (source, headline) → target
    headlines: Mapping[str, str] = field(default_factory=dict)  # target source → a teaser headline naming it
    word_counts: Mapping[str, int] = field(default_factory=dict)  # every word of the archive (titles mend glue)
    # (source, digest) → its body and language as the analysis read them (`understand` need not read them again)
    bodies: Mapping[tuple[str, str], tuple[Body, str]] = field(default_factory=dict)

    def is_furniture(self, line: str) -> bool:
        return self.furniture.is_furniture(line)


def archive_facts(
    drafts: Sequence[Draft],
    config: Config,
    store: FeatureStore | None = None,
    jobs: int = 1,
    progress: Progress = no_progress,
    lines_of: Sequence[LineSet] | None = None,
) -> CorpusFacts:
    """Everything decided for the whole archive at once: furniture, usual years, tags, teaser targets.

    Each article's features come from `store` when an earlier build kept them (None: all are computed), and
    the archive's sums are adjusted for the articles changed since the build that kept them. `lines_of`: each
    draft's `line_sets`, when already known.
    """
    lines_of = line_sets(drafts) if lines_of is None else lines_of
    furniture = find_furniture(drafts, config.furniture_patterns, lines_of)
    needs = feature_needs(drafts, lines_of)
    analysis = analyse(drafts, furniture, config, store, jobs, lines_of, needs, progress)
    sums_key = sums_key_of(feature_settings(config))
    if needs.counts:
        previous = load_sums(store, sums_key) if store is not None else None
        (counts, lower, upper), changed = sum_up(analysis, previous)
        stated = [draft.value("tags") for draft in drafts]
        assigned, decided = infer_tags(analysis, stated, lower, upper, previous, changed)
        if store is not None:
            sums = ArchiveSums(tuple(analysis.keys), counts, lower, upper, decided)
            keep_sums(analysis, store, sums_key, sums, previous)
    else:  # every title and tag is stated: no counts are needed (the sums kept stay for a build that needs them)
        counts, assigned = {}, [() for _ in drafts]
        if store is not None:
            forget_features_except(analysis, store, sums_key)
    features = analysis.features
    targets, headlines = _teaser_targets(drafts, features)
    return CorpusFacts(
        furniture=furniture,
        usual_year=_usual_years(features),
        tags={draft.source: chosen for draft, chosen in zip(drafts, assigned, strict=True)},
        teaser_targets=targets,
        headlines=headlines,
        word_counts=counts,
        bodies={(d.source, d.digest): (f.body_ref.body(d), f.language) for d, f in zip(drafts, features, strict=True)},
    )


def _usual_years(features: Sequence[ArticleFeatures]) -> dict[str, int]:
    """Per language, the year its stories are usually written in (where there is one)."""
    year_lists: dict[str, list[list[int]]] = {}
    for feature in features:
        year_lists.setdefault(feature.language, []).append(list(feature.years))
    return {language: year for language, lists in year_lists.items() if (year := usual_years(lists)) is not None}


def _teaser_targets(
    drafts: Sequence[Draft], features: Sequence[ArticleFeatures]
) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """The article each teaser names, by (source, headline); and for each named article, a headline naming it."""
    if not any(feature.body_ref.teasers for feature in features):  # (nor were the lead forms computed)
        return {}, {}
    index = index_forms(
        [
            (d.source, f.lead, d.value("title"), d.value("outlet", f.body_ref.dateline.outlet))
            for d, f in zip(drafts, features, strict=True)
        ],
        headlines=[teaser.headline for feature in features for teaser in feature.body_ref.teasers],
    )
    targets: dict[tuple[str, str], str] = {}
    headlines: dict[str, str] = {}
    for draft, feature in zip(drafts, features, strict=True):
        for teaser in feature.body_ref.teasers:
            target = match_headline(teaser.headline, index, draft.source)
            if target is not None:
                targets[(draft.source, teaser.headline)] = target
                headlines.setdefault(target, teaser.headline)
    return targets, headlines
