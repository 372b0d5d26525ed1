"""Bytes → text: BOM, encodings and line endings handled once for every reader."""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostic, error, warning

# A long news article is tens of kB; 4 MB is generous, and keeps a hostile file's build to seconds.
MAX_SEED_BYTES = 4 * 1024 * 1024


def size_text(size: int) -> str:
    """`4194304` → `4 MB`, `100000` → `97.7 kB`: a size as a person reads it."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def too_big(size: int | None, max_bytes: int, shown: str) -> Diagnostic:
    stated = f"{size_text(size)}, " if size else ""
    return error(
        f"file is {stated}over the {size_text(max_bytes)} limit (raise `max_seed_bytes` in site.yml); skipped", shown
    )


# C1 controls never belong in text; in scraped text they are the trace of UTF-8 read as Windows-1252
# (`â\x97\x8f` for `●`), which ftfy undoes. Other control characters (but tab and newline) are dropped.
_SUSPECT = re.compile(r"[\x80-\x9f]|Ã[\x80-\xbf]|â€")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """Text with control characters (but tab and newline) removed: they have no place in a page."""
    return _CONTROL.sub("", text)


def repair(text: str) -> tuple[str, str | None]:
    """Undo mojibake and drop control characters; also says what was done (None when nothing)."""
    fixed = text
    if _SUSPECT.search(text):
        import ftfy

        fixed = ftfy.fix_text(
            text,
            normalization=None,
            uncurl_quotes=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            fix_line_breaks=False,
        )
    if fixed != text:
        return without_controls(fixed), "mis-encoded characters repaired (UTF-8 text once read as Windows-1252)"
    fixed = without_controls(text)
    return fixed, ("control characters removed" if fixed != text else None)


def decode(raw: bytes, shown: str, max_bytes: int = MAX_SEED_BYTES) -> tuple[str | None, list[Diagnostic]]:
    """Decode a seed's bytes to text with '\\n' line endings, or say why it cannot be read."""
    if len(raw) > max_bytes:
        return None, [too_big(None, max_bytes, shown)]
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [warning("binary file, not text; skipped", shown)]
    problems: list[Diagnostic] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        matches = from_bytes(raw)
        best = matches.best()
        # Ties are common (cp1250, cp1257 and cp1252 read plain Latin text alike); the web's default
        # for undeclared legacy text is windows-1252 (WHATWG), and it keeps `naïve` from becoming `naďve`.
        for match in matches:
            at_least_as_good = best is not None and match.chaos <= best.chaos and match.coherence >= best.coherence
            if match.encoding == "cp1252" and at_least_as_good:
                best = match
        if best is None:
            return None, [warning("not readable as text in any known encoding; skipped", shown)]
        text = str(best)
        problems.append(warning(f"not UTF-8; read as {best.encoding}", shown))
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text, repaired = repair(text)
    if repaired:
        problems.append(warning(repaired, shown))
    if not text.strip():
        return None, [warning("empty file; skipped", shown)]
    return text, problems
