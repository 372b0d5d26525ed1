"""Content fingerprints of pages: a page is re-rendered only when its fingerprint changes."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, meta


class Fingerprinter:
    """Hashes plain data; each dataclass instance is hashed once per build however often it is shared."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, bytes]] = {}

    def digest(self, value: Any) -> bytes:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            key = id(value)
            cached = self._memo.get(key)
            if cached is not None and cached[0] is value:
                return cached[1]
            parts = [type(value).__name__.encode()]
            for field in dataclasses.fields(value):
                parts.append(field.name.encode())
                parts.append(self.digest(getattr(value, field.name)))
            result = hashlib.blake2b(b"\x1f".join(parts), digest_size=16).digest()
            self._memo[key] = (value, result)
            return result
        if isinstance(value, (list, tuple)):
            return hashlib.blake2b(b"[" + b"\x1e".join(self.digest(v) for v in value), digest_size=16).digest()
        if isinstance(value, Mapping):
            items = sorted(value.items(), key=lambda kv: str(kv[0]))
            return hashlib.blake2b(
                b"{" + b"\x1e".join(str(k).encode() + b"=" + self.digest(v) for k, v in items), digest_size=16
            ).digest()
        if isinstance(value, str):
            return b"s" + hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=15).digest()
        return hashlib.blake2b(f"{type(value).__name__}:{value!r}".encode(), digest_size=16).digest()


def template_signatures(env: Environment) -> dict[str, str]:
    """For each template, a hash of its source and of every template it extends, includes or imports."""
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


def file_digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
