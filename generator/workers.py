"""Work spread over forked worker processes, when there is enough of it to pay for starting them."""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def worker_count(items: int, jobs: int, threshold: int) -> int:
    """Processes for `items` pieces of work: 1 (this one) below `threshold`, else up to `jobs`, each with at
    least half a threshold's worth of items (fewer are done faster here than a process starts)."""
    if items < threshold:
        return 1
    return max(1, min(jobs, items // max(1, threshold // 2)))


@contextlib.contextmanager
def fork_map(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    workers: int,
    *,
    ordered: bool = True,
    chunksize: int = 1,
) -> Iterator[Iterator[Result]]:
    """`function` over `items`: in this process for one worker, else in `workers` forked processes, the results
    in order (`ordered`) or as they come. Leaving the block, however (an error, a cancelled build), stops the
    workers at once; forked, they see this process's state as it was (nothing is pickled but items and results).
    """
    if workers <= 1:
        yield map(function, items)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        mapped = pool.imap if ordered else pool.imap_unordered
        yield mapped(function, items, chunksize)
