"""`arsip serve`: build, serve the site, rebuild on every (debounced) change and reload the open browser tabs.

Builds go through generator.build.build, the same pipeline as `arsip build`; the preview only decides when.
"""

from __future__ import annotations

import asyncio
import contextlib
import faulthandler
import ipaddress
import os
import signal
import socket
import sys
import threading
import traceback
import types
import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TextIO

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets

from generator.build import BuildOptions, BuildResult, PreviewNeeds, read_config
from generator.diagnostics import Diagnostic, error
from generator.serve.builder import build_in_child, kill_build
from generator.serve.fast_render import Basis, FastPages, basis_of, changed_seeds, fast_render, sweep
from generator.serve.handler import Shown, SiteHandler
from generator.serve.watch import Notices, Snapshot, Watcher, describe, notify, wait_for_changes
from generator.urls import output_path


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def watched(options: BuildOptions) -> Watcher:
    """The inputs of a build. The output folder and the cache are never watched, nor are the staging folders and
    lock beside the output: their names are hidden ones, which the watcher always skips."""
    project = options.project_dir
    inputs = [options.seeds, project / "templates", project / "static", options.config_path]
    return Watcher(inputs, ignored=[options.out, options.cache_dir])


class Preview:
    """Rebuilds the site and keeps what is served (base path, last build's errors) in step with it."""

    def __init__(self, options: BuildOptions, log: TextIO = sys.stderr) -> None:
        self.options = options
        self.log = log
        self.shown = Shown(options.out)
        self.watcher = watched(options)
        self.notices: Notices | None = None  # the operating system's notifications, when `serve` has them
        self.stop = threading.Event()
        self.building = False
        self._reported: frozenset[Diagnostic] = frozenset()
        self.basis: Basis | None = None  # the last complete build, for the fast render of an edited seed
        # Changes seen by the watching thread and in no completed build yet; `changed` is set while some wait
        # for a build to take them, `cancel` when the running build should stop for them (see `watch`).
        self._pending: dict[str, int] = {}  # path → the number of its latest change
        self._changes = 0
        self._pending_lock = threading.Lock()
        self.changed = threading.Event()
        self.cancel = threading.Event()
        # True while the running build follows a stopped one: it is not stopped for changes again (at most one build
        # in a row is, however often a template is saved), so an autosaving editor never starves the site.
        self._build_to_the_end = False
        self._fast_pages: FastPages = {}  # written by the fast render and not yet replaced by a build
        self._build_all_again = False  # a fast page survived a build that wrote nothing: build for real
        self.build_pid: int | None = None  # the running build's process (group), if any

    def rebuild(self, changed: Sequence[str] = (), first: bool = False) -> BuildResult:
        """Build (in a child process) and show the result. `first`: the preview's first build, which serves at
        once when the site is up to date; the fast render's basis then comes with a build right after it."""
        if changed:
            self._say(f"changed: {describe(changed)}; rebuilding")
        self.building = True
        model_now = not first and (self.basis is None or self._build_all_again)
        needs = PreviewNeeds(model=True, model_now=model_now, seeds_may_move=True)
        try:
            result, placing = build_in_child(self.options, needs, self._should_stop, self._build_started)
        finally:
            self.building = False
            self.build_pid = None
        if result.written:
            self._build_all_again = False
        ready = self.basis is None and placing is not None
        if placing is not None:
            try:
                self.basis = basis_of(placing, self.options)
            except Exception as exc:  # a template broken since the build read it: the next build says where
                self.basis = None
                self._say(f"fast render off until the next build ({type(exc).__name__}: {exc})")
        if self.stop.is_set() or (self.cancel.is_set() and not result.written):
            return result  # stopping, or superseded by newer changes: a build of those follows
        config, _ = read_config(self.options)
        base_path = config.base_path if config is not None else self.shown.base_path
        errors = tuple(d for d in result.diagnostics if d.severity == "error")
        self.shown = Shown(self.options.out, base_path, errors, stale=not result.written)
        self._report(result)
        if ready and self.basis is not None:
            self._say("fast render ready: a saved seed's page is shown at once")
        return result

    def _build_started(self, pid: int) -> None:
        self.build_pid = pid

    def kill_build(self) -> None:
        """Stop the running build now, not at its next step (a second Ctrl-C)."""
        pid = self.build_pid
        if pid is not None:
            kill_build(pid)

    def _show_first(self, paths: set[str], reload: Callable[[str], None]) -> FastPages:
        """The edited seeds' own pages, written and reloaded ahead of their build (see fast_render.py); returns
        each page's URL and file (inode, mtime_ns), for the caller to record with the changes behind them.

        `paths`: every change no completed build has taken yet (a template or config change among them leaves
        the seeds to the build too: their pages would mix the old with the new)."""
        basis = self.basis
        if basis is None or self.shown.problems:
            return {}  # an error on show stays until a build clears it
        written: FastPages = {}
        try:
            for url in fast_render(basis, paths, self.options):
                stat = (self.options.out / output_path(url)).stat()
                written[url] = (stat.st_ino, stat.st_mtime_ns)
        except Exception as exc:  # a first look only: the build that follows says what is wrong, if anything
            self._say(f"fast render skipped ({type(exc).__name__}: {exc})")
            return {}
        if written:
            self._say(f"shown first: {describe(list(written))}")
            reload("*")
        return written

    def _sweep_fast_pages(self) -> None:
        """After a build that took every change: a fast page it did not replace is not the site's. A page no
        article has now (its seed deleted or made a draft before any build) goes; one still the site's (a build
        that found nothing to do: a revert that kept the old mtime) makes the next build write every page."""
        with self._pending_lock:
            if self._pending:
                return  # a change came meanwhile: its build sweeps
            fast, self._fast_pages = self._fast_pages, {}
        urls = self.basis.urls if self.basis is not None else frozenset()
        if sweep(self.options.out, fast, urls):
            self._build_all_again = True
            self.changed.set()

    def _should_stop(self) -> bool:
        """Ctrl-C stops a long build at its next step instead of waiting for its end; so does a change that only
        a build can show (a template, the config: see `watch`)."""
        return self.stop.is_set() or self.cancel.is_set()

    def _report(self, result: BuildResult) -> None:
        # Warnings already shown stay quiet on later rebuilds; errors are repeated until fixed.
        for diagnostic in result.diagnostics:
            if diagnostic.severity == "error" or diagnostic not in self._reported:
                self._say(str(diagnostic))
        self._reported = frozenset(result.diagnostics)
        outcome = f"{result.pages} files written" if result.written else "site NOT rebuilt; serving the last good pages"
        self._say(
            f"{result.articles} articles, {outcome}, {result.warnings} warnings, {result.errors} errors, "
            f"{result.seconds:.2f} s"
        )

    def _say(self, text: str) -> None:
        print(text, file=self.log, flush=True)

    def watch(
        self, baseline: Snapshot, reload: Callable[[str], None], ended: Callable[[], None] = lambda: None
    ) -> None:
        """Until stopped: fold each burst of saves into one change set, show the edited seeds' pages at once,
        and hand the changes to the building thread (`reload` tells the open tabs).

        A running build goes on through seed edits: it may swap in pages of seeds changed under it, the edited
        pages are shown again on top, and the next build takes the edits (stopping it at each save would
        starve the site of builds under an editor's autosave). A change only a build can show (a template, a
        static file, the config, a deleted seed) stops the running build at its next step instead, unless that
        build follows one stopped so: it then runs to its end (the same starvation, under an autosaved
        template), and the build after it takes the newer changes. `ended` is called when watching ends
        (stopped, or a failure: the preview then stops rather than serve blind)."""
        builder = threading.Thread(target=self._build_changes, args=(reload,), name="arsip-build")
        builder.start()
        try:
            while True:
                found = wait_for_changes(self.watcher, baseline, self.stop, notices=self.notices)
                if found is None:
                    return
                paths, baseline = found
                with self._pending_lock:
                    waiting = set(self._pending) | paths
                shown = self._show_first(waiting, reload)  # first: the build to come would slow it down
                with self._pending_lock:  # the pages with the changes behind them: a sweep sees both or none
                    self._fast_pages.update(shown)
                    for path in paths:
                        self._changes += 1
                        self._pending[path] = self._changes
                    if changed_seeds(paths, self.options) is None and not self._build_to_the_end:
                        self.cancel.set()
                    self.changed.set()
        finally:
            self.stop.set()  # a watcher that fails stops the preview rather than leaving it blind
            self.changed.set()
            builder.join()
            ended()

    def _build_changes(self, reload: Callable[[str], None]) -> None:
        """The building thread: one build at a time, of every change seen since the last one began."""
        follows_a_stopped_build = False
        while not self.stop.is_set():
            if not self.changed.wait(0.25):
                continue
            with self._pending_lock:
                taken = dict(self._pending)
                self.changed.clear()
                self.cancel.clear()
                self._build_to_the_end, follows_a_stopped_build = follows_a_stopped_build, False
            if self.stop.is_set():
                return
            before = self.shown.problems
            wrote = False
            if not taken and self.basis is None:
                self._say("understanding the archive for the fast render")
            try:
                result = self.rebuild(sorted(taken))
                wrote = result.pages > 0
                if self.stop.is_set():
                    return
                if self.cancel.is_set() and not result.written:
                    self._say("newer changes seen: building those too")
                    follows_a_stopped_build = True
                    continue  # the paths are still pending: the next build takes them
                with self._pending_lock:  # built, unless changed again since the build began
                    for path, number in taken.items():
                        if self._pending.get(path) == number:
                            del self._pending[path]
                    waiting = set(self._pending)
                if result.written and waiting:  # edited under the build: shown again on top of it
                    shown = self._show_first(waiting, reload)
                    with self._pending_lock:
                        self._fast_pages.update(shown)
                elif result.written:
                    self._sweep_fast_pages()
            except Exception as exc:  # a bug in Arsip: say so, and keep the preview alive for the next save
                trace = "".join(traceback.format_exception(exc))
                self._say(f"internal error while rebuilding (a bug in Arsip):\n{trace}")
                problem = error(f"internal error while rebuilding: {exc!r} (see the terminal)")
                self.shown = replace(self.shown, problems=(problem,), stale=True)
            if taken or wrote or self.shown.problems != before:  # not after readying the fast render alone
                reload(_reload_path(set(taken)) if self.shown.problems == before else "*")


