"""An incremental build after any kind of edit writes exactly what a clean build of the same inputs writes."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import generator.related
import generator.search
import generator.understand.duplicates
import generator.understand.furniture
from generator.diagnostics import error
from generator.theme import theme_dir
from tests.conftest import SiteBuilder, article

PLACES = ["Palembang", "Jambi", "Bengkulu", "Lampung"]
PEOPLE = ["Herman Deru", "Bank Sumsel Babel", "Pertamina Plaju", "Sriwijaya FC"]
TOPICS = ["banjir", "jembatan", "pelabuhan", "pasar"]


def _raw(number: int) -> str:
    """A raw scraped story: dateline, names the archive repeats, furniture, a teaser for another story."""
    place, person, topic = PLACES[number % 4], PEOPLE[number % 3], TOPICS[number % 4]
    other = (number + 5) % 24
    return (
        f"{place.upper()}, CONTOH.COM - {person} meninjau {topic} di {place} pada Senin (2/9/2024) pagi "
        f"bersama warga nomor {number}.\n"
        f"Menurut {person}, pekerjaan {topic} itu selesai pekan depan. {PEOPLE[(number + 1) % 4]} ikut hadir.\n"
        "Ikuti kami di media sosial\n"
        f"Baca juga: {PEOPLE[other % 3]} meninjau {TOPICS[other % 4]} di {PLACES[other % 4]} bersama warga\n"
        f"Warga {place} berharap {topic} segera dibuka untuk umum tahun ini.\n"
    )


# In two seeds only, so not yet furniture; a third seed with it makes it furniture in all three.
ALMOST_FURNITURE = "Info lalu lintas kota hari ini\n"

SITE = {
    **{f"seeds/story-{n:02d}.txt": _raw(n) for n in range(24)},
    "seeds/story-00.txt": _raw(0) + ALMOST_FURNITURE,
    "seeds/story-01.txt": _raw(1) + ALMOST_FURNITURE,
    "seeds/story-03.yml": "title: Judul dari Sidecar\n",
    "seeds/opini.md": article("Opini Banjir", "2024-08-19", ["Banjir", "Palembang"], body="Isi opini."),
    "seeds/catatan.md": article("Catatan Jalan", "2024-08-20", ["Jalan"]),
}


def _touch(path: Path, step: int) -> None:
    """A distinct mtime well in the past, so the stat cache trusts the file (recent files are never trusted)."""
    moment = time.time() - 10_000 + step * 10
    os.utime(path, (moment, moment))


def _edit(root: Path, name: str, change: Callable[[str], str], step: int) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(change(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
    _touch(path, step)


def _clean_build(build_files: SiteBuilder, root: Path, step: int) -> dict[str, str | bytes]:
    """A clean build of the same inputs in a fresh folder, with its own (empty) cache."""
    fresh = root.parent / f"clean-{step}"
    for name in ("seeds", "templates", "static"):
        if (root / name).is_dir():
            shutil.copytree(root / name, fresh / name)
    shutil.copy2(root / "site.yml", fresh / "site.yml")
    result = build_files.run(fresh, ["--clean"])
    assert result.status == 0, result.messages
    return result.files


def _rename(root: Path, old: str, new: str, step: int) -> None:
    (root / old).rename(root / new)
    _touch(root / new, step)


def test_incremental_build_equals_clean_build_after_each_kind_of_edit(build_files: SiteBuilder) -> None:
    template = (Path(theme_dir("templates")) / "article.html").read_text(encoding="utf-8")
    config = "title: Uji\nper_page: 5\nsearch_part_size: 8\n"  # the search index in parts, reused part by part
    first = build_files({**SITE, "templates/article.html": template}, config=config)
    assert first.status == 0, first.messages
    root = first.root
    for step, path in enumerate(sorted(p for p in root.rglob("*") if p.is_file() and "site" not in p.parts)):
        _touch(path, -step)
    assert build_files.run(root).status == 0  # warms the cache with trusted entries

    edits: list[tuple[str, Callable[[Path, int], None]]] = [
        ("edit a body", lambda r, s: _edit(r, "seeds/story-07.txt", lambda t: t + "Herman Deru kembali besok.\n", s)),
        ("retitle via sidecar", lambda r, s: _edit(r, "seeds/story-03.yml", lambda t: "title: Judul Baru\n", s)),
        ("retag", lambda r, s: _edit(r, "seeds/story-10.yml", lambda t: "tags: [Pasar, Lampung]\n", s)),
        ("redate", lambda r, s: _edit(r, "seeds/opini.md", lambda t: t.replace("2024-08-19", "2023-01-05"), s)),
        ("make a line furniture", lambda r, s: _edit(r, "seeds/story-02.txt", lambda t: t + ALMOST_FURNITURE, s)),
        ("add a seed", lambda r, s: _edit(r, "seeds/story-30.txt", lambda t: _raw(30), s)),
        ("delete a seed", lambda r, s: (r / "seeds/story-11.txt").unlink()),
        ("rename a seed", lambda r, s: _rename(r, "seeds/story-12.txt", "seeds/kisah-12.txt", s)),
        (
            "change a template",
            lambda r, s: _edit(r, "templates/article.html", lambda t: t.replace("</article>", "<p>x</p></article>"), s),
        ),
        ("override the stylesheet", lambda r, s: _edit(r, "static/arsip.css", lambda t: "body { color: #222; }\n", s)),
        ("change site.yml", lambda r, s: _edit(r, "site.yml", lambda t: t.replace("per_page: 5", "per_page: 3"), s)),
    ]
    _assert_each_edit_builds_as_clean(build_files, root, edits)


def _assert_each_edit_builds_as_clean(
    build_files: SiteBuilder, root: Path, edits: list[tuple[str, Callable[[Path, int], None]]]
) -> dict[str, dict[str, str | bytes]]:
    """Apply each edit in turn; after each, an incremental build equals a clean build. Returns each build's files."""
    built = {}
    for step, (kind, apply) in enumerate(edits, start=1):
        apply(root, step)
        incremental = build_files.run(root)
        assert incremental.status == 0, (kind, incremental.messages)
        clean = _clean_build(build_files, root, step)
        assert sorted(incremental.files) == sorted(clean), kind
        differing = [path for path in clean if incremental.files[path] != clean[path]]
        assert not differing, (kind, differing[:5])
        built[kind] = incremental.files
    return built


