"""Property-based: random bytes, random front matter and random Unicode titles and tags never crash the reader,
the slugger or a full build; every problem is named; nothing is written outside the output folder; output is
escaped. Example counts are modest so the file runs in well under a minute."""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import BuildOptions, build
from generator.discover import SeedFile
from generator.model import tag_key
from generator.readers.seed import read_seed
from generator.readers.text import decode
from generator.urls import output_path, slugify
from tests.test_hostile_input import assert_no_active_markup

QUICK = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BUILDS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

hostile_text = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list("<>&\"'/\\.\x00\r\n\u2028\ufeff]")), max_size=40
)


def _read_bytes(raw: bytes, name: str):  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(raw)
        return read_seed(SeedFile(path, f"seeds/{name}", "markdown" if name.endswith(".md") else "text"))


@QUICK
@given(st.binary(max_size=600), st.sampled_from(["a.md", "a.txt"]))
def test_random_bytes_are_read_or_refused_with_a_named_problem(raw: bytes, name: str) -> None:
    draft, problems = _read_bytes(raw, name)
    assert all(p.path == f"seeds/{name}" and p.message for p in problems)
    if draft is None:
        assert problems, "a refused file must say why"
    else:
        for line in draft.lines:
            assert "\r" not in line.text and "\ufeff" not in line.text


@QUICK
@given(st.binary(max_size=300))
def test_decode_never_leaves_a_bom_or_carriage_return(raw: bytes) -> None:
    text, problems = decode(raw, "seeds/a.txt")
    assert text is None or ("\r" not in text and not text.startswith("\ufeff"))
    assert text is not None or problems


yaml_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text | st.dates()
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)
fields = st.sampled_from(["title", "date", "tags", "slug", "summary", "place", "outlet", "draft", "language", "x"])


@QUICK
@given(st.dictionaries(fields | hostile_text, yaml_values, max_size=6))
def test_random_front_matter_gives_a_draft_and_named_problems(mapping: dict) -> None:
    matter = yaml.safe_dump(mapping, allow_unicode=True, default_flow_style=False)
    draft, problems = _read_bytes(f"---\n{matter}---\nIsi berita.\n".encode(), "a.md")
    assert draft is not None
    assert all(p.path == "seeds/a.md" for p in problems)
    assert all(p.line is not None for p in problems if "`" in p.message)  # a named field has its line


@QUICK
@given(hostile_text)
def test_slugs_are_safe_path_segments(text: str) -> None:
    slug = slugify(text)
    assert slug and len(slug) <= 80
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert slug not in (".", "..") and not slug.startswith("-") and not slug.endswith("-")
    assert output_path(f"/tags/{slug}/") == f"tags/{slug}/index.html"


@QUICK
@given(hostile_text)
def test_tag_identity_ignores_case_and_unicode_form(text: str) -> None:
    for variant in (unicodedata.normalize("NFD", text), unicodedata.normalize("NFKC", text), text.casefold()):
        assert tag_key(variant) == tag_key(text), variant


@BUILDS
@given(titles=st.lists(hostile_text, min_size=1, max_size=4), tags=st.lists(hostile_text, max_size=4))
def test_random_titles_and_tags_through_a_full_build(titles: list[str], tags: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seeds").mkdir()
        for n, title in enumerate(titles):
            matter = {"title": title or "x", "tags": tags, "slug": title, "date": f"2024-0{1 + n % 9}-1{n}"}
            text = f"---\n{yaml.safe_dump(matter, allow_unicode=True)}---\n{title}\n"
            (root / "seeds" / f"s{n}.md").write_text(text, encoding="utf-8")
        options = BuildOptions(seeds=root / "seeds", out=root / "site", config_path=root / "site.yml", jobs=1)
        result = build(options)
        assert result.exit_status in (0, 1)
        assert all(d.path is None or d.path.startswith(str(root)) for d in result.diagnostics)
        written = {p.relative_to(root).parts[0] for p in root.rglob("*") if p.is_file()}
        assert written <= {"seeds", "site", ".arsip-cache", ".site.lock"}, written
        for dirpath, _, filenames in os.walk(root / "site"):
            for name in filenames:
                path = Path(dirpath) / name
                assert path.resolve().is_relative_to((root / "site").resolve())
                if name.endswith(".html") and "pagefind" not in dirpath:
                    assert_no_active_markup(path.read_text(encoding="utf-8"), str(path))
        json.dumps([str(d) for d in result.diagnostics])  # every problem is plain, printable text
