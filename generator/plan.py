"""Site → the list of every page the site will have, nothing rendered yet."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator import sitemap
from generator.model import Article, Period, Site
from generator.sitemap import SitemapEntry

FEED_SIZE = 50


@dataclass(frozen=True)
class Page:
    """One output file: its URL, the template that renders it and the plain data it gets."""

    url: str
    template: str
    kind: str
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pagination:
    number: int
    count: int
    total_items: int
    items: tuple[Article, ...]
    urls: tuple[str, ...]

    @property
    def previous_url(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None


def page_url(first: str, number: int) -> str:
    return first if number == 1 else f"{first}page/{number}/"


def paginate(first_url: str, articles: Sequence[Article], per_page: int) -> list[Pagination]:
    """Split a listing into pages: `first_url`, then `first_url/page/2/`…; an empty list still has one page."""
    count = max(1, -(-len(articles) // per_page))
    urls = tuple(page_url(first_url, n) for n in range(1, count + 1))
    return [
        Pagination(n, count, len(articles), tuple(articles[(n - 1) * per_page : n * per_page]), urls)
        for n in range(1, count + 1)
    ]


def _listing(
    first_url: str, template: str, kind: str, articles: Sequence[Article], per_page: int, **extra: Any
) -> list[Page]:
    return [
        Page(pagination.urls[pagination.number - 1], template, kind, {"pagination": pagination, **extra})
        for pagination in paginate(first_url, articles, per_page)
    ]


def _period_pages(year: Period) -> list[Page]:
    pages = [Page(year.url, "year.html", "year", {"period": year})]
    for month in year.children:
        pages.append(Page(month.url, "month.html", "month", {"period": month, "year": year}))
        for day in month.children:
            pages.append(Page(day.url, "day.html", "day", {"period": day, "month": month, "year": year}))
    return pages


def _sitemap_pages(pages: Sequence[Page], limit: int) -> list[Page]:
    """Every HTML page (not the 404) in the sitemap, articles with their date as lastmod."""
    entries = []
    for page in pages:
        if page.url.endswith("/"):
            article = page.context.get("article") if page.kind == "article" else None
            lastmod = article.date.as_date().isoformat() if article is not None and article.date else None
            entries.append(SitemapEntry(page.url, lastmod))
    files = sitemap.split_sitemap(entries, limit)
    result = [Page(f.url, "sitemap.xml", "sitemap", {"entries": f.entries}) for f in files]
    if len(files) > 1:
        index = {"sitemaps": tuple(f.url for f in files)}
        result.insert(0, Page(sitemap.SITEMAP_URL, "sitemap-index.xml", "sitemap-index", index))
    return result


def plan(site: Site, sitemap_limit: int | None = None) -> list[Page]:
    """Every page of the site in a stable order; `sitemap_limit` defaults to the protocol's 50,000 URLs."""
    per_page = site.config.per_page
    pages: list[Page] = [Page(a.url, "article.html", "article", {"article": a}) for a in site.articles]
    pages += _listing("/", "home.html", "home", site.articles, per_page)
    pages.append(Page("/tags/", "tags.html", "tags", {"tags": site.tags}))
    for tag in site.tags:
        pages += _listing(tag.url, "tag.html", "tag", tag.articles, per_page, tag=tag)
        pages.append(Page(f"{tag.url}feed.xml", "feed.xml", "feed", {"articles": tag.articles[:FEED_SIZE], "tag": tag}))
    pages.append(Page("/search/", "search.html", "search"))
    pages.append(
        Page("/archive/", "archive.html", "archive", {"years": site.years, "undated_count": len(site.undated)})
    )
    for year in site.years:
        pages += _period_pages(year)
    if site.undated:
        pages += _listing("/undated/", "undated.html", "undated", site.undated, per_page)
    pages.append(Page("/404.html", "404.html", "404"))
    pages.append(Page("/feed.xml", "feed.xml", "feed", {"articles": site.articles[:FEED_SIZE], "tag": None}))
    pages += _sitemap_pages(pages, sitemap_limit or sitemap.SITEMAP_LIMIT)
    pages.append(Page("/robots.txt", "robots.txt", "robots"))
    return pages
