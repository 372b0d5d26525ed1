"""Content fingerprints of pages: a page is re-rendered only when its fingerprint changes."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jinja2 import Environment, nodes


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
            named = [(str(k).encode() + b"=", self._digests(v)) for k, v in items]
            result = _hash(b"{" + b"\x1e".join([name + whole for name, (whole, _) in named]))
            lean = _hash(b"{" + b"\x1e".join([name + part for name, (_, part) in named]))
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


@dataclass(frozen=True)
class TemplateFacts:
    """What a page's fingerprint needs to know of its template."""

    signature: str  # a hash of its source and of every template it extends, includes or imports
    # Every attribute and constant string named in it and in those templates: what its pages can look up.
    # None when a lookup is computed (`item[key]` with a variable key): the template may look up anything.
    names: frozenset[str] | None

    def may_show(self, names: Collection[str]) -> bool:
        return self.names is None or not self.names.isdisjoint(names)


def template_facts(env: Environment) -> dict[str, TemplateFacts]:
    """Each template's `TemplateFacts`. A template that does not parse may show anything (its error is
    reported when it is rendered)."""
    from jinja2 import meta  # here: a no-op rebuild, which needs this module for shards, never renders

    assert env.loader is not None
    names = sorted(env.loader.list_templates())
    sources: dict[str, str] = {}
    references: dict[str, set[str]] = {}
    looked_up: dict[str, frozenset[str] | None] = {}
    for name in names:
        source, _, _ = env.loader.get_source(env, name)
        sources[name] = source
        try:
            tree = env.parse(source)
        except Exception:
            references[name], looked_up[name] = set(), None
            continue
        found = set(meta.find_referenced_templates(tree))
        references[name] = {r for r in found if r is not None}
        # A template named by a variable (`{% include page.kind ~ ".html" %}`) may show anything.
        looked_up[name] = None if None in found else _names_looked_up(tree)
    facts = {}
    for name in names:
        closure, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in closure or current not in sources:
                continue
            closure.add(current)
            todo.extend(references.get(current, ()))
        joined = "\0".join(f"{n}\0{sources[n]}" for n in sorted(closure))
        signature = hashlib.blake2b(joined.encode(), digest_size=16).hexdigest()
        parts = [looked_up[n] for n in sorted(closure)]
        named = None if any(part is None for part in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        facts[name] = TemplateFacts(signature, named)
    return facts


# Filters and tests that look up attributes named by their arguments (`groupby(name)`, `map("attr", name)`).
_LOOKING_UP = frozenset({"attr", "groupby", "map", "max", "min", "rejectattr", "selectattr", "sort", "sum", "unique"})


def _names_looked_up(tree: nodes.Template) -> frozenset[str] | None:
    """Attribute names and constant strings in one template (`x.name`, `x["name"]`, `map(attribute="a.name")`,
    each dotted part too), or None when it may look up a name not written in it: a computed key (`x[key]`,
    `x|attr(key)`, `groupby(key)`) or Python's own attributes (`x.__dict__`).

    An article's repr leaves its body out (see model.Article), so printing a whole object shows no body."""
    from jinja2 import nodes

    keys: list[nodes.Node] = []
    found: set[str] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Const, nodes.Filter, nodes.Test)):
        if isinstance(node, nodes.Getattr):
            found.add(node.attr)
        elif isinstance(node, nodes.Getitem):
            keys.append(node.arg)
        elif isinstance(node, (nodes.Filter, nodes.Test)):
            if node.name in _LOOKING_UP:
                keys += [*node.args, *(kw.value for kw in node.kwargs)]
        elif isinstance(node.value, str):
            found.update((node.value, *node.value.split(".")))
    for key in keys:
        try:
            value = key.as_const()  # `x[0]`, `x[-1]`, `x["a" ~ "b"]`: known before any page is rendered
        except nodes.Impossible:
            return None
        if isinstance(value, str):
            found.update((value, *value.split(".")))
    if any(name.startswith("__") for name in found):
        return None
    return frozenset(found)


def path_bucket(path: str, count: int) -> int:
    """A stable choice of one of `count` buckets for an output path (the same in every run and process)."""
    return int.from_bytes(hashlib.blake2b(path.encode(), digest_size=8).digest(), "big") % count


def file_digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