def _stated(number: int, **left_out: bool) -> str:
    """A Markdown story stating title, date and tags (each left out when asked), with names to infer tags from."""
    place, person, topic = PLACES[number % 4], PEOPLE[number % 3], TOPICS[number % 4]
    # A story without its date names the day alone: the archive's usual year (which the others name) completes it.
    when = "pada Senin (2/9)" if left_out.get("date") else "pada tahun 2024"
    body = (
        f"{person} meninjau {topic} di {place} bersama warga nomor {number} {when}.\n\n"
        f"Menurut {person}, pekerjaan {topic} selesai pekan depan. {PEOPLE[(number + 1) % 4]} ikut hadir."
    )
    title = "" if left_out.get("title") else f"{person} di {place} {number}"
    date = None if left_out.get("date") else f"2024-09-{1 + number % 28:02d}"
    tags = () if left_out.get("tags") else [place, topic.title()]
    text = article(title, date, tags, body=body)
    return text.replace('title: ""\n', "") if not title else text


def test_stated_archive_gains_and_loses_the_need_to_infer(build_files: SiteBuilder) -> None:
    """Where every seed states title, date and tags, the inferring analysis is skipped; a seed that leaves one
    out (or a teaser) brings it back, and each build still equals a clean build of the same seeds."""
    seeds = {f"seeds/berita-{n:02d}.md": _stated(n) for n in range(16)}
    first = build_files(seeds, config="title: Uji\nper_page: 5\nsearch_part_size: 8\n")
    assert first.status == 0, first.messages
    root = first.root
    for step, path in enumerate(sorted(p for p in root.rglob("*") if p.is_file() and "site" not in p.parts)):
        _touch(path, -step)
    assert build_files.run(root).status == 0
    teaser = "\nBaca juga: Herman Deru Tinjau Banjir Palembang Bersama Warga Nomor 12\n"  # names berita-12's lead

    def restate(r: Path, s: int) -> None:
        for n in (3, 5, 9):
            _edit(r, f"seeds/berita-{n:02d}.md", lambda t, n=n: _stated(n), s)

    built = _assert_each_edit_builds_as_clean(
        build_files,
        root,
        [
            ("leave the tags out", lambda r, s: _edit(r, "seeds/berita-03.md", lambda t: _stated(3, tags=True), s)),
            ("add a teaser", lambda r, s: _edit(r, "seeds/berita-05.md", lambda t: t + teaser, s)),
            ("leave the date out", lambda r, s: _edit(r, "seeds/berita-09.md", lambda t: _stated(9, date=True), s)),
            ("state everything again", restate),
            ("leave a title out", lambda r, s: _edit(r, "seeds/berita-04.md", lambda t: _stated(4, title=True), s)),
            ("add a stated seed", lambda r, s: _edit(r, "seeds/berita-20.md", lambda t: _stated(20), s)),
            ("state the title again", lambda r, s: _edit(r, "seeds/berita-04.md", lambda t: _stated(4), s)),
        ],
    )
    # What each need brought back is on the pages (so the skipped analysis was indeed needed there).
    assert 'rel="tag"' in _page_of(built["leave the tags out"], "warga nomor 3 ")[1]
    target, _ = _page_of(built["add a teaser"], "warga nomor 12 ")
    teasing = _page_of(built["add a teaser"], "warga nomor 5 ")[1]
    assert f'href="/{target.removesuffix("index.html")}"' in teasing.split('class="read-also"', 1)[1]
    assert 'datetime="2024-09-02"' in _page_of(built["leave the date out"], "warga nomor 9 ")[1]


