"""Work in forked processes gives what the same work gives here, and stops with the block that started it."""

from __future__ import annotations

import multiprocessing
import time

import pytest

from generator.workers import fork_map, worker_count


def _square(n: int) -> int:
    return n * n


def _slow(n: int) -> int:
    time.sleep(0.2)
    return n


def test_worker_count_pays_for_processes_only_with_enough_work():
    assert worker_count(399, jobs=8, threshold=400) == 1
    assert worker_count(400, jobs=8, threshold=400) == 2  # half a threshold of items each
    assert worker_count(10_000, jobs=8, threshold=400) == 8
    assert worker_count(10_000, jobs=1, threshold=400) == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_order_whatever_the_number_of_workers(workers):
    with fork_map(_square, range(50), workers, chunksize=4) as results:
        assert list(results) == [n * n for n in range(50)]


def test_unordered_results_are_all_there():
    with fork_map(_square, range(50), 2, ordered=False) as results:
        assert sorted(results) == [n * n for n in range(50)]


def test_leaving_the_block_early_stops_the_workers_at_once():
    started = time.monotonic()
    with pytest.raises(RuntimeError), fork_map(_slow, range(40), 2) as results:
        next(results)
        raise RuntimeError("cancelled")
    assert time.monotonic() - started < 2  # not the 4 s the remaining work would take
    deadline = time.monotonic() + 5
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


class _Cycle:
    """An object that refers to itself: only the cyclic garbage collector frees it."""

    def __init__(self) -> None:
        self.me = self


def _make_cycle(number: int) -> int:
    _Cycle()
    return number


def test_in_process_work_collects_its_own_cycles_even_in_a_paused_build():
    """A build pauses the collector; work run here as the only worker (rendering Markdown makes cycles) still
    has its own garbage collected, so a one-worker build of many pages does not pile it up."""
    import gc

    from generator import collector

    gc.collect()
    with collector.paused():
        with fork_map(_make_cycle, range(5000), 1) as done:
            assert list(done) == list(range(5000))
        assert not gc.isenabled(), "the build's pause goes on after the work"
        left = gc.collect()
    assert left < 2000, f"{left} objects of 10,000 left for the collector"
    assert gc.isenabled()
