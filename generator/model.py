"""The immutable Site: articles with unique URLs, tags, date periods and the relations between them."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from generator.config import Config
from generator.content import markdown_html, paragraphs_html
from generator.diagnostics import Diagnostic, warning
from generator.draft import PartialDate
from generator.related import Relatable, related_indices
from generator.understand.facts import ArticleFacts
from generator.urls import article_url, slugify

# Paths the site itself uses; an article may never take one of them.
RESERVED_SLUGS = {"tags", "page", "archive", "undated", "static", "search", "pagefind", "feed-xml", "sitemap-xml"}


@dataclass(frozen=True)
class TagRef:
    name: str
    slug: str
    url: str


@dataclass(frozen=True)
class ArticleRef:
    title: str
    url: str
    date: PartialDate | None


@dataclass(frozen=True)
class RelatedLink:
    headline: str
    url: str | None


@dataclass(frozen=True)
class Article:
    source: str
    slug: str
    url: str
    title: str
    title_inferred: bool
    date: PartialDate | None
    date_inferred: bool
    place: str | None
    outlet: str | None
    language: str
    tags: tuple[TagRef, ...]
    tags_inferred: bool
    summary: str
    # The body (BODY_FIELDS), left out of the repr: a template printing a whole article shows no body.
    paragraphs: tuple[str, ...] = field(repr=False)
    markdown: str | None = field(repr=False)  # the Markdown source of the body, if it was written in Markdown
    related: tuple[RelatedLink, ...]
    previous: ArticleRef | None = None
    next: ArticleRef | None = None
    similar: tuple[ArticleRef, ...] = ()  # related by rare shared tags and teaser links, best first

    @property
    def ref(self) -> ArticleRef:
        return ArticleRef(self.title, self.url, self.date)

    @property
    def body_html(self) -> str:
        """The body as safe HTML, made when a page shows it (in a render worker), from the paragraphs or the
        Markdown source (both the draft's own strings): the model holds no second copy of each body."""
        if self.markdown is not None:
            return markdown_html(self.markdown, self.language)
        return paragraphs_html(self.paragraphs)


# Where a page can find an article's body: its fields, and the property made of them. A page whose templates
# name none of these cannot show a body, so a body edit leaves it as it is (see assemble.plan_outputs).
BODY_FIELDS = frozenset({"paragraphs", "markdown"})
BODY_NAMES = BODY_FIELDS | {"body_html"}


@dataclass(frozen=True)
class Tag:
    name: str
    slug: str
    url: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Period:
    """A year, a month or a day, with the articles dated inside it (newest first)."""

    kind: str
    date: PartialDate
    url: str
    articles: tuple[Article, ...]
    children: tuple[Period, ...] = ()


@dataclass(frozen=True)
class Site:
    config: Config
    articles: tuple[Article, ...]
    tags: tuple[Tag, ...]
    years: tuple[Period, ...]
    undated: tuple[Article, ...]


def tag_key(name: str) -> str:
    """Tags that differ only by case, spacing or Unicode form are one tag."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _sort_key(facts: ArticleFacts) -> tuple:
    # Newest first; undated last; ties broken by title and source so order never depends on disk order.
    if facts.date is None:
        return (1, 0, 0, 0, facts.title.casefold(), facts.source)
    d = facts.date
    return (0, -d.year, -(d.month or 0), -(d.day or 0), facts.title.casefold(), facts.source)


def _normalise_headline(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", unicodedata.normalize("NFKC", text).casefold()).split())


def base_slug(facts: ArticleFacts) -> str:
    """The slug an article asks for (before a clash with another article's URL numbers it)."""
    base = slugify(facts.slug or facts.title)
    if base in RESERVED_SLUGS or base.isdigit():
        base = f"{base}-artikel"  # would shadow one of the site's own sections or date pages
    return base


def _assign_urls(ordered: Sequence[ArticleFacts], config: Config) -> tuple[list[tuple[str, str]], list[Diagnostic]]:
    """A unique slug and URL for each article; clashes get a numbered suffix, in source order."""
    problems: list[Diagnostic] = []
    taken: set[str] = set()
    result: dict[str, tuple[str, str]] = {}
    for facts in sorted(ordered, key=lambda f: f.source):
        base = base_slug(facts)
        slug, number = base, 1
        url = article_url(config.permalink, facts.date, slug)
        while url in taken:
            number += 1
            slug = f"{base}-{number}"
            url = article_url(config.permalink, facts.date, slug)
        if number > 1:
            wanted = article_url(config.permalink, facts.date, base)
            problems.append(warning(f"URL {wanted} is already taken by another article; using {url}", facts.source))
        taken.add(url)
        result[facts.source] = (slug, url)
    return [result[f.source] for f in ordered], problems


Relate = Callable[[Sequence[Relatable]], list[tuple[int, ...]]]  # `related_indices`, or one that remembers


def build_site(
    all_facts: Sequence[ArticleFacts], config: Config, relate: Relate = related_indices
) -> tuple[Site, list[Diagnostic]]:
    """Assemble the Site from understood articles (drafts excluded); `relate` ranks their related articles."""
    ordered = sorted((f for f in all_facts if not f.draft), key=_sort_key)
    addresses, problems = _assign_urls(ordered, config)

    tag_names: dict[str, str] = {}
    for facts in ordered:
        for name in facts.tags:
            tag_names.setdefault(tag_key(name), name)
    tag_refs = {key: TagRef(name, slugify(name, fallback="tag"), "") for key, name in tag_names.items()}
    used_tag_slugs: dict[str, str] = {}
    for key in sorted(tag_refs):
        ref = tag_refs[key]
        slug, number = ref.slug, 1
        while slug in used_tag_slugs:
            number += 1
            slug = f"{ref.slug}-{number}"
        used_tag_slugs[slug] = key
        tag_refs[key] = TagRef(ref.name, slug, f"/tags/{slug}/")

    links = TeaserLinks.of((f.source, f.title, url) for f, (_, url) in zip(ordered, addresses, strict=True))
    urls = [url for _, url in addresses]
    tags_of = [article_tags(facts, lambda name: tag_refs[tag_key(name)]) for facts in ordered]
    related_of = [related_links(facts, url, links) for facts, url in zip(ordered, urls, strict=True)]
    # One reference per article, shared by every page that links to it (a fingerprint hashes it once).
    refs = [ArticleRef(facts.title, url, facts.date) for facts, url in zip(ordered, urls, strict=True)]
    neighbours = _neighbours(ordered, refs)
    similar = _similar(urls, tags_of, related_of, refs, relate)
    articles = [
        make_article(facts, slug, url, tags_of[i], related_of[i], *neighbours[i], similar=similar[i])
        for i, (facts, (slug, url)) in enumerate(zip(ordered, addresses, strict=True))
    ]

    by_tag: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        for ref in article.tags:
            by_tag[ref.slug].append(article)
    tags = tuple(
        Tag(ref.name, ref.slug, ref.url, tuple(by_tag[ref.slug]))
        for ref in sorted(tag_refs.values(), key=lambda r: r.slug)
    )
    site = Site(config, tuple(articles), tags, _periods(articles), tuple(a for a in articles if a.date is None))
    return site, problems


@dataclass(frozen=True)
class TeaserLinks:
    """Where a teaser may point: the article its analysis named, else one whose title is its headline."""

    url_of_source: Mapping[str, str]
    url_of_headline: Mapping[str, str]  # by `_normalise_headline`

    @classmethod
    def of(cls, articles: Iterable[tuple[str, str, str]]) -> TeaserLinks:
        """From (source, title, url) of every article; of two equal titles the later one wins."""
        url_of_source: dict[str, str] = {}
        url_of_headline: dict[str, str] = {}
        for source, title, url in articles:
            url_of_source[source] = url
            url_of_headline[_normalise_headline(title)] = url
        return cls(url_of_source, url_of_headline)

    def url(self, headline: str, target: str | None, own_url: str) -> str | None:
        found = self.url_of_source.get(target or "") or self.url_of_headline.get(_normalise_headline(headline))
        return found if found and found != own_url else None


def article_tags(facts: ArticleFacts, tag_ref: Callable[[str], TagRef]) -> tuple[TagRef, ...]:
    """The article's tags, one per tag key (the first spelling wins); `tag_ref` of a tag's name."""
    seen_tags: dict[str, TagRef] = {}
    for name in facts.tags:
        seen_tags.setdefault(tag_key(name), tag_ref(name))
    return tuple(seen_tags.values())


def related_links(facts: ArticleFacts, url: str, links: TeaserLinks) -> tuple[RelatedLink, ...]:
    """The article's teasers, each with the address it points to when the archive holds it."""
    return tuple(RelatedLink(t.headline, links.url(t.headline, t.target, url)) for t in facts.teasers)


def make_article(
    facts: ArticleFacts,
    slug: str,
    url: str,
    tags: tuple[TagRef, ...],
    related: tuple[RelatedLink, ...],
    previous: ArticleRef | None = None,
    next: ArticleRef | None = None,
    similar: tuple[ArticleRef, ...] = (),
) -> Article:
    """One article of the site, made once with all it links to."""
    return Article(
        source=facts.source,
        slug=slug,
        url=url,
        title=facts.title,
        title_inferred=facts.title_inferred,
        date=facts.date,
        date_inferred=facts.date_inferred,
        place=facts.place,
        outlet=facts.outlet,
        language=facts.language,
        tags=tags,
        tags_inferred=facts.tags_inferred,
        summary=facts.summary,
        paragraphs=facts.paragraphs,
        markdown=facts.markdown,
        related=related,
        previous=previous,
        next=next,
        similar=similar,
    )


def _neighbours(
    ordered: Sequence[ArticleFacts], refs: Sequence[ArticleRef]
) -> list[tuple[ArticleRef | None, ArticleRef | None]]:
    """(previous, next) of each article: the older and the newer in time among dated articles (newest first)."""
    result: list[tuple[ArticleRef | None, ArticleRef | None]] = [(None, None)] * len(ordered)
    dated = [i for i, facts in enumerate(ordered) if facts.date is not None]
    for position, index in enumerate(dated):
        newer = refs[dated[position - 1]] if position > 0 else None
        older = refs[dated[position + 1]] if position + 1 < len(dated) else None
        result[index] = (older, newer)
    return result


def _similar(
    urls: Sequence[str],
    tags: Sequence[tuple[TagRef, ...]],
    related: Sequence[tuple[RelatedLink, ...]],
    refs: Sequence[ArticleRef],
    relate: Relate,
) -> list[tuple[ArticleRef, ...]]:
    """Each article's related articles: rare shared tags and teaser links, both ways."""
    position = {url: i for i, url in enumerate(urls)}
    items = [
        Relatable(tuple(t.slug for t in own_tags), tuple(position[r.url] for r in links if r.url in position))
        for own_tags, links in zip(tags, related, strict=True)
    ]
    return [tuple(refs[i] for i in best) for best in relate(items)]


def _periods(articles: list[Article]) -> tuple[Period, ...]:
    years: dict[int, list[Article]] = defaultdict(list)
    months: dict[tuple[int, int], list[Article]] = defaultdict(list)
    days: dict[tuple[int, int, int], list[Article]] = defaultdict(list)
    for article in articles:
        d = article.date
        if d is None:
            continue
        years[d.year].append(article)
        if d.month:
            months[(d.year, d.month)].append(article)
        if d.month and d.day:
            days[(d.year, d.month, d.day)].append(article)
    result = []
    for year in sorted(years, reverse=True):
        month_periods = []
        for month in sorted((m for (y, m) in months if y == year), reverse=True):
            day_periods = tuple(
                Period(
                    "day",
                    PartialDate(year, month, day),
                    f"/{year:04d}/{month:02d}/{day:02d}/",
                    tuple(days[(year, month, day)]),
                )
                for (y, m, day) in sorted(days, reverse=True)
                if y == year and m == month
            )
            month_periods.append(
                Period(
                    "month",
                    PartialDate(year, month),
                    f"/{year:04d}/{month:02d}/",
                    tuple(months[(year, month)]),
                    day_periods,
                )
            )
        result.append(Period("year", PartialDate(year), f"/{year:04d}/", tuple(years[year]), tuple(month_periods)))
    return tuple(result)
