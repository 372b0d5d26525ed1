"""Facts about the whole archive, computed once over every draft and passed in explicitly."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.draft import Draft

# A line must recur in this many seeds (and this share of them) to count as page furniture.
FURNITURE_MIN_SEEDS = 3
FURNITURE_MIN_SHARE = 0.02
FURNITURE_MAX_WORDS = 8


@dataclass(frozen=True)
class CorpusFacts:
    furniture: frozenset[str] = frozenset()
    patterns: tuple[re.Pattern[str], ...] = ()

    def is_furniture(self, line: str) -> bool:
        return normalise_line(line) in self.furniture or any(p.search(line) for p in self.patterns)


def normalise_line(line: str) -> str:
    return " ".join(line.lower().split())


def corpus_facts(drafts: Iterable[Draft], patterns: tuple[str, ...] = ()) -> CorpusFacts:
    """Short lines that repeat across many seeds are page furniture, not writing."""
    seen: Counter[str] = Counter()
    total = 0
    for draft in drafts:
        total += 1
        if draft.format != "text":
            continue
        seen.update({normalise_line(line.text) for line in draft.lines if len(line.text.split()) <= FURNITURE_MAX_WORDS})
    threshold = max(FURNITURE_MIN_SEEDS, int(total * FURNITURE_MIN_SHARE))
    furniture = frozenset(line for line, n in seen.items() if n >= threshold)
    return CorpusFacts(furniture, tuple(re.compile(p, re.IGNORECASE) for p in patterns))
