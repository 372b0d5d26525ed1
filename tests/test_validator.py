"""The W3C Nu HTML checker finds zero errors in a built site."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from tests.conftest import ROOT, article

DEFAULT_JAR = ROOT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

MARKDOWN = """\
---
title: Rapat Dewan "Khusus" & Anggaran
date: 2024-09-25
tags: [Anggaran, DPRD Sumsel]
summary: Ringkasan rapat.
place: Palembang
outlet: contoh.com
---
## Pembukaan

Rapat dibuka dengan *tertib*, lihat [situs](https://example.com/?a=1&b=2).

- satu
- dua

> Kutipan.

| Kolom | Nilai |
|-------|-------|
| a     | 1     |

<div onclick="x()"><script>alert(1)</script>Teks</div>
"""

ENGLISH = article(
    "Floods Hit the City",
    "2024-09-26",
    ["Floods"],
    body="Heavy rain flooded the city on Thursday.\n\nMore later.",
    language="en",
)


def _vnu() -> list[str]:
    jar = Path(os.environ.get("ARSIP_VNU_JAR") or DEFAULT_JAR)
    java = shutil.which("java")
    missing = [what for what, ok in (("java", java), (f"vnu.jar at {jar}", jar.is_file())) if not ok]
    if missing:
        reason = f"W3C Nu validator unavailable: no {' and no '.join(missing)} (run `make test-tools`)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return [java or "java", "-Xss8m", "-jar", str(jar)]


def test_built_site_has_zero_nu_validator_errors(build_files) -> None:
    command = _vnu()
    sample = {f"seeds/{p.name}": p.read_bytes() for p in (ROOT / "seeds").iterdir() if p.is_file()}
    seeds = {
        **sample,
        "seeds/rapat.md": MARKDOWN,
        "seeds/floods.md": ENGLISH,
        "seeds/undated.md": article("Tanpa Tanggal"),
    }
    config = (ROOT / "site.yml").read_text(encoding="utf-8")
    indonesian = build_files(seeds, config=config.replace("per_page: 20", "per_page: 2"))
    english = build_files(
        seeds, config="language: en\nper_page: 2\nbase_url: https://example.org/arsip/\n", args=["--relative-urls"]
    )
    assert indonesian.status == 0 and english.status == 0, indonesian.stderr + english.stderr
    pages = [str(r.out / p) for r in (indonesian, english) for p in r.html_pages()]
    assert len(pages) > 20
    assert _nu_errors(command, pages) == []


def _nu_errors(command: list[str], pages: list[str]) -> list[str]:
    """Every error the Nu checker reports for these files, as `page:line: message`."""
    done = subprocess.run(
        [*command, "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        messages = json.loads(done.stderr or done.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the validator did not answer with JSON (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return [
        f"{m.get('url', '?').split('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m.get('message')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal"
    ]


CORPUS = ROOT.parent / "shared" / "corpus" / "id-dev"


@pytest.mark.slow
def test_every_page_of_the_dev_corpus_archive_is_valid(tmp_path: Path) -> None:
    """The real scraped corpus (mojibake, control characters and all) plus the sample, read in place."""
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the dev corpus is required in CI but missing at {CORPUS}")
        pytest.skip(f"dev corpus not found at {CORPUS} (it lives beside the repository, not in it)")
    command = _vnu()
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for source in [*CORPUS.glob("*.txt"), *(ROOT / "seeds").glob("*.txt")]:
        shutil.copyfile(source, seeds / source.name)  # a temporary copy; symlinks out of seeds/ are refused
    (tmp_path / "site.yml").write_text((ROOT / "site.yml").read_text(encoding="utf-8"), encoding="utf-8")
    result = build(BuildOptions(seeds=seeds, out=tmp_path / "site", config_path=tmp_path / "site.yml"))
    assert result.exit_status == 0, "\n".join(map(str, result.diagnostics))
    pages = sorted(str(p) for p in (tmp_path / "site").rglob("*.html"))
    assert len(pages) > 500
    assert _nu_errors(command, pages) == []
