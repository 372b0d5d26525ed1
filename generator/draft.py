"""What a reader makes of one seed: the text and the fields the file states, each with its origin."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def as_date(self) -> date:
        """The first day this date could be (for sorting and feeds)."""
        return date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)


@dataclass(frozen=True, slots=True)  # one per paragraph or field of every seed: no __dict__ each
class SourceLine:
    """One paragraph of a seed and the 1-based line it starts on."""

    text: str
    line: int

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        # Unpickled by the constructor: a slotted dataclass's own __setstate__ is a fifth slower to read back
        # (the cache holds every seed's lines).
        return SourceLine, (self.text, self.line)


@dataclass(frozen=True, slots=True)  # one per paragraph or field of every seed: no __dict__ each
class Stated:
    """A value a person wrote down (front matter, sidecar, file name), with where they wrote it."""

    value: Any
    origin: str
    path: str
    line: int | None = None

    def __reduce__(self) -> tuple[type, tuple[Any, str, str, int | None]]:
        return Stated, (self.value, self.origin, self.path, self.line)  # as SourceLine's


@dataclass(frozen=True)
class Draft:
    """One seed as read: body paragraphs, Markdown source if any, and the stated fields."""

    source: str
    format: str
    lines: tuple[SourceLine, ...]
    digest: str
    markdown: str | None = None
    stated: Mapping[str, Stated] = field(default_factory=dict)  # never mutated after reading

    def value(self, name: str, default: Any = None) -> Any:
        stated = self.stated.get(name)
        return stated.value if stated is not None else default

    def infers(self, name: str) -> bool:
        """Whether understanding infers this field (`title`, `date`, `tags`, `summary`) for this draft: it is
        not stated (a title or summary stated empty is not stated either; tags stated empty are stated)."""
        if name == "date":
            return "date" not in self.stated
        if name == "tags":
            return self.value("tags") is None
        return not self.value(name)
