"""The pipeline, in order: discover → read → understand → model → plan → render → write.

This is the only module that knows the order of the stages.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from generator.config import Config, load_config
from generator.diagnostics import Diagnostic, count, error
from generator.discover import SeedFile, discover
from generator.draft import Draft
from generator.model import Site, build_site
from generator.plan import Page, plan
from generator.readers.seed import read_seed
from generator.render import make_environment, render_page
from generator.theme import theme_dir
from generator.understand.article import understand
from generator.understand.corpus import corpus_facts
from generator.understand.facts import ArticleFacts
from generator.urls import output_path
from generator.write import BuildLocked, build_lock, copy_tree, discard, staging_dir, swap_in, write_file

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

    @property
    def project_dir(self) -> Path:
        """Where the site's own templates/ and static/ live: beside its site.yml."""
        return self.config_path.parent


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


def _template_error(exc: BaseException) -> Diagnostic:
    """Name the template file and line of an error raised while rendering."""
    if isinstance(exc, TemplateSyntaxError):
        return error(f"template syntax error: {exc.message}", exc.filename or exc.name, exc.lineno)
    where, line = None, None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            where, line = frame.filename, frame.lineno
    return error(f"template error: {type(exc).__name__}: {exc}", where, line)


def render_site(site: Site, pages: list[Page], staging: Path, site_dir: Path, progress: Progress) -> int:
    """Render every page and copy the theme's and the site's static files into the staging folder."""
    env = make_environment(site.config, site_dir / "templates")
    for done, page in enumerate(pages, start=1):
        write_file(staging, output_path(page.url), render_page(env, page))
        progress("render", done, len(pages))
    written = copy_tree(theme_dir("static"), staging, "static")
    written += copy_tree(site_dir / "static", staging, "static")
    return len(pages) + written


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
    try:
        with build_lock(options.out):
            staging = staging_dir(options.out)
            try:
                written = render_site(site, pages, staging, options.project_dir, progress)
                swap_in(staging, options.out)
            except (TemplateError, TypeError, ValueError, KeyError, AttributeError) as exc:
                problems.append(_template_error(exc))
                return result(1)
            except OSError as exc:
                problems.append(error(f"cannot write the site: {exc.strerror or exc}", exc.filename or str(options.out)))
                return result(1)
            finally:
                discard(staging)
    except BuildLocked as exc:
        problems.append(error(str(exc)))
        return result(1)
    except OSError as exc:
        problems.append(error(f"cannot write the site: {exc.strerror or exc}", exc.filename or str(options.out)))
        return result(1)
    status = 1 if count(problems, "error") else 0
    return result(status, written, True)
