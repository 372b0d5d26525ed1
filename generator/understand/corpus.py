"""Facts about the whole archive, computed once over every draft and passed in explicitly."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from generator.config import Config
from generator.draft import Draft
from generator.understand.body import read_body
from generator.understand.dates import usual_years, years_named
from generator.understand.furniture import compile_patterns
from generator.understand.glue import word_counts
from generator.understand.language import detect_language
from generator.understand.linking import index_leads, match_headline
from generator.understand.tags import assign_tags, candidates, word_case_counts

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


def archive_facts(drafts: Sequence[Draft], config: Config) -> CorpusFacts:
    """Everything decided for the whole archive at once: furniture, usual years, tags, teaser targets."""
    furniture = corpus_facts(drafts, config.furniture_patterns)
    bodies = [read_body(draft, furniture.is_furniture) for draft in drafts]
    languages = [
        draft.value("language") or detect_language(body.paragraphs, config.language)
        for draft, body in zip(drafts, bodies, strict=True)
    ]
    year_lists: dict[str, list[list[int]]] = {}
    for body, language in zip(bodies, languages, strict=True):
        year_lists.setdefault(language, []).append(years_named("\n".join(body.paragraphs)))
    usual = {language: year for language, lists in year_lists.items() if (year := usual_years(lists)) is not None}

    all_text = [p for body in bodies for p in body.paragraphs]
    counts = word_counts(all_text)
    lower, upper = word_case_counts(all_text)
    found = [candidates(body.paragraphs, lower, upper) for body in bodies]
    assigned = assign_tags(found, dict(config.tag_aliases), frozenset(config.tag_stoplist))
    tags = {draft.source: chosen for draft, chosen in zip(drafts, assigned, strict=True)}

    index = index_leads(
        [
            (d.source, b.paragraphs, d.value("title"), d.value("outlet", b.dateline.outlet))
            for d, b in zip(drafts, bodies, strict=True)
        ]
    )
    targets: dict[tuple[str, str], str] = {}
    headlines: dict[str, str] = {}
    for draft, body in zip(drafts, bodies, strict=True):
        for teaser in body.teasers:
            target = match_headline(teaser.headline, index, draft.source)
            if target is not None:
                targets[(draft.source, teaser.headline)] = target
                headlines.setdefault(target, teaser.headline)
    return replace(
        furniture, usual_year=usual, tags=tags, teaser_targets=targets, headlines=headlines, word_counts=counts
    )
