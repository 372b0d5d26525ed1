"""`arsip inspect`: what Arsip understood of each article, as plain dictionaries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.build import understand_seeds
from generator.config import Config
from generator.diagnostics import Diagnostic, error
from generator.discover import SEED_KINDS, SeedFile, discover
from generator.model import Article, build_site


def seeds_from_paths(paths: list[str]) -> tuple[list[SeedFile], list[Diagnostic]]:
    """Files and folders as given on the command line → seeds, in the order given."""
    seeds: list[SeedFile] = []
    problems: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found, more = discover(path, given)
            seeds += found
            problems += more
        elif path.is_file():
            kind = SEED_KINDS.get(path.suffix.lower())
            if kind is None:
                problems.append(error("not a seed (expected .txt or .md)", given))
                continue
            sidecar = next((s for s in (path.with_suffix(".yml"), path.with_suffix(".yaml")) if s.is_file()), None)
            seeds.append(SeedFile(path, given, kind, sidecar, str(sidecar) if sidecar else None))
        else:
            problems.append(error("no such file or folder", given))
    return seeds, problems


def describe(article: Article) -> dict[str, Any]:
    return {
        "source": article.source,
        "title": article.title,
        "title_inferred": article.title_inferred,
        "date": article.date.iso() if article.date else None,
        "date_precision": article.date.precision if article.date else None,
        "date_inferred": article.date_inferred,
        "place": article.place,
        "outlet": article.outlet,
        "language": article.language,
        "tags": [tag.name for tag in article.tags],
        "related": [{"headline": r.headline, "url": r.url} for r in article.related],
        "paragraphs": list(article.paragraphs),
        "summary": article.summary,
        "slug": article.slug,
        "url": article.url,
    }


def inspect_paths(paths: list[str], config: Config) -> tuple[list[dict[str, Any]], list[Diagnostic]]:
    """The same reading, corpus-wide analysis and model as a build, reported per article in input order."""
    seeds, problems = seeds_from_paths(paths)
    understood = understand_seeds(seeds, config)
    site, more = build_site(understood.facts, config)
    by_source = {a.source: a for a in site.articles}
    order = [s.shown for s in seeds if s.shown in by_source]
    return [describe(by_source[source]) for source in order], problems + understood.problems + more
