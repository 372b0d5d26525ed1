"""The pipeline, in order: discover → read → understand → model → plan → render → write.

This is the only module that knows the order of the stages.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.config import Config, load_config
from generator.diagnostics import Diagnostic, count, error
from generator.discover import SeedFile, discover
from generator.draft import Draft
from generator.model import build_site
from generator.plan import plan
from generator.readers.seed import read_seed
from generator.assemble import assemble, plan_outputs, static_sources, unchanged
from generator.cache import BuildCache, OutputRecord, open_cache
from generator.theme import theme_dir
from generator.understand.article import understand
from generator.understand.corpus import corpus_facts
from generator.understand.facts import ArticleFacts
from generator.write import BuildLocked, build_lock, discard, staging_dir, swap_in

Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


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

    @property
    def project_dir(self) -> Path:
        """Where the site's own templates/ and static/ live: beside its site.yml."""
        return self.config_path.parent

    @property
    def cache_dir(self) -> Path:
        return self.cache_path or self.project_dir / ".arsip-cache"


@dataclass(frozen=True)
class BuildResult:
    exit_status: int
    articles: int = 0
    pages: int = 0
    diagnostics: tuple[Diagnostic, ...] = ()
    seconds: float = 0.0
    written: bool = False

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


def read_config(options: BuildOptions) -> tuple[Config | None, list[Diagnostic]]:
    config, problems = load_config(options.config_path, required=options.config_required)
    if config is not None and options.relative_urls is not None:
        config = replace(config, relative_urls=options.relative_urls)
    return config, problems


def read_drafts(seeds: Iterable[SeedFile], progress: Progress = _no_progress, total: int = 0) -> tuple[list[Draft], list[Diagnostic]]:
    drafts: list[Draft] = []
    problems: list[Diagnostic] = []
    for done, seed in enumerate(seeds, start=1):
        draft, more = read_seed(seed)
        problems += more
        if draft is not None:
            drafts.append(draft)
        progress("read", done, total)
    return drafts, problems


def understand_seeds(seeds: list[SeedFile], config: Config, progress: Progress = _no_progress) -> Understood:
    """Read every seed, compute the corpus-wide facts once, then understand each draft."""
    drafts, problems = read_drafts(seeds, progress, len(seeds))
    corpus = corpus_facts(drafts, config.furniture_patterns)
    facts = []
    for done, draft in enumerate(drafts, start=1):
        facts.append(understand(draft, corpus, config))
        progress("understand", done, len(drafts))
    return Understood(facts, problems)


def _previous_outputs(cache: BuildCache | None, site_key: str, clean: bool) -> dict[str, OutputRecord]:
    if cache is None or clean:
        return {}
    return cache.outputs(site_key)


def build(options: BuildOptions, progress: Progress = _no_progress) -> BuildResult:
    """Build the site; the previous output stays untouched unless the new one is complete."""
    started = time.perf_counter()
    config, problems = read_config(options)
    if config is None:
        return BuildResult(2, diagnostics=tuple(problems))
    if not options.seeds.is_dir():
        return BuildResult(2, diagnostics=(error("seeds folder not found", str(options.seeds)),))
    seeds, problems = discover(options.seeds, str(options.seeds))
    understood = understand_seeds(seeds, config, progress)
    problems += understood.problems
    site, more = build_site(understood.facts, config)
    problems += more
    pages = plan(site)

    def result(status: int, written_pages: int = 0, written: bool = False) -> BuildResult:
        return BuildResult(status, len(site.articles), written_pages, tuple(problems), time.perf_counter() - started, written)

    if options.strict and problems:
        problems.append(error("--strict: warnings and errors found; nothing written"))
        return result(1)
    templates_dir = options.project_dir / "templates"
    statics = static_sources(theme_dir("static"), options.project_dir / "static")
    status = 1 if count(problems, "error") else 0
    try:
        outputs = plan_outputs(pages, config, templates_dir, statics)
    except OSError as exc:
        problems.append(error(f"cannot read the theme: {exc.strerror or exc}", exc.filename))
        return result(1)
    site_key = str(options.out.resolve())
    try:
        with build_lock(options.out):
            cache = open_cache(options.cache_dir)
            try:
                previous = _previous_outputs(cache, site_key, options.clean)
                if previous and unchanged(outputs, previous, options.out):
                    return result(status, 0, True)
                staging = staging_dir(options.out)
                try:
                    assembly = assemble(
                        outputs, pages, config, templates_dir, previous, options.out, staging, options.jobs, progress
                    )
                    if assembly.problems:
                        problems.extend(assembly.problems)
                        return result(1)
                    swap_in(staging, options.out)
                finally:
                    discard(staging)
                if cache is not None:
                    cache.replace_outputs(site_key, assembly.records)
            finally:
                if cache is not None:
                    cache.close()
    except BuildLocked as exc:
        problems.append(error(str(exc)))
        return result(1)
    except OSError as exc:
        problems.append(error(f"cannot write the site: {exc.strerror or exc}", exc.filename or str(options.out)))
        return result(1)
    return result(status, assembly.rendered + sum(1 for o in outputs if o.source is not None), True)
