"""The wheel carries the theme, the catalogues and the project template: an installed arsip works anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_builds_a_site_from_any_folder_with_its_own_theme(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:  # hatchling may be missing from the test venv: let pip fetch it in isolation
        built = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("arsip-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "generator/_theme/templates/base.html",
        "generator/_theme/static/arsip.css",
        "generator/locale/id/LC_MESSAGES/messages.po",
        "generator/newsite/site.yml",
    ):
        assert expected in names, expected

    installed = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(installed)
    project = tmp_path / "elsewhere"
    env = {**os.environ, "PYTHONPATH": str(installed)}  # the unpacked wheel, not this checkout
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "generator", *args], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert run("new", str(project)).returncode == 0
    done = subprocess.run(
        [sys.executable, "-c", "import generator, sys; print(generator.__file__)"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith(str(installed)), done.stdout
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--strict"], cwd=project, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    css = (project / "site" / "static" / "arsip.css").read_bytes()
    assert css == (ROOT / "static" / "arsip.css").read_bytes()
    assert "Langsung ke isi" in (project / "site" / "index.html").read_text(encoding="utf-8")
