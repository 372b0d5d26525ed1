"""Faults: a full or read-only disk, seeds changing under the build, crashes, SIGKILL, two builds at once.

Whatever happens, the previous site/ stays byte for byte what it was, no temporary folder is left behind,
the message says what went wrong, and the exit status is not zero.
"""

from __future__ import annotations

import errno
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import generator.assemble
import generator.build
import generator.plan
import generator.reading
from generator.serve.handler import locate
from tests.conftest import ROOT, article, read_tree, write_tree

SEEDS = {
    "seeds/a.md": article("Banjir Bandang", "2024-08-19", ["Banjir"]),
    "seeds/b.md": article("Jalan Rusak", "2024-08-20", ["Jalan"]),
    "seeds/c.txt": "PALEMBANG - Hujan turun pada Senin (2/9/2024) sejak pagi.\n",
}


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if ".staging-" in p.name or ".old-" in p.name)


def _cache_is_sound(root: Path) -> None:
    database = root / ".arsip-cache" / "cache.sqlite"
    if database.exists():
        with sqlite3.connect(database) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _pages(files: dict[str, str | bytes]) -> dict[str, str | bytes]:
    return {path: data for path, data in files.items() if not path.startswith("pagefind/")}


# --- disk full, read-only, unwritable ------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["render", "copy", "mkdir"])
def test_disk_full_at_the_write_layer_keeps_the_previous_site(build_files, monkeypatch, where: str) -> None:
    first = build_files(SEEDS)
    (first.root / "seeds" / "d.md").write_text(article("Baru", "2024-09-01"))
    (first.root / "static").mkdir()
    (first.root / "static" / "extra.css").write_text("p { color: red; }\n")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if where == "render":
        real_write = generator.assemble.write_new

        def write_new(path: Path, data: bytes) -> None:
            if ".staging-" in str(path) and path.name == "index.html" and "2024/09/01" in str(path):
                full()
            real_write(path, data)

        monkeypatch.setattr(generator.assemble, "write_new", write_new)
    elif where == "copy":
        monkeypatch.setattr("generator.assemble.shutil.copyfile", full)
    else:
        real_mkdir = Path.mkdir

        def mkdir(self: Path, *args: object, **kwargs: object) -> None:
            if ".staging-" in str(self) and "2024/09" in str(self):
                full()
            real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "mkdir", mkdir)
    second = build_files.run(first.root)
    monkeypatch.undo()
    assert second.status == 1
    assert "No space left on device" in second.stderr and "Traceback" not in second.stderr
    assert second.files == first.files
    assert _leftovers(first.root) == []
    again = build_files.run(first.root)  # once there is room again, the build goes through
    assert again.status == 0 and "2024/09/01/baru/index.html" in again.files


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_template_crash_keeps_the_previous_site_serial_and_parallel(build_files, jobs: str) -> None:
    seeds = {
        f"seeds/x{n:03d}.md": article(f"Berita {n}", f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}") for n in range(450)
    }
    first = build_files(seeds, args=["--jobs", jobs])
    assert first.status == 0, first.stderr
    write_tree(
        first.root, {"templates/article.html": '{% extends "base.html" %}{% block main %}{{ nope.x }}{% endblock %}'}
    )
    second = build_files.run(first.root, ["--jobs", jobs])
    assert second.status == 1
    assert "templates/article.html" in second.stderr and "Traceback" not in second.stderr
    assert second.files == first.files
    assert _leftovers(first.root) == []


