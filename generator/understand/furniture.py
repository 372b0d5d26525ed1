"""Page furniture scraped with the text: lines that belong to the outlet's page, not to the article."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.draft import Draft, SourceLine
from generator.understand.teasers import has_teasers

# A line must recur in this many distinct seeds (and this share of them) to count as page furniture.
FURNITURE_MIN_SEEDS = 3
FURNITURE_MIN_SHARE = 0.02
FURNITURE_MAX_WORDS = 8

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


@dataclass(frozen=True)
class Furniture:
    """What is furniture in one archive: lines that repeat across its seeds, and patterns (built-in and the
    site's own) matched against a whole line."""

    lines: frozenset[str] = frozenset()  # normalised (`normalise_line`)
    patterns: tuple[re.Pattern[str], ...] = ()

    def is_furniture(self, line: str) -> bool:
        return normalise_line(line) in self.lines or any(p.fullmatch(line) for p in self.patterns)


def normalise_line(line: str) -> str:
    return " ".join(line.lower().split())


@dataclass(frozen=True)
class LineSet:
    """What the archive-wide analysis keeps of one draft's lines (a function of them alone, kept between builds
    by the seed's content): for furniture finding, the short ones (only they can be furniture) and a digest of
    the whole set of its normalised lines (two scrapes of one article have the same); whether it has a teaser."""

    short: frozenset[str]  # normalised lines of at most FURNITURE_MAX_WORDS words
    digest: bytes
    teasers: bool  # see `features.feature_needs`


def line_sets(drafts: Iterable[Draft]) -> list[LineSet]:
    """Each draft's `LineSet` (its lines normalised with `normalise_line`): a few short lines and a digest, not
    a second copy of every line of the archive."""
    found = []
    for draft in drafts:
        every = {" ".join(words) for words in (line.text.lower().split() for line in draft.lines)}
        digest = hashlib.blake2b("\n".join(sorted(every)).encode("utf-8", "surrogatepass"), digest_size=16)
        # A normalised line has one space between words.
        short = frozenset(line for line in every if line.count(" ") < FURNITURE_MAX_WORDS)
        found.append(LineSet(short, digest.digest(), has_teasers(draft.lines)))
    return found


def repeated_lines(drafts: Iterable[Draft], lines_of: Sequence[LineSet] | None = None) -> frozenset[str]:
    """Short lines that repeat across many distinct seeds are page furniture, not writing.

    `lines_of`: each draft's `line_sets`, when already known.
    """
    drafts = list(drafts)
    seen: Counter[str] = Counter()
    bodies: set[bytes] = set()
    for draft, lines in zip(drafts, lines_of or line_sets(drafts), strict=True):
        if draft.format != "text":
            continue
        if lines.digest in bodies:  # a second scrape of the same article must not make its lines look repeated
            continue
        bodies.add(lines.digest)
        seen.update(lines.short)
    threshold = max(FURNITURE_MIN_SEEDS, int(len(bodies) * FURNITURE_MIN_SHARE))
    return frozenset(line for line, n in seen.items() if n >= threshold)


def find_furniture(
    drafts: Iterable[Draft], patterns: tuple[str, ...] = (), lines_of: Sequence[LineSet] | None = None
) -> Furniture:
    """The archive's furniture: its repeated lines, and the built-in patterns with the site's own."""
    return Furniture(repeated_lines(drafts, lines_of), compile_patterns(patterns))


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
