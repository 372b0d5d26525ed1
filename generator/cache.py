"""Persistent build state in SQLite (`.arsip-cache/`): what each output file was made from.

The manifest records, for every file of the current site, the fingerprint of its inputs and the
size and mtime of the file written. A file is reused only when both still match, so a build killed
at any moment can never make a later build reuse a file it did not record.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class OutputRecord:
    path: str
    fingerprint: str
    size: int
    mtime_ns: int


class BuildCache:
    """A small key-value store of build state; every write is one transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            self._db.executescript(
                "DROP TABLE IF EXISTS outputs;"
                "CREATE TABLE outputs (site TEXT, path TEXT, fingerprint TEXT, size INTEGER, mtime_ns INTEGER,"
                " PRIMARY KEY (site, path));"
                f"PRAGMA user_version={SCHEMA_VERSION};"
            )

    def outputs(self, site: str) -> dict[str, OutputRecord]:
        rows = self._db.execute("SELECT path, fingerprint, size, mtime_ns FROM outputs WHERE site = ?", (site,))
        return {row[0]: OutputRecord(*row) for row in rows}

    def replace_outputs(self, site: str, records: Iterable[OutputRecord]) -> None:
        with self._db:
            self._db.execute("DELETE FROM outputs WHERE site = ?", (site,))
            self._db.executemany(
                "INSERT INTO outputs VALUES (?, ?, ?, ?, ?)",
                ((site, r.path, r.fingerprint, r.size, r.mtime_ns) for r in records),
            )

    def close(self) -> None:
        self._db.close()


def open_cache(directory: Path) -> BuildCache | None:
    """The cache, or None when it cannot be used (read-only folder, corrupt file): builds still work."""
    try:
        return BuildCache(directory / "cache.sqlite")
    except (sqlite3.Error, OSError):
        return None
