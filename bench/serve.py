"""Arsip only: how long from saving a seed until `arsip serve` serves the result."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO

from bench.corpus import append_sentence, article

POLL = 0.02
DAY = "2024-12-31"  # of the new seeds
PATIENCE = 120.0  # seconds to wait for one save to show before calling it a failure
READY = "fast render ready"  # what `arsip serve` says once a saved seed's page can be shown at once


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str, since: float, patience: float = PATIENCE) -> float | None:
    """Seconds from `since` until `url` answers with a page containing `text`; None when it never did."""
    while time.perf_counter() - since < patience:
        body = _fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - since
        time.sleep(POLL)
    return None


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Ctrl-C as a person would, then kill whatever is left of its process group."""
    os.killpg(server.pid, signal.SIGINT)
    with contextlib.suppress(subprocess.TimeoutExpired):
        server.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):  # the whole group is gone already
        os.killpg(server.pid, signal.SIGKILL)
    server.wait()


def serve_latency(arsip: Path, project: Path, runs: int) -> dict[str, list[float | None]] | str:
    """Latencies of a new seed and of an edited seed, or why they were not measured."""
    if subprocess.run([str(arsip), "serve", "--help"], capture_output=True).returncode != 0:
        return "skipped: this Arsip has no `arsip serve`"
    seeds, port = project / "seeds", _port()
    base = f"http://127.0.0.1:{port}"
    command = [
        str(arsip),
        "serve",
        "--seeds",
        str(seeds),
        "--out",
        str(project / "site"),
        "--config",
        str(project / "site.yml"),
        "--port",
        str(port),
    ]
    # Its own process group, so that stopping it also stops any worker it left behind.
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in the `finally` below, after the server stops
    server = subprocess.Popen(command, cwd=project, stdout=log, stderr=log, start_new_session=True)
    results: dict[str, list[float | None]] = {"new seed → its page served": [], "edited seed → page updated": []}
    probes: list[Path] = []
    try:
        if _wait_for(f"{base}/", "<html", time.perf_counter(), patience=1800) is None:
            return "skipped: `arsip serve` did not answer"
        # It serves at once; the fast render is ready once it has understood the archive (seconds at 10,000):
        # the saves are timed from then on, as an editor at work meets them.
        if not _said(log, server, READY, patience=1800):
            tail = _text(log)[-2000:]
            return f"skipped: `arsip serve` never said its fast render was ready; it said:\n{tail}"
        for k in range(runs):
            slug = f"uji-pratinjau-{k}"
            sidecar, seed = seeds / f"{slug}.yml", seeds / f"{slug}.txt"
            probes += [sidecar, seed]
            start = time.perf_counter()
            sidecar.write_text(f"title: Uji Pratinjau {k}\ndate: {DAY}\nslug: {slug}\ntags: [Uji]\n", encoding="utf-8")
            seed.write_text(f"PALEMBANG, BENCH.COM - Kalimat uji pratinjau nomor {k}.\n", encoding="utf-8")
            new_page = _wait_for(f"{base}/{DAY.replace('-', '/')}/{slug}/", "uji pratinjau", start)
            results["new seed → its page served"].append(new_page)
            a, token = article(k), f"Penanda{k}x{time.time_ns()}"
            start = time.perf_counter()
            append_sentence("arsip", seeds, k, f"Kalimat tambahan {token}.")
            url = f"{base}/{a.day:%Y/%m/%d}/{a.slug}/"
            results["edited seed → page updated"].append(_wait_for(url, token, start))
            time.sleep(1)  # let the watcher settle, so each save is measured alone
    finally:
        _stop(server)
        log.close()
        for path in probes:
            path.unlink(missing_ok=True)
    return results


def _text(log: IO[bytes]) -> str:
    """The server's output so far, read without moving the file position it writes at."""
    fd = log.fileno()
    return os.pread(fd, os.fstat(fd).st_size, 0).decode("utf-8", errors="replace")


def _said(log: IO[bytes], server: subprocess.Popen[bytes], text: str, patience: float) -> bool:
    """Whether the server's output says `text` within `patience` seconds (False at once if it ended)."""
    deadline = time.perf_counter() + patience
    while time.perf_counter() < deadline:
        if text in _text(log):
            return True
        if server.poll() is not None:
            return False
        time.sleep(0.2)
    return False
