"""The code stays ruff-clean (lint and format), as STYLE.md asks of CI."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

FOLDERS = ["generator", "tests", "bench"]


def test_ruff_lint_is_clean() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", *FOLDERS], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]


def test_ruff_format_is_clean() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", *FOLDERS], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]
