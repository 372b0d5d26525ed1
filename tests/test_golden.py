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


def test_sample_article_page_shows_every_field_inferred_from_the_raw_text(tmp_path: Path) -> None:
    """Issue 3's Done-when: the scraped sample (no title, date or tags) reads as a finished article."""
    import lxml.html

    site = build_sample(tmp_path)
    pages = list(site.glob("2024/09/*/index.html"))
    assert len(pages) == 1, "the sample is listed under its month, September 2024 (its one date is a period)"
    page = lxml.html.parse(str(pages[0])).getroot()
    assert page.findtext(".//h1").startswith("Mendasari Rencana Operasi Mantap Praja Musi 2024")
    assert page.find(".//*[@class='place']").text == "Palembang"
    assert page.find(".//*[@class='outlet']").text == "koranpalpres.com"
    date = page.find(".//p[@class='dateline']/time")
    assert (date.get("datetime"), date.text) == ("2024-09", "September 2024")
    tags = [a.text for a in page.iterfind(".//nav[@class='article-tags']//a")]
    assert 3 <= len(tags) <= 8 and "Polda Sumsel" in tags and "Pilkada" in tags
    teasers = [li.text_content().strip() for li in page.iterfind(".//aside[@class='read-also']//li")]
    assert page.findtext(".//aside[@class='read-also']/h2") == "Baca juga"
    assert teasers[0] == "Wah! Ada 2 Jenderal Hadir Secara Kompak di Pesta Rakyat HUT TNI" and len(teasers) == 3
    body = page.find(".//div[@class='article-body']").text_content()
    assert "BACA JUGA" not in body and "KORANPALPRES.COM" not in body
    assert (site / "2024" / "09" / "index.html").is_file() and not (site / "undated").exists()
