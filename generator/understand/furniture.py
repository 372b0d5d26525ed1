"""Page furniture scraped with the text: lines that belong to the outlet's page, not to the article."""

from __future__ import annotations

import re

from generator.draft import SourceLine

# Kinds every news scrape carries, whatever the outlet; a site adds its own with `furniture_patterns`.
# Each must match a whole line, so a genuine paragraph that merely mentions these words is kept.
BUILTIN_PATTERNS: tuple[str, ...] = (
    r"advertisement|iklan|scroll to continue with content|reuters?",
    r"\[(gambas|baca|video|foto)\s*:[^\]]*\]",
    # Simak Video '…'   Simak juga Video: …   Tonton juga "…" di sini:   Saksikan Live DetikPagi:
    r"(simak|tonton|lihat|saksikan)(\s+juga)?(\s+live)?\s+(video\b.*|detik\w*\s*:?|[\"“'‘].*)",
    r"(simak|baca)\s+(berita\s+|artikel\s+|informasi\s+)?selengkapnya\s*di\s*(sini|halaman\s+\w+)\W*",
    r"artikel ini telah (naik|tayang|terbit)\s*di.*",
    r"(dapatkan|ikuti) (update|berita|informasi)\b.*\b(whatsapp|telegram|google news|channel)\b.*",
    # A photo credit left on its own line: `KOMPAS.com/NAMA FOTOGRAFER…`
    r"[\w-]+\.(com|co|id)/[A-Z][A-Z .]{3,}.{0,80}",
)

# Editor's initials at the very end of an article: `(kha)`, `(ant/fjp)`, `(*)`.
_INITIALS = re.compile(r"\s*\((?:[a-z]{2,5}(?:/[a-z]{2,5})*|\*)\)\s*$")


def compile_patterns(extra: tuple[str, ...] = ()) -> tuple[re.Pattern[str], ...]:
    """The built-in furniture kinds and a site's own, each matched against a whole line."""
    return tuple(re.compile(rf"(?:{p})\s*", re.IGNORECASE) for p in (*BUILTIN_PATTERNS, *extra))


def strip_initials(lines: tuple[SourceLine, ...]) -> tuple[SourceLine, ...]:
    """Remove an editor's initials from the end of the last paragraph (or the line they stand on alone)."""
    if not lines:
        return lines
    last = lines[-1]
    cleaned = _INITIALS.sub("", last.text)
    if cleaned == last.text:
        return lines
    if not cleaned.strip():
        return lines[:-1]
    return (*lines[:-1], SourceLine(cleaned.rstrip(), last.line))
