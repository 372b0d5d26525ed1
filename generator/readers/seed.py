"""One seed file (and its sidecar) → Draft. The only reader entry point the build uses."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from generator.diagnostics import Diagnostic, error
from generator.discover import SeedFile
from generator.draft import Draft, PartialDate, Stated
from generator.readers import markdown, raw_text
from generator.readers.sidecar import read_sidecar
from generator.readers.text import MAX_SEED_BYTES, decode, too_big

_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_name(path: Path, shown: str) -> Stated | None:
    """`2024-09-22-judul.md` states its date in its name."""
    match = _NAME_DATE.search(path.stem)
    if not match:
        return None
    from datetime import date

    year, month, day = (int(g) for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    return Stated(PartialDate(year, month, day), "file name", shown)


def _read_bytes(path: Path, shown: str, max_bytes: int) -> tuple[bytes | None, list[Diagnostic]]:
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:  # refused before reading: a huge file costs neither time nor memory
                return None, [too_big(size, max_bytes, shown)]
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        return None, [error(f"cannot read file: {exc.strerror or exc}", shown)]
    return raw, []


def read_seed(seed: SeedFile, max_bytes: int = MAX_SEED_BYTES) -> tuple[Draft | None, list[Diagnostic]]:
    """Read a seed and its sidecar; None (with the reason) when the seed cannot be read at all."""
    raw, problems = _read_bytes(seed.path, seed.shown, max_bytes)
    if raw is None:
        return None, problems
    text, more = decode(raw, seed.shown, max_bytes)
    problems += more
    if text is None:
        return None, problems
    stated: dict[str, Stated] = {}
    named = date_from_name(seed.path, seed.shown)
    if named:
        stated["date"] = named
    markdown_body = None
    if seed.kind == "markdown":
        matter, body, body_line, more = markdown.front_matter(text, seed.shown)
        problems += more
        stated.update(matter)
        lines = markdown.blocks(body, body_line)
        markdown_body = body
    else:
        lines = raw_text.paragraphs(text)
    digest_parts = [raw]
    if seed.sidecar is not None:
        side_raw, more = _read_bytes(seed.sidecar, seed.sidecar_shown or str(seed.sidecar), max_bytes)
        problems += more
        side_text = None
        if side_raw is not None:
            digest_parts.append(side_raw)
            side_text, more = decode(side_raw, seed.sidecar_shown or "", max_bytes)
            problems += [p for p in more if "empty file" not in p.message]
        if side_text:
            side, more = read_sidecar(side_text, seed.sidecar_shown or "")
            problems += more
            stated.update(side)
    # Each part length-prefixed: a seed `A<NUL>B` alone and a seed `A` with sidecar `B` must not share a digest
    # (kept line sets and paragraph prints are taken by it).
    digest = hashlib.sha256(b"".join(b"%d:" % len(part) + part for part in digest_parts)).hexdigest()
    draft = Draft(seed.shown, seed.kind, lines, digest, markdown_body, stated)
    return draft, problems
