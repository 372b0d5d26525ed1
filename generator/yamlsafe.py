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


def _check_shape(text: str) -> str | None:
    """Return why the document is too costly to construct, or None."""
    depth = nodes = aliases = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return f"nested deeper than {MAX_DEPTH} levels"
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                return f"more than {MAX_ALIASES} aliases (a YAML alias bomb?)"
        nodes += 1
        if nodes > MAX_NODES:
            return f"more than {MAX_NODES} YAML nodes"
    return None


def load_mapping(text: str, path: str, first_line: int = 1) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """Parse `text` as a YAML mapping; `first_line` is the file line the text starts on."""
    offset = first_line - 1
    try:
        too_costly = _check_shape(text)
        if too_costly:
            return None, [error(f"YAML refused: {too_costly}", path)]
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [error(f"invalid YAML: {problem}", path, line)]
    except yaml.YAMLError as exc:
        return None, [error(f"invalid YAML: {exc}", path)]
    except RecursionError:
        return None, [error("YAML refused: nested too deeply", path)]
    if data is None:
        return YamlDocument({}), []
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return None, [error("expected a mapping of `key: value` lines", path, first_line)]
    key_lines = {}
    for key_node, _value in node.value:
        key_lines[str(key_node.value)] = key_node.start_mark.line + 1 + offset
    return YamlDocument({str(k): v for k, v in data.items()}, key_lines), []
