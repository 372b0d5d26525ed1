"""Run one build and measure it: wall time, CPU time, peak memory, HTML files in the output."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_EVERY = 0.05  # seconds between samples of the process tree's memory


@dataclass(frozen=True)
class Measure:
    seconds: float
    cpu_seconds: float  # user + system time of the process and every descendant it waited for
    largest_mb: float  # peak RSS of the largest single process in the tree (what `time -v` reports)
    tree_mb: float  # peak of the process tree's summed PSS, sampled: workers and helper binaries included


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _sample_tree(root: int, done: threading.Event, peak: list[int]) -> None:
    while not done.is_set():
        peak[0] = max(peak[0], sum(_pss_kb(pid) for pid in _descendants(root)))
        done.wait(SAMPLE_EVERY)


def measure(command: Sequence[str], cwd: Path) -> Measure:
    """Run `command` to completion; exit with its output if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    done, peak = threading.Event(), [0]
    sampler = threading.Thread(target=_sample_tree, args=(process.pid, done, peak))
    sampler.start()
    assert process.stdout is not None
    output = process.stdout.read()  # drained while it runs, so a chatty build never blocks on a full pipe
    # wait4 rather than Popen.wait: it also returns the resource usage of the finished tree.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    if process.returncode != 0:
        sys.exit(
            f"bench: {' '.join(command)} failed ({process.returncode}):\n{output.decode(errors='replace')[-3000:]}"
        )
    return Measure(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024)


def html_files(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))
