"""Related articles: shared tags weighted by how rare each tag is, plus links made by teasers.

Pure function over plain data so the model stage can call it and a test can check it alone.
"""

from __future__ import annotations

import heapq
import math
import operator
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.workers import map_shared, worker_count

RELATED_LIMIT = 5
TEASER_WEIGHT = 3.0  # an editor's "read also" link says more than any shared tag
# A tag on more than this share of the archive says little about relatedness and would make the
# pairwise count quadratic in the archive's size, so it is skipped.
COMMON_TAG_SHARE = 0.2
MIN_COMMON_TAG = 50  # ...but in a small archive every tag counts
# ...and in a large one, a tag on more articles than this is skipped whatever its share: the work per tag
# grows with the square of its articles, so without a cap a 50,000-article archive would spend minutes here.
MAX_COMMON_TAG = 1000


@dataclass(frozen=True)
class Relatable:
    """What relatedness looks at for one article."""

    tags: tuple[str, ...]
    links: tuple[int, ...] = ()  # indices of the articles its teasers link to


PARALLEL_RELATED = 2000  # fewer articles than this are related faster here than worker processes start


@dataclass(frozen=True)
class _Index:
    """What ranking any one item needs: the items, who holds each tag and its weight, the teaser links."""

    items: Sequence[Relatable]
    holders: Mapping[str, list[int]]
    weight: Mapping[str, float]
    too_common: int
    linked: Mapping[int, set[int]]
    limit: int


def related_indices(items: Sequence[Relatable], limit: int = RELATED_LIMIT, jobs: int = 1) -> list[tuple[int, ...]]:
    """For each item, up to `limit` other items, best first; ties go to the earlier (newer) item.

    A large archive is ranked by `jobs` forked processes (the same result)."""
    workers = worker_count(len(items), jobs, PARALLEL_RELATED)
    return map_shared(_rank, _make_index(items, limit), len(items), workers)


def _make_index(items: Sequence[Relatable], limit: int) -> _Index:
    total = len(items)
    holders: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(items):
        for tag in dict.fromkeys(item.tags):
            holders[tag].append(position)
    too_common = min(MAX_COMMON_TAG, max(MIN_COMMON_TAG, int(total * COMMON_TAG_SHARE)))
    weight = {tag: math.log(1 + total / len(members)) for tag, members in holders.items()}
    linked: dict[int, set[int]] = defaultdict(set)
    for position, item in enumerate(items):
        for target in item.links:
            if target != position:
                linked[position].add(target)
                linked[target].add(position)  # being teased by an article relates it back
    return _Index(items, holders, weight, too_common, linked, limit)


def _rank(index: _Index, position: int) -> tuple[int, ...]:
    """The ranking of item `position`."""
    holders, weight, too_common = index.holders, index.weight, index.too_common
    scores: dict[int, float] = defaultdict(float)
    for tag in dict.fromkeys(index.items[position].tags):
        members = holders[tag]
        if len(members) > too_common:
            continue
        tag_weight = weight[tag]
        for other in members:
            scores[other] += tag_weight
    scores.pop(position, None)  # an item shares every tag with itself
    for other in index.linked.get(position, ()):
        scores[other] += TEASER_WEIGHT
    # Highest score first, then the lowest index: (score, -index) pairs compare in C, with no key function.
    best = heapq.nlargest(index.limit, zip(scores.values(), map(operator.neg, scores), strict=True))
    return tuple(-negated for _, negated in best)
