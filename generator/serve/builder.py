"""The preview's builds, each in a child process of its own: serving pages, noticing saves and the fast render
never wait for the build's Python (one interpreter lock would make them wait for seconds on a large archive).

The parent sends the build's options on the child's stdin and keeps that pipe open: one more byte, or the
pipe closing (the preview stopped, or died), cancels the build at its next step. The child answers on its
stdout with the BuildResult and the placing of every article (for the fast render), pickled. The child has a
session of its own, so Ctrl-C in the terminal reaches the preview alone, which cancels the build.
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace

import generator
from generator.build import BuildOptions, BuildResult, PreviewNeeds, build
from generator.diagnostics import error
from generator.progress import BuildCancelled
from generator.serve.fast_render import Placing, placing_of

Answer = tuple[BuildResult, Placing | None]
_LENGTH = 8  # bytes of the request's length prefix


def build_in_child(options: BuildOptions, needs: PreviewNeeds, should_stop: Callable[[], bool]) -> Answer:
    """Build in a child process; `should_stop` is asked every tenth of a second while it runs."""
    request = pickle.dumps((options, needs))
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(generator.__file__)))
    path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from generator.serve.builder import main; sys.exit(main())"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": path},
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        child.stdin.write(len(request).to_bytes(_LENGTH, "big") + request)
        child.stdin.flush()
        cancelled = False
        while not select.select([child.stdout], [], [], 0.1)[0]:
            if not cancelled and should_stop():
                _cancel(child)
                cancelled = True
        answer = child.stdout.read()
        child.wait()
        if child.returncode != 0 or not answer:
            return _failed(f"the build process ended with status {child.returncode} (a bug in Arsip)"), None
        result, placing = pickle.loads(answer)
        return result, placing
    finally:
        if child.poll() is None:  # an exception here (a second Ctrl-C, a bug): the build must not outlive it
            _cancel(child)
            try:
                child.wait(timeout=3)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
        child.stdout.close()


def _cancel(child: subprocess.Popen[bytes]) -> None:
    assert child.stdin is not None
    try:
        child.stdin.write(b"x")
        child.stdin.close()
    except (BrokenPipeError, ValueError):  # gone already, or closed by an earlier cancel
        pass


def _failed(message: str) -> BuildResult:
    return BuildResult(1, diagnostics=(error(message),))


def main() -> int:
    """The child: read the request, build, answer; cancelled by a byte (or the end) on stdin."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the preview decides (its own session: none should come)
    faulthandler.register(signal.SIGUSR1, all_threads=True)  # `kill -USR1`: where a stuck build is
    source, answer_to = sys.stdin.buffer, sys.stdout.buffer
    length = int.from_bytes(source.read(_LENGTH), "big")
    options, needs = pickle.loads(source.read(length))

    def progress(stage: str, done: int, total: int) -> None:
        if select.select([source], [], [], 0)[0]:  # a byte, or the end: the preview wants it stopped
            raise BuildCancelled

    result = build(options, progress, needs)
    placing = placing_of(result.model) if result.model is not None else None
    answer_to.write(pickle.dumps((replace(result, model=None), placing), protocol=pickle.HIGHEST_PROTOCOL))
    answer_to.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
