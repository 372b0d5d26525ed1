"""`arsip new DIR`: a ready site project (config, one seed of each kind, .gitignore, CI workflow)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.diagnostics import Diagnostic, error

TEMPLATE = Path(__file__).resolve().parent / "newsite"
# Where each packaged file goes in the new project (dotfiles are stored without their dot).
PLACES = {"gitignore": ".gitignore", "workflow.yml": ".github/workflows/site.yml"}


def new_site(target: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Create the project in `target` (new or empty); never overwrites anything."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        return [], [error("folder exists and is not empty; choose a new folder", str(target))]
    created = []
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_dir():
            continue
        relative = source.relative_to(TEMPLATE).as_posix()
        destination = target / PLACES.get(relative, relative)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        created.append(destination)
    return created, []
