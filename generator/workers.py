"""Work spread over forked worker processes, when there is enough of it to pay for starting them."""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from generator.collector import collecting_own_objects, start_worker

Item = TypeVar("Item")
Result = TypeVar("Result")
Shared = TypeVar("Shared")


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
        with collecting_own_objects():  # as a forked worker does (see collector.py)
            yield map(function, items)
        return
    with multiprocessing.get_context("fork").Pool(workers, initializer=start_worker) as pool:
        mapped = pool.imap if ordered else pool.imap_unordered
        yield mapped(function, items, chunksize)


# Worker state for `map_shared`: what the forked workers see, set only while they run.
_SHARED_WORK: tuple[Callable[[Any, int], Any], Any] | None = None


def map_shared(function: Callable[[Shared, int], Result], shared: Shared, count: int, workers: int) -> list[Result]:
    """`function(shared, i)` for each i below `count`, in order, by `fork_map`: in this process for one worker,
    else in `workers` forked processes, each a range of i at a time, that see `shared` as it is now
    (copy-on-write: only the ranges and the results are pickled, never `shared`)."""
    global _SHARED_WORK
    size = max(1, -(-count // (workers * 4))) if workers > 1 else max(1, count)
    ranges = [(start, min(start + size, count)) for start in range(0, count, size)]
    _SHARED_WORK = (function, shared)
    try:
        with fork_map(_run_shared_range, ranges, workers) as done:
            return [result for part in done for result in part]
    finally:
        _SHARED_WORK = None


def _run_shared_range(bounds: tuple[int, int]) -> list[Any]:
    assert _SHARED_WORK is not None
    function, shared = _SHARED_WORK
    return [function(shared, index) for index in range(*bounds)]
