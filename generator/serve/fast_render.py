"""The preview's fast render: an edited seed's own page, shown before the rebuild of the rest of the site.

After a save, the full (incremental) build takes seconds on a large archive. Like Hugo's fast render mode, the
preview first renders the pages being edited: each changed seed is read and understood against the archive as
the last build saw it (its tags, furniture, usual year and teaser targets), and its page is written in place
of the old one, with the neighbours and related articles it had. The full build that follows replaces it with
the exact page (a page written here never matches the cache's record of the site, so it is never kept).

Anything unusual (a template or config change, a deleted or broken seed, a draft, a URL that another article
holds, many files at once) is left to the full build alone: this is a first look, never a second opinion.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment

from generator.build import BuildOptions, Model
from generator.config import Config
from generator.discover import SeedFile, seed_file_at
from generator.model import (
    ArticleRef,
    TagRef,
    TeaserLinks,
    article_tags,
    base_slug,
    make_article,
    related_links,
    tag_key,
)
from generator.plan import Page
from generator.readers.seed import read_seed
from generator.render import make_environment, render_page
from generator.understand.article import understand
from generator.understand.corpus import CorpusFacts
from generator.urls import article_url, output_path, slugify

FastPages = dict[str, tuple[int, int]]  # URL → (inode, mtime_ns) of the file the fast render wrote there
MOST_SEEDS = 8  # more changed seeds than this (a `git checkout`) are a rebuild, not an edit to look at


@dataclass(frozen=True)
class Neighbours:
    """What an article's page shows of the others, as the last build placed it."""

    url: str
    previous: ArticleRef | None
    next: ArticleRef | None
    similar: tuple[ArticleRef, ...]


@dataclass(frozen=True)
class Placing:
    """The last complete build, slimmed to what one article's page needs (no bodies, no pages): made in the
    build's process, sent to the preview's."""

    config: Config
    corpus: CorpusFacts
    neighbours: Mapping[str, Neighbours]  # by source
    tags: Mapping[str, TagRef]  # by tag_key
    links: TeaserLinks
    urls: frozenset[str]


def placing_of(model: Model) -> Placing:
    site = model.site
    return Placing(
        config=model.config,
        corpus=replace(model.corpus, bodies={}),  # each edited seed is read again
        neighbours={a.source: Neighbours(a.url, a.previous, a.next, a.similar) for a in site.articles},
        tags={tag_key(t.name): TagRef(t.name, t.slug, t.url) for t in site.tags},
        links=TeaserLinks.of((a.source, a.title, a.url) for a in site.articles),
        urls=frozenset(a.url for a in site.articles),
    )


@dataclass(frozen=True)
class Basis:
    """A placing and the templates to render with, in the preview's process."""

    placing: Placing
    env: Environment

    @property
    def config(self) -> Config:
        return self.placing.config

    @property
    def urls(self) -> frozenset[str]:
        return self.placing.urls


def basis_of(placing: Placing, options: BuildOptions) -> Basis:
    env = make_environment(placing.config, options.project_dir / "templates")
    env.get_template("article.html")  # compiled now, not on the first save (the build just rendered it)
    return Basis(placing, env)


def changed_seeds(paths: Iterable[str], options: BuildOptions) -> list[SeedFile] | None:
    """The seeds behind a set of changed files, or None when anything else changed (or too many did)."""
    seeds_dir = Path(os.path.abspath(options.seeds))
    found: dict[Path, SeedFile] = {}
    for path in paths:
        seed = seed_file_at(Path(path), seeds_dir, str(options.seeds))
        if seed is None:
            return None
        found[seed.path] = seed
    if not found or len(found) > MOST_SEEDS:
        return None
    return [found[key] for key in sorted(found)]


def render_article(basis: Basis, seed: SeedFile) -> Page | None:
    """The page of one seed as the last build would have made it now, or None when only a build can tell."""
    draft, problems = read_seed(seed, basis.config.max_seed_bytes)
    if draft is None or problems:
        return None
    placing = basis.placing
    facts = understand(draft, placing.corpus, placing.config)
    if facts.draft:
        return None
    before = placing.neighbours.get(facts.source)
    slug = base_slug(facts)
    url = article_url(placing.config.permalink, facts.date, slug)
    if url in placing.urls and (before is None or before.url != url):
        return None  # another article's address: the build numbers one of them
    tags = article_tags(facts, lambda name: _tag_ref(placing, name))
    related = related_links(facts, url, placing.links)
    links = (before.previous, before.next, before.similar) if before is not None else (None, None, ())
    article = make_article(facts, slug, url, tags, related, *links)
    return Page(url, "article.html", "article", {"article": article})


def _tag_ref(placing: Placing, name: str) -> TagRef:
    known = placing.tags.get(tag_key(name))
    if known is not None:
        return known
    slug = base = slugify(name, fallback="tag")  # a new tag: its page comes with the build
    taken = {ref.slug for ref in placing.tags.values()}
    number = 1
    while slug in taken:  # another tag's page: numbered, as the build does
        number += 1
        slug = f"{base}-{number}"
    return TagRef(name, slug, f"/tags/{slug}/")


def fast_render(basis: Basis, paths: Iterable[str], options: BuildOptions) -> list[str]:
    """Write the pages of the changed seeds into the served site; returns their URLs (none: nothing to show)."""
    if options.strict:
        return []  # a warning stops a strict build: the site must not show what it will refuse
    seeds = changed_seeds(paths, options)
    if seeds is None:
        return []
    pages = [render_article(basis, seed) for seed in seeds]
    urls = [page.url for page in pages if page is not None]
    if len(urls) < len(pages) or len(set(urls)) < len(urls):  # two new seeds wanting one URL: the build numbers
        return []
    for page in pages:
        assert page is not None
        _replace_file(options.out, output_path(page.url), render_page(basis.env, page))
    return urls


def sweep(site: Path, pages: FastPages, urls: frozenset[str]) -> bool:
    """After a build that took every change: fast pages it did not replace are not the site's. One at a URL no
    article has (its seed deleted or made a draft before any build) goes, with its folders left empty; returns
    True when one is at an article's URL (a build that found nothing to do: every page must be written)."""
    build_all = False
    for url, (inode, mtime_ns) in pages.items():
        relative = Path(output_path(url))
        try:
            stat = (site / relative).stat()
        except OSError:
            continue
        if (stat.st_ino, stat.st_mtime_ns) != (inode, mtime_ns):
            continue  # replaced by the build
        if url in urls:
            build_all = True
            continue
        (site / relative).unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # its folders, up to the site's, when nothing else is in them
            for folder in relative.parents[:-1]:
                (site / folder).rmdir()
    return build_all


def _replace_file(site: Path, path: str, data: bytes) -> None:
    """A new file at `site/path`, in place of any there (never written through: it may be a hard link into an
    older site). The site folder itself is never made: between the two renames of a swap it is not there, and
    a folder made then would take the new site's place (FileNotFoundError instead: the build follows)."""
    if not site.is_dir():
        raise FileNotFoundError(f"no site folder at {site}")
    folder = site
    for part in path.split("/")[:-1]:
        folder = folder / part
        with contextlib.suppress(FileExistsError):
            folder.mkdir()
    target = site / path
    temporary = folder / f".fast-{os.getpid()}-{threading.get_ident()}-{target.name}"
    try:
        with open(temporary, "xb") as file:  # the user's umask, as the build's own files
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
