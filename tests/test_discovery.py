"""Discovery: feeds, sitemaps, page metadata, archive navigation and the search index, checked by real clients."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from lxml import etree, html

from generator import search, sitemap
from generator.config import Config
from generator.plan import Page
from generator.related import Relatable, related_indices
from generator.render import make_environment, render_page
from tests.conftest import article

BASE = "https://example.org/arsip/"
CONFIG = f"title: Arsip Uji\ndescription: Arsip untuk uji.\nbase_url: {BASE}\nlanguage: id\nper_page: 2\n"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

SEEDS = {
    "seeds/banjir.md": article(
        "Banjir merendam Palembang",
        "2024-09-23",
        ["Banjir", "Palembang"],
        body="Hujan deras semalam membuat sungai Musi meluap.",
        place="PALEMBANG",
        outlet="Koran Uji",
    ),
    "seeds/jalan.md": article("Jalan rusak diperbaiki", "2024-09-23", ["Palembang"], body="Perbaikan jalan dimulai."),
    "seeds/pilkada.md": article("Debat pilkada", "2024-10-02", ["Pilkada", "Palembang"], body="Debat calon gubernur."),
    "seeds/lama.md": article("Kabar lama", "2023-01-05", ["Banjir"], body="Arsip lama tentang banjir."),
    # A headline built to break out of a <script> element if JSON-LD were not escaped.
    "seeds/jahat.md": article("Judul </script><script>alert(1)</script> & <!--", "2024-10-03", ["Uji"]),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One built site shared by the read-only checks below (built with the real CLI)."""
    from tests.conftest import SiteBuilder

    monkeypatch = pytest.MonkeyPatch()
    try:
        result = SiteBuilder(tmp_path_factory.mktemp("discovery"), monkeypatch)(SEEDS, config=CONFIG)
    finally:
        monkeypatch.undo()
    assert result.status == 0, result.stderr
    return result.out


def local_file(site: Path, loc: str) -> Path:
    """The file an absolute URL of the site is served from."""
    assert loc.startswith(BASE), loc
    path = urlsplit(loc).path[len(urlsplit(BASE).path) :]
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def feeds(site: Path) -> list[Path]:
    return sorted(site.rglob("feed.xml"))


def test_every_feed_parses_without_bozo_and_has_absolute_links(site: Path) -> None:
    found = feeds(site)
    assert site / "feed.xml" in found and site / "tags/palembang/feed.xml" in found
    for path in found:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.entries, path
        for entry in parsed.entries:
            assert entry.id.startswith(BASE) and entry.link.startswith(BASE)
            assert local_file(site, entry.link).is_file()
            assert entry.summary
            assert entry.updated_parsed is not None


def test_feed_updated_is_newest_article_and_ids_are_stable(site: Path, build_files) -> None:  # type: ignore[no-untyped-def]
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert parsed.feed.updated.startswith("2024-10-03")
    assert [e.title for e in parsed.entries][1:3] == ["Debat pilkada", "Banjir merendam Palembang"]
    again = build_files(SEEDS, config=CONFIG)
    assert again.text("feed.xml") == (site / "feed.xml").read_text()


def test_tag_feed_lists_only_that_tag(site: Path) -> None:
    parsed = feedparser.parse((site / "tags/banjir/feed.xml").read_bytes())
    assert sorted(e.title for e in parsed.entries) == ["Banjir merendam Palembang", "Kabar lama"]
    assert parsed.feed.link == BASE + "tags/banjir/"


def test_home_and_tag_pages_announce_their_feeds(site: Path) -> None:
    home = html.fromstring((site / "index.html").read_bytes())
    assert home.xpath('//link[@rel="alternate"][@type="application/atom+xml"]/@href') == ["/arsip/feed.xml"]
    tag = html.fromstring((site / "tags/banjir/index.html").read_bytes())
    assert "/arsip/tags/banjir/feed.xml" in tag.xpath('//link[@rel="alternate"]/@href')


def test_sitemap_lists_every_page_and_every_loc_is_a_file(site: Path) -> None:
    tree = etree.parse(str(site / "sitemap.xml"))
    assert tree.getroot().tag == SM + "urlset"
    locs = tree.findall(f"{SM}url/{SM}loc")
    listed = {local_file(site, loc.text) for loc in locs}
    assert all(p.is_file() for p in listed)
    pages = {p for p in site.rglob("index.html") if "pagefind" not in p.parts}
    assert listed == pages
    lastmods = {loc.text: loc.getnext().text for loc in locs if loc.getnext() is not None}
    assert lastmods[BASE + "2024/09/23/banjir-merendam-palembang/"] == "2024-09-23"


def test_robots_names_the_sitemap_by_absolute_url(site: Path) -> None:
    import urllib.robotparser

    parser = urllib.robotparser.RobotFileParser()
    parser.parse((site / "robots.txt").read_text().splitlines())
    assert parser.site_maps() == [BASE + "sitemap.xml"]


