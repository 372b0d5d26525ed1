"""The search index: Pagefind run over the written article pages, before the swap.

Pagefind's binary comes from PyPI (`pagefind[bin]`), so no network is needed at build or search time.
Only elements marked `data-pagefind-body` (the article: headline and body) are indexed; see article.html.

A large archive is indexed in parts of about `search_part_size` articles each, an article's part chosen by
a hash of its path: an edit re-indexes one part, the others are reused, and the parts are indexed in
parallel. The first part is the bundle at /pagefind/; the others live in /pagefind/more/K/ and are listed
in /pagefind/parts.json, which the search page reads to merge them (Pagefind's `mergeIndex`).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.diagnostics import Diagnostic, error, warning
from generator.fingerprint import path_bucket
from generator.progress import Progress, no_progress
from generator.search_canonical import canonicalise
from generator.write import link_tree, remove, write_new

BUNDLE_DIR = "pagefind"  # the site path the index is served from; reserved in model.RESERVED_SLUGS
MORE_DIR = "more"  # BUNDLE_DIR/MORE_DIR/K/ holds part K > 0
PARTS_FILE = "parts.json"
ENTRY_SCRIPT = "pagefind.js"  # what a search page loads from a bundle
MAX_PARTS = 32  # a search reads every part: beyond this, parts grow instead of multiplying
TIMEOUT_SECONDS = 900


@dataclass(frozen=True)
class SearchPart:
    """One Pagefind bundle: the article pages it indexes (None: the whole site) and a key of their content."""

    number: int
    pages: tuple[str, ...] | None
    key: str

    @property
    def bundle(self) -> str:
        return bundle_of(self.number)


def bundle_of(number: int) -> str:
    """The site path of part `number`'s bundle."""
    return BUNDLE_DIR if number == 0 else f"{BUNDLE_DIR}/{MORE_DIR}/{number}"


def drop_bundles(staging: Path, kept: Collection[int]) -> None:
    """In a staging folder that holds an older site, remove the index's bundles but those of the parts numbered
    in `kept` (the first part's files are those directly in the index's folder; the others are in `more/`)."""
    root = staging / BUNDLE_DIR
    if not _real_folder(root):
        remove(root)
        return
    for child in root.iterdir():
        if (child.name != MORE_DIR and 0 not in kept) or (child.name == MORE_DIR and not _real_folder(child)):
            remove(child)
    more = root / MORE_DIR
    if _real_folder(more):
        for child in more.iterdir():
            if not (child.name.isdecimal() and child.name == str(int(child.name)) and int(child.name) in kept):
                remove(child)
        if not any(more.iterdir()):
            more.rmdir()


def _real_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def split_parts(articles: Sequence[tuple[str, str]], part_size: int) -> list[SearchPart]:
    """`(output path, fingerprint)` of every article page → the parts of the index, each with its key.

    With no article pages, one part indexes the whole site (Pagefind then indexes every page).
    """
    if not articles:
        return [SearchPart(0, None, "whole-site")]
    count = min(MAX_PARTS, math.ceil(len(articles) / part_size))
    members: list[list[tuple[str, str]]] = [[] for _ in range(count)]
    for path, fingerprint in sorted(articles):
        number = path_bucket(path, count)
        members[number].append((path, fingerprint))
    parts = []
    for number, chosen in enumerate(chosen for chosen in members if chosen):  # a small archive leaves some empty
        digest = hashlib.blake2b(f"{count}\n".encode(), digest_size=16)
        for path, fingerprint in chosen:
            digest.update(f"{path}\0{fingerprint}\n".encode())
        parts.append(SearchPart(number, tuple(path for path, _ in chosen), digest.hexdigest()))
    return parts


def holds_part(site: Path, part: SearchPart) -> bool:
    """True when `site` holds a bundle for this part that Pagefind finished (its entry script is written last)."""
    return (site / part.bundle / ENTRY_SCRIPT).is_file()


def link_part(old_site: Path, staging: Path, part: SearchPart) -> bool:
    """Reuse a part from the previous site (hard links); False when it is not there whole."""
    source = old_site / part.bundle
    if not holds_part(old_site, part):
        return False
    link_tree(source, staging / part.bundle, skip=frozenset({MORE_DIR}))  # other parts are reused on their own
    return True


def write_parts_list(staging: Path, parts: Sequence[SearchPart]) -> None:
    """/pagefind/parts.json: the bundles the search page merges into the first one (relative to it)."""
    more = [f"{MORE_DIR}/{part.number}/" for part in parts if part.number > 0]
    target = staging / BUNDLE_DIR / PARTS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    write_new(target, (json.dumps({"merge": more}, separators=(",", ":")) + "\n").encode())


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


