"""The search index: Pagefind run over the written pages in the staging folder, before the swap.

Pagefind's binary comes from PyPI (`pagefind[bin]`), so no network is needed at build or search time.
Only elements marked `data-pagefind-body` (the article: headline and body) are indexed; see article.html.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from generator.diagnostics import Diagnostic, error, warning
from generator.search_canonical import canonicalise

BUNDLE_DIR = "pagefind"  # the site path the index is served from; reserved in model.RESERVED_SLUGS
TIMEOUT_SECONDS = 900


def pagefind_executable() -> Path | None:
    """The bundled Pagefind binary, or None when the `pagefind[bin]` extra is not installed."""
    override = os.environ.get("ARSIP_PAGEFIND")
    if override:
        return Path(override)
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        return None
    try:
        return Path(get_executable())
    except FileNotFoundError:
        return None


def build_search_index(site_dir: Path, language: str) -> list[Diagnostic]:
    """Index `site_dir` into `site_dir/pagefind/`; problems come back as diagnostics, never a traceback."""
    executable = pagefind_executable()
    if executable is None:
        return [error("search index not built: Pagefind is missing; install it with `pip install 'pagefind[bin]'`")]
    command = [
        str(executable),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE_DIR,
        "--force-language",
        language,  # one index, stemmed for the site's language, whatever an article says
        "--silent",
    ]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except OSError as exc:
        return [error(f"search index not built: cannot run Pagefind ({executable}): {exc.strerror or exc}")]
    except subprocess.TimeoutExpired:
        return [error(f"search index not built: Pagefind took longer than {TIMEOUT_SECONDS} s")]
    if run.returncode != 0:
        output = (run.stderr or run.stdout or "").strip().splitlines()
        detail = output[-1] if output else f"exit status {run.returncode}"
        return [error(f"search index not built: Pagefind failed: {detail}")]
    if not (site_dir / BUNDLE_DIR / "pagefind.js").is_file():
        return [error("search index not built: Pagefind wrote no pagefind.js")]
    try:
        canonicalise(site_dir / BUNDLE_DIR)
    except (OSError, ValueError, KeyError, TypeError, AssertionError, EOFError) as exc:
        return [warning(f"search index left in Pagefind's own (run-to-run varying) order: {exc}")]
    return []
