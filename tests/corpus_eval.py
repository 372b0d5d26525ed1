"""Measure what Arsip infers from raw news text against what the outlets published (issue 3).

Runs the same inspection as `arsip inspect --json` on the dev corpus (`../shared/corpus/id-dev`, `en-dev`)
and compares it with each folder's `truth.jsonl`. The corpus is read in place and never copied.

    .venv/bin/python -m tests.corpus_eval [--details]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.config import Config
from generator.inspect import inspect_paths
from generator.understand.linking import LeadForms, index_forms, lead_forms, match_headline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SETS = ("id-dev", "en-dev")

TARGETS = {
    "date_within_1_day": (">=", 0.70),
    "date_off_more_than_1_day": ("<=", 0.05),
    "title_rouge1_f1": (">=", 0.30),
    "titles_15_to_120_chars": (">=", 0.95),
    "outlet_accuracy": (">=", 0.99),
    "reuters_place_accuracy": (">=", 0.95),
    "furniture_lines_left": ("<=", 0),
    "genuine_paragraphs_kept": (">=", 0.98),
    "teasers_extracted": (">=", 1.0),
    "teasers_left_in_body": ("<=", 0),
    "teasers_resolved": (">=", 0.90),
    "teasers_wrongly_linked": ("<=", 0),
    "simulated_teasers_linked": (">=", 0.90),
    "simulated_teasers_wrongly_linked": ("<=", 0),
    "share_with_3_plus_tags": (">=", 0.90),
    "junk_tag_share": ("<=", 0.01),
    "single_article_tag_share": ("<=", 0.30),
}

# The evaluator's own reference of page furniture (the kinds the issue names), kept apart from the generator's.
_REFERENCE_FURNITURE = re.compile(
    r"^(advertisement|scroll to continue with content|reuters?|baca juga\s*:?|\[gambas:[^\]]*\]"
    r"|saksikan live detik\w*\s*:?"
    r"|(simak|tonton|lihat)( juga)?( video)?\s*[:'\"“‘].*|(simak|tonton|lihat)( juga)? video\b.*"
    r"|(simak|baca)( berita)? selengkapnya\s*di\s*(sini|halaman \w+)\W*|artikel ini telah (naik|tayang)\s*di.*"
    r"|[\w-]+\.com/[A-Z][A-Z .]{3,}.*"
    r"|\(\w{2,5}(/\w{2,5})*\))$",
    re.IGNORECASE,
)
_TEASER = re.compile(r"^\s*baca\s+juga\s*:\s*(?P<headline>\S.*)$", re.IGNORECASE)
_WORD = re.compile(r"\w+")

_WEEKDAYS = "senin selasa rabu kamis jumat sabtu minggu monday tuesday wednesday thursday friday saturday sunday"
_MONTHS = (
    "januari februari maret april mei juni juli agustus september oktober november desember january february march "
    "may june july august october december jan feb mar apr jun jul aug sep sept oct nov dec agu okt des"
)
_STOPWORDS = (
    "yang dan di ke dari untuk dengan ini itu tidak akan pada juga dalam karena oleh adalah atau sudah telah bahwa "
    "saat ada bisa kata ujar kami kita mereka dia ia para pun lebih hingga sebagai namun tersebut the a an and of to "
    "in is that for it was on with as by said at from be have has are were will this he she they its"
)
_OUTLETS = "liputan6 liputan6.com detik detikcom detik.com kompas kompas.com okezone okezone.com tempo tempo.co reuters"
_FURNITURE_WORDS = "advertisement scroll content gambas video baca simak tonton saksikan"
_JUNK_WORDS = frozenset(" ".join((_WEEKDAYS, _MONTHS, _OUTLETS, _FURNITURE_WORDS)).split())
_STOP = frozenset(_STOPWORDS.split())


def norm(text: str) -> str:
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def rouge1_f1(candidate: str, reference: str) -> float:
    cand, ref = Counter(norm(candidate).split()), Counter(norm(reference).split())
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(cand.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def is_junk_tag(tag: str) -> bool:
    words = norm(tag).split()
    if not words or len(tag.strip()) < 2 or all(w.isdigit() for w in words):
        return True
    return any(w in _JUNK_WORDS for w in words) or words[0] in _STOP or words[-1] in _STOP


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None


@dataclass
class Tally:
    """Counts for one folder (or all of them): numerators and denominators kept apart so sets add up."""

    articles: int = 0
    within: int = 0
    off: int = 0
    exact: int = 0
    undated: int = 0
    coarse: int = 0
    rouge: float = 0.0
    title_ok: int = 0
    outlet_named: int = 0
    outlet_right: int = 0
    place_total: int = 0
    place_right: int = 0
    furniture_left: int = 0
    genuine: int = 0
    genuine_kept: int = 0
    teasers: int = 0
    teasers_extracted: int = 0
    teasers_left: int = 0
    teasers_resolvable: int = 0
    teasers_resolved: int = 0
    teasers_wrong: int = 0
    tags: int = 0
    three_plus: int = 0
    junk: int = 0
    simulated: int = 0
    simulated_linked: int = 0
    simulated_wrong: int = 0
    simulated_absent_linked: int = 0
    tag_articles: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                setattr(self, name, getattr(self, name) + value)
        self.tag_articles.update(other.tag_articles)

    def figures(self) -> dict[str, float]:
        def share(part: float, whole: float, empty: float = 1.0) -> float:
            return round(part / whole, 3) if whole else empty

        distinct = len(self.tag_articles)
        return {
            "articles": self.articles,
            "date_within_1_day": share(self.within, self.articles),
            "date_off_more_than_1_day": share(self.off, self.articles),
            "date_exact_day": share(self.exact, self.articles),
            "date_null": share(self.undated, self.articles),
            "date_month_or_year_only": share(self.coarse, self.articles),
            "title_rouge1_f1": share(self.rouge, self.articles),
            "titles_15_to_120_chars": share(self.title_ok, self.articles),
            "outlet_named_in_dateline": self.outlet_named,
            "outlet_accuracy": share(self.outlet_right, self.outlet_named),
            "reuters_place_accuracy": share(self.place_right, self.place_total),
            "furniture_lines_left": self.furniture_left,
            "genuine_paragraphs_kept": share(self.genuine_kept, self.genuine),
            "teasers": self.teasers,
            "teasers_extracted": share(self.teasers_extracted, self.teasers),
            "teasers_left_in_body": self.teasers_left,
            "teasers_in_archive": self.teasers_resolvable,
            "teasers_resolved": share(self.teasers_resolved, self.teasers_resolvable),
            "teasers_wrongly_linked": self.teasers_wrong,
            "simulated_teasers": self.simulated,
            "simulated_teasers_linked": share(self.simulated_linked, self.simulated),
            "simulated_teasers_wrongly_linked": self.simulated_wrong,
            "simulated_absent_target_linked": self.simulated_absent_linked,
            "tags_per_article": share(self.tags, self.articles),
            "share_with_3_plus_tags": share(self.three_plus, self.articles),
            "junk_tag_share": share(self.junk, self.tags, 0.0),
            "distinct_tags": distinct,
            "single_article_tag_share": share(sum(1 for n in self.tag_articles.values() if n == 1), distinct),
        }


def _source_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def evaluate_folder(folder: Path, config: Config | None = None) -> Tally:
    truth = [json.loads(line) for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line]
    paths = [str(folder / row["file"]) for row in truth]
    described, _ = inspect_paths(paths, config or Config())
    by_source = {d["source"]: d for d in described}
    url_of_title = {}
    for row, path in zip(truth, paths, strict=True):
        if path in by_source:
            url_of_title.setdefault(norm(row["title"]), by_source[path]["url"])
    tally = Tally()
    for row, path in zip(truth, paths, strict=True):
        got = by_source.get(path)
        if got is None:  # built once as a duplicate of another file
            continue
        _score_article(tally, row, got, _source_lines(Path(path)), url_of_title)
    _simulate_teasers(tally, truth, paths, by_source)
    return tally


def _simulate_teasers(tally: Tally, truth: list[dict], paths: list[str], by_source: dict[str, dict]) -> None:
    """No dev teaser names another dev article, so each article's published headline stands in for a teaser
    from elsewhere in the archive: it must link to that article and never to another. Then the same headline
    as a teaser whose article is not in the archive (an index built without it, so its own words are unknown to
    the archive as they would be): any link is a wrong one."""
    entries = [(d["source"], lead_forms(d["paragraphs"], None), None, d.get("outlet")) for d in by_source.values()]
    index = index_forms(entries)
    gone = LeadForms(frozenset(), frozenset(), ())  # an absent article: no words in the archive
    for row, path in zip(truth, paths, strict=True):
        if path not in by_source:
            continue
        tally.simulated += 1
        # A "Baca juga" teaser promotes its own outlet's story: it sits in another article of the same outlet.
        outlet = by_source[path].get("outlet")
        teaser_in = next((e[0] for e in entries if outlet and e[3] == outlet and e[0] != path), None)
        linked = match_headline(row["title"], index, own=teaser_in)
        tally.simulated_linked += linked == path
        if linked is not None and linked != path:
            tally.simulated_wrong += 1
            tally.details.append(f"{Path(path).name[:4]} simulated teaser {row['title'][:50]!r} → {linked}")
        elif linked is None:
            tally.details.append(f"{Path(path).name[:4]} simulated teaser unlinked: {row['title'][:50]!r}")
        # The article's words leave the archive; its outlet stays, standing for the teasing article's own.
        without = index_forms([(e[0], gone, None, e[3]) if e[0] == path else e for e in entries])
        stray = match_headline(row["title"], without, own=path)
        if stray is not None:
            tally.simulated_absent_linked += 1
            tally.details.append(f"{Path(path).name[:4]} absent article's teaser {row['title'][:50]!r} → {stray}")


def _score_article(
    tally: Tally, row: dict[str, Any], got: dict[str, Any], lines: list[str], url_of_title: dict
) -> None:
    name = Path(got["source"]).name[:4]
    tally.articles += 1
    # Date: a day-precision date is scored by its distance; a coarser one counts as wrong unless it holds the day.
    published = _day(row.get("date"))
    inferred = got.get("date")
    if inferred is None:
        tally.undated += 1
    elif got.get("date_precision") == "day" and published:
        distance = abs((_day(inferred) - published).days)
        tally.within += distance <= 1
        tally.exact += distance == 0
        tally.off += distance > 1
        if distance > 1:
            tally.details.append(f"{name} date {inferred} vs {published}")
    elif published:
        tally.coarse += 1
        if not published.isoformat().startswith(inferred):
            tally.off += 1
            tally.details.append(f"{name} date {inferred} vs {published}")
    # Title.
    title = got["title"]
    tally.rouge += rouge1_f1(title, row["title"])
    tally.title_ok += 15 <= len(title) <= 120
    # Outlet where the first line names it; place where Reuters gives a dateline.
    stem = (row.get("outlet") or "").lower().split(".")[0]
    if stem and lines and stem in lines[0][:40].lower():
        tally.outlet_named += 1
        right = (got.get("outlet") or "") == row["outlet"].lower()
        tally.outlet_right += right
        if not right:
            tally.details.append(f"{name} outlet {got.get('outlet')!r} vs {row['outlet']!r}")
    if row.get("dateline"):
        tally.place_total += 1
        wanted = norm(row["dateline"].split(",")[0])
        right = norm((got.get("place") or "").split(",")[0]) == wanted
        tally.place_right += right
        if not right:
            tally.details.append(f"{name} place {got.get('place')!r} vs {row['dateline']!r}")
    # Furniture and genuine paragraphs.
    paragraphs = got["paragraphs"]
    kept = {norm(p) for p in paragraphs}
    for paragraph in paragraphs:
        if _REFERENCE_FURNITURE.match(paragraph) or re.search(r"\s\(\w{2,5}(/\w{2,5})*\)$", paragraph):
            tally.furniture_left += 1
            tally.details.append(f"{name} furniture left: {paragraph[:60]!r}")
    for number, line in enumerate(lines):
        if _REFERENCE_FURNITURE.match(line) or _TEASER.match(line):
            continue
        tally.genuine += 1
        wanted = norm(line)
        found = wanted in kept or (number == 0 and any(wanted.endswith(k) for k in kept if len(k) > 20))
        if not found:  # a trailing editor's mark removed from a real paragraph still counts as kept
            found = any(k and wanted.startswith(k) and len(k) > 0.8 * len(wanted) for k in kept)
        tally.genuine_kept += found
        if not found:
            tally.details.append(f"{name} paragraph lost: {line[:60]!r}")
    # Teasers: extracted into `related`, none left in the body, linked only to the article they name.
    related = {norm(r["headline"]): r["url"] for r in got["related"]}
    for line in lines:
        match = _TEASER.match(line)
        if not match:
            continue
        headline = norm(match.group("headline"))
        tally.teasers += 1
        tally.teasers_extracted += headline in related
        target = url_of_title.get(headline)
        linked = related.get(headline)
        if target and target != got["url"]:
            tally.teasers_resolvable += 1
            tally.teasers_resolved += linked == target
        if linked and linked != target:
            tally.teasers_wrong += 1
            tally.details.append(f"{name} wrong teaser link: {headline[:50]!r} → {linked}")
    tally.teasers_left += sum(1 for p in paragraphs if re.match(r"^\s*baca\s+juga\b", p, re.IGNORECASE))
    # Tags.
    tags = got["tags"]
    tally.tags += len(tags)
    tally.three_plus += len(tags) >= 3
    for tag in tags:
        tally.tag_articles[norm(tag)] += 1
        if is_junk_tag(tag):
            tally.junk += 1
            tally.details.append(f"{name} junk tag {tag!r}")


def evaluate(corpus: Path = CORPUS) -> dict[str, dict[str, float]]:
    """Figures per dev folder and over all of them."""
    results: dict[str, dict[str, float]] = {}
    total = Tally()
    for name in SETS:
        tally = evaluate_folder(corpus / name)
        results[name] = tally.figures()
        total.add(tally)
    results["all"] = total.figures()
    return results


def misses(figures: dict[str, float]) -> list[str]:
    """The targets these figures do not meet."""
    failed = []
    for name, (op, target) in TARGETS.items():
        value = figures[name]
        if (op == ">=" and value < target) or (op == "<=" and value > target):
            failed.append(f"{name} = {value} (target {op} {target})")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every miss per article")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    total = Tally()
    columns: dict[str, dict[str, float]] = {}
    for name in SETS:
        tally = evaluate_folder(args.corpus / name)
        columns[name] = tally.figures()
        total.add(tally)
        if args.details:
            for line in tally.details:
                print(f"  {name}/{line}")
    columns["all"] = total.figures()
    print(f"{'figure':32}" + "".join(f"{name:>10}" for name in columns) + "   target")
    for figure in columns["all"]:
        op, target = TARGETS.get(figure, ("", ""))
        row = "".join(f"{columns[name][figure]:>10}" for name in columns)
        print(f"{figure:32}{row}   {op} {target}".rstrip())
    failed = misses(columns["all"])
    print(
        f"\n{len(failed)} target(s) missed"
        + (": " + "; ".join(failed) if failed else "")
        + f" ({time.perf_counter() - started:.1f} s)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
