"""What Arsip knows of one article once it is understood: plain data, ready for the site model."""

from __future__ import annotations

from dataclasses import dataclass

from generator.draft import PartialDate


@dataclass(frozen=True)
class Teaser:
    """A "Baca juga" line: the headline of another article, and the line it was on."""

    headline: str
    line: int
    target: str | None = None  # the source of the archive article it names, when one clearly does


@dataclass(frozen=True)
class ArticleFacts:
    source: str
    format: str
    digest: str
    title: str
    title_inferred: bool
    date: PartialDate | None
    date_inferred: bool
    place: str | None
    outlet: str | None
    language: str
    tags: tuple[str, ...]
    tags_inferred: bool
    teasers: tuple[Teaser, ...]
    paragraphs: tuple[str, ...]
    summary: str
    summary_inferred: bool
    slug: str | None
    draft: bool
    markdown: str | None