def test_template_added_between_builds_in_one_process_is_used(build_files) -> None:
    # The preview builds again and again in one process: a template added since must not be missed.
    first = build_files(SEEDS)
    write_tree(first.root, {"templates/home.html": '{% extends "base.html" %}{% block main %}DIGANTI{% endblock %}'})
    second = build_files.run(first.root)
    assert second.status == 0
    assert "DIGANTI" in second.text("index.html")


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A small RAM disk, where this machine lets us mount one (root in a container usually may)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)], capture_output=True)
    if done.returncode != 0:
        if os.environ.get("CI") and os.geteuid() == 0:
            pytest.fail(f"cannot mount a tmpfs: {done.stderr.decode()}")
        pytest.skip("cannot mount a tmpfs here; the injected-ENOSPC tests cover the same code")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_real_disk_full_on_a_tiny_filesystem(build_files, tmpfs: Path) -> None:
    root = tmpfs / "proj"
    first = build_files(SEEDS, root=root)
    assert first.status == 0, first.stderr
    body = "Paragraf panjang yang diulang-ulang. " * 400  # ~15 kB a seed; more once rendered and indexed
    for n in range(70):
        (root / "seeds" / f"y{n:03d}.md").write_text(article(f"Besar {n}", "2024-10-01", body=body))
    second = build_files.run(root)
    assert second.status != 0
    assert "No space left on device" in second.stderr or "disk is full" in second.stderr, second.stderr
    assert "Traceback" not in second.stderr
    assert second.files == first.files
    assert _leftovers(root) == []


def test_read_only_project_is_reported_and_left_alone(build_files, tmpfs: Path) -> None:
    root = tmpfs / "proj"
    first = build_files(SEEDS, root=root)
    (root / "seeds" / "d.md").write_text(article("Baru", "2024-09-01"))
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    second = build_files.run(root)
    assert second.status != 0
    assert "Read-only file system" in second.stderr, second.stderr
    assert "Traceback" not in second.stderr
    assert second.files == first.files


