"""Output guarantees: deterministic bytes, an atomic swap, nothing left of deleted seeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import generator.build
from generator.build import BuildOptions, build
from tests.conftest import ROOT, article, read_tree, write_tree

SEEDS = {
    "seeds/a.md": article("Banjir Bandang", "2024-08-19", ["Banjir", "Palembang"]),
    "seeds/b.md": article("Jalan Rusak", "2024-08-20", ["Jalan"]),
    "seeds/c.txt": "PALEMBANG, CONTOH.COM - Hujan turun pada Senin (2/9/2024) sejak pagi.\nParagraf kedua.\n",
    "seeds/d.md": article("Tanpa Tanggal", tags=["Banjir"]),
}


SEARCH_BUNDLE = "pagefind/"


def _pages(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    return {path: data for path, data in files.items() if not path.startswith(SEARCH_BUNDLE)}


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith((".site.staging-", ".site.old-")))


def test_two_builds_into_different_folders_are_byte_identical(build_files) -> None:
    first = build_files(SEEDS, config="per_page: 2\n")
    second = build_files(dict(reversed(list(SEEDS.items()))), config="per_page: 2\n")
    assert first.status == second.status == 0
    assert len(first.files) > 15
    assert first.files == second.files


def test_search_index_is_byte_identical_too(build_files) -> None:
    # Pagefind alone writes filters in hash-map order (its issue #638); generator/search_canonical.py fixes that.
    first = build_files(SEEDS, config="per_page: 2\n")
    second = build_files(SEEDS, config="per_page: 2\n")
    assert any(path.startswith(SEARCH_BUNDLE + "filter/") for path in first.files)
    assert first.files == second.files


def test_rebuild_in_place_gives_the_same_bytes(build_files) -> None:
    first = build_files(SEEDS)
    again = build_files.run(first.root, ["--clean"])
    assert _pages(again.files) == _pages(first.files)


def test_no_build_timestamp_in_output(build_files) -> None:
    result = build_files(SEEDS)
    this_year = time.strftime("%Y")
    assert not any(this_year in path for path in result.files)
    assert this_year not in result.text("feed.xml") + result.text("sitemap.xml") + result.text("index.html")


def test_files_of_deleted_seeds_disappear(build_files) -> None:
    first = build_files(SEEDS)
    assert "2024/08/20/jalan-rusak/index.html" in first.files and "tags/jalan/index.html" in first.files
    (first.root / "seeds" / "b.md").unlink()
    second = build_files.run(first.root)
    assert second.status == 0
    gone = set(_pages(first.files)) - set(_pages(second.files))
    assert {"2024/08/20/jalan-rusak/index.html", "2024/08/20/index.html", "tags/jalan/index.html"} <= gone
    assert all(path.startswith(("2024/08/20/", "tags/jalan/")) for path in gone), gone
    assert "Jalan Rusak" not in second.text("index.html") + second.text("sitemap.xml") + second.text("feed.xml")


def test_failing_template_leaves_previous_site_byte_identical(build_files) -> None:
    first = build_files(SEEDS)
    write_tree(
        first.root, {"templates/article.html": '{% extends "base.html" %}{% block main %}{{ 1 / 0 }}{% endblock %}\n'}
    )
    (first.root / "seeds" / "e.md").write_text(article("Baru", "2024-09-01"))
    second = build_files.run(first.root)
    assert second.status == 1
    assert "ZeroDivisionError" in second.stderr and "Traceback" not in second.stderr
    assert second.files == first.files
    assert _leftovers(first.root) == []


def test_exception_during_build_leaves_previous_site_and_no_staging(build_files, monkeypatch) -> None:
    first = build_files(SEEDS)
    (first.root / "seeds" / "e.md").write_text(article("Baru", "2024-09-01"))

    def crash(staging: Path, out: Path) -> None:
        assert any(staging.rglob("index.html")), "the new site should be complete before the swap"
        raise RuntimeError("injected failure just before the swap")

    monkeypatch.setattr(generator.build, "swap_in", crash)
    options = BuildOptions(seeds=first.root / "seeds", out=first.out, config_path=first.root / "site.yml", jobs=1)
    with pytest.raises(RuntimeError, match="injected"):
        build(options)
    assert read_tree(first.out) == first.files
    assert _leftovers(first.root) == []


def _many_seeds(seeds: Path, count: int) -> None:
    for n in range(count):
        day = f"20{10 + n % 14:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        (seeds / f"x{n:04d}.md").write_text(f"---\ntitle: Berita nomor {n}\ndate: {day}\n---\nIsi {n}.\n")


@pytest.mark.slow
def test_build_killed_while_writing_leaves_previous_site_and_next_build_recovers(build_files) -> None:
    first = build_files(SEEDS)
    root = first.root
    _many_seeds(root / "seeds", 2000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--jobs", "1"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        staging: list[Path] = []
        while time.monotonic() < deadline and process.poll() is None:
            staging = list(root.glob(".site.staging-*"))
            if staging and any(staging[0].glob("*/*/*/*/index.html")):  # article pages are being written
                break
            time.sleep(0.005)
        assert process.poll() is None, "the build finished before it could be killed: " + process.stderr.read().decode()
        assert staging, "no staging folder appeared"
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stderr is not None
        process.stderr.close()
    assert read_tree(root / "site") == first.files
    assert _leftovers(root)  # the killed build's staging is still there…
    for seed in (root / "seeds").glob("x*.md"):
        seed.unlink()
    (root / "seeds" / "b.md").unlink()
    again = build_files.run(root)
    assert again.status == 0, again.stderr
    assert _leftovers(root) == []  # …until the next build clears it
    assert "2024/08/20/jalan-rusak/index.html" not in again.files
    gone = set(_pages(first.files)) - set(_pages(again.files))
    assert {"2024/08/20/jalan-rusak/index.html", "2024/08/20/index.html", "tags/jalan/index.html"} <= gone
    assert all(path.startswith(("2024/08/20/", "tags/jalan/")) for path in gone), gone


def test_the_site_swapped_out_is_kept_and_becomes_the_next_staging_folder(build_files) -> None:
    first = build_files(SEEDS)
    tree = first.out.stat().st_ino
    (first.root / "seeds" / "b.md").write_text(article("Jalan Rusak Diperbaiki", "2024-08-20", ["Jalan"]))
    second = build_files.run(first.root)
    kept = first.root / ".site.prev"
    assert second.status == 0 and read_tree(kept) == first.files  # the old site, whole and untouched
    (second.out / "stray.txt").write_text("written by hand into the site\n")
    (first.root / "seeds" / "c.txt").unlink()
    third = build_files.run(first.root)
    assert third.status == 0 and third.out.stat().st_ino == tree  # the first site's folder, brought up to date
    (first.root / "seeds" / "e.md").write_text(article("Baru", "2024-09-01", ["Banjir"]))
    fourth = build_files.run(first.root)  # its staging folder is the second site, with the stray file
    assert fourth.status == 0
    clean = build_files.run(first.root, ["--clean"])
    assert fourth.files == clean.files and "stray.txt" not in fourth.files
    assert not (first.root / ".site.prev").exists()  # --clean keeps no old site
    assert _leftovers(first.root) == []


def test_a_failed_build_after_reusing_the_old_site_keeps_the_current_one(build_files, monkeypatch) -> None:
    first = build_files(SEEDS)
    (first.root / "seeds" / "e.md").write_text(article("Baru", "2024-09-01"))
    second = build_files.run(first.root)
    (first.root / "seeds" / "a.md").unlink()

    def crash(staging: Path, out: Path) -> None:
        raise RuntimeError("injected failure just before the swap")

    monkeypatch.setattr(generator.build, "swap_in", crash)
    options = BuildOptions(seeds=first.root / "seeds", out=first.out, config_path=first.root / "site.yml", jobs=1)
    with pytest.raises(RuntimeError, match="injected"):
        build(options)
    monkeypatch.undo()
    assert read_tree(first.out) == second.files
    assert _leftovers(first.root) == [] and not (first.root / ".site.prev").exists()
    again = build_files.run(first.root)
    assert again.status == 0 and "2024/08/19/banjir-bandang/index.html" not in again.files


def test_a_hand_made_folder_in_the_site_is_gone_like_a_stray_file(build_files) -> None:
    first = build_files(SEEDS)
    (first.out / "made-by-hand" / "empty").mkdir(parents=True)
    for step, name in enumerate(("a.md", "b.md"), start=1):  # the second build's staging folder is the first site
        (first.root / "seeds" / name).write_text(article(f"Berita {step}", f"2024-08-0{step}", ["Banjir"]))
        assert build_files.run(first.root).status == 0
    assert not (first.out / "made-by-hand").exists()
    clean = build_files.run(first.root, ["--clean"])
    assert sorted(p.relative_to(first.out) for p in first.out.rglob("*")) == sorted(
        p.relative_to(clean.out) for p in clean.out.rglob("*")
    )


def test_a_build_without_the_cache_in_between_is_not_mistaken_for_the_cached_ones(build_files, monkeypatch) -> None:
    seeds = {f"seeds/x{n:02d}.md": article(f"Berita nomor {n}", f"2024-09-{1 + n:02d}") for n in range(12)}
    first = build_files(seeds, config="search_part_size: 4\n")
    other, seed = first.root / "seeds" / "x05.md", first.root / "seeds" / "x03.md"
    original = seed.read_text()
    other.write_text(other.read_text().replace("Isi", "Isi lain"))
    assert build_files.run(first.root).status == 0  # with the cache: the first site is kept
    seed.write_text(original.replace("Isi", "Isi yang sudah diubah"))
    monkeypatch.setattr(generator.build, "open_cache", lambda directory: None)
    assert build_files.run(first.root).status == 0  # without: the site and the kept one are no longer as recorded
    monkeypatch.undo()
    seed.write_text(original)  # back to what the cache last recorded of its search part
    again = build_files.run(first.root)
    clean = build_files.run(first.root, ["--clean"])
    assert again.status == clean.status == 0
    assert again.files == clean.files  # the search index too: no part trusted on the word of a stale state