def _page_of(files: dict[str, str | bytes], phrase: str) -> tuple[str, str]:
    """The one article page (path, text) whose body holds `phrase`."""
    found = [
        (path, text)
        for path, text in files.items()
        if path.endswith("index.html") and isinstance(text, str) and "data-pagefind-body" in text and phrase in text
    ]
    assert len(found) == 1, (phrase, len(found))
    return found[0]


def test_search_index_is_reused_when_no_article_page_changed(build_files: SiteBuilder) -> None:
    first = build_files(SITE, config="title: Uji\n")
    entry = first.out / "pagefind" / "pagefind-entry.json"
    before = entry.stat().st_ino
    _edit(first.root, "static/arsip.css", lambda t: "body { color: #222; }\n", 1)
    styled = build_files.run(first.root)
    assert styled.status == 0 and styled.text("static/arsip.css").startswith("body")
    assert entry.stat().st_ino == before, "a stylesheet change should not re-index the articles"
    _edit(first.root, "seeds/story-07.txt", lambda t: t + "Kalimat baru di akhir.\n", 2)
    edited = build_files.run(first.root)
    assert edited.status == 0
    assert entry.stat().st_ino != before, "an article changed: the index is rebuilt"


def _part_entries(site: Path) -> dict[str, int]:
    """Each part of the search index → the inode of its entry file (unchanged inode: the part was reused)."""
    return {str(p.parent.relative_to(site)): p.stat().st_ino for p in site.glob("pagefind/**/pagefind-entry.json")}


