"""The command line: version, help, the summary line, --strict, bad seeds, `inspect --json`."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from generator import __version__, cli
from tests.conftest import ROOT, article

SUMMARY = re.compile(r"^(\d+) articles, (\d+) pages written, (\d+) warnings, (\d+) errors, \d+\.\d\d s")
GOOD = {
    "seeds/a.md": article("Banjir Bandang", "2024-08-19", ["Banjir"]),
    "seeds/b.md": article("Jalan Rusak", "2024-08-20"),
}


def test_version_from_the_installed_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--version"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"arsip {__version__}"


def _subcommands() -> list[str]:
    parser = cli._parser()
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return sorted(actions[0].choices)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", [[], *[[name] for name in _subcommands()]], ids=lambda c: " ".join(c) or "arsip")
def test_help_everywhere(command: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: arsip {' '.join(command)}".rstrip())
    assert "--help" in out


def test_build_and_inspect_are_subcommands() -> None:
    assert {"build", "inspect"} <= set(_subcommands())


def test_unknown_option_is_a_usage_error_without_traceback(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["build", "--no-such-option"])
    assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_build_ends_with_one_summary_line(build_files) -> None:
    result = build_files({**GOOD, "seeds/c.md": "---\ntitel: Salah Ketik\n---\nIsi.\n"})
    assert result.status == 0
    last = result.stderr.strip().splitlines()[-1]
    match = SUMMARY.match(last)
    assert match, last
    articles, pages, warnings, errors = (int(g) for g in match.groups())
    assert (articles, warnings, errors) == (3, 1, 0)
    assert len(result.html_pages()) <= pages <= len(result.files)


def test_strict_turns_a_warning_into_exit_1_and_writes_nothing(build_files) -> None:
    result = build_files({**GOOD, "seeds/c.md": "---\ntitel: Salah Ketik\n---\nIsi.\n"}, args=["--strict"])
    assert result.status == 1
    assert result.files == {}
    assert not result.out.exists()
    assert "seeds/c.md:2: warning: unknown field `titel`" in result.stderr
    assert "site not written" in result.stderr


def test_strict_leaves_an_existing_site_untouched(build_files) -> None:
    first = build_files(GOOD)
    (first.root / "seeds" / "c.md").write_text("---\ntitel: Salah Ketik\n---\nIsi.\n")
    second = build_files.run(first.root, ["--strict"])
    assert second.status == 1
    assert second.files == first.files


def test_strict_build_without_warnings_succeeds(build_files) -> None:
    result = build_files(GOOD, args=["--strict"])
    assert result.status == 0, result.stderr
    assert "index.html" in result.files


def test_bad_seed_is_reported_with_path_and_line_and_the_rest_is_built(build_files) -> None:
    bad = "---\ntitle: Rusak\ntags: [satu, dua\n---\nIsi.\n"
    result = build_files({**GOOD, "seeds/rusak.md": bad, "seeds/biner.txt": b"\x00\x01\x02" * 10})
    assert result.status == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"^seeds/rusak\.md:[34]: error: invalid YAML", result.stderr, re.MULTILINE), result.stderr
    assert "seeds/biner.txt: warning: binary file" in result.stderr
    assert "2024/08/19/banjir-bandang/index.html" in result.files
    assert "2024/08/20/jalan-rusak/index.html" in result.files
    assert SUMMARY.match(result.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "seed",
    [
        b"\xff\xfe\x00\x00garbage",
        "---\n- a\n- b\n---\nIsi.\n",
        "---\ntitle: &a [*a]\n---\n",
        "---\n" + "x: " * 30 + "1\n---\n",
        "---\n" + "[" * 500 + "\n---\n",
        "---\ndate: 2024-13-45\n---\nIsi.\n",
        "---\ntags: !!python/name:os.system\n---\n",
        "",
        "\n\n   \n",
    ],
    ids=[
        "utf32ish",
        "list-front-matter",
        "recursive-alias",
        "deep-map",
        "deep-flow",
        "bad-date",
        "python-tag",
        "empty",
        "blank",
    ],
)
def test_hostile_seed_never_gives_a_traceback(build_files, seed: str | bytes) -> None:
    result = build_files({**GOOD, "seeds/jahat.md": seed})
    assert "Traceback" not in result.stderr
    assert result.status in (0, 1)
    assert "2024/08/19/banjir-bandang/index.html" in result.files


DOCUMENTED = {
    "source",
    "title",
    "date",
    "date_precision",
    "place",
    "outlet",
    "language",
    "tags",
    "url",
    "summary",
    "related",
}


def test_inspect_json_prints_json_lines_with_the_documented_fields(tmp_path, monkeypatch, capsys) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.md").write_text(article("Banjir Bandang", "2024-08", ["Banjir"], place="Palembang"))
    (tmp_path / "seeds" / "b.txt").write_text("JAMBI, CONTOH.COM - Hujan turun pada Senin (2/9/2024) sejak pagi.\n")
    monkeypatch.chdir(tmp_path)
    status = cli.main(["inspect", "--json", "seeds"])
    out = capsys.readouterr().out
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["source"] for row in rows] == ["seeds/a.md", "seeds/b.txt"]
    assert all(set(row) >= DOCUMENTED for row in rows)
    a, b = rows
    assert (a["title"], a["date"], a["date_precision"], a["place"], a["tags"], a["url"]) == (
        "Banjir Bandang", "2024-08", "month", "Palembang", ["Banjir"], "/2024/08/banjir-bandang/",
    )  # fmt: skip
    assert b["title"] and b["url"].endswith("/")  # what raw text yields is the understanding tests' business


def test_inspect_reports_a_missing_path(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["inspect", "tidak-ada.md"]) == 1
    assert "tidak-ada.md: error: no such file or folder" in capsys.readouterr().err
