"""Problems found in a user's input, as values: collected, never raised."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem, named by the file (and line) it comes from."""

    severity: Severity
    message: str
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.severity}: {self.message}"


def error(message: str, path: str | None = None, line: int | None = None) -> Diagnostic:
    return Diagnostic("error", message, path, line)


def warning(message: str, path: str | None = None, line: int | None = None) -> Diagnostic:
    return Diagnostic("warning", message, path, line)


def count(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...], severity: Severity) -> int:
    return sum(1 for d in diagnostics if d.severity == severity)


def did_you_mean(word: str, known: list[str] | tuple[str, ...] | dict[str, object], label: str = "known") -> str:
    """` (did you mean `title`?)` for a near miss, else the list of what is known."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean `{close[0]}`?)" if close else f" ({label}: {', '.join(known)})"
