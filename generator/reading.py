"""Reading the seeds: each file's draft and problems, or the reading kept in the cache when it is unchanged."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from functools import partial

from generator.cache import BuildCache
from generator.diagnostics import Diagnostic
from generator.discover import SeedFile
from generator.draft import Draft
from generator.inputs import seed_key
from generator.progress import Progress, no_progress
from generator.readers.seed import read_seed
from generator.readers.text import MAX_SEED_BYTES
from generator.workers import fork_map, worker_count

PARALLEL_READS = 400  # fewer unread seeds than this are read faster than worker processes start
Reading = tuple[Draft | None, list[Diagnostic]]


def read_drafts(
    seeds: Iterable[SeedFile],
    progress: Progress = no_progress,
    cache: BuildCache | None = None,
    max_bytes: int = MAX_SEED_BYTES,
    jobs: int = 1,
) -> tuple[list[Draft], list[Diagnostic]]:
    """Read each seed, or take its reading from the cache when the file has not changed since.

    Many unread seeds (a first build) are read by `jobs` worker processes, in order.
    """
    seeds = list(seeds)
    total = len(seeds)
    cached = cache.drafts() if cache is not None else {}
    readings: list[Reading | None] = []
    keys: list[str] = []
    for seed in seeds:
        key = f"{seed_key(seed)}:{max_bytes}"  # a changed size limit may change the reading
        keys.append(key)
        hit = cached.get(seed.shown)
        reading = None
        if hit is not None and hit[0] == key:
            try:
                reading = pickle.loads(hit[1])
            except Exception:  # a damaged cache entry is simply read again
                reading = None
        readings.append(reading)
    missing = [index for index, reading in enumerate(readings) if reading is None]
    done = total - len(missing)
    progress("read", done, total)
    read = partial(read_seed_limited, max_bytes)
    workers = worker_count(len(missing), jobs, PARALLEL_READS)
    with fork_map(read, [seeds[i] for i in missing], workers, chunksize=64) as read_now:
        for index, reading in zip(missing, read_now, strict=True):
            readings[index] = reading
            done += 1
            progress("read", done, total)
    drafts: list[Draft] = []
    problems: list[Diagnostic] = []
    for reading in readings:
        assert reading is not None
        draft, more = reading
        problems += more
        if draft is not None:
            drafts.append(draft)
    if cache is not None:  # a seed written while it was read is kept under no key: its reading may be either
        unchanged = [i for i in missing if f"{seed_key(seeds[i])}:{max_bytes}" == keys[i]]
        cache.store_drafts([(seeds[i].shown, keys[i], readings[i]) for i in unchanged])
        if len(cached) + len(missing) > len(drafts) + len(problems) + 16:
            cache.forget_drafts_except({seed.shown for seed in seeds})
    return drafts, problems


def read_seed_limited(max_bytes: int, seed: SeedFile) -> Reading:
    """`read_seed` with the limit first, so a picklable partial can carry it to worker processes."""
    return read_seed(seed, max_bytes)