def test_a_large_archive_gets_a_sitemap_index(build_files, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sitemap, "SITEMAP_LIMIT", 7)
    seeds = {f"seeds/a{n:02d}.md": article(f"Berita nomor {n}", f"2024-01-{n + 1:02d}") for n in range(12)}
    result = build_files(seeds, config=CONFIG)
    assert result.status == 0, result.stderr
    index = etree.parse(str(result.out / "sitemap.xml")).getroot()
    assert index.tag == SM + "sitemapindex"
    parts = [loc.text for loc in index.iter(SM + "loc")]
    assert len(parts) > 1
    listed = []
    for part in parts:
        file = local_file(result.out, part)
        urls = etree.parse(str(file)).getroot().findall(f"{SM}url/{SM}loc")
        assert 0 < len(urls) <= 7
        listed += [u.text for u in urls]
    assert len(listed) == len(set(listed))
    assert all(local_file(result.out, loc).is_file() for loc in listed)
    assert {local_file(result.out, loc) for loc in listed} == {
        p for p in result.out.rglob("index.html") if "pagefind" not in p.parts
    }


def test_sitemap_at_the_real_limit_splits_after_50000_urls() -> None:
    entries = [sitemap.SitemapEntry(f"/p/{n}/") for n in range(sitemap.SITEMAP_LIMIT + 1)]
    assert len(sitemap.split_sitemap(entries[:-1])) == 1
    files = sitemap.split_sitemap(entries)
    assert [len(f.entries) for f in files] == [50_000, 1]
    env = make_environment(Config(base_url=BASE))
    rendered = render_page(env, Page(files[0].url, "sitemap.xml", "sitemap", {"entries": files[0].entries}))
    assert len(etree.fromstring(rendered).findall(f"{SM}url")) == 50_000


def article_page(site: Path, url: str) -> html.HtmlElement:
    return html.fromstring((site / url.strip("/") / "index.html").read_bytes())


def json_ld(page: html.HtmlElement) -> dict:
    (script,) = page.xpath('//script[@type="application/ld+json"]')
    return json.loads(script.text)


def test_article_json_ld_is_a_news_article(site: Path) -> None:
    data = json_ld(article_page(site, "/2024/09/23/banjir-merendam-palembang/"))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Banjir merendam Palembang"
    assert data["datePublished"] == "2024-09-23"
    assert data["inLanguage"] == "id"
    assert data["keywords"] == ["Banjir", "Palembang"]
    assert data["locationCreated"] == {"@type": "Place", "name": "PALEMBANG"}
    assert data["publisher"]["name"] == "Koran Uji"
    assert data["isBasedOn"]["name"] == "banjir.md"
    assert data["url"] == BASE + "2024/09/23/banjir-merendam-palembang/"


def test_json_ld_cannot_break_out_of_its_script(site: Path) -> None:
    (path,) = [p for p in site.glob("2024/10/03/*/index.html")]
    text = path.read_text()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert block is not None
    assert "<" not in block.group(1) and ">" not in block.group(1)
    assert json.loads(block.group(1))["headline"] == "Judul </script><script>alert(1)</script> & <!--"
    assert "<script>alert(1)" not in text


def test_every_page_has_canonical_description_opengraph_and_twitter(site: Path) -> None:
    for path in site.rglob("*.html"):
        if "pagefind" in path.parts or path.name == "404.html":
            continue
        page = html.fromstring(path.read_bytes())
        (canonical,) = page.xpath('//link[@rel="canonical"]/@href')
        assert local_file(site, canonical) == path
        assert page.xpath('//meta[@name="description"]/@content')[0].strip()
        for prop in ("og:title", "og:description", "og:url", "og:type"):
            assert page.xpath(f'//meta[@property="{prop}"]/@content'), (path, prop)
        assert page.xpath('//meta[@name="twitter:card"]/@content') == ["summary"]


def test_only_article_title_and_body_are_marked_for_search(site: Path) -> None:
    page = article_page(site, "/2024/09/23/banjir-merendam-palembang/")
    (body,) = page.xpath("//*[@data-pagefind-body]")
    assert body.xpath(".//h1")[0].text == "Banjir merendam Palembang"
    for ignored in body.xpath(".//*[@data-pagefind-ignore]"):
        assert "article-body" not in (ignored.get("class") or "")
    home = html.fromstring((site / "index.html").read_bytes())
    assert not home.xpath("//*[@data-pagefind-body]")


def test_search_index_is_built_with_the_site_language(site: Path) -> None:
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["id"]
    assert entry["languages"]["id"]["page_count"] == len(SEEDS)


def test_search_page_is_linked_from_every_page(site: Path) -> None:
    assert (site / "search/index.html").is_file()
    for path in [
        site / "index.html",
        site / "tags/index.html",
        site / "2024/09/23/banjir-merendam-palembang/index.html",
    ]:
        page = html.fromstring(path.read_bytes())
        assert "/arsip/search/" in page.xpath('//nav[@class="site-nav"]//a/@href')


