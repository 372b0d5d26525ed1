"""Noticing edits to a site's inputs: polled snapshots, and bursts of saves folded into one change set."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from generator.discover import is_junk

# path → (mtime_ns, size): enough to see a save, cheap enough to take every fraction of a second on 10,000 seeds.
Snapshot = dict[str, tuple[int, int]]


class Watcher:
    """Snapshots of the files under `roots` (folders or single files), never looking inside `ignored`."""

    def __init__(self, roots: Iterable[Path], ignored: Iterable[Path] = ()) -> None:
        self.roots = tuple(Path(os.path.abspath(r)) for r in roots)
        self.ignored = tuple(os.path.abspath(p) for p in ignored)

    def _skipped(self, path: str) -> bool:
        return any(path == i or path.startswith(i + os.sep) for i in self.ignored)

    def snapshot(self) -> Snapshot:
        found: Snapshot = {}
        for root in self.roots:
            if root.is_dir():
                self._scan(str(root), found)
            elif not self._skipped(str(root)):
                try:
                    stat = root.stat()
                except OSError:
                    continue
                found[str(root)] = (stat.st_mtime_ns, stat.st_size)
        return found

    def _scan(self, folder: str, found: Snapshot) -> None:
        if self._skipped(folder):
            return
        try:
            entries = list(os.scandir(folder))
        except OSError:  # removed while we looked: the next snapshot will say so
            return
        for entry in entries:
            if is_junk(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    self._scan(entry.path, found)
                    continue
                stat = entry.stat()
            except OSError:
                continue
            found[entry.path] = (stat.st_mtime_ns, stat.st_size)


def changed(before: Snapshot, after: Snapshot) -> set[str]:
    """Paths added, removed or modified between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def wait_for_changes(
    watcher: Watcher,
    baseline: Snapshot,
    stop: threading.Event,
    poll: float = 0.1,
    quiet: float = 0.15,
    longest: float = 2.0,
) -> tuple[set[str], Snapshot] | None:
    """Block until files changed and then stayed still for `quiet` seconds (or `longest` passed).

    Returns the changed paths and the snapshot they were seen in; None once `stop` is set.
    """
    current = baseline
    pending: set[str] = set()
    first = last = 0.0
    pause = poll
    while not stop.wait(pause):
        started = time.monotonic()
        latest = watcher.snapshot()
        # Keep polling to a fifth of one core at most, however large the archive.
        pause = max(poll, 4 * (time.monotonic() - started))
        fresh = changed(current, latest)
        current = latest
        now = time.monotonic()
        if fresh:
            pending |= fresh
            last = now
            first = first or now
        if pending and (now - last >= quiet or now - first >= longest):
            return pending, current
    return None


def describe(paths: Sequence[str], limit: int = 3) -> str:
    """`a.txt, b.txt (+4 more)`, relative to the working folder when possible."""
    shown = sorted(os.path.relpath(p) if not os.path.relpath(p).startswith("..") else p for p in paths)
    more = f" (+{len(shown) - limit} more)" if len(shown) > limit else ""
    return ", ".join(shown[:limit]) + more
