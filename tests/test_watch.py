"""Noticing saves: notified paths at once (no full snapshot), full snapshots as the safety net, bursts folded."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from generator.serve import watch
from generator.serve.watch import Notices, Watcher, notify, wait_for_changes
from tests.conftest import write_tree


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write_tree(tmp_path, {"seeds/a.txt": "a", "seeds/sub/b.txt": "b", "site.yml": "title: x", "site/index.html": "x"})
    return tmp_path


def _watcher(root: Path) -> Watcher:
    return Watcher([root / "seeds", root / "templates", root / "site.yml"], ignored=[root / "site"])


class Counting(Watcher):
    snapshots = 0

    def snapshot(self):  # type: ignore[no-untyped-def]
        type(self).snapshots += 1
        return super().snapshot()


def _later(seconds: float, action) -> threading.Thread:  # type: ignore[no-untyped-def]
    thread = threading.Thread(target=lambda: (time.sleep(seconds), action()))
    thread.start()
    return thread


def test_covers_what_the_snapshots_list(tree: Path) -> None:
    watcher = _watcher(tree)
    assert set(watcher.snapshot()) == {str(tree / "seeds/a.txt"), str(tree / "seeds/sub/b.txt"), str(tree / "site.yml")}
    assert watcher.covers(str(tree / "seeds/a.txt")) and watcher.covers(str(tree / "site.yml"))
    assert watcher.covers(str(tree / "templates/article.html"))
    for outside in ("site/index.html", "seeds/.a.txt.swp", "seeds/.git/x.txt", "other.yml", "seeds-old/a.txt"):
        assert not watcher.covers(str(tree / outside)), outside


def test_a_notified_save_is_seen_without_a_full_snapshot(tree: Path) -> None:
    watcher = Counting([tree / "seeds"])
    baseline = watcher.snapshot()
    Counting.snapshots = 0
    notices, stop = Notices(), threading.Event()
    target = tree / "seeds/a.txt"

    def save() -> None:
        target.write_text("changed", encoding="utf-8")
        notices.add(str(target), str(tree / "site/index.html"))

    _later(0.05, save)
    started = time.monotonic()
    found = wait_for_changes(watcher, baseline, stop, notices=notices)
    assert found is not None and found[0] == {str(target)}
    assert time.monotonic() - started < watch.SCAN_EVERY and Counting.snapshots == 0
    assert found[1][str(target)][1] == len("changed")


def test_a_burst_of_notified_saves_is_one_change_set(tree: Path) -> None:
    watcher = _watcher(tree)
    baseline = watcher.snapshot()
    notices, stop = Notices(), threading.Event()

    def saves() -> None:
        for n in range(5):
            path = tree / f"seeds/new-{n}.txt"
            path.write_text("x", encoding="utf-8")
            notices.add(str(path))
            time.sleep(0.03)

    _later(0.05, saves)
    found = wait_for_changes(watcher, baseline, stop, notices=notices)
    assert found is not None and found[0] == {str(tree / f"seeds/new-{n}.txt") for n in range(5)}


def test_what_notifications_miss_the_next_full_snapshot_finds(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(watch, "SCAN_EVERY", 0.3)
    watcher = _watcher(tree)
    baseline = watcher.snapshot()
    _later(0.05, lambda: (tree / "seeds/a.txt").write_text("unnotified", encoding="utf-8"))
    found = wait_for_changes(watcher, baseline, threading.Event(), notices=Notices())
    assert found is not None and found[0] == {str(tree / "seeds/a.txt")}


def test_a_folder_removed_is_every_file_it_held(tree: Path) -> None:
    watcher = _watcher(tree)
    baseline = watcher.snapshot()
    notices = Notices()

    def remove() -> None:
        (tree / "seeds/sub/b.txt").unlink()
        (tree / "seeds/sub").rmdir()
        notices.add(str(tree / "seeds/sub"))

    _later(0.05, remove)
    found = wait_for_changes(watcher, baseline, threading.Event(), notices=notices)
    assert found is not None and found[0] == {str(tree / "seeds/sub/b.txt")}


def test_without_notifications_snapshots_are_polled(tree: Path) -> None:
    watcher = _watcher(tree)
    baseline = watcher.snapshot()
    _later(0.05, lambda: (tree / "site.yml").write_text("title: y", encoding="utf-8"))
    found = wait_for_changes(watcher, baseline, threading.Event())
    assert found is not None and found[0] == {str(tree / "site.yml")}


def test_stop_ends_the_wait(tree: Path) -> None:
    watcher = _watcher(tree)
    stop = threading.Event()
    _later(0.1, stop.set)
    started = time.monotonic()
    assert wait_for_changes(watcher, watcher.snapshot(), stop, notices=Notices()) is None
    assert time.monotonic() - started < 1


def test_the_operating_system_notifies_saves_under_the_roots_only(tree: Path) -> None:
    watcher = _watcher(tree)
    notices = Notices()
    stop = notify(watcher, notices)
    assert stop is not None, "watchdog is a dependency: notifications must start on Linux"
    try:
        (tree / "seeds/sub/b.txt").write_text("changed", encoding="utf-8")
        (tree / "site.yml").write_text("title: y", encoding="utf-8")
        deadline = time.monotonic() + 5
        seen: set[str] = set()
        while time.monotonic() < deadline and not {str(tree / "seeds/sub/b.txt"), str(tree / "site.yml")} <= seen:
            notices.arrived.wait(0.1)
            seen |= notices.take()
        assert {str(tree / "seeds/sub/b.txt"), str(tree / "site.yml")} <= seen
        assert str(tree / "seeds/sub") not in seen, "a folder's own `modified` adds nothing"
        assert all(os.path.isabs(p) for p in seen)
    finally:
        stop()


def test_a_watched_folder_made_after_the_start_is_notified_too(tree: Path) -> None:
    watcher = _watcher(tree)  # templates/ is not there yet
    notices = Notices()
    stop = notify(watcher, notices)
    assert stop is not None
    try:
        (tree / "templates").mkdir()
        time.sleep(0.3)  # the folder's own notice, and its watch made
        (tree / "templates/article.html").write_text("x", encoding="utf-8")
        target = str(tree / "templates/article.html")
        deadline = time.monotonic() + 5
        seen: set[str] = set()
        while time.monotonic() < deadline and target not in seen:
            notices.arrived.wait(0.1)
            seen |= notices.take()
        assert target in seen
    finally:
        stop()
