"""Lighthouse scores of the home page and an article (mobile preset) on the demo archive served on 127.0.0.1.

    make lighthouse        (installs npm lighthouse@12 into .tools/lighthouse, then runs this)
    .venv/bin/python -m tests.tools.lighthouse [--min 95]

Needs Debian chromium (CHROME_PATH, default /usr/bin/chromium) and node. Prints one line per page and category;
exits 1 when a score is below --min. Too slow and too machine-dependent for `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.tools import demo_site

LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE", demo_site.ROOT / ".tools/lighthouse/node_modules/.bin/lighthouse"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"


def score(url: str, report: Path) -> dict[str, int]:
    """Run Lighthouse (its default, the mobile preset) on `url`; category → score out of 100."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={report}",
        ],
        env=env,
        check=True,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=int, default=95, help="lowest acceptable score (default 95)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"lighthouse not found at {LIGHTHOUSE}: run `make lighthouse`", file=sys.stderr)
        return 2
    low = []
    with tempfile.TemporaryDirectory(prefix="arsip-lh-") as work:
        site = demo_site.build(Path(work))
        pages = {"home": "/", "article": demo_site.first_article(site)}
        with demo_site.serve(site) as base:
            for name, path in pages.items():
                scores = score(base + path.lstrip("/"), Path(work) / f"{name}.json")
                print(f"{name:8} {path}: " + "  ".join(f"{k}={v}" for k, v in scores.items()))
                low += [f"{name} {k}={v}" for k, v in scores.items() if v < args.min]
    if low:
        print("below " + str(args.min) + ": " + ", ".join(low), file=sys.stderr)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
