"""The pipeline, in order: discover → read → understand → model → plan → render → write.

This is the only module that knows the order of the stages.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from generator import collector
from generator.cache import BuildCache, open_cache
from generator.config import Config, load_config
from generator.diagnostics import Diagnostic, count, error, warning
from generator.discover import SeedFile, discover
from generator.inputs import code_key, inputs_signature
from generator.progress import BuildCancelled, Progress, no_progress
from generator.shard import WHOLE, Shard, shard_outputs
from generator.theme import theme_dir
from generator.write import (
    NOTHING_HELD,
    BuildLocked,
    build_lock,
    discard,
    keep_previous,
    previous_tree,
    staging_dir,
    start_staging,
    swap_in,
    tree_contents,
    tree_id,
)

# The stages past the no-op check are imported where they run: a rebuild with nothing to do (the common case
# in CI and in the preview) never loads them, which is a third of its time.
if TYPE_CHECKING:
    from generator.assemble import Output
    from generator.draft import Draft
    from generator.model import Relate, Site
    from generator.plan import Page
    from generator.related import Relatable
    from generator.search import SearchPart
    from generator.understand.corpus import CorpusFacts
    from generator.understand.facts import ArticleFacts
    from generator.understand.furniture import LineSet


@dataclass(frozen=True)
class BuildOptions:
    seeds: Path = Path("seeds")
    out: Path = Path("site")
    config_path: Path = Path("site.yml")
    config_required: bool = False
    strict: bool = False
    relative_urls: bool | None = None
    jobs: int = os.cpu_count() or 1
    clean: bool = False
    cache_path: Path | None = None
    shard: Shard = WHOLE  # `--shard K/N`: write only this share of the site (see generator/shard.py)

    @property
    def project_dir(self) -> Path:
        """Where the site's own templates/ and static/ live: beside its site.yml."""
        return self.config_path.parent

    @property
    def cache_dir(self) -> Path:
        return self.cache_path or self.project_dir / ".arsip-cache"


@dataclass(frozen=True)
class Model:
    """What a build understood of the seeds: kept by the preview to show one edited article at once."""

    config: Config
    corpus: CorpusFacts
    site: Site


@dataclass(frozen=True)
class PreviewNeeds:
    """What the preview asks of a build beyond what `arsip build` does."""

    model: bool = False  # return the site's model (`BuildResult.model`) with a complete result
    model_now: bool = False  # ... even when nothing changed since the last build (understood again, nothing written)
    seeds_may_move: bool = False  # swap in pages of seeds changed under the build: another build follows at once


AS_BUILD = PreviewNeeds()


@dataclass(frozen=True)
class BuildResult:
    exit_status: int
    articles: int = 0
    pages: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()
    seconds: float = 0.0
    written: bool = False
    model: Model | None = None  # the site as built, when asked for (`PreviewNeeds.model`) and complete
    seeds_moved: tuple[str, ...] = ()  # seeds changed during the build (swapped in all the same for a preview)

    @property
    def warnings(self) -> int:
        return count(self.diagnostics, "warning")

    @property
    def errors(self) -> int:
        return count(self.diagnostics, "error")


@dataclass
class Understood:
    """What the understanding stages produced: facts per readable seed, and the problems met."""

    facts: list[ArticleFacts] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)
    corpus: CorpusFacts | None = None


def read_config(options: BuildOptions) -> tuple[Config | None, list[Diagnostic]]:
    config, problems = load_config(options.config_path, required=options.config_required)
    if config is not None and options.relative_urls is not None:
        config = replace(config, relative_urls=options.relative_urls)
    return config, problems


V = TypeVar("V")
PRINTS_STATE = "duplicate-prints"  # cache state: each seed's paragraph fingerprints, by its format and digest
LINES_STATE = "line-sets"  # cache state: each seed's furniture line set, by its format and digest


