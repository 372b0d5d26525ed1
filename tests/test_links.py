"""Every internal link and asset resolves to a file, at a domain root, under a base path and from disk."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest

from tests.conftest import Result, article

LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "form": "action"}


def _site() -> dict[str, str]:
    seeds = {}
    dates = ["2024-09-22", "2024-09-22", "2024-09-23", "2024-08-01", "2024-08", "2023-12-31", "2023", None, None]
    tags = [
        ["Banjir", "Palembang"],
        ["Banjir"],
        ["Pilkada"],
        ["Pilkada", "Sumsel"],
        ["Banjir"],
        [],
        ["Sumsel"],
        ["Banjir"],
        [],
    ]
    for n, (date, tag_list) in enumerate(zip(dates, tags, strict=True)):
        seeds[f"seeds/{n:02d}.md"] = article(f"Berita nomor {n} Ünïcödé", date, tag_list, body=f"Isi berita {n}.")
    seeds["seeds/teaser.txt"] = (
        "PALEMBANG, CONTOH.COM - Hujan turun pada Senin (23/9/2024) di Palembang.\n"
        "BACA JUGA:Berita nomor 2 Ünïcödé\n"
        "Paragraf penutup.\n"
    )
    return seeds


def _pages(result: Result) -> list[tuple[str, lxml.html.HtmlElement]]:
    return [(path, lxml.html.fromstring(result.files[path])) for path in sorted(result.html_pages())]


def _links(tree: lxml.html.HtmlElement, canonical: bool = True) -> list[str]:
    """Every link and asset reference of a page; `canonical=False` leaves out <link rel=canonical>, which names
    the page's address on the web rather than something to load or follow from a copy."""
    found = []
    for tag, attribute in LINK_ATTRIBUTES.items():
        for element in tree.iter(tag):
            if element.get(attribute) is None or (not canonical and element.get("rel") == "canonical"):
                continue
            found.append(element.get(attribute))
    return found


def _target_file(files: dict[str, object], site_path: str) -> str | None:
    """A site path such as /2024/ or /feed.xml → the file a web server would send, or None."""
    path = unquote(site_path).lstrip("/")
    for candidate in (path, posixpath.join(path, "index.html")) if path else ("index.html",):
        if candidate in files:
            return candidate
    return None


def _check_fragment(result: Result, file: str, fragment: str, broken: list[str], where: str) -> None:
    if fragment and file.endswith(".html"):
        tree = lxml.html.fromstring(result.files[file])
        if not tree.xpath("//*[@id=$id]", id=fragment):
            broken.append(f"{where}: no element with id {fragment!r} in {file}")


def _check_server_links(result: Result, origin: str, base_path: str) -> list[str]:
    broken = []
    assert len(result.html_pages()) > 20
    for path, tree in _pages(result):
        for href in _links(tree):
            where = f"{path}: {href}"
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel"):
                continue
            if (parts.scheme or parts.netloc) and f"{parts.scheme}://{parts.netloc}" != origin:
                broken.append(f"{where}: link to another host")
                continue
            if not parts.path:  # same-page fragment
                _check_fragment(result, path, parts.fragment, broken, where)
                continue
            if not parts.path.startswith(base_path):
                broken.append(f"{where}: outside the base path {base_path}")
                continue
            target = _target_file(result.files, "/" + parts.path[len(base_path) :])
            if target is None:
                broken.append(f"{where}: no such file")
            else:
                _check_fragment(result, target, parts.fragment, broken, where)
    return broken


@pytest.mark.parametrize(
    ("base_url", "origin", "base_path"),
    [
        ("https://example.org/", "https://example.org", "/"),
        ("https://example.org/arsip/", "https://example.org", "/arsip/"),
    ],
    ids=["domain-root", "base-path"],
)
def test_every_internal_link_resolves_on_a_server(build_files, base_url: str, origin: str, base_path: str) -> None:
    result = build_files(_site(), config=f"base_url: {base_url}\nper_page: 2\n")
    assert result.status == 0, result.stderr
    assert "page/2/index.html" in result.files and "tags/banjir/page/2/index.html" in result.files
    assert _check_server_links(result, origin, base_path) == []


def test_every_internal_link_resolves_from_disk_with_relative_urls(build_files) -> None:
    result = build_files(
        _site(), config="base_url: https://example.org/arsip/\nper_page: 2\n", args=["--relative-urls"]
    )
    assert result.status == 0, result.stderr
    out = result.out.resolve()
    broken = []
    for path, tree in _pages(result):
        page_file = out / path
        for href in _links(tree, canonical=False):
            where = f"{path}: {href}"
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto", "tel") or parts.netloc:
                if parts.netloc == "example.org":
                    broken.append(f"{where}: absolute link to the site; breaks a copy opened from disk")
                continue
            if not parts.path:
                _check_fragment(result, path, parts.fragment, broken, where)
                continue
            if parts.path.startswith("/"):
                broken.append(f"{where}: root-relative; on file:// this is the disk's root")
                continue
            # a browser on file:// resolves against the page's file and serves no index.html for folders
            target = Path(posixpath.normpath(posixpath.join(str(page_file.parent), unquote(parts.path))))
            if parts.path.endswith("/") or target.is_dir():
                broken.append(f"{where}: points at a folder; file:// shows a listing, not index.html")
            elif not target.is_file():
                broken.append(f"{where}: no such file")
            elif out not in target.parents:
                broken.append(f"{where}: leaves the site folder")
            else:
                _check_fragment(result, target.relative_to(out).as_posix(), parts.fragment, broken, where)
    assert broken == []


def test_teaser_headline_found_in_archive_becomes_a_link(build_files) -> None:
    result = build_files(_site(), config="per_page: 2\n")
    teaser_page = next(p for p in result.html_pages() if "hujan-turun" in p)
    tree = lxml.html.fromstring(result.files[teaser_page])
    assert tree.xpath("//aside[@class='read-also']//a/@href") == ["/2024/09/23/berita-nomor-2-unicode/"]


def test_article_pages_link_up_to_their_dates_and_tags(build_files) -> None:
    result = build_files(_site(), config="per_page: 2\n")
    tree = lxml.html.fromstring(result.files["2024/09/22/berita-nomor-0-unicode/index.html"])
    crumbs = tree.xpath("//nav[contains(@class, 'breadcrumbs')]//a/@href")
    assert crumbs == ["/", "/archive/", "/2024/", "/2024/09/", "/2024/09/22/"]
    assert tree.xpath("//a[@rel='tag']/@href") == ["/tags/banjir/", "/tags/palembang/"]
