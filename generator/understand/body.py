"""A draft's text made into an article body: teasers apart, furniture out, dateline split off."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from generator.draft import Draft
from generator.understand.dateline import Dateline, split_dateline
from generator.understand.facts import Teaser
from generator.understand.furniture import strip_initials
from generator.understand.teasers import split_teasers


@dataclass(frozen=True)
class Body:
    paragraphs: tuple[str, ...]
    teasers: tuple[Teaser, ...]
    dateline: Dateline  # its `rest` is the first paragraph


# Each paragraph of a body: (the index of the draft's line it comes from, its text where that differs from the
# line's, else None).
BodyLines = tuple[tuple[int, str | None], ...]


@dataclass(frozen=True)
class BodyRef:
    """A `Body` told by its draft's lines: which lines it keeps (and the few it changed, such as the first one
    without its dateline), so that the analysis, which keeps one per article, holds no second copy of the text."""

    lines: BodyLines
    teasers: tuple[Teaser, ...]
    dateline: Dateline  # with `rest` left empty: it is the first paragraph

    def body(self, draft: Draft) -> Body:
        """The body, its paragraphs the draft's own strings where unchanged (`draft` must be the one read)."""
        paragraphs = tuple(draft.lines[index].text if text is None else text for index, text in self.lines)
        return Body(paragraphs, self.teasers, replace(self.dateline, rest=paragraphs[0] if paragraphs else ""))


def read_body(draft: Draft, is_furniture: Callable[[str], bool]) -> Body:
    """The article's own paragraphs; the dateline is looked for only in raw text, on the first one."""
    return read_body_ref(draft, is_furniture).body(draft)


def read_body_ref(draft: Draft, is_furniture: Callable[[str], bool]) -> BodyRef:
    """`read_body`, told by the draft's lines (see `BodyRef`)."""
    lines, teasers = split_teasers(draft.lines)
    kept = tuple(line for line in lines if not is_furniture(line.text))
    final = strip_initials(kept)  # `kept`, its last line changed or dropped
    index_of = {id(line): index for index, line in enumerate(draft.lines)}
    indices = [index_of[id(line)] for line in kept[: len(final)]]
    texts = [line.text for line in final]
    dateline = Dateline(None, None, "")
    if draft.format == "text" and texts:
        found = split_dateline(texts[0])
        texts[0], dateline = found.rest, replace(found, rest="")
    own = tuple(
        (index, None if text == draft.lines[index].text else text) for index, text in zip(indices, texts, strict=True)
    )
    return BodyRef(own, teasers, dateline)
