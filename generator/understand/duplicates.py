"""The same article twice (two scrapes, a copy with a fixed typo) is built once, with a warning."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import chain

from generator.draft import Draft
from generator.workers import map_shared, worker_count

MIN_CHARS = 60  # paragraphs shorter than this (furniture, subheads) say nothing about identity
MIN_SHARED = 0.6  # share of the shorter article's long paragraphs the other must hold verbatim
_WORD = re.compile(r"\w+")


def _fingerprints(draft: Draft) -> frozenset[bytes]:
    if draft.format != "text" and draft.markdown is None:
        return frozenset()
    found = set()
    for line in draft.lines:
        words = " ".join(_WORD.findall(line.text.casefold()))
        if len(words) >= MIN_CHARS:
            found.add(hashlib.blake2b(words.encode(), digest_size=8).digest())
    return frozenset(found)


PARALLEL_PRINTS = 1000  # fewer new drafts than this are fingerprinted faster here than worker processes start


def paragraph_prints(drafts: Sequence[Draft], jobs: int = 1) -> list[frozenset[bytes]]:
    """Each draft's long-paragraph fingerprints; many drafts are fingerprinted by `jobs` forked processes."""
    workers = worker_count(len(drafts), jobs, PARALLEL_PRINTS)
    return map_shared(_fingerprints_at, drafts, len(drafts), workers)


def _fingerprints_at(drafts: Sequence[Draft], index: int) -> frozenset[bytes]:
    return _fingerprints(drafts[index])


def find_duplicates(drafts: Sequence[Draft], prints: Sequence[frozenset[bytes]] | None = None) -> list[tuple[int, int]]:
    """(kept, dropped) index pairs: each later draft whose body nearly repeats an earlier one.

    Drafts are compared only when they share a long paragraph (an index on paragraph fingerprints),
    so the work grows with the archive, not with its square. `prints`: `paragraph_prints` of these drafts.
    """
    if prints is None:
        prints = paragraph_prints(drafts)
    # Only a paragraph two drafts hold can make them duplicates: the others (nearly all) are left out at once.
    held_twice = {fingerprint for fingerprint, holding in Counter(chain.from_iterable(prints)).items() if holding > 1}
    holders: dict[bytes, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    dropped: set[int] = set()
    for index, mine in enumerate(prints):
        common = held_twice.intersection(mine)
        if not common or drafts[index].value("draft", False):
            continue
        shared: dict[int, int] = defaultdict(int)
        for fingerprint in common:
            for other in holders[fingerprint]:
                shared[other] += 1
        for other, count in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
            if other not in dropped and count >= MIN_SHARED * min(len(mine), len(prints[other])):
                pairs.append((other, index))
                dropped.add(index)
                break
        if index not in dropped:
            for fingerprint in common:
                holders[fingerprint].append(index)
    return pairs
