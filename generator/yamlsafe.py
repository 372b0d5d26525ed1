"""Safe YAML loading with line numbers, for config, front matter and sidecars.

Only the safe loader is used (no object tags are ever constructed). Alias bombs and
absurdly deep documents are refused before construction, so hostile YAML costs little.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, error

MAX_DEPTH = 20
MAX_NODES = 20_000
MAX_ALIASES = 100


@dataclass(frozen=True)
class YamlDocument:
    """A parsed mapping and the 1-based line of each top-level key."""

    data: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: ~10x faster


class _Loader(_SafeLoader):  # type: ignore[misc,valid-type]
    """The safe loader, except that an impossible date (2024-02-30) stays text for the field check to report."""


def _timestamp_or_text(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_shape(root: yaml.Node) -> str | None:
    """Return why the composed document is too costly to construct or to use, or None.

    Aliases come out of the composer as shared nodes, so a node met twice is an alias use. What counts is
    the size the document would have once every alias is expanded (as any consumer walking it would): a
    "billion laughs" of a few dozen aliases is refused, not only one with very many.
    """
    sizes: dict[int, int] = {}
    heights: dict[int, int] = {}
    on_path: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(child)] for child in children)
            heights[key] = 1 + max((heights[id(child)] for child in children), default=0)
            if heights[key] > MAX_DEPTH:
                return f"nested deeper than {MAX_DEPTH} levels"
            if sizes[key] > MAX_NODES:
                return f"more than {MAX_NODES} values once aliases are expanded (a YAML alias bomb?)"
            continue
        if key in on_path:
            return "an alias refers to the value that contains it"
        if key in sizes:
            aliases += 1
            if aliases > MAX_ALIASES:
                return f"more than {MAX_ALIASES} aliases (a YAML alias bomb?)"
            continue
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    return None


def load_mapping(text: str, path: str, first_line: int = 1) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse `text` as a YAML mapping; `first_line` is the file line the text starts on."""
    offset = first_line - 1
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            too_costly = _check_shape(node) if node is not None else None
            if too_costly:
                return None, [error(f"YAML refused: {too_costly}", path)]
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [error(f"invalid YAML: {problem}", path, line)]
    except yaml.YAMLError as exc:
        return None, [error(f"invalid YAML: {exc}", path)]
    except RecursionError:
        return None, [error("YAML refused: nested too deeply", path)]
    except (ValueError, TypeError, AttributeError) as exc:  # explicit tags PyYAML cannot construct (`!!int abc`)
        return None, [error(f"invalid YAML value: {exc}", path, first_line)]
    if data is None:
        return YamlDocument({}), []
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return None, [error("expected a mapping of `key: value` lines", path, first_line)]
    key_lines = {}
    for key_node, _value in node.value:
        key_lines[str(key_node.value)] = key_node.start_mark.line + 1 + offset
    return YamlDocument({str(k): v for k, v in data.items()}, key_lines), []