def test_output_folder_that_cannot_be_created_is_a_clear_error(build_files, tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("not a folder")
    result = build_files(SEEDS, args=["--out", str(blocker / "site")])
    assert result.status != 0
    assert "Traceback" not in result.stderr
    assert "cannot write the site" in result.stderr and str(blocker) in result.stderr


# --- seeds changing under the build ---------------------------------------------------------------------------


@pytest.mark.parametrize("change", ["deleted", "changed", "sidecar-deleted"])
def test_seed_changed_during_the_build_keeps_the_previous_site(build_files, monkeypatch, change: str) -> None:
    first = build_files({**SEEDS, "seeds/b.yml": "place: Jambi\n"})
    (first.root / "seeds" / "d.md").write_text(article("Baru", "2024-09-01"))
    real_plan = generator.plan.plan

    def plan_then_touch(site):  # type: ignore[no-untyped-def]
        seed = first.root / "seeds" / "b.md"
        if change == "deleted":
            seed.unlink()
        elif change == "changed":
            seed.write_text(article("Jalan Rusak Berat", "2024-08-20"))
        else:
            (first.root / "seeds" / "b.yml").unlink()
        return real_plan(site)

    monkeypatch.setattr(generator.plan, "plan", plan_then_touch)
    second = build_files.run(first.root)
    monkeypatch.undo()
    assert second.status == 1
    assert "seeds/b" in second.stderr and "changed during the build" in second.stderr, second.stderr
    assert second.files == first.files
    assert _leftovers(first.root) == []
    again = build_files.run(first.root)
    assert again.status == 0, again.stderr
    assert "2024/09/01/baru/index.html" in again.files


def test_seed_vanishing_before_it_is_read_is_named(build_files, monkeypatch) -> None:
    first = build_files(SEEDS)
    real_read = generator.reading.read_seed

    def vanish(seed, *args):  # type: ignore[no-untyped-def]
        if seed.shown == "seeds/a.md":
            seed.path.unlink()
        return real_read(seed, *args)

    monkeypatch.setattr(generator.reading, "read_seed", vanish)
    second = build_files.run(first.root, ["--clean"])
    assert second.status == 1 and "Traceback" not in second.stderr
    assert "seeds/a.md: error: cannot read file" in second.stderr
    assert second.files == first.files


# --- SIGKILL at random moments, and two builds at once ---------------------------------------------------------


def _many(seeds: Path, count: int, salt: str = "") -> None:
    for n in range(count):
        day = f"20{10 + n % 14:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        tag = ["Banjir", "Jalan", "Pilkada", "Ekonomi"][n % 4]
        (seeds / f"x{n:04d}.md").write_text(
            f"---\ntitle: Berita nomor {n}{salt}\ndate: {day}\ntags: [{tag}]\n---\nIsi berita {n}{salt}.\n"
        )


def _start(root: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", *args], cwd=root, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip


@pytest.mark.slow
def test_sigkill_at_random_moments_never_damages_site_or_cache(build_files, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    (root / "seeds").mkdir(parents=True)
    _many(root / "seeds", 2000)
    first = build_files({}, root=root, args=["--jobs", "2"])
    assert first.status == 0, first.stderr
    _many(root / "seeds", 2000, salt=" (ralat)")  # every page changes: the next build rewrites them all
    rng = random.Random(7)
    for delay in sorted(rng.uniform(0.3, 5.0) for _ in range(3)):
        process = _start(root, "--jobs", "2")
        time.sleep(delay)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the build and its workers, all at once
        process.wait(timeout=30)
        assert process.stderr is not None
        process.stderr.close()
        assert read_tree(root / "site") == first.files, f"site changed by a build killed after {delay:.2f} s"
        _cache_is_sound(root)
    again = build_files.run(root, ["--jobs", "2"])
    assert again.status == 0, again.stderr
    assert _leftovers(root) == []
    clean_root = tmp_path / "clean"
    shutil.copytree(root / "seeds", clean_root / "seeds")
    clean = build_files({}, root=clean_root, args=["--jobs", "1"])
    assert _pages(again.files) == _pages(clean.files)


@pytest.mark.slow
def test_second_build_at_once_refuses_clearly_and_never_interleaves(build_files, tmp_path: Path) -> None:
    root = tmp_path / "proj"
    (root / "seeds").mkdir(parents=True)
    _many(root / "seeds", 1200)
    process = _start(root, "--jobs", "1")
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None and not list(root.glob(".site.staging-*")):
            time.sleep(0.01)
        assert process.poll() is None, "the first build ended before the second could start"
        second = build_files.run(root)
        assert second.status == 1
        assert "another build is writing" in second.stderr and "Traceback" not in second.stderr
        assert process.wait(timeout=300) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        assert process.stderr is not None
        process.stderr.close()
    built = read_tree(root / "site")
    assert sum(1 for p in built if re.fullmatch(r"\d{4}/\d\d/\d\d/berita-nomor-\d+/index\.html", p)) == 1200
    assert _leftovers(root) == []


# --- the preview: no traversal by any encoding -----------------------------------------------------------------

ENCODED_TRAVERSALS = [
    "/%2e%2e/site.yml",
    "/%2E%2E/%2E%2E/etc/passwd",
    "/%252e%252e/site.yml",
    "/..%2fsite.yml",
    "/..%5csite.yml",
    "/%5c..%5csite.yml",
    "/%c0%ae%c0%ae/site.yml",
    "/%c0%af../site.yml",
    "/%e0%80%ae%e0%80%ae/site.yml",
    "/%ef%bc%8e%ef%bc%8e/site.yml",
    "/.%00./site.yml",
    "/index.html%00",
    "/static/../../site.yml",
    "/static/%2e%2e/%2e%2e/site.yml",
    "/static/.%2e/.%2e/site.yml",
    "/~/site.yml",
    "/%7e/site.yml",
    "/site.yml",
]


@pytest.mark.parametrize("path", ENCODED_TRAVERSALS)
def test_preview_refuses_every_encoded_traversal(tmp_path: Path, path: str) -> None:
    write_tree(tmp_path, {"site.yml": "title: RAHASIA\n", "site/index.html": "x", "site/static/a.css": "x"})
    answer = locate(path, "/", tmp_path / "site")
    assert answer.status in (404, 302)
    if answer.file is not None:
        assert Path(answer.file).resolve().is_relative_to((tmp_path / "site").resolve())
    assert answer.location is None or answer.location.startswith("/")
