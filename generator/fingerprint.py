"""Content fingerprints of pages: a page is re-rendered only when its fingerprint changes."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment


SHORT = 48  # bytes of a string kept as it is in a digest rather than hashed


def _hash(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _string(value: str) -> bytes:
    """A short string stands for itself (length-prefixed, so no two sequences read alike); a long one is hashed."""
    data = value.encode("utf-8", "surrogatepass")
    return b"s%d:" % len(data) + data if len(data) <= SHORT else b"S" + _hash(data)


class Fingerprinter:
    """Hashes plain data structurally. Each dataclass instance and tuple is hashed once per build,
    however often it is shared between pages (an article appears on many listing pages)."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, bytes]] = {}
        self._fields: dict[type, tuple[bytes, tuple[tuple[str, bytes], ...]] | None] = {}

    def _field_names(self, kind: type) -> tuple[bytes, tuple[tuple[str, bytes], ...]] | None:
        """A dataclass's name and its fields' names (each also encoded), or None for any other type."""
        if kind not in self._fields:
            is_data = dataclasses.is_dataclass(kind)
            fields = tuple((f.name, f.name.encode()) for f in dataclasses.fields(kind)) if is_data else ()
            self._fields[kind] = (kind.__name__.encode(), fields) if is_data else None
        return self._fields[kind]

    def digest(self, value: Any) -> bytes:
        kind = type(value)
        if kind is str:
            return _string(value)
        if kind is int or kind is bool or value is None or kind is float:
            return f"{kind.__name__}:{value!r}".encode()
        key = id(value)
        cached = self._memo.get(key)
        if cached is not None and cached[0] is value:
            return cached[1]
        described = self._field_names(kind)
        if described is not None:
            kind_name, fields = described
            parts = [kind_name]
            for name, encoded in fields:
                parts.append(encoded)
                field = getattr(value, name)
                parts.append(_string(field) if type(field) is str else self.digest(field))  # the commonest, inline
            result = _hash(b"\x1f".join(parts))
        elif isinstance(value, (list, tuple)):
            result = _hash(b"[" + b"\x1e".join([_string(v) if type(v) is str else self.digest(v) for v in value]))
        elif isinstance(value, Mapping):
            items = sorted(value.items(), key=lambda kv: str(kv[0]))
            result = _hash(b"{" + b"\x1e".join([str(k).encode() + b"=" + self.digest(v) for k, v in items]))
        else:
            result = _hash(f"{kind.__name__}:{value!r}".encode())
        self._memo[key] = (value, result)
        return result


def template_signatures(env: Environment) -> dict[str, str]:
    """For each template, a hash of its source and of every template it extends, includes or imports."""
    from jinja2 import meta  # here: a no-op rebuild, which needs this module for shards, never renders

    assert env.loader is not None
    names = sorted(env.loader.list_templates())
    sources: dict[str, str] = {}
    references: dict[str, set[str]] = {}
    for name in names:
        source, _, _ = env.loader.get_source(env, name)
        sources[name] = source
        try:
            found = meta.find_referenced_templates(env.parse(source))
            references[name] = {r for r in found if r is not None}
        except Exception:  # a syntax error is reported when the template is rendered
            references[name] = set()
    signatures = {}
    for name in names:
        closure, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in closure or current not in sources:
                continue
            closure.add(current)
            todo.extend(references.get(current, ()))
        joined = "\0".join(f"{n}\0{sources[n]}" for n in sorted(closure))
        signatures[name] = hashlib.blake2b(joined.encode(), digest_size=16).hexdigest()
    return signatures


def path_bucket(path: str, count: int) -> int:
    """A stable choice of one of `count` buckets for an output path (the same in every run and process)."""
    return int.from_bytes(hashlib.blake2b(path.encode(), digest_size=8).digest(), "big") % count


def file_digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
