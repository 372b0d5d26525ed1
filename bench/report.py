"""Medians of the runs, and Arsip's ratios to its peers, as a Markdown table to paste into README.md."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from statistics import median

from bench.measure import Measure
from bench.serve import PATIENCE

# scenario name → runs of each generator, in the order arsip, hugo, pelican
Results = dict[str, dict[str, list[Measure]]]
PEERS = ("hugo", "pelican")

ROWS: list[tuple[str, str, Callable[[Measure], float]]] = [
    ("cold build, s", "cold", lambda m: m.seconds),
    ("cold build, CPU s", "cold", lambda m: m.cpu_seconds),
    ("no-op rebuild, s", "noop", lambda m: m.seconds),
    ("one-article edit rebuild, s", "edit", lambda m: m.seconds),
    ("next edit rebuild (another article), s", "next_edit", lambda m: m.seconds),
    ("peak memory, process tree, MB", "cold", lambda m: m.tree_mb),
    ("peak memory, largest process, MB", "cold", lambda m: m.largest_mb),
]


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}×" if theirs else "–"


def table(by_n: dict[int, Results], pages: dict[int, dict[str, int]]) -> str:
    """One row per N and figure: the median of each generator's runs, then Arsip ÷ each peer."""
    lines = [
        "| articles | figure (median) | Arsip | Hugo | Pelican | Arsip ÷ Hugo | Arsip ÷ Pelican |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for n, results in by_n.items():
        for label, scenario, pick in ROWS:
            medians = {name: median(pick(m) for m in runs) for name, runs in results[scenario].items()}
            cells = [_number(medians[name]) for name in ("arsip", *PEERS)]
            ratios = [_ratio(medians["arsip"], medians[peer]) for peer in PEERS]
            lines.append(f"| {n:,} | {label} | " + " | ".join(cells + ratios) + " |")
        counts = pages[n]
        cells = [f"{counts[name]:,}" for name in ("arsip", *PEERS)]
        ratios = [_ratio(counts["arsip"], counts[peer]) for peer in PEERS]
        lines.append(f"| {n:,} | HTML pages written | " + " | ".join(cells + ratios) + " |")
    return "\n".join(lines)


def latency_lines(n: int, latency: dict[str, list[float | None]] | str) -> Sequence[str]:
    if isinstance(latency, str):
        return [f"- `arsip serve` at {n:,} articles: {latency}"]
    lines = []
    for label, values in latency.items():
        ok = [v for v in values if v is not None]
        failed = len(values) - len(ok)
        shown = f"median {median(ok):.2f} s over {len(ok)} saves" if ok else "never served"
        missed = f" ({failed} not served within {PATIENCE:.0f} s)" if failed else ""
        lines.append(f"- `arsip serve` at {n:,} articles, {label}: {shown}{missed}")
    return lines
