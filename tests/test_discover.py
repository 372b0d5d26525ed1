"""discover: which files under seeds/ are seeds."""

from __future__ import annotations

from pathlib import Path

from generator.discover import discover
from tests.conftest import write_tree

GOOD = "---\ntitle: Berita\ndate: 2024-01-02\n---\nIsi.\n"


def _names(seeds_dir: Path) -> tuple[list[str], list[str]]:
    seeds, problems = discover(seeds_dir, "seeds")
    return [s.shown for s in seeds], [str(p) for p in problems]


def test_hidden_files_editor_backups_and_os_junk_are_ignored_silently(tmp_path: Path) -> None:
    junk = [
        ".hidden.md", ".a.md.swp", "a.md~", "a.md.bak", "#a.md#", "~$a.md", "a.md.orig",
        ".DS_Store", "Thumbs.db", "desktop.ini", ".git/config.md", ".trash/b.md", "sub/.~lock.c.md#",
    ]  # fmt: skip
    write_tree(tmp_path / "seeds", {"a.md": GOOD, "sub/b.txt": "Isi.\n", **{name: GOOD for name in junk}})
    names, problems = _names(tmp_path / "seeds")
    assert names == ["seeds/a.md", "seeds/sub/b.txt"]
    assert problems == []


def test_seeds_are_listed_in_path_order_with_their_sidecars(tmp_path: Path) -> None:
    write_tree(tmp_path / "seeds", {"b.txt": "Isi.\n", "a.md": GOOD, "a.yml": "title: Lain\n"})
    seeds, problems = discover(tmp_path / "seeds", "seeds")
    assert [(s.shown, s.kind, s.sidecar_shown) for s in seeds] == [
        ("seeds/a.md", "markdown", "seeds/a.yml"),
        ("seeds/b.txt", "text", None),
    ]
    assert problems == []


def test_unknown_file_kind_and_orphan_sidecar_are_warned_about(tmp_path: Path) -> None:
    write_tree(tmp_path / "seeds", {"a.md": GOOD, "photo.jpg": b"\xff\xd8", "lonely.yml": "title: X\n"})
    names, problems = _names(tmp_path / "seeds")
    assert names == ["seeds/a.md"]
    assert len(problems) == 2
    assert any(p.startswith("seeds/photo.jpg: warning: not a seed") for p in problems)
    assert any(p.startswith("seeds/lonely.yml: warning: sidecar has no seed") for p in problems)


def test_two_seeds_of_one_name_are_both_kept_and_warned_about(tmp_path: Path) -> None:
    write_tree(tmp_path / "seeds", {"a.md": GOOD, "a.txt": "Isi.\n", "a.yml": "title: X\n", "sub/a.txt": "Isi.\n"})
    seeds, problems = discover(tmp_path / "seeds", "seeds")
    assert [(s.shown, s.sidecar_shown) for s in seeds] == [
        ("seeds/a.md", "seeds/a.yml"),
        ("seeds/a.txt", "seeds/a.yml"),
        ("seeds/sub/a.txt", None),  # another folder: another name
    ]
    assert [str(p) for p in problems] == ["seeds/a.txt: warning: two seeds share the name `a`; sidecar applies to both"]


def test_nested_folders_are_walked_in_path_order_and_paths_stay_as_given(tmp_path: Path) -> None:
    write_tree(tmp_path / "seeds", {"z.txt": "Isi.\n", "b/y.txt": "Isi.\n", "b/c/x.txt": "Isi.\n", "a/w.md": GOOD})
    seeds, _ = discover(tmp_path / "seeds", "")
    assert [s.shown for s in seeds] == ["a/w.md", "b/c/x.txt", "b/y.txt", "z.txt"]
    assert [s.path for s in seeds] == [tmp_path / "seeds" / s.shown for s in seeds]


def test_symlink_out_of_seeds_is_refused_with_warning(tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text(GOOD)
    (tmp_path / "elsewhere").mkdir()
    write_tree(tmp_path / "seeds", {"a.md": GOOD})
    (tmp_path / "seeds" / "leak.md").symlink_to(outside)
    (tmp_path / "seeds" / "folder").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    names, problems = _names(tmp_path / "seeds")
    assert names == ["seeds/a.md"]
    assert "seeds/leak.md: warning: symbolic link pointing outside the seeds folder not followed" in problems
    assert any(p.startswith("seeds/folder: warning: symbolic link") for p in problems)


def test_symlink_inside_seeds_is_followed(tmp_path: Path) -> None:
    write_tree(tmp_path / "seeds", {"a.md": GOOD})
    (tmp_path / "seeds" / "alias.md").symlink_to(tmp_path / "seeds" / "a.md")
    names, problems = _names(tmp_path / "seeds")
    assert names == ["seeds/a.md", "seeds/alias.md"]
    assert problems == []


def test_symlinked_secret_never_reaches_the_site(build_files, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Rahasia Negara\n---\nJangan terbit.\n")
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "leak.md").symlink_to(secret)
    result = build_files({"seeds/a.md": GOOD}, root=root)
    assert result.status == 0
    assert not any("Rahasia" in text for text in result.files.values() if isinstance(text, str))
    assert any("leak.md" in m and "symbolic link" in m for m in result.messages)
