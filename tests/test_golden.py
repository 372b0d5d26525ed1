"""The sample site, byte for byte, against the committed tree in tests/golden/sample/."""

from __future__ import annotations

from pathlib import Path

from tests.golden import EXPECTED, build_sample, difference


def test_sample_site_matches_golden_tree(tmp_path: Path) -> None:
    assert EXPECTED.is_dir(), "no golden tree yet: run `make golden`"
    problem = difference(EXPECTED, build_sample(tmp_path))
    assert problem is None, problem


def test_golden_difference_shows_a_unified_diff(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.html").write_text("satu\ndua\n")
    (tmp_path / "b" / "x.html").write_text("satu\nDUA\n")
    (tmp_path / "b" / "y.html").write_text("baru\n")
    problem = difference(tmp_path / "a", tmp_path / "b")
    assert problem is not None
    assert "not in the golden tree: y.html" in problem
    assert "-dua\n+DUA" in problem
