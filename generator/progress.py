"""How a long build tells where it is: a callback given (stage, done, total), which may raise to cancel it."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]


class BuildCancelled(Exception):
    """Raised by a progress callback to stop a build (the preview on Ctrl-C); nothing is written then."""


def no_progress(stage: str, done: int, total: int) -> None:
    return None