def test_an_edit_re_indexes_only_the_part_of_the_index_holding_the_article(build_files: SiteBuilder) -> None:
    first = build_files(SITE, config="title: Uji\nsearch_part_size: 6\n")
    assert first.status == 0, first.messages
    before = _part_entries(first.out)
    assert len(before) >= 3, before  # 26 articles in parts of about 6
    parts = json.loads((first.out / "pagefind/parts.json").read_text(encoding="utf-8"))["merge"]
    assert sorted(f"pagefind/{p}".rstrip("/") for p in parts) == sorted(set(before) - {"pagefind"})
    _edit(first.root, "seeds/story-07.txt", lambda t: t + "Kalimat baru di akhir.\n", 1)
    edited = build_files.run(first.root)
    assert edited.status == 0, edited.messages
    after = _part_entries(first.out)
    assert after.keys() == before.keys()
    rebuilt = [part for part in before if after[part] != before[part]]
    assert len(rebuilt) == 1, rebuilt
    # Every part still holds what a clean build's does.
    clean = _clean_build(build_files, first.root, 2)
    assert {p: v for p, v in edited.files.items() if p.startswith("pagefind/")} == {
        p: v for p, v in clean.items() if p.startswith("pagefind/")
    }


def test_a_build_failing_after_its_pages_keeps_the_search_parts_reusable(build_files: SiteBuilder, monkeypatch) -> None:
    first = build_files(SITE, config="title: Uji\nsearch_part_size: 6\n")
    assert first.status == 0, first.messages
    before = _part_entries(first.out)
    _edit(first.root, "seeds/story-07.txt", lambda t: t + "Kalimat baru di akhir.\n", 1)
    failing = [error("search index not built: injected failure")]
    monkeypatch.setattr(generator.search, "build_search_index", lambda *args, **kwargs: failing)
    assert build_files.run(first.root).status == 1  # pages assembled, then the index failed: site kept as it was
    monkeypatch.undo()
    assert _part_entries(first.out) == before
    edited = build_files.run(first.root)
    assert edited.status == 0, edited.messages
    after = _part_entries(first.out)
    assert len([part for part in before if after[part] != before[part]]) == 1  # the others were reused


def test_related_articles_are_ranked_again_only_when_what_they_rank_moved(
    build_files: SiteBuilder, monkeypatch
) -> None:
    first = build_files(SITE, config="title: Uji\n")
    assert first.status == 0, first.messages
    ranked: list[int] = []
    real = generator.related.related_indices

    def counting(items, **options):  # type: ignore[no-untyped-def]
        ranked.append(len(items))
        return real(items, **options)

    monkeypatch.setattr(generator.related, "related_indices", counting)
    _edit(first.root, "seeds/story-07.txt", lambda t: t + "Kalimat baru di akhir.\n", 1)
    body_edit = build_files.run(first.root)
    assert body_edit.status == 0 and body_edit.build is not None and body_edit.build.pages > 0
    assert ranked == []  # the same tags, links and order: the remembered ranking
    _edit(first.root, "seeds/story-10.yml", lambda t: "tags: [Pasar, Lampung]\n", 2)
    assert build_files.run(first.root).status == 0
    assert len(ranked) == 1  # a retag moves the ranking
    clean = _clean_build(build_files, first.root, 3)
    assert build_files.run(first.root).files == clean


LONG_LEAD = article("Laporan Banjir", "2024-08-21", ["Banjir"], body="Hujan deras sejak pagi membuat air naik. " * 8)


def test_a_body_edit_re_renders_only_the_pages_that_can_show_the_body(build_files: SiteBuilder) -> None:
    first = build_files({**SITE, "seeds/laporan.md": LONG_LEAD}, config="title: Uji\nper_page: 5\n")
    assert first.status == 0, first.messages
    # A paragraph after the summary (the lead is long enough for one), naming nothing that could become a tag.
    _edit(first.root, "seeds/laporan.md", lambda t: t + "\nParagraf kedua yang baru saja ditulis.\n", 1)
    edited = build_files.run(first.root)
    assert edited.status == 0 and edited.build is not None
    # Listings, tag and date pages and feeds show titles and summaries: only the article's own page names the body.
    assert edited.build.pages == 1, edited.build.pages
    assert "Paragraf kedua yang baru saja ditulis." in edited.text("2024/08/21/laporan-banjir/index.html")
    assert edited.files == _clean_build(build_files, first.root, 2)


