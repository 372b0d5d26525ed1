"""urls: slugs, permalinks and links; no output path can leave the site folder."""

from __future__ import annotations

import posixpath

import pytest

from generator.draft import PartialDate
from generator.urls import article_url, link, output_path, slugify

DEFAULT = "/{year}/{month}/{day}/{slug}/"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Pilkada Sumsel 2024", "pilkada-sumsel-2024"),
        ("Café Déjà Vu à Jakarta", "cafe-deja-vu-a-jakarta"),
        ("Ẓaḥir «Ñandú» — Straße", "zahir-nandu-strasse"),
        ("Москва и Пекин", "moskva-i-pekin"),
        ("北京 2024", "beijing-2024"),
        ("  --Hello__World!!  ", "hello-world"),
        ("con", "con-0"),
    ],
)
def test_slugify_transliterates_unicode_to_readable_ascii(title: str, slug: str) -> None:
    assert slugify(title) == slug


@pytest.mark.parametrize("title", ["", "!!!", "🙂🙂", "…", "../..", "/", "\u200b"])
def test_slugify_falls_back_when_nothing_is_left(title: str) -> None:
    result = slugify(title)
    assert result and result.isascii()


@pytest.mark.parametrize(
    "title",
    [
        "../../etc/passwd",
        "..",
        ".",
        "a/../b",
        "\\..\\windows",
        "%2e%2e%2f",
        "a" * 500,
        "x/y",
        "..\u2024..",
        "\uff0e\uff0e\uff0f",
    ],
)
def test_slugify_can_never_produce_dot_dot_or_slash(title: str) -> None:
    slug = slugify(title)
    assert "/" not in slug and "\\" not in slug and ".." not in slug and slug not in (".", "")
    assert len(slug) <= 80
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in slug)


def test_slugify_cuts_long_titles_at_a_word_boundary() -> None:
    slug = slugify("kata " * 40)
    assert len(slug) <= 80 and not slug.endswith("-") and slug.endswith("kata")


@pytest.mark.parametrize(
    ("date", "url"),
    [
        (PartialDate(2024, 9, 22), "/2024/09/22/judul/"),
        (PartialDate(2024, 9), "/2024/09/judul/"),
        (PartialDate(2024), "/2024/judul/"),
        (None, "/undated/judul/"),
    ],
)
def test_permalink_is_trimmed_to_the_known_date_precision(date: PartialDate | None, url: str) -> None:
    assert article_url(DEFAULT, date, "judul") == url


def test_custom_permalink_pattern_is_trimmed_too() -> None:
    assert article_url("/berita/{year}/{month}/{slug}/", PartialDate(2024, 9, 22), "a") == "/berita/2024/09/a/"
    assert article_url("/berita/{year}/{month}/{slug}/", PartialDate(2024), "a") == "/berita/2024/a/"


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("/", "index.html"),
        ("/2024/09/", "2024/09/index.html"),
        ("/feed.xml", "feed.xml"),
        ("/../../x/", "x/index.html"),
        ("/a/./../b.html", "a/b.html"),
    ],
)
def test_output_path_is_relative_and_never_climbs(url: str, path: str) -> None:
    assert output_path(url) == path


@pytest.mark.parametrize(
    ("target", "page", "expected"),
    [
        ("/", "/", "index.html"),
        ("/static/arsip.css", "/", "static/arsip.css"),
        ("/", "/2024/09/22/judul/", "../../../../index.html"),
        ("/2024/09/", "/2024/09/22/judul/", "../../index.html"),
        ("/tags/banjir/", "/tags/", "banjir/index.html"),
        ("/static/arsip.css", "/404.html", "static/arsip.css"),
        ("/tags/", "/404.html", "tags/index.html"),
        ("/2024/09/22/judul/#isi", "/2024/09/22/judul/", "index.html#isi"),
        ("/page/2/", "/page/3/", "../2/index.html"),
    ],
)
def test_relative_links_point_at_files_so_they_work_from_disk(target: str, page: str, expected: str) -> None:
    assert link(target, page, "/", relative=True) == expected
    # resolving the link from the page's folder lands on the target's file
    page_dir = page if page.endswith("/") else posixpath.dirname(page) + "/"
    resolved = posixpath.normpath(posixpath.join(page_dir, expected.partition("#")[0]))
    assert resolved.lstrip("/") == output_path(target.partition("#")[0])


@pytest.mark.parametrize(
    ("base_path", "target", "expected"),
    [("/", "/tags/", "/tags/"), ("/arsip/", "/tags/", "/arsip/tags/"), ("/arsip/", "/", "/arsip/")],
)
def test_absolute_links_carry_the_base_path(base_path: str, target: str, expected: str) -> None:
    assert link(target, "/2024/", base_path, relative=False) == expected
