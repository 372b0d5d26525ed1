"""render: the theme in Indonesian or English, localised dates, site overrides, escaping."""

from __future__ import annotations

import lxml.html

from tests.conftest import article

SEEDS = {"seeds/a.md": article("Banjir Bandang", "2024-08-19", tags=["Banjir"]), "seeds/b.md": article("Tanpa Tanggal")}


def test_interface_is_indonesian_by_default(build_files) -> None:
    result = build_files(SEEDS)
    page = result.text("2024/08/19/banjir-bandang/index.html")
    assert '<html lang="id">' in page
    assert "Langsung ke isi" in page and "Beranda" in page and "Arsip" in page
    assert "Skip to content" not in page
    assert "Senin, 19 Agustus 2024" in page
    assert "Agustus 2024" in result.text("2024/08/index.html")
    assert "Tanggal tidak diketahui" in result.text("undated/tanpa-tanggal/index.html")


def test_interface_is_english_with_language_en(build_files) -> None:
    result = build_files(SEEDS, config="language: en\n")
    page = result.text("2024/08/19/banjir-bandang/index.html")
    assert '<html lang="en">' in page
    assert "Skip to content" in page and "Home" in page and "Archive" in page
    assert "Langsung ke isi" not in page
    assert "Monday, 19 August 2024" in page
    assert "August 2024" in result.text("2024/08/index.html")
    assert "Date unknown" in result.text("undated/tanpa-tanggal/index.html")
    assert 'xml:lang="en"' in result.text("feed.xml")


def test_no_indonesian_ui_string_leaks_into_the_english_site(build_files) -> None:
    result = build_files(SEEDS, config="language: en\n")
    for path in result.html_pages():
        text = result.text(path)
        for word in ("Beranda", "Terbaru", "Langsung ke isi", "Remah roti", "Halaman"):
            assert word not in text, f"{word!r} in {path}"


def test_dates_at_month_and_year_precision_are_shown_as_known(build_files) -> None:
    result = build_files({"seeds/a.md": article("Bulanan", "2024-03"), "seeds/b.md": article("Tahunan", "2019")})
    month = lxml.html.fromstring(result.text("2024/03/bulanan/index.html"))
    year = lxml.html.fromstring(result.text("2019/tahunan/index.html"))
    assert [(t.get("datetime"), t.text) for t in month.iter("time")] == [("2024-03", "Maret 2024")]
    assert [(t.get("datetime"), t.text) for t in year.iter("time")] == [("2019", "2019")]


def test_article_language_differing_from_site_is_marked(build_files) -> None:
    result = build_files({"seeds/a.md": article("English News", "2024-01-01", language="en")})
    page = lxml.html.fromstring(result.text("2024/01/01/english-news/index.html"))
    assert page.get("lang") == "id"
    assert page.xpath("//article/@lang") == ["en"]


def test_titles_and_bodies_are_escaped(build_files) -> None:
    result = build_files(
        {"seeds/a.md": article("<script>alert(1)</script>", "2024-01-01", body="<script>x()</script> <b>tebal</b>")}
    )
    page = result.text("2024/01/01/script-alert-1-script/index.html")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>tebal</b>" in page  # Markdown's raw HTML is sanitised, not dropped


def test_raw_text_bodies_are_escaped(build_files) -> None:
    result = build_files({"seeds/a.txt": "Judul <img src=x onerror=alert(1)> pada 2 Januari 2024 & lainnya.\n"})
    pages = [result.text(p) for p in result.html_pages()]
    assert not any("<img src=x" in page for page in pages)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in page for page in pages)


def test_site_templates_and_static_override_the_theme_file_by_file(build_files) -> None:
    result = build_files(
        {
            **SEEDS,
            "templates/404.html": '{% extends "base.html" %}{% block main %}<p>Hilang!</p>{% endblock %}\n',
            "static/arsip.css": "body { color: red }\n",
            "static/extra.js": "// tambahan\n",
        }
    )
    assert result.status == 0, result.stderr
    assert "<p>Hilang!</p>" in result.text("404.html")
    assert result.text("static/arsip.css") == "body { color: red }\n"
    assert result.text("static/extra.js") == "// tambahan\n"
    assert "Langsung ke isi" in result.text("404.html")  # base.html still comes from the theme


def test_template_error_is_reported_with_file_and_line_without_traceback(build_files) -> None:
    result = build_files({**SEEDS, "templates/404.html": "ok\n{{ page.tidak_ada.sama_sekali }}\n"})
    assert result.status == 1
    assert "Traceback" not in result.stderr
    problem = result.errors()[0]
    assert problem.path is not None and problem.path.endswith("templates/404.html")
    assert problem.line == 2
    assert result.files == {}


def test_template_syntax_error_is_reported_with_file_and_line(build_files) -> None:
    result = build_files({**SEEDS, "templates/404.html": "ok\n{% if %}\n"})
    assert result.status == 1
    assert "Traceback" not in result.stderr
    assert any("404.html:2: error: template syntax error" in m for m in result.messages), result.messages


def test_markdown_bodies_are_converted_alone_though_the_converter_is_reused():
    """One converter per thread, reset before each body: footnotes and abbreviations of one article never reach
    the next, and the same source gives the same HTML each time (footnote numbers included)."""
    import threading

    from generator.content import markdown_html

    with_notes = "Banjir[^1] melanda HTML kota.\n\n[^1]: Menurut BPBD.\n\n*[HTML]: HyperText Markup Language\n"
    plain = "Air surut, HTML tidak disebut[^2] lagi."
    first = markdown_html(with_notes)
    assert 'href="#fn:1"' in first and "<abbr" in first
    after = markdown_html(plain)
    assert "<abbr" not in after and "fn:1" not in after, after
    assert markdown_html(with_notes) == first
    in_a_new_thread: list[str] = []  # a thread of its own: a converter of its own, never used before
    thread = threading.Thread(target=lambda: in_a_new_thread.append(markdown_html(with_notes)))
    thread.start()
    thread.join()
    assert in_a_new_thread == [first]


def test_what_markdown_adds_to_a_body_is_in_the_articles_language():
    from generator.content import markdown_html

    with_note = "Banjir[^1].\n\n[^1]: Menurut BPBD.\n"
    assert 'title="Kembali ke catatan kaki 1 dalam teks"' in markdown_html(with_note, "id")
    assert 'title="Jump back to footnote 1 in the text"' in markdown_html(with_note, "en")
    assert 'title="Jump back to footnote 1 in the text"' in markdown_html(with_note, "jv")  # no catalogue: English
