"""`arsip build --shard K/N`: one of N disjoint shares of the output, so N machines can build one archive.

Every shard runs the same reading, understanding and planning (the shared metadata pass), then writes only
its own files; copying the N output folders into one gives exactly the files of a full build. A shard owns:
the article pages of the search-index parts numbered K modulo N (so it can index them: Pagefind reads the
pages it indexes) and those parts' bundles; every other page by a hash of its path; static files and
`pagefind/parts.json` when K is 0.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.fingerprint import path_bucket
from generator.search import SearchPart

_SPEC = re.compile(r"(\d+)/(\d+)")


@dataclass(frozen=True)
class Shard:
    number: int  # 0 … count - 1
    count: int

    @property
    def first(self) -> bool:
        return self.number == 0

    def owns_path(self, path: str) -> bool:
        return path_bucket(path, self.count) == self.number

    def owns_part(self, part: SearchPart) -> bool:
        return part.number % self.count == self.number


WHOLE = Shard(0, 1)  # an ordinary build: one shard that owns everything


def parse_shard(text: str) -> Shard | None:
    """`K/N` with 1 ≤ N and 0 ≤ K < N (zero-based, like a CI matrix index), else None."""
    found = _SPEC.fullmatch(text.strip())
    if found is None:
        return None
    number, count = int(found.group(1)), int(found.group(2))
    return Shard(number, count) if 0 <= number < count else None


def shard_outputs(
    paths: Sequence[tuple[str, bool]], parts: Sequence[SearchPart], shard: Shard
) -> tuple[list[int], list[SearchPart]]:
    """`(output path, is static)` of every output → the indices of this shard's outputs, and its parts."""
    if shard.count == 1:
        return list(range(len(paths))), list(parts)
    part_of = {page: part for part in parts for page in part.pages or ()}
    indexed_whole = not part_of  # a site without articles is indexed whole: one shard must hold all of it
    mine = []
    for index, (path, static) in enumerate(paths):
        part = part_of.get(path)
        if part is not None:
            owned = shard.owns_part(part)
        elif static or indexed_whole:
            owned = shard.first
        else:
            owned = shard.owns_path(path)
        if owned:
            mine.append(index)
    return mine, [part for part in parts if shard.owns_part(part)]
