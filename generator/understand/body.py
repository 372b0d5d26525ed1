"""A draft's text made into an article body: teasers apart, furniture out, dateline split off."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.draft import Draft
from generator.understand.dateline import Dateline, split_dateline
from generator.understand.facts import Teaser
from generator.understand.furniture import strip_initials
from generator.understand.teasers import split_teasers


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[str, ...]
    teasers: tuple[Teaser, ...]
    dateline: Dateline


def read_body(draft: Draft, is_furniture: Callable[[str], bool]) -> Body:
    """The article's own paragraphs; the dateline is looked for only in raw text, on the first one."""
    lines, teasers = split_teasers(draft.lines)
    lines = strip_initials(tuple(line for line in lines if not is_furniture(line.text)))
    paragraphs = tuple(line.text for line in lines)
    dateline = Dateline(None, None, paragraphs[0] if paragraphs else "")
    if draft.format == "text" and paragraphs:
        dateline = split_dateline(paragraphs[0])
        paragraphs = (dateline.rest, *paragraphs[1:])
    return Body(paragraphs, teasers, dateline)