def understand_seeds(
    seeds: list[SeedFile],
    config: Config,
    progress: Progress = no_progress,
    cache: BuildCache | None = None,
    jobs: int = 1,
) -> Understood:
    """Read every seed, compute the corpus-wide facts once, then understand each draft.

    With a cache, both readings and each article's share of the corpus analysis are kept between builds.
    """
    from generator.reading import read_drafts
    from generator.understand.article import understand
    from generator.understand.corpus import archive_facts
    from generator.understand.duplicates import find_duplicates

    drafts, problems = read_drafts(seeds, progress, cache, config.max_seed_bytes, jobs)
    duplicates = find_duplicates(drafts, _paragraph_prints(drafts, cache, jobs))
    for kept, dropped in duplicates:
        problems.append(
            warning(f"same article as {drafts[kept].source}; built once from that file", drafts[dropped].source)
        )
    skipped = {dropped for _, dropped in duplicates}
    drafts = [draft for index, draft in enumerate(drafts) if index not in skipped]
    progress("analyse", 0, 1)
    corpus = archive_facts(drafts, config, cache, jobs, progress, _line_sets(drafts, cache))
    progress("analyse", 1, 1)
    facts = []
    for done, draft in enumerate(drafts, start=1):
        facts.append(understand(draft, corpus, config))
        progress("understand", done, len(drafts))
    return Understood(facts, problems, corpus)


def _kept_per_draft(
    cache: BuildCache | None, state: str, drafts: Sequence[Draft], compute: Callable[[list[Draft]], Sequence[V]]
) -> list[V]:
    """A value for each draft that depends on its lines alone, which its format and digest (the seed's bytes)
    decide: taken from what an earlier build of this very code kept in the cache under `state`, else computed
    (`compute` of the drafts missing, in order); kept again when an entry came or went (none ever changes)."""
    keys = [f"{draft.format}:{draft.digest}" for draft in drafts]
    stored = _state_of_this_code(cache, state)
    known: dict[str, V] = stored if isinstance(stored, dict) else {}
    missing: dict[str, Draft] = {}
    for key, draft in zip(keys, drafts, strict=True):
        if key not in known:
            missing.setdefault(key, draft)
    new = dict(zip(missing, compute(list(missing.values())), strict=True)) if missing else {}
    values = {key: new[key] if key in new else known[key] for key in keys}
    if values.keys() != known.keys():
        _keep_state(cache, state, values)
    return [values[key] for key in keys]


def _state_of_this_code(cache: BuildCache | None, state: str) -> object | None:
    """What an earlier build kept in the cache under `state`, if that build ran this very code (None otherwise:
    another code may have made it otherwise)."""
    stored = cache.get_state(state) if cache is not None else None
    return stored[1] if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == code_key() else None


def _keep_state(cache: BuildCache | None, state: str, value: object) -> None:
    """Keep `value` under `state` for the next build of this code (see `_state_of_this_code`)."""
    if cache is not None:
        cache.set_state(state, (code_key(), value))


def _paragraph_prints(drafts: list[Draft], cache: BuildCache | None, jobs: int) -> list[frozenset[bytes]]:
    """Each draft's paragraph fingerprints (duplicate detection), kept in the cache between builds."""
    from generator.understand.duplicates import paragraph_prints

    return _kept_per_draft(cache, PRINTS_STATE, drafts, lambda missing: paragraph_prints(missing, jobs))


def _line_sets(drafts: list[Draft], cache: BuildCache | None) -> list[LineSet]:
    """Each draft's furniture line set, kept in the cache between builds (normalising every line of the archive
    is most of the furniture finding)."""
    from generator.understand.furniture import line_sets

    return _kept_per_draft(cache, LINES_STATE, drafts, line_sets)


RELATED_STATE = "related"  # cache state: the last ranking of related articles, by a digest of what it ranked


def _remembered_related(cache: BuildCache | None, jobs: int) -> Relate:
    """`related_indices` over `jobs` processes, remembered in the cache: an edit that moves no tag, teaser link
    or article's place (a body, a title) ranks nothing again."""
    from generator.related import related_indices

    def relate(items: Sequence[Relatable]) -> list[tuple[int, ...]]:
        key = hashlib.blake2b(repr(items).encode(), digest_size=20).hexdigest()
        stored = _state_of_this_code(cache, RELATED_STATE)
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key:
            return list(stored[1])
        ranked = related_indices(items, jobs=jobs)
        _keep_state(cache, RELATED_STATE, (key, ranked))
        return ranked

    return relate


def _seed_stats(seeds: Iterable[SeedFile]) -> dict[str, tuple[int, ...] | None]:
    """Size, mtime and inode of every seed and sidecar (None when gone): compared before and after a build."""
    found: dict[str, tuple[int, ...] | None] = {}
    for seed in seeds:
        for path, shown in ((seed.path, seed.shown), (seed.sidecar, seed.sidecar_shown)):
            if path is None or shown is None:
                continue
            try:
                st = os.stat(path)
            except OSError:
                found[shown] = None
            else:
                found[shown] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found


