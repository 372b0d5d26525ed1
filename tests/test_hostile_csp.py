"""The theme's Content-Security-Policy: strict, and satisfied by the site's own pages in a real browser."""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.serve.overlay import inject
from tests.conftest import article
from tests.test_hostile_input import assert_no_active_markup

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
SEEDS = {
    "seeds/a.md": article("Banjir Bandang di Palembang", "2024-08-19", ["Banjir"], body="Air naik **cepat**."),
    "seeds/b.md": article("Jalan Rusak", "2024-08-20", ["Jalan"], body="<p style='color:red'>Lubang</p> dalam."),
    "seeds/c.txt": "Teks mentah tanpa tanggal tentang banjir.\n",
}
# Collects every violation the page reports, whatever its cause, in window.__csp.
LISTEN = (
    "document.addEventListener('securitypolicyviolation', e => "
    "(window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))"
)
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _policy(html: str) -> dict[str, list[str]]:
    match = _CSP.search(html)
    assert match, "no Content-Security-Policy meta tag"
    directives = [part.split() for part in match.group(1).split(";") if part.strip()]
    return {d[0]: d[1:] for d in directives}


def test_every_page_carries_a_strict_policy_before_any_resource(build_files) -> None:
    result = build_files(SEEDS)
    assert result.status == 0, result.stderr
    for path in result.html_pages():
        if path.startswith("pagefind/"):
            continue
        html = result.text(path)
        policy = _policy(html)
        assert policy["default-src"] == ["'self'"], path
        assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"], path
        assert policy["style-src"] == ["'self'"] and policy["object-src"] == ["'none'"], path
        assert policy["base-uri"] == ["'none'"], path
        assert not any("unsafe-inline" in v or v.strip("'") == "unsafe-eval" for vs in policy.values() for v in vs)
        assert html.index("Content-Security-Policy") < min(
            html.index("<link"), html.index("<script") if "<script" in html else len(html)
        )
        assert_no_active_markup(html, path)  # …and nothing the policy would refuse is in the page itself


def test_preview_lets_its_own_inline_reload_script_through_but_nothing_else(build_files) -> None:
    result = build_files(SEEDS)
    served = inject(result.text("index.html").encode(), [], False).decode()
    policy = _policy(served)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"] and policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in result.text("index.html")  # the built file keeps the strict policy


@pytest.fixture
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (install the Debian package `chromium`; `make test-tools` does)")
        pytest.skip(f"{CHROMIUM} is missing: install the Debian package `chromium` (`make test-tools`) to run this")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def static_server(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A plain static file server over `tmp_path/site1/site`, as any web host would be."""
    root = tmp_path / "site1" / "site"
    root.mkdir(parents=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return None

    Quiet.extensions_map = {**Quiet.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.browser
def test_no_csp_violation_on_home_article_archive_and_search(build_files, chromium, static_server) -> None:
    root, origin = static_server
    result = build_files(SEEDS, root=root.parent)
    assert result.status == 0, result.stderr
    context = chromium.new_context()  # type: ignore[attr-defined]
    violations: list[str] = []
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: violations.append(f"page error: {e}"))
    for path in ("/", "/2024/08/19/banjir-bandang-di-palembang/", "/2024/08/20/jalan-rusak/", "/archive/",
                 "/2024/08/", "/tags/"):  # fmt: skip
        page.goto(origin + path)
        page.wait_for_load_state("networkidle")
        violations += page.evaluate("window.__csp || []")
    page.goto(origin + "/search/")
    page.fill("#search-input", "banjir")
    page.press("#search-input", "Enter")
    page.locator(".search-results li").first.wait_for(timeout=15_000)
    assert "Banjir Bandang" in page.inner_text(".search-results")
    violations += page.evaluate("window.__csp || []")
    context.close()
    assert violations == []


@pytest.mark.browser
def test_the_policy_is_enforced_for_injected_inline_script(build_files, chromium, static_server) -> None:
    """The check above is meaningful: an inline script in a site template is blocked and reported."""
    root, origin = static_server
    template = '{% extends "base.html" %}{% block main %}<script>document.title = "RAN"</script>{% endblock %}'
    result = build_files({**SEEDS, "templates/home.html": template}, root=root.parent)
    assert result.status == 0, result.stderr
    assert "RAN" in result.text("index.html"), result.text("index.html")[-800:]
    page = chromium.new_page()  # type: ignore[attr-defined]
    page.add_init_script(LISTEN)
    page.goto(origin + "/")
    page.wait_for_load_state("networkidle")
    for _ in range(50):  # the report is an event; give it a moment (wait_for_function would need eval)
        reported = page.evaluate("window.__csp || []")
        if reported:
            break
        page.wait_for_timeout(100)
    assert page.title() != "RAN"
    assert any("script-src" in v for v in reported), (reported, page.content()[:1500])
    page.close()
