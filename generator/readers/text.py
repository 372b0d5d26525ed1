"""Bytes → text: BOM, encodings and line endings handled once for every reader."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, error, warning

MAX_SEED_BYTES = 20 * 1024 * 1024


def decode(raw: bytes, shown: str, max_bytes: int = MAX_SEED_BYTES) -> tuple[str | None, list[Diagnostic]]:
    """Decode a seed's bytes to text with '\\n' line endings, or say why it cannot be read."""
    if len(raw) > max_bytes:
        return None, [error(f"file is {len(raw) // 1024 // 1024} MB, above the {max_bytes // 1024 // 1024} MB limit; skipped", shown)]
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [warning("binary file, not text; skipped", shown)]
    problems: list[Diagnostic] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            return None, [warning("not readable as text in any known encoding; skipped", shown)]
        text = str(best)
        problems.append(warning(f"not UTF-8; read as {best.encoding}", shown))
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [warning("empty file; skipped", shown)]
    return text, problems
