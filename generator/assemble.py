"""Assemble the new site in a staging folder: render pages whose inputs changed, hard-link the rest.

The staging folder may start as the site before the current one (see `write.start_staging`): a file there
that is the current site's own (the same inode) stays, any other is replaced, and files no output names go.

Rendering is spread over processes (pages are independent); output bytes never depend on the
number of workers, so the site is the same whatever `--jobs` says.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from generator.cache import OutputRecord
from generator.config import Config
from generator.diagnostics import Diagnostic
from generator.fingerprint import Fingerprinter, file_digest
from generator.inputs import code_key
from generator.model import BODY_FIELDS, BODY_NAMES
from generator.plan import Page
from generator.render import describe_template_error, render_page
from generator.template_facts import template_facts
from generator.urls import output_path
from generator.workers import fork_map, worker_count
from generator.write import NOTHING_HELD, TreeContents, remove, write_new

PARALLEL_THRESHOLD = 400  # below this many pages to render, a process pool costs more than it saves


@dataclass(frozen=True)
class Output:
    """One file of the site to be: rendered from a page, or copied from a static file."""

    path: str
    fingerprint: str
    page: int | None = None
    source: Path | None = None


@dataclass(frozen=True)
class Assembly:
    records: tuple[OutputRecord, ...]
    written: int
    reused: int
    problems: tuple[Diagnostic, ...] = ()


def static_sources(theme_static: Path, site_static: Path) -> dict[str, Path]:
    """Output path → source file; the site's own static files override the theme's, file by file."""
    found: dict[str, Path] = {}
    for root in (theme_static, site_static):
        if not root.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    path = Path(dirpath) / name
                    found["static/" + path.relative_to(root).as_posix()] = path
    return found


def plan_outputs(pages: Sequence[Page], env: Environment, config: Config, statics: dict[str, Path]) -> list[Output]:
    """Every output file with the fingerprint of everything it can show. A page whose templates name no part of
    an article's body (a listing, a feed) leaves the bodies of the articles it holds out of its fingerprint."""
    templates = template_facts(env)
    hasher = Fingerprinter(optional_fields=BODY_FIELDS)
    config_digest = hasher.digest(config).hex() + code_key()  # new code may render the same data differently
    outputs = []
    for index, page in enumerate(pages):
        template = templates.get(page.template)
        digest_of = hasher.digest if template is None or template.may_show(BODY_NAMES) else hasher.lean_digest
        digest = digest_of((page.url, page.template, page.kind, page.context)).hex()
        fingerprint = f"{template.signature if template else 'missing'}:{config_digest}:{digest}"
        outputs.append(Output(output_path(page.url), fingerprint, page=index))
    for path, source in sorted(statics.items()):
        outputs.append(Output(path, "static:" + file_digest(source), source=source))
    return outputs


def _reusable(output: Output, previous: dict[str, OutputRecord], old_site: str) -> os.stat_result | None:
    """The stat of the current site's file for this output when it can be reused as it is, else None."""
    record = previous.get(output.path)
    if record is None or record.fingerprint != output.fingerprint:
        return None
    try:
        stat = os.stat(f"{old_site}/{output.path}")
    except OSError:
        return None
    return stat if stat.st_size == record.size and stat.st_mtime_ns == record.mtime_ns else None


def unchanged(outputs: Sequence[Output], previous: dict[str, OutputRecord], old_site: Path) -> bool:
    """True when the site on disk is exactly what these outputs would produce."""
    site = str(old_site)
    return len(outputs) == len(previous) and all(_reusable(o, previous, site) is not None for o in outputs)


def _holds(staging: str, path: str, stat: os.stat_result) -> bool:
    """True when the staging folder's file at `path` is the file whose stat this is (the same inode)."""
    try:
        mine = os.lstat(f"{staging}/{path}")
    except OSError:
        return False
    return mine.st_ino == stat.st_ino and mine.st_dev == stat.st_dev


# Worker state, set before forking so pages and the environment are shared copy-on-write; each process
# then compiles a template once, on first use, whatever the number of chunks it renders.
_JOB: tuple[Sequence[Page], Environment, Path] | None = None


