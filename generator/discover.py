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


def _shown_prefix(shown_root: str) -> str:
    """What the paths shown to users start with: `seeds/`."""
    return f"{shown_root.rstrip('/')}/" if shown_root else ""


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def discover(seeds_dir: Path, shown_root: str) -> tuple[list[SeedFile], list[Diagnostic]]:
    """List the seeds under `seeds_dir`, sorted by path; `shown_root` prefixes the paths shown to users.

    Walks with os.scandir and plain strings: a no-op rebuild is mostly this walk, over every seed and sidecar.
    """
    problems: list[Diagnostic] = []
    root = seeds_dir.resolve()
    prefix = _shown_prefix(shown_root)
    seeds: dict[str, tuple[str, str, str]] = {}  # relative path → (path, shown, kind)
    sidecars: dict[str, tuple[str, str]] = {}  # relative path without suffix → (path, shown)
    folders = [(os.fspath(seeds_dir), "")]
    while folders:
        folder, relative = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:  # unreadable or gone: as os.walk, skipped
            continue
        files, subfolders = [], []
        for entry in entries:
            if is_junk(entry.name):
                continue
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            (subfolders if is_folder else files).append(entry)
        for entry in subfolders:
            if entry.is_symlink():
                shown = prefix + relative + entry.name
                problems.append(warning("symbolic link to a folder not followed", shown))
        for entry in files:
            name = entry.name
            shown = prefix + relative + name
            if entry.is_symlink() and not _inside(Path(entry.path), root):
                problems.append(warning("symbolic link pointing outside the seeds folder not followed", shown))
                continue
            stem, suffix = os.path.splitext(name)
            suffix = suffix.lower()
            key = relative + stem
            if suffix in SEED_KINDS:
                if any(key + other in seeds for other in SEED_KINDS):
                    problems.append(warning(f"two seeds share the name `{stem}`; sidecar applies to both", shown))
                seeds[key + suffix] = (entry.path, shown, SEED_KINDS[suffix])
            elif suffix in SIDECAR_SUFFIXES:
                sidecars[key] = (entry.path, shown)
            else:
                problems.append(warning("not a seed (expected .txt, .md or a .yml sidecar); ignored", shown))
        # Depth first, in name order (the stack takes the last pushed first).
        folders += [(e.path, relative + e.name + "/") for e in reversed(subfolders) if not e.is_symlink()]
    found = []
    used_sidecars = set()
    for key in sorted(seeds):
        path, shown, kind = seeds[key]
        stem_key = os.path.splitext(key)[0]
        sidecar = sidecars.get(stem_key)
        if sidecar:
            used_sidecars.add(stem_key)
        found.append(
            SeedFile(Path(path), shown, kind, Path(sidecar[0]) if sidecar else None, sidecar[1] if sidecar else None)
        )
    for key in sorted(set(sidecars) - used_sidecars):
        problems.append(
            warning("sidecar has no seed beside it (expected a .txt or .md of the same name)", sidecars[key][1])
        )
    return found, problems


def seed_file_at(path: Path, seeds_dir: Path, shown_root: str) -> SeedFile | None:
    """The seed that a changed file under `seeds_dir` is, or belongs to as its sidecar, by `discover`'s rules;
    None when it is no seed (junk, gone, a symbolic link, a sidecar with no seed, outside the folder) or when
    the folder holds more than one candidate (two seeds of one name, two sidecars): `discover` decides those."""
    try:
        relative = path.relative_to(seeds_dir).as_posix()
    except ValueError:
        return None
    if any(is_junk(part) for part in relative.split("/")):
        return None
    stem, suffix = os.path.splitext(path.name)
    suffix = suffix.lower()
    if suffix not in SEED_KINDS and suffix not in SIDECAR_SUFFIXES:
        return None
    try:  # the folder's names (not its entries: 20,000 of those cost ~40 ms), those of this stem only
        names = [n for n in os.listdir(path.parent) if n.startswith(stem) and os.path.splitext(n)[0] == stem]
    except OSError:
        return None
    names = [n for n in names if not is_junk(n)]
    seeds = [n for n in names if os.path.splitext(n)[1].lower() in SEED_KINDS]
    sidecars = [n for n in names if os.path.splitext(n)[1].lower() in SIDECAR_SUFFIXES]
    if len(seeds) != 1 or len(sidecars) > 1:
        return None
    seed = path.parent / seeds[0]
    if seed.is_symlink() or not seed.is_file():
        return None
    shown_folder = _shown_prefix(shown_root) + relative.rpartition("/")[0] + ("/" if "/" in relative else "")
    sidecar = path.parent / sidecars[0] if sidecars else None
    return SeedFile(
        seed,
        shown_folder + seed.name,
        SEED_KINDS[os.path.splitext(seed.name)[1].lower()],
        sidecar,
        shown_folder + sidecar.name if sidecar else None,
    )
