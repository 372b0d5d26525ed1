"""Where the packaged theme lives: inside the wheel, or beside the package in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def theme_dir(kind: str) -> Path:
    """`templates` or `static` of the default theme."""
    installed = _PACKAGE / "_theme" / kind
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / kind
