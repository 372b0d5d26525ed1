"""The preview's fast render: an edited seed's page at once, the same page the build then makes, and nothing
written where only a build can decide."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.build import BuildOptions, PreviewNeeds, build
from generator.discover import discover, seed_file_at
from generator.serve.fast_render import Basis, basis_of, fast_render, placing_of
from tests.conftest import article, write_tree

RAW = (
    "PALEMBANG, KORANPALPRES.COM - Polda Sumsel menyiapkan pengamanan Pilkada di Palembang, Senin (23/9/2024).\n"
    "Kapolda Sumsel meninjau kesiapan personel di Mapolda Sumsel.\n"
    "Pengamanan Pilkada melibatkan ribuan personel gabungan.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    seeds = {
        f"seeds/berita-{n}.md": article(
            f"Berita nomor {n} tentang banjir", f"2024-09-{10 + n:02d}", ["banjir", "palembang"], body=f"Isi {n}."
        )
        for n in range(6)
    }
    write_tree(root, {"site.yml": "title: Uji\nlanguage: id\n", **seeds, "seeds/mentah.txt": RAW})
    return root


def _options(root: Path, **more: object) -> BuildOptions:
    return BuildOptions(seeds=root / "seeds", out=root / "site", config_path=root / "site.yml", jobs=1, **more)


def _basis(root: Path) -> Basis:
    result = build(_options(root), needs=PreviewNeeds(model=True))
    assert result.written and result.model is not None
    return basis_of(placing_of(result.model), _options(root))


def _changed(*paths: Path) -> list[str]:
    return [os.path.abspath(p) for p in paths]


def test_an_edited_body_is_shown_as_the_build_then_makes_it(project: Path) -> None:
    basis = _basis(project)
    seed = project / "seeds/berita-2.md"
    seed.write_text(article("Berita nomor 2 tentang banjir", "2024-09-12", ["banjir", "palembang"], body="Air surut."))
    assert fast_render(basis, _changed(seed), _options(project)) == ["/2024/09/12/berita-nomor-2-tentang-banjir/"]
    page = project / "site/2024/09/12/berita-nomor-2-tentang-banjir/index.html"
    shown = page.read_bytes()
    assert b"Air surut." in shown and b"Isi 2." not in shown
    assert build(_options(project)).written
    assert page.read_bytes() == shown, "neighbours, related articles and tags as the full build has them"


def test_a_raw_seed_is_understood_again_with_the_archive_it_belongs_to(project: Path) -> None:
    basis = _basis(project)
    seed = project / "seeds/mentah.txt"
    seed.write_text(RAW + "Warga diminta menjaga ketertiban selama kampanye.\n", encoding="utf-8")
    (url,) = fast_render(basis, _changed(seed), _options(project))
    shown = (project / "site" / url.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "Warga diminta menjaga ketertiban" in shown
    assert "KORANPALPRES.COM" not in shown and '<span class="place">Palembang</span>' in shown


def test_a_new_seed_gets_its_page_and_its_sidecar_counts(project: Path) -> None:
    basis = _basis(project)
    write_tree(
        project,
        {
            "seeds/baru.txt": "JAKARTA, CONTOH.COM - Sebuah kabar baru tentang banjir di Jakarta hari ini.\n",
            "seeds/baru.yml": "title: Kabar Baru\ndate: 2024-09-30\ntags: [banjir, Tag Baru]\n",
        },
    )
    urls = fast_render(basis, _changed(project / "seeds/baru.yml", project / "seeds/baru.txt"), _options(project))
    assert urls == ["/2024/09/30/kabar-baru/"]
    shown = (project / "site/2024/09/30/kabar-baru/index.html").read_text(encoding="utf-8")
    assert "<h1>Kabar Baru</h1>" in shown and 'href="/tags/banjir/"' in shown and 'href="/tags/tag-baru/"' in shown


def test_a_fast_page_is_never_kept_by_a_later_build(project: Path) -> None:
    basis = _basis(project)
    seed = project / "seeds/berita-1.md"
    original = seed.read_bytes()
    page = project / "site/2024/09/11/berita-nomor-1-tentang-banjir/index.html"
    before = page.read_bytes()
    seed.write_text(article("Berita nomor 1 tentang banjir", "2024-09-11", ["banjir", "palembang"], body="Sementara."))
    assert fast_render(basis, _changed(seed), _options(project))
    seed.write_bytes(original)  # reverted before any build: the cache still describes the old page
    assert build(_options(project)).written
    assert page.read_bytes() == before


@pytest.mark.parametrize(
    "change",
    ["template", "config", "deleted", "broken", "draft", "taken url", "too many", "strict"],
)
def test_only_a_build_decides_what_is_unusual(project: Path, change: str) -> None:
    basis = _basis(project)
    options = _options(project, strict=change == "strict")
    seed = project / "seeds/berita-3.md"
    paths = _changed(seed)
    if change == "template":
        write_tree(project, {"templates/article.html": "x"})
        paths = _changed(project / "templates/article.html")
    elif change == "config":
        paths = _changed(project / "site.yml")
    elif change == "deleted":
        seed.unlink()
    elif change == "broken":
        seed.write_text('---\ntitle: "Rusak\ntags: [a\n---\n\nIsi.\n', encoding="utf-8")
    elif change == "draft":
        seed.write_text(article("Berita nomor 3 tentang banjir", "2024-09-13", draft="true"), encoding="utf-8")
    elif change == "taken url":  # the same title and day as another article: the build numbers one of them
        seed.write_text(article("Berita nomor 4 tentang banjir", "2024-09-14"), encoding="utf-8")
    elif change == "too many":
        for n in range(9):
            write_tree(project, {f"seeds/lain-{n}.md": article(f"Lain {n}", "2024-09-01")})
        paths = _changed(*(project / f"seeds/lain-{n}.md" for n in range(9)))
    listing = sorted(p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*"))
    assert fast_render(basis, paths, options) == []
    assert sorted(p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*")) == listing


def test_seed_file_at_agrees_with_discover(tmp_path: Path) -> None:
    root = tmp_path / "seeds"
    write_tree(
        root,
        {
            "a.txt": "x",
            "a.yml": "title: A",
            "up.txt": "x",
            "up.YML": "title: Up",
            "b.md": "x",
            "sub/c.md": "x",
            "sub/c.yaml": "title: C",
            "lonely.yml": "title: none",
            ".hidden.txt": "x",
            "d.txt~": "x",
            ".git/e.txt": "x",
            "notes.pdf": "x",
        },
    )
    found = {seed.path: seed for seed in discover(root, "seeds")[0]}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        seed = seed_file_at(path, root, "seeds")
        if path.suffix in (".yml", ".yaml") and seed is not None:
            assert seed.sidecar == path
        if seed is not None:
            assert found[seed.path] == seed, path
        else:
            assert path not in found, path
    assert seed_file_at(root / "a.yml", root, "seeds") == found[root / "a.txt"]
    assert seed_file_at(root / "up.txt", root, "seeds") == found[root / "up.txt"]
    assert found[root / "up.txt"].sidecar == root / "up.YML"
    assert seed_file_at(tmp_path / "elsewhere.txt", root, "seeds") is None


def _preview(root: Path):  # type: ignore[no-untyped-def]
    import io

    from generator.serve.server import Preview

    preview = Preview(_options(root), log=io.StringIO())
    assert preview.rebuild().written and preview.basis is not None
    return preview


def test_a_fast_page_whose_seed_went_before_any_build_goes_too(project: Path) -> None:
    preview = _preview(project)
    seed = project / "seeds/rahasia.md"
    seed.write_text(article("Catatan rahasia", "2024-09-20", body="Belum untuk dibaca."), encoding="utf-8")
    preview._fast_pages.update(preview._show_first(set(_changed(seed)), lambda path: None))
    page = project / "site/2024/09/20/catatan-rahasia/index.html"
    assert page.is_file()
    seed.unlink()  # before any build: the next one has nothing to write
    assert preview.rebuild().written
    preview._sweep_fast_pages()
    assert not page.exists() and not page.parent.exists()
    assert (project / "site/2024/09/20").is_dir() or not (project / "site/2024/09/20").exists()


def test_a_fast_page_left_by_a_build_with_nothing_to_do_makes_the_next_build_write_it(project: Path) -> None:
    # Seeds written an hour ago: a build with no change between is a no-op (recent files never count as same).
    for seed in (project / "seeds").iterdir():
        os.utime(seed, (time.time() - 3600, time.time() - 3600))
    preview = _preview(project)
    seed = project / "seeds/berita-4.md"
    page = project / "site/2024/09/14/berita-nomor-4-tentang-banjir/index.html"
    # A fast page with no edit behind it stands for one whose edit was undone with its mtime (a restore).
    preview._fast_pages.update(preview._show_first(set(_changed(seed)), lambda path: None))
    fast = page.stat().st_ino
    assert preview.rebuild().pages == 0, "nothing changed: the build writes nothing"
    assert page.stat().st_ino == fast
    preview._sweep_fast_pages()
    assert preview.changed.is_set(), "the sweep asks for another build"
    assert preview.rebuild().written
    assert page.stat().st_ino != fast, "written by the build, as the cache records it"


def test_the_build_child_ignores_modules_in_the_project_folder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.build import PreviewNeeds
    from generator.serve.builder import build_in_child

    write_tree(project, {"markdown.py": "raise ImportError('the project folder shadowed a library')\n"})
    monkeypatch.chdir(project)
    monkeypatch.syspath_prepend(str(project))  # as `python -m` puts the working folder first
    result, placing = build_in_child(_options(project), PreviewNeeds(model=True), lambda: False)
    assert result.written and result.articles == 7, result.diagnostics
    assert placing is not None and len(placing.urls) == 7


def test_a_build_whose_seed_changed_under_it_is_not_remembered_as_the_sites(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Swapped in for the preview all the same; but a restore of the seed with its old mtime must not make the
    next build a no-op over pages of the edit, nor take its reading from the cache."""
    from generator import reading
    from generator.build import PreviewNeeds

    seed = project / "seeds/berita-5.md"
    hour_ago = time.time() - 3600
    for path in (project / "seeds").iterdir():
        os.utime(path, (hour_ago, hour_ago))
    page = project / "site/2024/09/15/berita-nomor-5-tentang-banjir/index.html"
    assert build(_options(project)).written
    edited = seed.read_bytes().replace(b"Isi 5.", b"Isi 6.")
    seed.write_bytes(edited)
    os.utime(seed, (hour_ago + 1, hour_ago + 1))
    assert build(_options(project)).written
    assert b"Isi 6." in page.read_bytes()
    seed.write_bytes(edited.replace(b"Isi 6.", b"Isi 5."))  # a change for the next build to read...
    os.utime(seed, (hour_ago + 2, hour_ago + 2))
    read = reading.read_seed_limited

    def edited_while_read(max_bytes, found):  # type: ignore[no-untyped-def]
        if found.path == seed:  # ... and another one saved while it is read (same size: the mtime tells)
            seed.write_bytes(edited.replace(b"Isi 6.", b"Isi 7."))
        return read(max_bytes, found)

    monkeypatch.setattr(reading, "read_seed_limited", edited_while_read)
    moved = build(_options(project), needs=PreviewNeeds(seeds_may_move=True))
    monkeypatch.setattr(reading, "read_seed_limited", read)
    assert moved.written and moved.seeds_moved == (str(seed),)
    assert b"Isi 7." in page.read_bytes()
    seed.write_bytes(edited.replace(b"Isi 6.", b"Isi 5."))
    os.utime(seed, (hour_ago + 2, hour_ago + 2))  # back as the build began, mtime and all (cp -p, rsync -t)
    assert build(_options(project)).written
    assert b"Isi 5." in page.read_bytes(), "neither a no-op nor the reading of the edit made under the build"
