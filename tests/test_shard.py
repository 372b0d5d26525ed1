"""`arsip build --shard K/N`: N disjoint outputs whose union is, byte for byte, the full build."""

from __future__ import annotations

import pytest

from generator import cli
from generator.shard import Shard, parse_shard
from tests.conftest import SiteBuilder, article, read_tree
from tests.test_incremental_equivalence import SITE


@pytest.mark.parametrize("count", [2, 3])
def test_the_union_of_n_shards_is_the_full_build(build_files: SiteBuilder, count: int) -> None:
    config = "title: Uji\nper_page: 5\nsearch_part_size: 5\n"  # 26 articles: several parts of the search index
    full = build_files(SITE, config=config)
    assert full.status == 0, full.messages
    union: dict[str, str | bytes] = {}
    for number in range(count):
        shard = build_files.run(full.root, ["--shard", f"{number}/{count}", "--out", f"shard-{number}"])
        assert shard.status == 0, shard.messages
        files = read_tree(full.root / f"shard-{number}")
        assert files, f"shard {number} wrote nothing"
        assert not union.keys() & files.keys(), "shards must write disjoint files"
        union.update(files)
    assert sorted(union) == sorted(full.files)
    differing = [path for path in full.files if union[path] != full.files[path]]
    assert not differing, differing[:5]
    assert any(path.startswith("pagefind/more/") for path in union), "the search index is split across shards"


def test_a_site_without_articles_is_whole_in_the_first_shard(build_files: SiteBuilder) -> None:
    full = build_files({"seeds/draft.md": article("Belum", "2024-01-01", [], draft=True)}, config="title: Uji\n")
    assert full.status == 0, full.messages
    first = build_files.run(full.root, ["--shard", "0/2", "--out", "shard-0"])
    second = build_files.run(full.root, ["--shard", "1/2", "--out", "shard-1"])
    assert first.status == second.status == 0
    assert read_tree(full.root / "shard-0") == full.files
    assert read_tree(full.root / "shard-1") == {}


@pytest.mark.parametrize("text", ["1/1", "3/2", "-1/2", "0/0", "a/b", "1", ""])
def test_a_wrong_shard_is_refused_before_any_work(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_shard(text) is None
    with pytest.raises(SystemExit) as stopped:
        cli.main(["build", "--shard", text])
    assert stopped.value.code == 2
    assert "K/N" in capsys.readouterr().err


def test_shards_are_zero_based_like_a_ci_matrix_index() -> None:
    assert parse_shard("0/4") == Shard(0, 4) and parse_shard(" 3/4 ") == Shard(3, 4)
