"""Search in a real browser: the site served under a base path, a word typed, a result followed."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import SiteBuilder, article

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BASE_PATH = "/arsip/"

pytestmark = pytest.mark.browser


def _need_browser() -> None:
    problem = None
    if not CHROMIUM.exists():
        problem = f"Debian chromium not found at {CHROMIUM} (apt-get install chromium, or `make test-tools`)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "Python Playwright is not installed (pip install -e '.[test]')"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture(scope="module", params=["absolute", "relative"])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Build a small site for http://127.0.0.1:PORT/arsip/ (links absolute, or relative) and serve it."""
    _need_browser()
    relative = request.param == "relative"
    work = tmp_path_factory.mktemp("browser")
    docroot = work / "docroot"
    docroot.mkdir()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    base = f"http://127.0.0.1:{port}{BASE_PATH}"
    seeds = {
        "seeds/banjir.md": article(
            "Banjir merendam Palembang",
            "2024-09-23",
            ["Banjir", "Palembang"],
            body="Hujan deras semalam membuat sungai Musi meluap hingga ke permukiman warga.",
        ),
        "seeds/jembatan.md": article(
            "Jembatan Ampera dicat ulang",
            "2024-10-02",
            ["Palembang"],
            body="Pengecatan jembatan bersejarah itu memakan waktu dua minggu.",
        ),
        "seeds/lama.md": article("Kabar lama dari 2023", "2023-01-05", ["Banjir"], body="Catatan lama tentang sungai."),
    }
    monkeypatch = pytest.MonkeyPatch()
    try:
        config = f"title: Arsip Uji\nbase_url: {base}\nlanguage: id\nrelative_urls: {str(relative).lower()}\n"
        if not relative:  # the index in parts (one article each), merged by the search page
            config += "search_part_size: 1\n"
        result = SiteBuilder(work, monkeypatch)(seeds, config=config)
    finally:
        monkeypatch.undo()
    assert result.status == 0, result.stderr
    shutil.move(str(result.out), docroot / BASE_PATH.strip("/"))
    handler = functools.partial(_QuietHandler, directory=str(docroot))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, docroot / BASE_PATH.strip("/")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(served: tuple[str, Path]) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()


class Watched:
    """A page that records console errors and failed requests."""

    def __init__(self, browser: object) -> None:
        self.page = browser.new_page()  # type: ignore[attr-defined]
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))

    def _failed(self, request: object) -> None:
        # ERR_ABORTED is Chromium cancelling a page's pending loads (its favicon) when we navigate away;
        # a missing file shows up as an HTTP error above instead.
        failure = request.failure  # type: ignore[attr-defined]
        if failure != "net::ERR_ABORTED":
            self.problems.append(f"failed: {request.url} {failure}")  # type: ignore[attr-defined]


def test_typing_a_word_finds_the_article_and_the_link_opens_it(served, browser) -> None:  # type: ignore[no-untyped-def]
    base, _ = served
    watched = Watched(browser)
    page = watched.page
    page.goto(base)
    page.click("nav.site-nav li:last-child a")
    page.wait_for_url(base + "search/**")
    page.fill("#search-input", "sungai")  # stems and matches "sungai" in two bodies
    page.wait_for_selector(".search-results li a")
    titles = page.locator(".search-results h2 a").all_text_contents()
    assert sorted(titles) == ["Banjir merendam Palembang", "Kabar lama dari 2023"]
    assert page.locator(".search-results mark").first.text_content().lower().startswith("sungai")
    assert page.locator(".search-results .article-item-meta").first.text_content().strip()
    page.fill("#search-input", "jembatan")
    expect(page.locator(".search-results li")).to_have_count(1)  # (wait_for_function would need eval: CSP)
    page.locator(".search-results h2 a").first.click()
    page.wait_for_load_state()
    assert page.url.removesuffix("index.html") == base + "2024/10/02/jembatan-ampera-dicat-ulang/"
    assert page.locator("h1").text_content() == "Jembatan Ampera dicat ulang"
    assert watched.problems == []


def test_search_filters_by_year_and_tag(served, browser) -> None:  # type: ignore[no-untyped-def]
    base, _ = served
    watched = Watched(browser)
    page = watched.page
    page.goto(base + "search/?q=sungai")
    page.wait_for_selector(".search-results li")
    selects = page.locator(".search-filters select")
    assert selects.count() == 2
    page.select_option('.search-filters select[name="Tahun"]', "2023")
    expect(page.locator(".search-results li")).to_have_count(1)  # (wait_for_function would need eval: CSP)
    assert page.locator(".search-results h2 a").all_text_contents() == ["Kabar lama dari 2023"]
    page.select_option('.search-filters select[name="Tahun"]', "")
    page.select_option('.search-filters select[name="Tag"]', "Palembang")
    expect(page.locator(".search-results li")).to_have_count(1)  # (wait_for_function would need eval: CSP)
    assert page.locator(".search-results h2 a").all_text_contents() == ["Banjir merendam Palembang"]
    assert watched.problems == []


def test_no_page_logs_an_error_or_a_failed_request(served, browser) -> None:  # type: ignore[no-untyped-def]
    base, root = served
    watched = Watched(browser)
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("index.html") if "pagefind" not in p.parts)
    assert len(pages) > 10
    for path in pages:
        # networkidle: leaving a page before its favicon arrives would count as a failed request
        watched.page.goto(base + path.removesuffix("index.html"), wait_until="networkidle")
    assert watched.problems == []


def test_tag_index_filter_and_sort_work_without_a_server(served, browser) -> None:  # type: ignore[no-untyped-def]
    base, _ = served
    watched = Watched(browser)
    page = watched.page
    page.goto(base + "tags/")
    assert page.locator("#tag-tools").is_visible()
    page.check('input[name="tag-sort"][value="count"]')
    assert page.locator("#tag-index li").first.get_attribute("data-name") in ("Banjir", "Palembang")
    page.fill("#tag-filter", "palem")
    assert page.locator("#tag-index li:visible").all_text_contents()[0].startswith("Palembang")
    assert page.locator("#tag-index li:visible").count() == 1
    assert watched.problems == []