def _render_range(bounds: tuple[int, int]) -> tuple[list[tuple[int, int, int]], Diagnostic | None]:
    assert _JOB is not None
    pages, env, staging = _JOB
    done = []
    for index in range(*bounds):
        page = pages[index]
        target = staging / output_path(page.url)
        try:
            data = render_page(env, page)
        except Exception as exc:  # a crash in a (user) template is a user's problem, reported with its line
            return done, describe_template_error(exc)
        write_new(target, data)  # its folder was made while the outputs were listed
        stat = target.stat()
        done.append((index, stat.st_size, stat.st_mtime_ns))
    return done, None


def _chunks(indices: list[int], parts: int) -> list[tuple[int, int]]:
    """Contiguous runs of page indices, split into about `parts` pieces per worker."""
    runs: list[tuple[int, int]] = []
    for index in indices:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    size = max(1, -(-len(indices) // parts))
    pieces = []
    for start, stop in runs:
        for piece in range(start, stop, size):
            pieces.append((piece, min(stop, piece + size)))
    return pieces


def assemble(
    outputs: Sequence[Output],
    pages: Sequence[Page],
    env: Environment,
    previous: dict[str, OutputRecord],
    old_site: Path,
    staging: Path,
    jobs: int,
    progress: Callable[[str, int, int], None],
    held: TreeContents = NOTHING_HELD,
) -> Assembly:
    """Fill `staging` with the whole new site; returns what was written and how.

    `held`: what the staging folder already holds (an older site, see the module), search index aside.
    """
    global _JOB
    records: dict[str, OutputRecord] = {}
    to_render: list[int] = []
    reused = copied = 0
    made: set[str] = set()  # folders already created: one mkdir per folder, not per file
    site, stage = str(old_site), str(staging)  # plain strings: this loop runs once per file of the site
    # First, so that a file gone makes room for a folder of the same name, and the other way round.
    _remove_unnamed(staging, outputs, held)
    for output in outputs:
        current = _reusable(output, previous, site)  # the site's file, when it stays as it is
        if not (output.path in held.files and current is not None and _holds(stage, output.path, current)):
            target = f"{stage}/{output.path}"
            if output.path in held.files:
                remove(Path(target))  # never written through: it may be a link to an older site's file
            folder = target.rpartition("/")[0]
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            if current is not None:
                os.link(f"{site}/{output.path}", target)
        if current is not None:
            reused += 1
            records[output.path] = previous[output.path]  # the same inode: the size and mtime just checked
            continue
        target = staging / output.path
        if output.source is not None:
            remove(target)  # whatever is there may be a link to another site's file: never copied over
            shutil.copyfile(output.source, target)
            copied += 1
        else:
            assert output.page is not None
            to_render.append(output.page)
            continue
        stat = target.stat()
        records[output.path] = OutputRecord(output.path, output.fingerprint, stat.st_size, stat.st_mtime_ns)
    by_page = {o.page: o for o in outputs if o.page is not None}
    _JOB = (pages, env, staging)
    try:
        workers = worker_count(len(to_render), jobs, PARALLEL_THRESHOLD)
        pieces = _chunks(to_render, workers * 4)
        with fork_map(_render_range, pieces, workers, ordered=False) as results:
            problems = _collect(results, by_page, records, progress, len(to_render))
    finally:
        _JOB = None
    ordered = tuple(records[o.path] for o in outputs if o.path in records)
    return Assembly(ordered, len(to_render) + copied, reused, tuple(problems))


def _remove_unnamed(staging: Path, outputs: Sequence[Output], held: TreeContents) -> None:
    """Remove the files the older site had and the new one has not, and the folders no output lies in."""
    named = {output.path for output in outputs}
    needed: set[str] = set()  # every folder an output lies in
    for path in named:
        folder = path.rpartition("/")[0]
        while folder and folder not in needed:
            needed.add(folder)
            folder = folder.rpartition("/")[0]
    for folder in sorted(held.folders - needed):  # a parent before its children, which go with it
        remove(staging / folder)
    for path in sorted(held.files - named):  # those in a removed folder are gone already
        remove(staging / path)


def _collect(results, by_page, records, progress, total) -> list[Diagnostic]:  # type: ignore[no-untyped-def]
    problems: list[Diagnostic] = []
    done_count = 0
    for done, problem in results:
        for index, size, mtime_ns in done:
            output = by_page[index]
            records[output.path] = OutputRecord(output.path, output.fingerprint, size, mtime_ns)
        done_count += len(done)
        progress("render", done_count, total)
        if problem is not None and problem not in problems:
            problems.append(problem)
    return problems
