"""model: unique slugs, neighbours in time, tags that ignore case."""

from __future__ import annotations

import re

from tests.conftest import article


def test_slug_clash_gets_deterministic_suffix_and_warning(build_files) -> None:
    files = {
        "seeds/b.md": article("Banjir Besar", "2024-09-22", body="Kedua."),
        "seeds/a.md": article("Banjir besar!", "2024-09-22", body="Pertama."),
        "seeds/c.md": article("BANJIR BESAR", "2024-09-22", body="Ketiga."),
    }
    result = build_files(files)
    assert result.status == 0
    day = "2024/09/22/"
    # the suffix follows the seeds' path order, not the order files were written or found on disk
    assert "Pertama." in result.text(day + "banjir-besar/index.html")
    assert "Kedua." in result.text(day + "banjir-besar-2/index.html")
    assert "Ketiga." in result.text(day + "banjir-besar-3/index.html")
    assert [(d.path, d.severity) for d in result.diagnostics] == [("seeds/b.md", "warning"), ("seeds/c.md", "warning")]
    assert "/2024/09/22/banjir-besar/ is already taken" in result.messages[0]
    again = build_files(dict(reversed(list(files.items()))))
    assert {p: d for p, d in again.files.items() if not p.startswith("pagefind/")} == {
        p: d for p, d in result.files.items() if not p.startswith("pagefind/")
    }


def test_same_slug_on_different_days_does_not_clash(build_files) -> None:
    result = build_files({"seeds/a.md": article("Rapat", "2024-09-22"), "seeds/b.md": article("Rapat", "2024-09-23")})
    assert result.warnings() == []
    assert {"2024/09/22/rapat/index.html", "2024/09/23/rapat/index.html"} <= set(result.files)


def test_slug_that_would_shadow_a_section_is_renamed(build_files) -> None:
    result = build_files({"seeds/a.md": article("Tags", None), "seeds/b.md": article("2024", None)})
    assert "undated/tags-artikel/index.html" in result.files
    assert "undated/2024-artikel/index.html" in result.files


def test_front_matter_slug_wins_over_title(build_files) -> None:
    result = build_files({"seeds/a.md": article("Judul Panjang", "2024-01-02", slug="Pendek Saja")})
    assert "2024/01/02/pendek-saja/index.html" in result.files


def _neighbours(html: str) -> dict[str, str]:
    """rel → href of the older/newer links on an article page."""
    return {rel: href for href, rel in re.findall(r'<a href="([^"]+)" rel="(prev|next)"', html)}


def test_previous_and_next_follow_time_not_file_order(build_files) -> None:
    result = build_files(
        {
            "seeds/1.md": article("Ketiga", "2024-03-01"),
            "seeds/2.md": article("Pertama", "2023-12-31"),
            "seeds/3.md": article("Kedua", "2024-02"),
            "seeds/4.md": article("Tanpa Tanggal"),
        }
    )
    first = _neighbours(result.text("2023/12/31/pertama/index.html"))
    second = _neighbours(result.text("2024/02/kedua/index.html"))
    third = _neighbours(result.text("2024/03/01/ketiga/index.html"))
    assert first == {"next": "/2024/02/kedua/"}
    assert second == {"prev": "/2023/12/31/pertama/", "next": "/2024/03/01/ketiga/"}
    assert third == {"prev": "/2024/02/kedua/"}
    assert _neighbours(result.text("undated/tanpa-tanggal/index.html")) == {}


def test_tags_are_case_insensitive_and_keep_the_first_spelling(build_files) -> None:
    result = build_files(
        {
            "seeds/a.md": article("Satu", "2024-01-01", tags=["Pilkada", "Sumsel"]),
            "seeds/b.md": article("Dua", "2024-01-02", tags=["pilkada", "PILKADA"]),
            "seeds/c.md": article("Tiga", "2024-01-03", tags=["  Pilkada  "]),
        }
    )
    tag_pages = sorted(p for p in result.files if p.startswith("tags/") and p.endswith(".html"))
    assert tag_pages == ["tags/index.html", "tags/pilkada/index.html", "tags/sumsel/index.html"]
    pilkada = result.text("tags/pilkada/index.html")
    assert all(title in pilkada for title in ("Satu", "Dua", "Tiga"))
    dua = result.text("2024/01/02/dua/index.html")
    assert dua.count('rel="tag"') == 1


def test_draft_articles_are_left_out(build_files) -> None:
    result = build_files(
        {"seeds/a.md": article("Terbit", "2024-01-01"), "seeds/b.md": article("Belum", "2024-01-01", draft="true")}
    )
    assert "2024/01/01/terbit/index.html" in result.files
    assert not any("belum" in p for p in result.files)
    assert "Belum" not in result.text("index.html")


def test_site_with_no_dated_article_builds(build_files) -> None:
    result = build_files({"seeds/a.md": article("Tanpa Tanggal")})
    assert result.status == 0, result.stderr
    assert "<updated>1970-01-01T00:00:00Z</updated>" in result.text("feed.xml")


def test_site_with_no_seeds_builds_an_empty_archive(build_files) -> None:
    result = build_files({})
    assert result.status == 0, result.stderr
    assert {"index.html", "404.html", "tags/index.html", "archive/index.html", "feed.xml"} <= set(result.files)
