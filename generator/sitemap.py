"""Sitemaps: one /sitemap.xml, or above the protocol's limit a sitemap index over numbered sitemap files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

SITEMAP_LIMIT = 50_000  # URLs per sitemap file, the sitemaps.org maximum
SITEMAP_URL = "/sitemap.xml"


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: str | None = None  # ISO date; only pages with a date of their own (articles) have one


@dataclass(frozen=True)
class SitemapFile:
    url: str
    entries: tuple[SitemapEntry, ...]


def split_sitemap(entries: Sequence[SitemapEntry], limit: int = SITEMAP_LIMIT) -> tuple[SitemapFile, ...]:
    """One file at /sitemap.xml when `entries` fit in `limit`, else numbered files for a sitemap index."""
    if limit < 1:
        raise ValueError("a sitemap holds at least one URL")
    if len(entries) <= limit:
        return (SitemapFile(SITEMAP_URL, tuple(entries)),)
    return tuple(
        SitemapFile(f"/sitemap-{number}.xml", tuple(entries[start : start + limit]))
        for number, start in enumerate(range(0, len(entries), limit), start=1)
    )
