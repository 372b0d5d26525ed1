"""How a long build tells where it is: a callback given (stage, done, total), which may raise to cancel it."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    return None