def update_index(
    staging: Path,
    site: Path,
    parts: Sequence[SearchPart],
    current: Mapping[int, str],
    held: Mapping[int, str],
    language: str,
    jobs: int = 1,
    progress: Progress = no_progress,
) -> list[Diagnostic]:
    """Give the staging folder every part's bundle. A part whose article pages are all unchanged is the same
    index: the staging folder holds it already (`held`: its parts, number → key, when it is the site before),
    or it is linked from the current `site` (whose parts are `current`), or else Pagefind builds it."""
    kept = {part.number for part in parts if held.get(part.number) == part.key and holds_part(staging, part)}
    drop_bundles(staging, kept)
    todo = [
        part
        for part in parts
        if part.number not in kept and (current.get(part.number) != part.key or not link_part(site, staging, part))
    ]
    return build_search_index(staging, language, todo, staging.with_name(staging.name + "-search"), jobs, progress)


def build_search_index(
    staging: Path,
    language: str,
    parts: Sequence[SearchPart],
    work: Path,
    jobs: int = 1,
    progress: Progress = no_progress,
) -> list[Diagnostic]:
    """Index each part's article pages of `staging` into its bundle there, `jobs` Pagefind runs at a time.

    `work` is a scratch folder beside the staging folder (same file system: pages are hard-linked into one
    folder per part, so each Pagefind run reads only its own pages); it is removed afterwards.
    Problems come back as diagnostics, never a traceback. `progress` is told of each part done, and asked
    every half second while Pagefind runs (it may raise to cancel: the runs are then stopped).
    """
    if not parts:
        return []
    executable = pagefind_executable()
    if executable is None:
        return [error("search index not built: Pagefind is missing; install it with `pip install 'pagefind[bin]'`")]
    try:
        return _index_parts(executable, staging, language, parts, work, max(1, jobs), progress)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _part_site(staging: Path, part: SearchPart, work: Path) -> Path:
    """The folder Pagefind reads for `part`: the staging site itself, or hard links to the part's pages."""
    if part.pages is None:
        return staging
    site = work / str(part.number) / "site"
    for page in part.pages:
        target = site / page
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(staging / page, target)
    return site


def _index_parts(
    executable: Path,
    staging: Path,
    language: str,
    parts: Sequence[SearchPart],
    work: Path,
    jobs: int,
    progress: Progress,
) -> list[Diagnostic]:
    waiting = list(parts)
    running: list[tuple[SearchPart, Path, subprocess.Popen[bytes]]] = []
    deadline = time.monotonic() + TIMEOUT_SECONDS
    problems: list[Diagnostic] = []
    done = 0
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                part = waiting.pop(0)
                output = work / str(part.number) / "bundle"
                command = [
                    str(executable),
                    "--site",
                    str(_part_site(staging, part, work)),
                    "--output-path",
                    str(output),
                    "--force-language",
                    language,  # one index, stemmed for the site's language, whatever an article says
                    "--silent",
                ]
                try:
                    process = subprocess.Popen(
                        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
                    )
                except OSError as exc:
                    return [error(f"search index not built: cannot run Pagefind ({executable}): {exc.strerror or exc}")]
                running.append((part, output, process))
            part, output, process = running[0]  # still listed while it runs: stopped below if this ends early
            said = _output_of(process, deadline, partial(progress, "search", done, len(parts)))
            if said is None:
                return [error(f"search index not built: Pagefind took longer than {TIMEOUT_SECONDS} s")]
            running.pop(0)
            done += 1
            progress("search", done, len(parts))
            problem = _finish_part(process.returncode, said, output, staging / part.bundle)
            if problem is not None:
                if problem.severity == "error":
                    return [problem]
                problems.append(problem)
    finally:
        for _, _, process in running:  # an error or Ctrl-C: no Pagefind left running
            process.kill()
            process.wait()
    return problems


def _output_of(process: subprocess.Popen[bytes], deadline: float, waiting: Callable[[], None]) -> bytes | None:
    """What a Pagefind run printed once it ends, or None past the deadline; `waiting` is called meanwhile."""
    while True:
        try:
            said, _ = process.communicate(timeout=min(0.5, max(0.01, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            if time.monotonic() >= deadline:
                return None
            waiting()
            continue
        return said


def _finish_part(status: int, said: bytes, output: Path, bundle: Path) -> Diagnostic | None:
    """Check one Pagefind run, make its output stable, and move it into the staging site."""
    if status != 0:
        lines = said.decode("utf-8", "replace").strip().splitlines()
        detail = lines[-1] if lines else f"exit status {status}"
        return error(f"search index not built: Pagefind failed: {detail}")
    if not (output / ENTRY_SCRIPT).is_file():
        return error(f"search index not built: Pagefind wrote no {ENTRY_SCRIPT}")
    problem = None
    try:
        canonicalise(output)
    except (OSError, ValueError, KeyError, TypeError, AssertionError, EOFError) as exc:
        problem = warning(f"search index left in Pagefind's own (run-to-run varying) order: {exc}")
    if bundle.exists():  # the first part's folder already holds the others' `more/`: move its files in
        for child in output.iterdir():
            child.rename(bundle / child.name)
    else:
        bundle.parent.mkdir(parents=True, exist_ok=True)
        output.rename(bundle)
    return problem