def _reload_path(paths: set[str]) -> str:
    """A stylesheet alone is swapped in place by livereload.js; anything else reloads the page."""
    if len(paths) == 1:
        (only,) = paths
        if only.endswith(".css"):
            return "static/" + os.path.basename(only)
    return "*"


def _display_url(host: str, port: int, base_path: str) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    return f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}{base_path}"


def serve(options: BuildOptions, host: str = "127.0.0.1", port: int = 8000, open_browser: bool = False) -> int:
    """Run the preview until Ctrl-C (SIGINT) or SIGTERM; returns the exit status."""
    preview = Preview(options)
    owner = os.getpid()
    loop = asyncio.new_event_loop()
    stopped = asyncio.Event()
    first_build = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        if os.getpid() != owner:  # a process forked from this one inherits the handler: die as without it
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        if preview.stop.is_set():  # a second Ctrl-C: stop the build now, not at its next step
            preview.kill_build()
            if first_build.is_set():
                raise KeyboardInterrupt
        # The build (a child process of its own session, see builder.py) is told to stop at its next step.
        preview.stop.set()
        loop.call_soon_threadsafe(stopped.set)

    try:  # before the first build, so a port already taken is said at once
        sockets = bind_sockets(port, address=host)
    except OSError as exc:
        preview._say(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}")
        return 1
    if not is_loopback(host):
        preview._say(f"warning: listening on {host}: the preview is reachable by others on your network")
    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    # `kill -USR1 PID` prints where every thread of the preview is, should it hang (and of a build: its PID).
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    stop_notices = None
    try:
        notices = Notices()
        stop_notices = notify(preview.watcher, notices)  # before the snapshot: no save falls between the two
        preview.notices = notices if stop_notices is not None else None
        baseline = preview.watcher.snapshot()
        first_build.set()
        written = False
        try:
            written = preview.rebuild(first=True).written
            if preview.basis is None and written and not preview.shown.problems:
                preview.changed.set()  # the site was up to date: ready the fast render while serving
        except KeyboardInterrupt:
            preview.stop.set()
        finally:
            first_build.clear()
        if preview.stop.is_set():
            preview._say("stopped during the first build" + ("" if written else "; nothing was written"))
            return 0
        return loop.run_until_complete(_run(preview, baseline, sockets, host, open_browser, stopped))
    finally:
        if stop_notices is not None:
            stop_notices()
        for sock in sockets:
            sock.close()
        loop.close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        faulthandler.unregister(signal.SIGUSR1)


