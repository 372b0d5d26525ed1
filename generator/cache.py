"""Persistent build state in SQLite (`.arsip-cache/`): what each output file was made from.

The manifest records, for every file of the current site, the fingerprint of its inputs and the
size and mtime of the file written. A file is reused only when both still match, so a build killed
at any moment can never make a later build reuse a file it did not record.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.inputs import code_key

SCHEMA_VERSION = 3


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
                "DROP TABLE IF EXISTS outputs; DROP TABLE IF EXISTS drafts; DROP TABLE IF EXISTS state;"
                "DROP TABLE IF EXISTS features;"
                "CREATE TABLE drafts (source TEXT PRIMARY KEY, stat TEXT, value BLOB);"
                "CREATE TABLE features (key TEXT PRIMARY KEY, code TEXT, value BLOB);"
                "CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB);"
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

    def drafts(self) -> dict[str, tuple[str, bytes]]:
        """Cached readings of seeds: source → (stat key, pickled value)."""
        return {row[0]: (row[1], row[2]) for row in self._db.execute("SELECT source, stat, value FROM drafts")}

    def store_drafts(self, rows: Iterable[tuple[str, str, object]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO drafts VALUES (?, ?, ?)",
                ((source, stat, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) for source, stat, value in rows),
            )

    def forget_drafts_except(self, sources: set[str]) -> None:
        known = {row[0] for row in self._db.execute("SELECT source FROM drafts")}
        with self._db:
            self._db.executemany("DELETE FROM drafts WHERE source = ?", ((s,) for s in known - sources))

    def load_features(self, keys: Collection[str]) -> dict[str, bytes]:
        """Per-article features kept by earlier builds of this same code, pickled (see `features.FeatureStore`)."""
        found: dict[str, bytes] = {}
        wanted = list(keys)
        for start in range(0, len(wanted), 500):  # SQLite limits the parameters of one statement
            chunk = wanted[start : start + 500]
            rows = self._db.execute(
                f"SELECT key, value FROM features WHERE code = ? AND key IN ({','.join('?' * len(chunk))})",
                (code_key(), *chunk),
            )
            found.update(rows)
        return found

    def store_features(self, rows: Mapping[str, bytes], keep: Collection[str] | None) -> None:
        """Keep these pickled features; forget all others not in `keep` (all in use), unless it is None."""
        code = code_key()
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO features VALUES (?, ?, ?)", ((k, code, v) for k, v in rows.items())
            )
            if keep is None:
                return
            kept = set(keep)
            stale = [row[0] for row in self._db.execute("SELECT key FROM features") if row[0] not in kept]
            self._db.executemany("DELETE FROM features WHERE key = ?", ((key,) for key in stale))

    def get_state(self, key: str) -> object | None:
        row = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except Exception:  # an unreadable entry is as good as none
            return None

    def set_state(self, key: str, value: object) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO state VALUES (?, ?)",
                (key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)),
            )

    def clear(self) -> None:
        """Forget everything (`--clean`): every reading, feature and output record is recomputed."""
        with self._db:
            for table in ("drafts", "features", "state", "outputs"):
                self._db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names

    def close(self) -> None:
        self._db.close()


def open_cache(directory: Path) -> BuildCache | None:
    """The cache, or None when it cannot be used (read-only folder, corrupt file): builds still work."""
    try:
        return BuildCache(directory / "cache.sqlite")
    except (sqlite3.Error, OSError):
        return None
