"""How the search index is split into parts: stable, complete, and keyed so an edit changes one part; and how a
build stops its Pagefind runs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.search import BUNDLE_DIR, SearchPart, build_search_index, split_parts

ARTICLES = [(f"2024/09/{n % 28 + 1:02d}/kabar-{n}/index.html", f"fp{n}") for n in range(100)]


def test_a_small_archive_is_one_part_at_the_usual_place() -> None:
    (part,) = split_parts(ARTICLES, 1000)
    assert part.bundle == BUNDLE_DIR and part.pages == tuple(sorted(path for path, _ in ARTICLES))


def test_parts_hold_every_article_once_and_do_not_depend_on_input_order() -> None:
    parts = split_parts(ARTICLES, 10)
    assert [part.number for part in parts] == list(range(len(parts)))
    assert 8 <= len(parts) <= 10  # ten by size; a hash may leave a part empty, and empty parts are dropped
    pages = [page for part in parts for page in part.pages or ()]
    assert sorted(pages) == sorted(path for path, _ in ARTICLES)
    assert split_parts(list(reversed(ARTICLES)), 10) == parts
    assert [part.bundle for part in parts[:2]] == [BUNDLE_DIR, f"{BUNDLE_DIR}/more/1"]


def test_an_edited_article_changes_the_key_of_its_own_part_only() -> None:
    before = split_parts(ARTICLES, 10)
    edited = [(path, fp + "-edited" if n == 42 else fp) for n, (path, fp) in enumerate(ARTICLES)]
    after = split_parts(edited, 10)
    changed = [b.number for b, a in zip(before, after, strict=True) if b.key != a.key]
    assert len(changed) == 1 and ARTICLES[42][0] in before[changed[0]].pages  # type: ignore[operator]


def test_the_number_of_parts_is_capped_so_a_search_reads_a_bounded_number_of_bundles() -> None:
    assert len(split_parts(ARTICLES, 1)) <= 32


def test_without_article_pages_one_part_indexes_the_whole_site() -> None:
    (part,) = split_parts([], 10)
    assert part.pages is None and part.bundle == BUNDLE_DIR


def test_a_cancelled_build_stops_a_running_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview's Ctrl-C is asked about while Pagefind runs, and the run does not outlive the build."""
    started = tmp_path / "pid"
    slow = tmp_path / "slow-pagefind"
    slow.write_text(f"#!/bin/sh\necho $$ > {started}\nexec sleep 30\n")
    slow.chmod(0o755)
    monkeypatch.setenv("ARSIP_PAGEFIND", str(slow))
    (tmp_path / "site").mkdir()

    class Cancelled(Exception):
        pass

    def progress(stage: str, done: int, total: int) -> None:
        if started.exists():
            raise Cancelled

    began = time.monotonic()
    with pytest.raises(Cancelled):
        build_search_index(tmp_path / "site", "id", [SearchPart(0, None, "k")], tmp_path / "work", 1, progress)
    assert time.monotonic() - began < 10
    pid = int(started.read_text())
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
