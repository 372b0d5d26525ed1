"""What each template of a build can show: a signature of its source (and of the templates it uses), and the
names it looks up, so that a page's fingerprint leaves out what its templates never show (see
assemble.plan_outputs)."""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass

from jinja2 import Environment, meta, nodes


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
        members = sorted(closure)
        joined = "\0".join(f"{n}\0{sources[n]}" for n in members)
        signature = hashlib.blake2b(joined.encode(), digest_size=16).hexdigest()
        parts = [looked_up[n] for n in members]
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