BODY_IN_LISTING = (
    '{% extends "base.html" %}{% block main %}'
    "{% for article in pagination.items %}<section>{{ article.body_html|safe_body }}</section>{% endfor %}"
    "{% endblock %}"
)
BODY_BY_COMPUTED_NAME = (
    '{% extends "base.html" %}{% block main %}{% set shown = "body" ~ config.title[0:0] ~ "_html" %}'
    "{% for article in pagination.items %}<section>{{ article[shown]|safe_body }}</section>{% endfor %}"
    "{% endblock %}"
)


@pytest.mark.parametrize("home", [BODY_IN_LISTING, BODY_BY_COMPUTED_NAME], ids=["named", "computed"])
def test_a_listing_template_showing_bodies_is_re_rendered_by_a_body_edit(build_files: SiteBuilder, home: str) -> None:
    first = build_files({**SITE, "seeds/laporan.md": LONG_LEAD, "templates/home.html": home}, config="title: Uji\n")
    assert first.status == 0, first.messages
    _edit(first.root, "seeds/laporan.md", lambda t: t + "\nParagraf kedua yang baru saja ditulis.\n", 1)
    edited = build_files.run(first.root)
    assert edited.status == 0, edited.messages
    assert "Paragraf kedua yang baru saja ditulis." in edited.text("index.html")
    assert edited.files == _clean_build(build_files, first.root, 2)


def test_line_sets_and_paragraph_prints_are_computed_only_for_changed_seeds(
    build_files: SiteBuilder, monkeypatch
) -> None:
    first = build_files(SITE, config="title: Uji\n")
    assert first.status == 0, first.messages
    computed: dict[str, list[int]] = {"lines": [], "prints": []}
    real_lines, real_prints = generator.understand.furniture.line_sets, generator.understand.duplicates.paragraph_prints

    def lines(drafts):  # type: ignore[no-untyped-def]
        drafts = list(drafts)
        computed["lines"].append(len(drafts))
        return real_lines(drafts)

    def prints(drafts, jobs=1):  # type: ignore[no-untyped-def]
        computed["prints"].append(len(drafts))
        return real_prints(drafts, jobs)

    monkeypatch.setattr(generator.understand.furniture, "line_sets", lines)
    monkeypatch.setattr(generator.understand.duplicates, "paragraph_prints", prints)
    _edit(first.root, "seeds/story-02.txt", lambda t: t + ALMOST_FURNITURE, 1)  # its lines change: furniture too
    edited = build_files.run(first.root)
    assert edited.status == 0, edited.messages
    assert computed == {"lines": [1], "prints": [1]}
    # Three seeds now share the line: furniture, gone from every page (the line sets kept for the other two count).
    assert not [path for path, data in edited.files.items() if isinstance(data, str) and "Info lalu lintas" in data]
    assert [path for path, data in first.files.items() if isinstance(data, str) and "Info lalu lintas" in data]
    assert edited.files == _clean_build(build_files, first.root, 2)


def test_a_seed_renamed_to_another_format_is_read_for_its_lines_again(build_files: SiteBuilder) -> None:
    # The same bytes: as Markdown the two lines join into one paragraph, as raw text each is a line of its own (and
    # a third seed's copy of the line the two stories carry makes it furniture). Kept line sets are by format too.
    note = (
        "Kabar jalan dari kota.\n\nInfo lalu lintas kota hari ini\nJalan protokol ditutup sementara karena perbaikan.\n"
    )
    first = build_files({**SITE, "seeds/catatan-jalan.md": note}, config="title: Uji\n")
    assert first.status == 0, first.messages
    _rename(first.root, "seeds/catatan-jalan.md", "seeds/catatan-jalan.txt", 1)
    renamed = build_files.run(first.root)
    assert renamed.status == 0, renamed.messages
    assert renamed.files == _clean_build(build_files, first.root, 2)