def _search_parts(outputs: list[Output], pages: list[Page], part_size: int) -> list[SearchPart]:
    """The parts of the search index, from the article pages (only they carry data-pagefind-body)."""
    from generator.search import split_parts

    articles = [
        (output.path, output.fingerprint)
        for output in outputs
        if output.page is not None and pages[output.page].kind == "article"
    ]
    return split_parts(articles, part_size)


def _parts_held(cache: BuildCache | None, key: str, folder: Path) -> dict[int, str]:
    """The search parts (number → key) a cache state says `folder` holds; none when the state names another
    folder (or none): a folder changed by a build without the cache is not trusted."""
    state = cache.get_state(key) if cache is not None else None
    if isinstance(state, tuple) and len(state) == 2 and state[0] == tree_id(folder) and isinstance(state[1], dict):
        return state[1]
    return {}


def _keep_or_discard(old: Path | None, out: Path, cache: BuildCache | None, key: str, parts: dict[int, str]) -> None:
    """Keep the swapped-out site for the next build to update, when its search parts (`parts`) are known."""
    if cache is not None:
        cache.set_state(key, (tree_id(old), parts) if old is not None and parts else None)  # before the rename
    if old is None:
        return
    if cache is None or not parts or not keep_previous(old, out):
        if cache is not None:
            cache.set_state(key, None)
        discard(old)


def _config_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


def build(options: BuildOptions, progress: Progress = no_progress, needs: PreviewNeeds = AS_BUILD) -> BuildResult:
    """Build the site; the previous output stays untouched unless the new one is complete."""
    started = time.perf_counter()
    config, problems = read_config(options)
    if config is None:
        return BuildResult(2, diagnostics=tuple(problems))
    if not options.seeds.is_dir():
        return BuildResult(2, diagnostics=(error("seeds folder not found", str(options.seeds)),))
    try:
        with build_lock(options.out), collector.paused():
            return _build_locked(options, config, progress, started, needs)
    except BuildLocked as exc:
        return BuildResult(1, diagnostics=(error(str(exc)),), seconds=time.perf_counter() - started)
    except BuildCancelled:  # staging, workers and Pagefind runs are cleaned up on the way out
        cancelled = error("build cancelled; the site was left as it was")
        return BuildResult(1, diagnostics=(cancelled,), seconds=time.perf_counter() - started)
    except OSError as exc:
        problem = error(f"cannot write the site: {exc.strerror or exc}", exc.filename or str(options.out))
        return BuildResult(1, diagnostics=(problem,), seconds=time.perf_counter() - started)


def _build_locked(
    options: BuildOptions, config: Config, progress: Progress, started: float, needs: PreviewNeeds
) -> BuildResult:
    """The build proper, run while this process alone may write the output folder."""
    seeds, problems = discover(options.seeds, str(options.seeds))
    site_key = str(options.out.resolve())
    if options.shard != WHOLE:
        site_key += f"#shard-{options.shard.number}/{options.shard.count}"
    templates_dir = options.project_dir / "templates"
    static_dir = options.project_dir / "static"
    cache = open_cache(options.cache_dir)
    try:
        if cache is not None and options.clean:
            cache.clear()
        signature = inputs_signature(
            _config_text(options.config_path),
            seeds,
            (theme_dir("templates"), theme_dir("static"), templates_dir, static_dir),
            extra=f"{config.relative_urls}:{site_key}",
        )
        last = cache.get_state(f"last-build:{site_key}") if cache is not None and not options.clean else None
        if isinstance(last, tuple) and last[0] == signature and options.out.is_dir() and not needs.model_now:
            # Nothing that the site is made from has changed since the last complete build.
            _, articles, remembered = last
            if not (options.strict and remembered):
                status = 1 if count(remembered, "error") else 0
                return BuildResult(
                    status, articles, 0, tuple(problems) + remembered, time.perf_counter() - started, True
                )
        result = _build_pages(options, config, seeds, problems, cache, progress, started, site_key, needs)
        if cache is not None and result.written and not result.seeds_moved:  # else the signature is not the site's
            cache.set_state(f"last-build:{site_key}", (signature, result.articles, result.diagnostics))
        return result
    except sqlite3.Error as exc:  # a full disk, a read-only folder: each cache write is one transaction, undone
        problem = error(f"cannot update the build cache: {exc}", str(options.cache_dir))
        return BuildResult(1, diagnostics=(*problems, problem), seconds=time.perf_counter() - started)
    finally:
        if cache is not None:
            cache.close()