async def _run(
    preview: Preview,
    baseline: Snapshot,
    sockets: list[socket.socket],
    host: str,
    open_browser: bool,
    stopped: asyncio.Event,
) -> int:
    loop = asyncio.get_running_loop()
    LiveReloadHandler.watcher = types.SimpleNamespace(filepath=None)  # only read for its log line
    LiveReloadHandler.live_css = True
    # Tornado's access log would print every 404 a browser asks for (favicon.ico…); the preview stays quiet.
    app = web.Application(
        [
            (r"/livereload", LiveReloadHandler),
            (r"/livereload\.js", LiveReloadJSHandler),
            (r"/.*", SiteHandler, {"shown": lambda: preview.shown}),
        ],
        log_function=lambda handler: None,
    )
    server = HTTPServer(app)
    server.add_sockets(sockets)
    bound = sockets[0].getsockname()[1]
    url = _display_url(host, bound, preview.shown.base_path)
    preview._say(f"serving {url} (Ctrl-C to stop)")
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    def reload(path: str) -> None:
        loop.call_soon_threadsafe(LiveReloadHandler.reload_waiters, path)

    def ended() -> None:
        loop.call_soon_threadsafe(stopped.set)

    watcher = threading.Thread(target=preview.watch, args=(baseline, reload, ended), name="arsip-watch")
    watcher.start()
    await stopped.wait()
    preview._say("stopping")
    server.stop()
    for waiter in list(LiveReloadHandler.waiters):
        waiter.close()
    LiveReloadHandler.waiters.clear()
    if preview.building:
        preview._say("waiting for the current build to finish")
    await asyncio.to_thread(watcher.join)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(server.close_all_connections(), timeout=2)
    return 0
