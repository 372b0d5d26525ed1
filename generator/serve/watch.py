"""Noticing edits to a site's inputs, and folding bursts of saves into one change set.

The operating system says at once which paths were touched (inotify, FSEvents, ReadDirectoryChangesW, through
the `watchdog` package); those are checked against the last snapshot one by one. A full snapshot (every
watched file's size and mtime) is still taken now and then, and always when no notifications can be had (a
network drive, too many watches): nothing a notification misses is missed for long.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from stat import S_ISDIR

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

    def covers(self, path: str) -> bool:
        """True for a path the snapshots would list (under a root, not ignored, no junk name on the way)."""
        if self._skipped(path):
            return False
        for root in map(str, self.roots):
            if path == root:
                return True
            if path.startswith(root + os.sep):
                return not any(is_junk(part) for part in path[len(root) + 1 :].split(os.sep))
        return False

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


class Notices:
    """Paths the operating system said were touched, gathered until the waiting loop takes them."""

    def __init__(self) -> None:
        self._paths: set[str] = set()
        self._lock = threading.Lock()
        self.arrived = threading.Event()

    def add(self, *paths: str) -> None:
        with self._lock:
            self._paths.update(paths)
            self.arrived.set()

    def take(self) -> set[str]:
        with self._lock:
            paths, self._paths = self._paths, set()
            self.arrived.clear()
            return paths


def notify(watcher: Watcher, notices: Notices) -> Callable[[], None] | None:
    """Have the operating system report touched paths under the watcher's roots into `notices`.

    Returns the function that stops it; None when it cannot be had (the snapshots then do all the work).
    """
    try:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer
    except ImportError:
        return None

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return  # read, not written
            if event.is_directory and event.event_type == "modified":
                return  # an entry changed inside: notified on its own
            paths = [os.fsdecode(p) for p in (event.src_path, event.dest_path) if p]
            if event.is_directory and event.event_type in ("created", "moved"):
                for made in set(paths) & missing:  # a watched folder made after the start (templates/)
                    with contextlib.suppress(OSError):
                        observer.schedule(self, made, recursive=True)
                        missing.discard(made)
            notices.add(*paths)

    folders: dict[str, bool] = {}  # folder → whether all below it is watched
    missing: set[str] = set()  # roots not there yet: watched from their parent until they are made
    for root in watcher.roots:
        if root.is_dir():
            folders[str(root)] = True
        elif root.parent.is_dir():  # a single file (site.yml), or a folder yet to be made: its parent alone
            folders.setdefault(str(root.parent), False)
            if not root.exists():
                missing.add(str(root))
    observer = Observer()
    handler = Handler()
    try:
        for folder, recursive in folders.items():
            observer.schedule(handler, folder, recursive=recursive)
        observer.start()
    except OSError:  # no inotify watches left, a file system without notifications
        observer.stop()  # the watches already made go with it
        return None

    def stop() -> None:
        observer.stop()
        observer.join(timeout=2)

    return stop


SCAN_EVERY = 2.0  # seconds between full snapshots while notifications arrive (they may miss a network drive)


def _recheck(watcher: Watcher, current: Snapshot, paths: set[str]) -> tuple[set[str], bool]:
    """Update `current` for notified paths; returns those that changed, and whether a folder was among them
    (its files are only seen by a full snapshot)."""
    fresh: set[str] = set()
    folder = False
    for path in paths:
        if not watcher.covers(path):
            continue
        try:
            stat = os.stat(path)
        except OSError:
            seen = None
            if path not in current and any(known.startswith(path + os.sep) for known in current):
                folder = True  # a folder gone, with the files it held
                continue
        else:
            if S_ISDIR(stat.st_mode):
                folder = True
                continue
            seen = (stat.st_mtime_ns, stat.st_size)
        if current.get(path) != seen:
            fresh.add(path)
            if seen is None:
                current.pop(path, None)
            else:
                current[path] = seen
    return fresh, folder


def wait_for_changes(
    watcher: Watcher,
    baseline: Snapshot,
    stop: threading.Event,
    poll: float = 0.1,
    quiet: float = 0.15,
    longest: float = 2.0,
    notices: Notices | None = None,
) -> tuple[set[str], Snapshot] | None:
    """Block until files changed and then stayed still for `quiet` seconds (or `longest` passed).

    Returns the changed paths and the snapshot they were seen in; None once `stop` is set. With `notices`,
    a change is seen as soon as it is notified; without, by the next snapshot.
    """
    current = dict(baseline)
    pending: set[str] = set()
    first = last = 0.0
    next_scan = time.monotonic() + (SCAN_EVERY if notices else poll)
    while True:
        deadline = next_scan
        if pending and notices:
            deadline = min(deadline, last + quiet, first + longest)
        if not _wait(stop, notices, deadline - time.monotonic()):
            return None
        fresh: set[str] = set()
        if notices and notices.arrived.is_set():
            fresh, folder = _recheck(watcher, current, notices.take())
            if folder:
                next_scan = time.monotonic()
        if time.monotonic() >= next_scan:
            started = time.monotonic()
            latest = watcher.snapshot()
            # Keep full snapshots to a fifth of one core at most, however large the archive.
            cost = time.monotonic() - started
            next_scan = time.monotonic() + max(SCAN_EVERY if notices else poll, 4 * cost)
            fresh |= changed(current, latest)
            current = latest
        now = time.monotonic()
        if fresh:
            pending |= fresh
            last = now
            first = first or now
        if pending and (now - last >= quiet or now - first >= longest):
            return pending, current


def _wait(stop: threading.Event, notices: Notices | None, timeout: float) -> bool:
    """Sleep until `timeout` passes or a notice arrives; False once `stop` is set."""
    if notices is None:
        return not stop.wait(max(0.0, timeout))
    end = time.monotonic() + max(0.0, timeout)
    while not stop.is_set():
        left = end - time.monotonic()
        if left <= 0 or notices.arrived.wait(min(left, 0.05)):
            return True
    return False


def describe(paths: Sequence[str], limit: int = 3) -> str:
    """`a.txt, b.txt (+4 more)`, relative to the working folder when possible."""
    shown = sorted(os.path.relpath(p) if not os.path.relpath(p).startswith("..") else p for p in paths)
    more = f" (+{len(shown) - limit} more)" if len(shown) > limit else ""
    return ", ".join(shown[:limit]) + more