def _build_pages(
    options: BuildOptions,
    config: Config,
    seeds: list[SeedFile],
    problems: list[Diagnostic],
    cache: BuildCache | None,
    progress: Progress,
    started: float,
    site_key: str,
    needs: PreviewNeeds = AS_BUILD,
) -> BuildResult:
    from generator.assemble import assemble, plan_outputs, static_sources, unchanged
    from generator.model import build_site
    from generator.plan import plan
    from generator.render import make_environment
    from generator.search import BUNDLE_DIR, update_index, write_parts_list

    before = _seed_stats(seeds)
    understood = understand_seeds(seeds, config, progress, cache, options.jobs)
    problems += understood.problems
    site, more = build_site(understood.facts, config, _remembered_related(cache, options.jobs))
    problems += more
    pages = plan(site)

    def result(status: int, written_pages: int = 0, written: bool = False) -> BuildResult:
        seconds = time.perf_counter() - started
        model = None
        if (needs.model or needs.model_now) and written and understood.corpus is not None and options.shard == WHOLE:
            model = Model(config, understood.corpus, site)
        return BuildResult(status, len(site.articles), written_pages, tuple(problems), seconds, written, model)

    if options.strict and problems:
        problems.append(error("--strict: warnings and errors found; nothing written"))
        return result(1)
    templates_dir = options.project_dir / "templates"
    statics = static_sources(theme_dir("static"), options.project_dir / "static")
    status = 1 if count(problems, "error") else 0
    try:
        env = make_environment(config, templates_dir)  # one per build: signatures and rendering share it
        outputs = plan_outputs(pages, env, config, statics)
    except OSError as exc:
        problems.append(error(f"cannot read the theme: {exc.strerror or exc}", exc.filename))
        return result(1)
    moved: list[str] = []  # seeds changed under the build, seen before the swap
    all_parts = _search_parts(outputs, pages, config.search_part_size)
    mine, parts = shard_outputs([(o.path, o.source is not None) for o in outputs], all_parts, options.shard)
    outputs = [outputs[index] for index in mine]
    try:
        previous = cache.outputs(site_key) if cache is not None and not options.clean else {}
        if previous and unchanged(outputs, previous, options.out):
            return result(status, 0, True)
        # The search parts of the current site, and of the site before it (kept by the last build to be updated
        # into this one, its files listed so that no stray one survives). Each state names the folder it
        # describes, so it stays true through a failed build and is not believed of any other folder.
        site_parts = _parts_held(cache, f"search:{site_key}", options.out) if previous else {}
        held_search = _parts_held(cache, f"search-prev:{site_key}", previous_tree(options.out)) if previous else {}
        staging = staging_dir(options.out)
        reusing = start_staging(staging, options.out, reuse=bool(held_search))
        try:
            held = tree_contents(staging, skip=frozenset({BUNDLE_DIR})) if reusing else NOTHING_HELD
            assembly = assemble(outputs, pages, env, previous, options.out, staging, options.jobs, progress, held)
            if assembly.problems:
                problems.extend(assembly.problems)
                return result(1)
            search_problems = update_index(
                staging, options.out, parts, site_parts, held_search, config.language, options.jobs, progress
            )
            problems.extend(search_problems)
            if count(search_problems, "error"):
                return result(1)
            if options.shard.first:
                write_parts_list(staging, all_parts)
            moved = [shown for shown, stat in _seed_stats(seeds).items() if stat != before.get(shown)]
            if moved and not needs.seeds_may_move:  # what was built is no longer what the seeds say: keep the site
                listed = ", ".join(moved[:5]) + (f" and {len(moved) - 5} more" if len(moved) > 5 else "")
                problems.append(error(f"seeds changed during the build ({listed}); site not written, build again"))
                return result(1)
            old = swap_in(staging, options.out)
            if cache is not None:
                cache.replace_outputs(site_key, assembly.records)
                cache.set_state(f"search:{site_key}", (tree_id(options.out), {part.number: part.key for part in parts}))
            _keep_or_discard(old, options.out, cache, f"search-prev:{site_key}", site_parts)
        finally:
            discard(staging)
    except OSError as exc:
        problems.append(error(f"cannot write the site: {exc.strerror or exc}", exc.filename or str(options.out)))
        return result(1)
    return replace(result(status, assembly.written, True), seeds_moved=tuple(moved))
