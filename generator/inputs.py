"""Cheap identities of a build's inputs, from file metadata: what lets a build skip work safely."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from generator import __version__
from generator.discover import SeedFile

RACY_SECONDS = 2.0


def stat_key(*paths: Path | None) -> str:
    """Size, mtime and inode of each file: changes whenever a file is written or replaced.

    A file modified in the last moments could be modified again within the clock's granularity
    without its metadata changing, so such a file gets a key that never matches (as git does).
    """
    parts = []
    now = time.time_ns()
    for path in paths:
        if path is None:
            parts.append("-")
            continue
        try:
            st = os.stat(path)
        except OSError:
            parts.append("missing")
            continue
        racy = f":racy{now}" if now - st.st_mtime_ns < RACY_SECONDS * 1e9 else ""
        parts.append(f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}{racy}")
    return "|".join(parts)


@lru_cache(maxsize=1)
def code_key() -> str:
    """Identity of the Arsip code that is running: its version and every module of the package.

    Part of every cache key, so upgrading Arsip (or editing it) never reuses what older code computed.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(__version__.encode(), digest_size=12)
    for path in sorted(package.rglob("*.py")):
        digest.update(f"{path.relative_to(package)}:{stat_key(path)}".encode())
    return digest.hexdigest()


def seed_key(seed: SeedFile) -> str:
    return f"{code_key()}|{stat_key(seed.path, seed.sidecar)}"


def _tree_keys(root: Path) -> Iterable[str]:
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            yield f"{path}:{stat_key(path)}"


def inputs_signature(config_text: str, seeds: Iterable[SeedFile], folders: Iterable[Path], extra: str = "") -> str:
    """One hash over the config, every seed and sidecar, and every file of the template and static folders."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{code_key()}\0{extra}\0{config_text}\0".encode())
    for seed in seeds:
        digest.update(f"{seed.shown}:{seed_key(seed)}\n".encode())
    for folder in folders:
        for line in _tree_keys(folder):
            digest.update(line.encode() + b"\n")
    return digest.hexdigest()
