"""Markdown with optional YAML front matter between `---` lines."""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostic, error
from generator.draft import SourceLine, Stated
from generator.readers.meta import stated_fields
from generator.yamlsafe import load_mapping

_FENCE = re.compile(r"^---[ \t]*$")
_MARKUP = re.compile(r"^(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)")


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body text, the line the body starts on)."""
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]):
        return None, text, 1
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]) or lines[index].strip() == "...":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return None, text, 1


def front_matter(text: str, shown: str) -> tuple[dict[str, Stated], str, int, list[Diagnostic]]:
    """Parse the front matter: (stated fields, body, body's first line, problems)."""
    matter, body, body_line = split_front_matter(text)
    if matter is None:
        if text.startswith("---") and _FENCE.match(text.split("\n", 1)[0]):
            return {}, text, 1, [error("front matter opened with `---` is never closed", shown, 1)]
        return {}, body, body_line, []
    document, problems = load_mapping(matter, shown, first_line=2)
    if document is None:
        return {}, body, body_line, problems
    stated, more = stated_fields(document, shown, "front matter")
    return stated, body, body_line, problems + more


def blocks(body: str, first_line: int) -> tuple[SourceLine, ...]:
    """Plain-text paragraphs of a Markdown body, for inference (titles, summaries, dates)."""
    found: list[SourceLine] = []
    current: list[str] = []
    start = first_line
    in_code = False
    for offset, line in enumerate(body.split("\n")):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        if not stripped:
            if current:
                found.append(SourceLine(" ".join(current), start))
                current = []
            continue
        if not current:
            start = first_line + offset
        current.append(_MARKUP.sub("", stripped))
    if current:
        found.append(SourceLine(" ".join(current), start))
    return tuple(b for b in found if b.text.strip())
