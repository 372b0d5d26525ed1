"""plan: every page the site will have, at its documented URL."""

from __future__ import annotations

from generator.config import Config
from generator.model import build_site
from generator.plan import paginate, plan
from tests.conftest import article


def test_paginate_splits_into_page_2_3_and_keeps_one_page_when_empty() -> None:
    pages = paginate("/tags/banjir/", list(range(5)), 2)  # type: ignore[arg-type]
    assert [p.urls[p.number - 1] for p in pages] == ["/tags/banjir/", "/tags/banjir/page/2/", "/tags/banjir/page/3/"]
    assert [p.items for p in pages] == [(0, 1), (2, 3), (4,)]
    assert (pages[0].previous_url, pages[0].next_url) == (None, "/tags/banjir/page/2/")
    assert (pages[2].previous_url, pages[2].next_url) == ("/tags/banjir/page/2/", None)
    empty = paginate("/", [], 20)
    assert len(empty) == 1 and empty[0].items == ()


def test_an_empty_site_still_has_its_fixed_pages() -> None:
    site, _ = build_site([], Config())
    urls = [p.url for p in plan(site)]
    assert {"/", "/tags/", "/archive/", "/404.html", "/feed.xml", "/sitemap.xml", "/robots.txt"} <= set(urls)
    assert len(urls) == len(set(urls))
    assert not any(url.startswith(("/page/", "/undated/", "/20")) for url in urls)


def test_home_paginates_at_page_2(build_files) -> None:
    seeds = {f"seeds/{n:02d}.md": article(f"Berita {n:02d}", f"2024-01-{n:02d}") for n in range(1, 6)}
    result = build_files(seeds, config="per_page: 2\n")
    assert {"index.html", "page/2/index.html", "page/3/index.html"} <= set(result.files)
    assert "page/4/index.html" not in result.files
    assert "page/1/index.html" not in result.files
    # newest first
    assert "Berita 05" in result.text("index.html") and "Berita 04" in result.text("index.html")
    assert "Berita 01" in result.text("page/3/index.html")
    assert 'href="/page/2/"' in result.text("index.html")


def test_tag_pages_and_tag_index_with_counts(build_files) -> None:
    seeds = {
        f"seeds/{n}.md": article(f"Berita {n}", f"2024-02-0{n}", tags=["Banjir"] if n < 4 else ["Kebakaran Hutan"])
        for n in range(1, 6)
    }
    result = build_files(seeds, config="per_page: 2\n")
    assert {"tags/banjir/index.html", "tags/banjir/page/2/index.html", "tags/kebakaran-hutan/index.html"} <= set(
        result.files
    )
    assert "tags/banjir/page/3/index.html" not in result.files
    index = result.text("tags/index.html")
    assert 'href="/tags/banjir/"' in index and 'href="/tags/kebakaran-hutan/"' in index
    assert "Banjir" in index and "3" in index


def test_date_pages_archive_and_undated(build_files) -> None:
    result = build_files(
        {
            "seeds/a.md": article("Hari", "2024-09-22"),
            "seeds/b.md": article("Bulan", "2024-08"),
            "seeds/c.md": article("Tahun", "2023"),
            "seeds/d.md": article("Entah"),
        }
    )
    expected = {
        "2024/index.html", "2024/09/index.html", "2024/09/22/index.html", "2024/08/index.html", "2023/index.html",
        "2024/09/22/hari/index.html", "2024/08/bulan/index.html", "2023/tahun/index.html",
        "undated/index.html", "undated/entah/index.html", "archive/index.html", "404.html", "sitemap.xml",
        "feed.xml", "robots.txt", "static/arsip.css",
    }  # fmt: skip
    assert expected <= set(result.files)
    assert "2024/08/01/index.html" not in result.files  # a month-only date makes no day page
    archive = result.text("archive/index.html")
    assert all(f'href="{u}"' in archive for u in ("/2024/", "/2024/09/", "/2024/08/", "/2023/", "/undated/"))