def test_missing_pagefind_is_a_clear_error_not_a_traceback(build_files, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(search, "pagefind_executable", lambda: None)
    result = build_files({"seeds/a.md": article("Halo", "2024-01-01")}, config=CONFIG)
    assert result.status == 1
    assert "Traceback" not in result.stderr
    assert any("Pagefind is missing" in m for m in result.messages)
    assert not result.out.exists()


def test_failing_pagefind_is_a_clear_error(build_files, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: cannot read site' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv("ARSIP_PAGEFIND", str(fake))
    result = build_files({"seeds/a.md": article("Halo", "2024-01-01")}, config=CONFIG)
    assert result.status == 1
    assert any("Pagefind failed: Error: cannot read site" in m for m in result.messages)


def test_archive_shows_every_year_with_month_counts(site: Path) -> None:
    page = html.fromstring((site / "archive/index.html").read_bytes())
    years = page.xpath('//section[@class="archive-year"]//h2/a/text()')
    assert years == ["2024", "2023"]
    months_2024 = page.xpath('//section[@aria-labelledby="year-2024"]//ol[@class="month-calendar"]/li')
    assert len(months_2024) == 12
    linked = {
        li.xpath("string(.//span[@class='month'])"): li.xpath("string(.//span[@class='count'])")
        for li in months_2024
        if "has-articles" in (li.get("class") or "").split()
    }
    assert linked == {"September": "2", "Oktober": "2"}


def test_month_page_has_a_calendar_of_days_with_counts(site: Path) -> None:
    page = html.fromstring((site / "2024/09/index.html").read_bytes())
    (table,) = page.xpath('//table[@class="day-calendar"]')
    assert len(table.xpath(".//thead/tr/th")) == 7
    (busy,) = table.xpath('.//td[contains(concat(" ", @class, " "), " has-articles ")]')
    assert busy.xpath("string(.//span[@class='day'])") == "23"
    assert busy.xpath("string(.//span[@class='count'])") == "2"
    assert busy.xpath(".//a/@href") == ["/arsip/2024/09/23/"]
    day = html.fromstring((site / "2024/09/23/index.html").read_bytes())
    assert len(day.xpath('//li[@class="article-item"]')) == 2


def test_related_articles_prefer_rare_shared_tags() -> None:
    # "common" is on every article; "rare" only on 0 and 2: 2 must rank above 1 for article 0.
    items = [
        Relatable(("common", "rare")),
        Relatable(("common",)),
        Relatable(("common", "rare")),
        Relatable(("other",)),
    ]
    ranked = related_indices(items)
    assert ranked[0][:2] == (2, 1)
    assert 3 not in ranked[0]
    assert ranked[3] == ()


def test_a_tag_on_very_many_articles_does_not_relate_them_whatever_the_archive_size() -> None:
    # 6,000 articles: "huge" (on 1,001 of them) is under a fifth of the archive, but over the absolute cap.
    items = [Relatable(("huge",) if n <= 1000 else (f"solo-{n}",)) for n in range(6000)]
    items[0] = Relatable(("huge", "pair"))
    items[1] = Relatable(("huge", "pair"))
    ranked = related_indices(items)
    assert ranked[0] == (1,) and ranked[1] == (0,)  # only the shared rare tag counts
    assert ranked[2] == ()


def test_teaser_links_relate_articles_both_ways() -> None:
    items = [Relatable(("a",), links=(2,)), Relatable(("a",)), Relatable(("b",))]
    ranked = related_indices(items)
    assert ranked[0][0] == 2 and ranked[2] == (0,)


def test_related_articles_ranked_by_worker_processes_are_the_same() -> None:
    rng = random.Random(7)
    tags = [f"tag-{n}" for n in range(60)]
    items = [
        Relatable(tuple(rng.sample(tags, rng.randint(0, 4))), links=tuple(rng.sample(range(3000), rng.randint(0, 2))))
        for _ in range(3000)
    ]
    alone = related_indices(items)
    assert related_indices(items, jobs=2) == alone == related_indices(items, jobs=3)
    assert sum(map(len, alone)) > 10_000  # most items have related ones: the comparison says something


def test_article_page_lists_related_articles(site: Path) -> None:
    page = article_page(site, "/2024/09/23/banjir-merendam-palembang/")
    related = page.xpath('//aside[@class="related-articles"]//a/text()')
    assert related[0] == "Kabar lama"  # shares the rarer tag Banjir
    assert "Jalan rusak diperbaiki" in related


def test_tag_index_is_sortable_and_filterable_markup(site: Path) -> None:
    page = html.fromstring((site / "tags/index.html").read_bytes())
    items = page.xpath('//ul[@id="tag-index"]/li')
    assert [li.get("data-name") for li in items] == ["Banjir", "Palembang", "Pilkada", "Uji"]
    assert [li.get("data-count") for li in items] == ["2", "3", "1", "1"]
    assert page.xpath("//script/@src") == ["/arsip/static/theme.js", "/arsip/static/tags.js"]
    assert (site / "static/tags.js").is_file()
