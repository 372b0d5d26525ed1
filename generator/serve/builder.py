"""The preview's builds, each in a child process of its own: serving pages, noticing saves and the fast render
never wait for the build's Python (one interpreter lock would make them wait for seconds on a large archive).

The parent sends the build's options on the child's stdin and keeps that pipe open: one more byte, or the
pipe closing (the preview stopped, or died), cancels the build at its next step. The child answers on its
stdout with the BuildResult and the placing of every article (for the fast render), pickled, its length
first. The child has a session of its own, so Ctrl-C in the terminal reaches the preview alone, which cancels
the build (a second Ctrl-C kills its process group).
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import pickle
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace

from generator.build import BuildOptions, BuildResult, PreviewNeeds, build
from generator.diagnostics import error
from generator.progress import BuildCancelled
from generator.serve.fast_render import Placing, placing_of

Answer = tuple[BuildResult, Placing | None]
_LENGTH = 8  # bytes of the request's length prefix


def build_in_child(
    options: BuildOptions,
    needs: PreviewNeeds,
    should_stop: Callable[[], bool],
    started: Callable[[int], None] = lambda pid: None,
) -> Answer:
    """Build in a child process; `should_stop` is asked every tenth of a second while it runs; `started` is
    told the child's process id (its process group: the child, its workers and Pagefind)."""
    request = pickle.dumps((options, needs))
    launch = f"import sys; sys.path[:] = {_import_path()!r}; from generator.serve.builder import main; sys.exit(main())"
    child = subprocess.Popen(
        [sys.executable, "-P", "-c", launch], stdin=subprocess.PIPE, stdout=subprocess.PIPE, start_new_session=True
    )
    assert child.stdin is not None and child.stdout is not None
    started(child.pid)
    try:
        try:
            child.stdin.write(len(request).to_bytes(_LENGTH, "big") + request)
            child.stdin.flush()
        except BrokenPipeError:  # it died at start-up: its status says so below
            pass
        answer = _answer(child, should_stop)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:  # answered, then stuck on its way out
            _kill(child)
        if answer is None:
            return _failed(f"the build process ended with status {child.returncode} (a bug in Arsip)"), None
        result, placing = pickle.loads(answer)
        return result, placing
    finally:
        if child.poll() is None:  # an exception here (a second Ctrl-C, a bug): the build must not outlive it
            _cancel(child)
            try:
                child.wait(timeout=3)
            except subprocess.TimeoutExpired:
                _kill(child)
        for pipe in (child.stdin, child.stdout):
            with contextlib.suppress(OSError):
                pipe.close()


def _import_path() -> list[str]:
    """The preview's own import path for the child, less the working folder (the project's: a `markdown.py`
    there must not shadow a library) unless Arsip itself is found only there."""
    here = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    working = os.getcwd()
    path = [p for p in sys.path if os.path.abspath(p or ".") != working or p == here]
    return path if here in path or any(os.path.abspath(p) == here for p in path) else [*path, here]


def _answer(child: subprocess.Popen[bytes], should_stop: Callable[[], bool]) -> bytes | None:
    """The child's whole answer (length first, then as many bytes), asking `should_stop` while waiting."""
    assert child.stdout is not None
    received = b""
    wanted: int | None = None
    cancelled = False
    while wanted is None or len(received) < _LENGTH + wanted:
        if not select.select([child.stdout], [], [], 0.1)[0]:
            if not cancelled and should_stop():
                _cancel(child)
                cancelled = True
            continue
        chunk = os.read(child.stdout.fileno(), 1 << 20)
        if not chunk:
            return None  # it ended before its answer was whole
        received += chunk
        if wanted is None and len(received) >= _LENGTH:
            wanted = int.from_bytes(received[:_LENGTH], "big")
    return received[_LENGTH:]


def _cancel(child: subprocess.Popen[bytes]) -> None:
    assert child.stdin is not None
    try:
        child.stdin.write(b"x")
        child.stdin.close()
    except (BrokenPipeError, ValueError):  # gone already, or closed by an earlier cancel
        pass


def _kill(child: subprocess.Popen[bytes]) -> None:
    """The child and everything in its process group (its workers, Pagefind), at once."""
    _signal_group(child.pid, signal.SIGKILL)
    child.wait()


def kill_build(pid: int) -> None:
    """Stop a build's process group now (a second Ctrl-C); its staging folder is cleared by the next build."""
    _signal_group(pid, signal.SIGTERM)


def _signal_group(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # gone already
        os.killpg(pid, signum)


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
    answer = pickle.dumps((replace(result, model=None), placing), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        answer_to.write(len(answer).to_bytes(_LENGTH, "big") + answer)
        answer_to.flush()
    except BrokenPipeError:  # the preview is gone: nobody to tell
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
