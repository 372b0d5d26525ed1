"""`<name>.yml` beside a seed: a person's corrections, which win over anything stated or inferred."""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.draft import Stated
from generator.readers.meta import stated_fields
from generator.yamlsafe import load_mapping


def read_sidecar(text: str, shown: str) -> tuple[dict[str, Stated], list[Diagnostic]]:
    document, problems = load_mapping(text, shown)
    if document is None:
        return {}, problems
    stated, more = stated_fields(document, shown, "sidecar")
    return stated, problems + more
