"""Which files under seeds/ are seeds: ignores junk, refuses symlinks that leave the folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostic, warning

SEED_KINDS = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
SIDECAR_SUFFIXES = (".yml", ".yaml")
JUNK_NAMES = {"thumbs.db", "desktop.ini", "icon\r"}
BACKUP_SUFFIXES = ("~", ".bak", ".swp", ".swo", ".tmp", ".orig", ".rej")


@dataclass(frozen=True)
class SeedFile:
    """A seed found on disk: where it is and, when it has one, its sidecar."""

    path: Path
    shown: str
    kind: str
    sidecar: Path | None = None
    sidecar_shown: str | None = None


def is_junk(name: str) -> bool:
    """Hidden files, editor backups and OS droppings are never seeds."""
    lowered = name.lower()
    return (
        name.startswith((".", "#", "~$"))
        or lowered in JUNK_NAMES
        or lowered.endswith(BACKUP_SUFFIXES)
        or (name.startswith("#") and name.endswith("#"))
    )


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def discover(seeds_dir: Path, shown_root: str) -> tuple[list[SeedFile], list[Diagnostic]]:
    """List the seeds under `seeds_dir`, sorted by path; `shown_root` prefixes the paths shown to users."""
    problems: list[Diagnostic] = []
    root = seeds_dir.resolve()
    seeds: dict[str, tuple[Path, str, str]] = {}
    sidecars: dict[str, tuple[Path, str]] = {}
    for dirpath, dirnames, filenames in os.walk(seeds_dir, followlinks=False):
        here = Path(dirpath)
        kept_dirs = []
        for name in sorted(dirnames):
            if is_junk(name):
                continue
            if (here / name).is_symlink():
                problems.append(
                    warning("symbolic link to a folder not followed", _show(shown_root, seeds_dir, here / name))
                )
                continue
            kept_dirs.append(name)
        dirnames[:] = kept_dirs
        for name in sorted(filenames):
            if is_junk(name):
                continue
            path = here / name
            shown = _show(shown_root, seeds_dir, path)
            if path.is_symlink() and not _inside(path, root):
                problems.append(warning("symbolic link pointing outside the seeds folder not followed", shown))
                continue
            stem, suffix = os.path.splitext(name)
            suffix = suffix.lower()
            key = str((here / stem).relative_to(seeds_dir))
            if suffix in SEED_KINDS:
                if key in seeds:
                    problems.append(warning(f"two seeds share the name `{stem}`; sidecar applies to both", shown))
                seeds[key + suffix] = (path, shown, SEED_KINDS[suffix])
            elif suffix in SIDECAR_SUFFIXES:
                sidecars[key] = (path, shown)
            else:
                problems.append(warning("not a seed (expected .txt, .md or a .yml sidecar); ignored", shown))
    found = []
    used_sidecars = set()
    for key in sorted(seeds):
        path, shown, kind = seeds[key]
        stem_key = os.path.splitext(key)[0]
        sidecar = sidecars.get(stem_key)
        if sidecar:
            used_sidecars.add(stem_key)
        found.append(SeedFile(path, shown, kind, sidecar[0] if sidecar else None, sidecar[1] if sidecar else None))
    for key in sorted(set(sidecars) - used_sidecars):
        problems.append(
            warning("sidecar has no seed beside it (expected a .txt or .md of the same name)", sidecars[key][1])
        )
    return found, problems


def _show(shown_root: str, seeds_dir: Path, path: Path) -> str:
    rel = path.relative_to(seeds_dir).as_posix()
    return f"{shown_root.rstrip('/')}/{rel}" if shown_root else rel
