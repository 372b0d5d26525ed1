"""Related articles: shared tags weighted by how rare each tag is, plus links made by teasers.

Pure function over plain data so the model stage can call it and a test can check it alone.
"""

from __future__ import annotations

import heapq
import math
import operator
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

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


def related_indices(items: Sequence[Relatable], limit: int = RELATED_LIMIT) -> list[tuple[int, ...]]:
    """For each item, up to `limit` other items, best first; ties go to the earlier (newer) item."""
    total = len(items)
    holders: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for tag in dict.fromkeys(item.tags):
            holders[tag].append(index)
    too_common = min(MAX_COMMON_TAG, max(MIN_COMMON_TAG, int(total * COMMON_TAG_SHARE)))
    weight = {tag: math.log(1 + total / len(members)) for tag, members in holders.items()}
    linked: dict[int, set[int]] = defaultdict(set)
    for index, item in enumerate(items):
        for target in item.links:
            if target != index:
                linked[index].add(target)
                linked[target].add(index)  # being teased by an article relates it back
    result = []
    for index, item in enumerate(items):
        scores: dict[int, float] = defaultdict(float)
        for tag in dict.fromkeys(item.tags):
            members = holders[tag]
            if len(members) > too_common:
                continue
            tag_weight = weight[tag]
            for other in members:
                scores[other] += tag_weight
        scores.pop(index, None)  # an item shares every tag with itself
        for other in linked[index]:
            scores[other] += TEASER_WEIGHT
        # Highest score first, then the lowest index: (score, -index) pairs compare in C, with no key function.
        best = heapq.nlargest(limit, zip(scores.values(), map(operator.neg, scores), strict=True))
        result.append(tuple(-negated for _, negated in best))
    return result
