"""Content fingerprints of pages: a page is re-rendered only when its fingerprint changes."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def _hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _string(value: str) -> bytes:
    """A string stands for itself, length-prefixed so no two sequences read alike (hashed with what holds it:
    one hash of a few kilobytes costs less than a hash of each of its strings)."""
    data = value.encode("utf-8", "surrogatepass")
    return b"s%d:" % len(data) + data


class Fingerprinter:
    """Hashes plain data structurally. Each dataclass instance and tuple is hashed once per build,
    however often it is shared between pages (an article appears on many listing pages).

    Every value gets two digests in the same pass: `digest`, of all of it, and `lean_digest`, which leaves out
    the dataclass fields named in `optional_fields` wherever they are inside it (what some pages never show).
    The two are the same bytes for a value with no such field inside.
    """

    def __init__(self, optional_fields: frozenset[str] = frozenset()) -> None:
        self._optional = optional_fields
        self._memo: dict[int, tuple[Any, bytes, bytes]] = {}
        self._fields: dict[type, tuple[bytes, tuple[tuple[str, bytes, bool], ...]] | None] = {}

    def digest(self, value: Any) -> bytes:
        return self._digests(value)[0]

    def lean_digest(self, value: Any) -> bytes:
        return self._digests(value)[1]

    def _field_names(self, kind: type) -> tuple[bytes, tuple[tuple[str, bytes, bool], ...]] | None:
        """A dataclass's name and its fields' (name, encoded name, optional), or None for any other type."""
        if kind not in self._fields:
            is_data = dataclasses.is_dataclass(kind)
            names = [f.name for f in dataclasses.fields(kind)] if is_data else []
            fields = tuple((name, name.encode(), name in self._optional) for name in names)
            self._fields[kind] = (kind.__name__.encode(), fields) if is_data else None
        return self._fields[kind]

    def _digests(self, value: Any) -> tuple[bytes, bytes]:
        """(digest, lean digest): the same object twice when nothing optional is inside `value`."""
        kind = type(value)
        if kind is str:
            plain = _string(value)
            return plain, plain
        if kind is int or kind is bool or value is None or kind is float:
            plain = f"{kind.__name__}:{value!r}".encode()
            return plain, plain
        key = id(value)
        cached = self._memo.get(key)
        if cached is not None and cached[0] is value:
            return cached[1], cached[2]
        described = self._field_names(kind)
        if described is not None:
            result, lean = self._dataclass_digests(value, *described)
        elif isinstance(value, (list, tuple)):
            wholes, parts = [], []
            for item in value:
                if type(item) is str:  # the commonest, inline
                    whole = part = _string(item)
                else:
                    whole, part = self._digests(item)
                wholes.append(whole)
                parts.append(part)
            result = _hash(b"[" + b"\x1e".join(wholes))
            lean = result if parts == wholes else _hash(b"[" + b"\x1e".join(parts))
        elif isinstance(value, Mapping):
            items = sorted(value.items(), key=lambda kv: str(kv[0]))
            named = [(str(k).encode() + b"=", *self._digests(v)) for k, v in items]
            wholes = [name + whole for name, whole, _ in named]
            parts = [name + part for name, _, part in named]
            result = _hash(b"{" + b"\x1e".join(wholes))
            lean = result if parts == wholes else _hash(b"{" + b"\x1e".join(parts))
        else:
            result = lean = _hash(f"{kind.__name__}:{value!r}".encode())
        self._memo[key] = (value, result, lean)
        return result, lean

    def _dataclass_digests(
        self, value: Any, kind_name: bytes, fields: tuple[tuple[str, bytes, bool], ...]
    ) -> tuple[bytes, bytes]:
        wholes, parts = [kind_name], [kind_name]
        for name, encoded, optional in fields:
            field = getattr(value, name)
            if type(field) is str:  # the commonest, inline
                whole = part = _string(field)
            else:
                whole, part = self._digests(field)
            wholes += (encoded, whole)
            if not optional:
                parts += (encoded, part)
        result = _hash(b"\x1f".join(wholes))
        return result, result if parts == wholes else _hash(b"\x1f".join(parts))


def path_bucket(path: str, count: int) -> int:
    """A stable choice of one of `count` buckets for an output path (the same in every run and process)."""
    return int.from_bytes(hashlib.blake2b(path.encode(), digest_size=8).digest(), "big") % count


def file_digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
