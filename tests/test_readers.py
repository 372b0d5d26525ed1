"""Readers: bytes → Draft, with every stated field and where it was stated."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.discover import discover
from generator.draft import PartialDate
from generator.readers.seed import read_seed
from tests.conftest import write_tree

FRONT = """\
---
title: Banjir di Palembang
date: 2024-09-22
tags: [Banjir, Palembang]
slug: banjir-palembang
summary: Air naik semalam.
place: Palembang
outlet: contoh.com
draft: false
---
# Judul lain

Paragraf pertama
masih paragraf pertama.

Paragraf kedua.
"""


def _read(tmp_path: Path, files: dict[str, str | bytes]):  # type: ignore[no-untyped-def]
    write_tree(tmp_path / "seeds", files)
    seeds, problems = discover(tmp_path / "seeds", "seeds")
    assert problems == []
    results = [read_seed(seed) for seed in seeds]
    return results[0] if len(results) == 1 else results


@pytest.mark.parametrize(
    "raw",
    [
        b"Baris satu.\nBaris dua.\n",
        b"\xef\xbb\xbfBaris satu.\nBaris dua.\n",
        b"Baris satu.\r\nBaris dua.\r\n",
        b"Baris satu.\rBaris dua.\r",
        b"\xef\xbb\xbfBaris satu.\r\n\r\nBaris dua.",
    ],
    ids=["lf", "bom", "crlf", "cr", "bom-crlf-blank"],
)
def test_bom_and_any_line_endings_read_the_same(tmp_path: Path, raw: bytes) -> None:
    draft, problems = _read(tmp_path, {"a.txt": raw})
    assert problems == []
    assert [line.text for line in draft.lines] == ["Baris satu.", "Baris dua."]
    assert draft.lines[0].text[0] == "B"  # no stray BOM


def test_front_matter_with_bom_and_crlf_is_found(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf---\r\ntitle: Halo\r\ndate: 2024-09\r\n---\r\nIsi.\r\n"
    draft, problems = _read(tmp_path, {"a.md": raw})
    assert problems == []
    assert draft.value("title") == "Halo"
    assert draft.value("date") == PartialDate(2024, 9)


def test_front_matter_states_every_documented_field_with_its_line(tmp_path: Path) -> None:
    draft, problems = _read(tmp_path, {"a.md": FRONT})
    assert problems == []
    assert {k: v.value for k, v in draft.stated.items()} == {
        "title": "Banjir di Palembang",
        "date": PartialDate(2024, 9, 22),
        "tags": ("Banjir", "Palembang"),
        "slug": "banjir-palembang",
        "summary": "Air naik semalam.",
        "place": "Palembang",
        "outlet": "contoh.com",
        "draft": False,
    }
    assert (draft.stated["title"].origin, draft.stated["title"].line) == ("front matter", 2)
    assert draft.stated["draft"].line == 9
    assert [(b.text, b.line) for b in draft.lines] == [
        ("Judul lain", 11),
        ("Paragraf pertama masih paragraf pertama.", 13),
        ("Paragraf kedua.", 16),
    ]


def test_front_matter_yaml_is_loaded_safely(tmp_path: Path) -> None:
    draft, problems = _read(tmp_path, {"a.md": "---\ntitle: !!python/object/apply:os.system ['true']\n---\nIsi.\n"})
    assert [p.severity for p in problems] == ["error"]
    assert problems[0].path == "seeds/a.md"


def test_sidecar_overrides_front_matter_and_file_name(tmp_path: Path) -> None:
    draft, problems = _read(
        tmp_path,
        {
            "2020-01-01-a.md": FRONT,
            "2020-01-01-a.yml": "title: Judul Koreksi\ndate: 2023-05-06\ntags: Koreksi\nplace: Jambi\n",
        },
    )
    assert problems == []
    assert draft.value("title") == "Judul Koreksi"
    assert draft.value("date") == PartialDate(2023, 5, 6)
    assert draft.value("tags") == ("Koreksi",)
    assert draft.value("place") == "Jambi"
    assert draft.value("outlet") == "contoh.com"  # not overridden: front matter still holds
    assert (draft.stated["title"].origin, draft.stated["title"].path) == ("sidecar", "seeds/2020-01-01-a.yml")


def test_sidecar_overrides_inference_in_the_built_site(build_files) -> None:
    result = build_files(
        {
            "seeds/berita.txt": "PALEMBANG, CONTOH.COM - Hujan deras turun pada Senin (2/9/2024) di kota ini.\n",
            "seeds/berita.yml": "title: Judul dari Sidecar\ndate: 2021-03-04\n",
        }
    )
    assert result.status == 0, result.stderr
    assert "2021/03/04/judul-dari-sidecar/index.html" in result.files
    assert "<h1>Judul dari Sidecar</h1>" in result.text("2021/03/04/judul-dari-sidecar/index.html")


def test_file_name_states_a_date(tmp_path: Path) -> None:
    draft, _ = _read(tmp_path, {"2024-02-29-kabar.md": "Isi.\n"})
    assert draft.stated["date"].origin == "file name"
    assert draft.value("date") == PartialDate(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "field", "line"),
    [
        ("---\ntitle: Halo\ndate: kemarin\n---\nIsi.\n", "date", 3),
        ("---\ntitle: Halo\n\ntags: {a: 1}\n---\nIsi.\n", "tags", 4),
        ("---\ndraft: mungkin\n---\nIsi.\n", "draft", 2),
        ("---\ndate: 2024-02-30\n---\nIsi.\n", "date", 2),
    ],
)
def test_bad_field_type_is_reported_with_file_and_line(tmp_path: Path, text: str, field: str, line: int) -> None:
    draft, problems = _read(tmp_path, {"a.md": text})
    assert [(p.severity, p.path, p.line) for p in problems] == [("error", "seeds/a.md", line)]
    assert f"`{field}`" in problems[0].message
    assert field not in draft.stated


def test_bad_field_in_sidecar_is_reported_with_sidecar_path_and_line(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, {"a.md": "Isi.\n", "a.yml": "title: Ok\ndate: [2024]\n"})
    assert [str(p) for p in problems][0].startswith("seeds/a.yml:2: error: `date`")


def test_unknown_front_matter_field_is_a_warning_with_did_you_mean(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, {"a.md": "---\ntitel: Halo\n---\nIsi.\n"})
    assert [str(p) for p in problems] == [
        "seeds/a.md:2: warning: unknown field `titel` ignored (did you mean `title`?)"
    ]


def test_invalid_front_matter_yaml_is_reported_with_line(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, {"a.md": "---\ntitle: Halo\ntags: [satu, dua\n---\nIsi.\n"})
    assert len(problems) == 1
    assert problems[0].severity == "error" and problems[0].path == "seeds/a.md"
    assert problems[0].line in (3, 4)


def test_unclosed_front_matter_is_an_error_on_line_1(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, {"a.md": "---\ntitle: Halo\nIsi.\n"})
    assert [(p.severity, p.line) for p in problems] == [("error", 1)]


def test_raw_text_paragraphs_keep_their_line_numbers(tmp_path: Path) -> None:
    draft, _ = _read(tmp_path, {"a.txt": "Satu.\n\n  Dua   spasi.\nTiga.\n"})
    assert [(line.text, line.line) for line in draft.lines] == [("Satu.", 1), ("Dua spasi.", 3), ("Tiga.", 4)]


@pytest.mark.parametrize("value", ["!!int abc", "!!float x", "!!timestamp kemarin"])
def test_unconstructible_yaml_value_is_an_error_not_a_crash(tmp_path: Path, value: str) -> None:
    draft, problems = _read(tmp_path, {"a.md": f"---\ntitle: {value}\n---\nIsi.\n"})
    assert [(p.severity, p.path) for p in problems] == [("error", "seeds/a.md")]
    assert "title" not in draft.stated


def test_control_characters_never_reach_a_stated_field_or_the_body(tmp_path: Path) -> None:
    # Found by hypothesis: a title of only "\b" reached the page; the article then had no text, and Pagefind
    # refused to index it, failing the whole build.
    write_tree(tmp_path, {"seeds/a.md": '---\ntitle: "\\b"\nplace: "Pa\\u0007lembang"\n---\nIsi\x08 berita.\n'})
    seeds, _ = discover(tmp_path / "seeds", "seeds")
    draft, problems = read_seed(seeds[0])
    assert draft is not None
    assert "title" not in draft.stated and draft.value("place") == "Palembang"
    assert draft.lines[0].text == "Isi berita."
    messages = [str(p) for p in problems]
    assert "seeds/a.md:2: error: `title` must not be empty" in messages
    assert "seeds/a.md: warning: control characters removed" in messages
