"""Screenshots of the home and an article page, desktop (1280 px) and phone (390 px), for the README.

    .venv/bin/python -m tests.tools.screenshots [OUT_DIR]     (default docs/screenshots; `make screenshots`)

Builds the demo archive from the sample seed and synthetic articles (tests/tools/demo_site.py), serves it on
127.0.0.1 and photographs the first screen of each page with Debian's headless Chromium. Fails when a page logs
a console error or asks another host.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from tests.tools import demo_site

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 760)}


def take(site: Path, out: Path) -> list[str]:
    """Photograph the pages of the built `site` into `out`; returns the problems seen (console errors, requests)."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    pages = {"home": "/", "article": demo_site.first_article(site)}
    out.mkdir(parents=True, exist_ok=True)
    with demo_site.serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        host = urlsplit(base).netloc
        for device, (width, height) in VIEWPORTS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                color_scheme="light",
                is_mobile=device == "phone",
                has_touch=device == "phone",
            )
            page = context.new_page()
            page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("request", lambda r: urlsplit(r.url).netloc not in (host, "") and problems.append(f"asks {r.url}"))
            for name, path in pages.items():
                page.goto(base + path.lstrip("/"), wait_until="networkidle")
                target = out / f"{name}-{device}.png"
                page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": width, "height": height})
                print(f"{target}  ({width}×{height}, {path})")
            context.close()
        browser.close()
    return problems


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else demo_site.ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory(prefix="arsip-shots-") as work:
        # synthetic articles only: the committed images must not carry the dev corpus's text
        site = demo_site.build(Path(work), corpus=False)
        problems = take(site, out)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
