"""`arsip serve` over real HTTP: a server process per test on 127.0.0.1, a free port, a site written inline."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.diagnostics import error
from generator.serve.handler import locate
from generator.serve.overlay import inject
from tests.conftest import ROOT, article, write_tree

CHROMIUM = "/usr/bin/chromium"
OVERLAY = 'id="arsip-error-overlay"'
SITE = {
    "site.yml": "title: Uji Pratinjau\nbase_url: https://example.org/arsip/\nlanguage: id\n",
    "seeds/banjir.md": article("Banjir di Palembang", "2024-09-20", ["banjir"], body="Air naik setinggi lutut."),
    "seeds/pilkada.md": article("Pilkada Sumsel", "2024-09-21", ["pilkada"], body="Kampanye dimulai hari ini."),
}
BANJIR = "/arsip/2024/09/20/banjir-di-palembang/"


def wait_until(check: Callable[[], object], timeout: float = 15.0, what: str = "condition") -> object:
    """Poll `check` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Server:
    """One `arsip serve` process in a project folder; its terminal output goes to a file."""

    def __init__(self, root: Path, *args: str) -> None:
        self.root = root
        self.log_path = root.parent / f"{root.name}-serve.log"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "generator", "serve", "--port", "0", *args],
                cwd=root,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        found = wait_until(lambda: self.process.poll() is not None or re.search(r"serving http://\S+", self.log), 30)
        match = re.search(r"serving http://[^\s/]+:(\d+)", self.log)
        assert match, f"server did not start:\n{self.log}"
        assert found
        self.port = int(match.group(1))

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str) -> tuple[int, dict[str, str], str]:
        """GET the raw `path`, sent exactly as written (no normalising of `..` or escapes)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read().decode("utf-8", errors="replace")
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body
        finally:
            connection.close()

    def text(self, path: str) -> str:
        status, _, body = self.get(path)
        assert status == 200, f"{path}: {status}"
        return body

    def wait_for(self, path: str, check: Callable[[str], bool], what: str) -> str:
        return str(wait_until(lambda: (lambda body: body if check(body) else "")(self.get(path)[2]), what=what))

    def interrupt(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=20)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def edit(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def template(main: str) -> str:
    """An article template of the site's own, replacing the theme's."""
    return '{% extends "base.html" %}{% block main %}' + main + "{% endblock %}"


Serve = Callable[..., Server]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    write_tree(root, SITE)
    return root


@pytest.fixture
def serve(project: Path) -> Iterator[Serve]:
    started: list[Server] = []

    def start(*args: str) -> Server:
        server = Server(project, *args)
        started.append(server)
        return server

    yield start
    for server in started:
        server.kill()


def test_serves_the_site_under_its_base_path(serve: Serve) -> None:
    server = serve()
    status, headers, _ = server.get("/")
    assert status == 302 and headers["location"] == "/arsip/"
    home = server.text("/arsip/")
    assert "Banjir di Palembang" in home and 'href="/arsip/static/arsip.css"' in home
    assert "livereload.js" in home
    assert "Air naik setinggi lutut." in server.text(BANJIR)
    assert server.get(BANJIR.rstrip("/"))[0] == 302
    assert server.get("/2024/09/20/banjir-di-palembang/")[0] == 404, "pages exist only under the base path"
    assert server.get("/arsip/static/arsip.css")[1]["content-type"].startswith("text/css")


def test_reload_script_is_injected_at_serve_time_only(serve: Serve, project: Path) -> None:
    server = serve()
    assert "livereload.js" in server.text(BANJIR)
    built = (project / "site" / "2024/09/20/banjir-di-palembang/index.html").read_text(encoding="utf-8")
    assert "livereload" not in built and OVERLAY not in built
    assert server.get("/livereload.js")[0] == 200


def test_edited_seed_is_served_after_the_rebuild(serve: Serve, project: Path) -> None:
    server = serve()
    edit(project / "seeds/banjir.md", article("Banjir di Palembang", "2024-09-20", ["banjir"], body="Air sudah surut."))
    server.wait_for(BANJIR, lambda body: "Air sudah surut." in body, "the edited article")
    assert "Air naik setinggi lutut." not in server.text(BANJIR)


def test_burst_of_saves_gives_one_rebuild(serve: Serve, project: Path) -> None:
    server = serve()
    for n in range(5):
        edit(project / f"seeds/baru-{n}.md", article(f"Berita baru {n}", "2024-09-22", body=f"Isi {n}."))
    server.wait_for("/arsip/", lambda body: "Berita baru 4" in body, "the new articles")
    wait_until(
        lambda: "files written" in server.log.split("rebuilding")[-1] and "rebuilding" in server.log, what="the rebuild"
    )
    assert server.log.count("rebuilding") == 1, server.log


def test_template_edit_is_served(serve: Serve, project: Path) -> None:
    server = serve()
    write_tree(project, {"templates/article.html": template("<p>TEMPLAT BARU</p>")})
    server.wait_for(BANJIR, lambda body: "TEMPLAT BARU" in body, "the edited template")


def test_template_syntax_error_keeps_last_good_pages_with_overlay(serve: Serve, project: Path) -> None:
    server = serve()
    broken = '{% extends "base.html" %}\n{% block main %}\n{% if %}\n{% endblock %}\n'
    write_tree(project, {"templates/article.html": broken})
    page = server.wait_for(BANJIR, lambda body: OVERLAY in body, "the overlay")
    assert "Air naik setinggi lutut." in page, "the last good page is still served"
    assert "article.html" in page
    assert server.process.poll() is None
    write_tree(project, {"templates/article.html": template("<p>BAIK</p>")})
    server.wait_for(BANJIR, lambda body: "BAIK" in body and OVERLAY not in body, "the fixed template, no overlay")


def test_broken_seed_shows_overlay_with_file_and_line_until_fixed(serve: Serve, project: Path) -> None:
    server = serve()
    edit(project / "seeds/pilkada.md", '---\ntitle: "Pilkada\ntags: [a\n---\n\nIsi.\n')
    home = server.wait_for("/arsip/", lambda body: OVERLAY in body, "the overlay")
    assert re.search(r"seeds/pilkada\.md:\d+: error", home), home
    assert OVERLAY in server.text(BANJIR), "the overlay is on every page"
    assert re.search(r"seeds/pilkada\.md:\d+: error", server.log)
    edit(project / "seeds/pilkada.md", article("Pilkada Sumsel", "2024-09-21", body="Kampanye diperbaiki."))
    server.wait_for("/arsip/", lambda body: OVERLAY not in body, "the overlay to clear")
    assert OVERLAY not in server.text(BANJIR)


def test_invalid_site_yml_keeps_serving_until_fixed(serve: Serve, project: Path) -> None:
    server = serve()
    edit(project / "site.yml", "title: Uji Pratinjau\nbase_url: https://example.org/arsip/\nper_page: nol\n")
    page = server.wait_for(BANJIR, lambda body: OVERLAY in body, "the overlay")
    assert "site.yml:3: error" in page and "Air naik setinggi lutut." in page
    assert "site.yml:3: error" in server.log
    edit(project / "site.yml", "title: Judul Baru\nbase_url: https://example.org/arsip/\n")
    # The new pages are swapped in a moment before the server clears its error state: wait for both.
    page = server.wait_for(BANJIR, lambda body: "Judul Baru" in body and OVERLAY not in body, "the fixed configuration")
    assert "Air naik setinggi lutut." in page


def test_missing_page_answers_404_with_the_sites_page(serve: Serve, project: Path) -> None:
    server = serve()
    status, headers, body = server.get("/arsip/tidak/ada/")
    assert status == 404 and headers["content-type"].startswith("text/html")
    expected = (project / "site/404.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", expected)
    assert title and title.group(0) in body


TRAVERSALS = [
    "/arsip/../site.yml",
    "/arsip/../../etc/passwd",
    "/arsip/%2e%2e/site.yml",
    "/arsip/%2E%2E/%2e%2e/etc/passwd",
    "/arsip/..%2fsite.yml",
    "/arsip/%2e%2e%2fsite.yml",
    "/arsip/%252e%252e/site.yml",
    "/arsip/%252e%252e%252fsite.yml",
    "/arsip/..\\site.yml",
    "/arsip/%5c..%5csite.yml",
    "/arsip//etc/passwd",
    "/arsip/%2fetc/passwd",
    "//etc/passwd",
    "/etc/passwd",
    "/arsip/index.html%00.css",
    "/arsip/./../site.yml",
    "/arsip/%c0%ae%c0%ae/site.yml",
    "/arsip/leak.txt",
    "/arsip/leakdir/secret.txt",
]


def test_no_request_reads_outside_the_output_folder(serve: Serve, project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA", encoding="utf-8")
    server = serve()
    (project / "site/leak.txt").symlink_to(secret)
    (project / "site/leakdir").symlink_to(tmp_path, target_is_directory=True)
    for path in TRAVERSALS:
        status, _, body = server.get(path)
        assert status == 404, path
        assert "RAHASIA" not in body and "Uji Pratinjau" in body and "root:" not in body, path


@pytest.mark.parametrize(
    ("path", "answer"),
    [
        ("/", (302, None, "/arsip/")),
        ("/arsip", (302, None, "/arsip/")),
        ("/arsip/", (200, "index.html", None)),
        ("/arsip/a", (302, None, "/arsip/a/")),
        ("/arsip/a/", (200, "a/index.html", None)),
        ("/arsip/a/b.css", (200, "a/b.css", None)),
        ("/arsip/a/../a/b.css", (404, None, None)),
        ("/other/", (404, None, None)),
    ],
)
def test_locate_maps_request_paths_to_files(
    tmp_path: Path, path: str, answer: tuple[int, str | None, str | None]
) -> None:
    write_tree(tmp_path / "site", {"index.html": "x", "a/index.html": "x", "a/b.css": "x"})
    found = locate(path, "/arsip/", tmp_path / "site")
    status, file, location = answer
    expected = str((tmp_path / "site" / file).resolve()) if file else None
    assert (found.status, found.file, found.location) == (status, expected, location)


def test_overlay_escapes_messages_and_goes_into_the_body() -> None:
    page = inject(
        b"<html><head></head><body><p>x</p></body></html>", [error("<b>bad</b>", "seeds/a.md", 3)], stale=True
    )
    text = page.decode()
    assert "seeds/a.md:3: error: &lt;b&gt;bad&lt;/b&gt;" in text
    assert text.index("livereload.js") < text.index("</head>") < text.index(OVERLAY) < text.index("</body>")


def test_binds_loopback_by_default_and_warns_for_other_addresses(serve: Serve, project: Path) -> None:
    server = serve()
    assert "reachable by others" not in server.log
    assert re.search(r"serving http://127\.0\.0\.1:\d+/arsip/", server.log)
    assert server.interrupt() == 0
    exposed = serve("--host", "0.0.0.0")
    assert "reachable by others" in exposed.log
    assert exposed.get("/arsip/")[0] == 200


def test_sigint_stops_cleanly(serve: Serve, project: Path) -> None:
    server = serve()
    server.text(BANJIR)
    edit(project / "seeds/banjir.md", article("Banjir di Palembang", "2024-09-20", body="Sebelum berhenti."))
    server.wait_for(BANJIR, lambda body: "Sebelum berhenti." in body, "the rebuild")
    assert server.interrupt() == 0
    assert "Traceback" not in server.log and "KeyboardInterrupt" not in server.log, server.log
    leftovers = [p.name for p in project.iterdir() if ".staging-" in p.name or ".old-" in p.name]
    assert leftovers == []


def test_output_and_cache_changes_never_trigger_a_rebuild(serve: Serve, project: Path) -> None:
    server = serve()
    (project / "site/extra.html").write_text("x", encoding="utf-8")
    (project / ".arsip-cache" / "note").write_text("x", encoding="utf-8")
    time.sleep(0.6)  # several polling rounds: long enough for a wrongly watched change to be picked up
    assert "rebuilding" not in server.log


@pytest.mark.browser
def test_browser_reloads_by_itself_after_a_seed_edit(serve: Serve, project: Path) -> None:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (install the Debian package `chromium`; `make test-tools` does)")
        pytest.skip(f"{CHROMIUM} is missing: install the Debian package `chromium` (`make test-tools`) to run this")
    from playwright.sync_api import sync_playwright

    server = serve()
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"]  # fmt: skip
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        try:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.port}{BANJIR}")
            assert "Air naik setinggi lutut." in page.content()
            # Once livereload.js has shaken hands it says which page it shows; give the server that moment.
            page.wait_for_function(
                "() => window.LiveReload && window.LiveReload.connector.protocol > 0", timeout=10_000
            )
            page.wait_for_timeout(300)
            edit(
                project / "seeds/banjir.md",
                article("Banjir di Palembang", "2024-09-20", body="Sudah surut di browser."),
            )
            page.get_by_text("Sudah surut di browser.").wait_for(timeout=15_000)
            assert server.interrupt() == 0, "stops cleanly with a tab still connected"
            assert "Traceback" not in server.log and "Task was destroyed" not in server.log, server.log
        finally:
            browser.close()


def test_a_rebuild_asked_to_stop_is_cancelled_and_leaves_the_site_as_it_was(project: Path) -> None:
    import io

    from generator.build import BuildOptions
    from generator.serve.server import Preview

    options = BuildOptions(seeds=project / "seeds", out=project / "site", config_path=project / "site.yml", jobs=1)
    preview = Preview(options, log=io.StringIO())
    assert preview.rebuild().written
    page = project / "site" / BANJIR.removeprefix("/arsip/") / "index.html"
    before = page.read_bytes()
    edit(project / "seeds/banjir.md", article("Banjir di Palembang", "2024-09-20", body="Tidak akan tampil."))
    preview.stop.set()  # what Ctrl-C does while a rebuild runs in the watcher thread
    result = preview.rebuild(["seeds/banjir.md"])
    assert not result.written and "build cancelled" in str(result.diagnostics)
    assert page.read_bytes() == before
    assert [p.name for p in project.iterdir() if ".staging-" in p.name or ".old-" in p.name] == []


def _children_of(parent: int) -> list[int]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == parent:
            found.append(int(pid))
    return found


def test_sigint_during_the_first_build_stops_at_once_without_leftovers(tmp_path: Path) -> None:
    """A large archive's first build takes long: Ctrl-C must not wait for its end, nor leave workers behind."""
    root = tmp_path / "big"
    lines = "\n".join(f"Kalimat nomor {n} tentang banjir, jalan, dan pasar di kota ini hari ini." for n in range(40))
    seeds = {f"seeds/kabar-{n:04d}.txt": f"PALEMBANG, CONTOH.COM - Kabar {n}.\n{lines}\n" for n in range(1500)}
    write_tree(root, seeds)
    log_path = tmp_path / "serve.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", "0"], cwd=root, env=env, stdout=log, stderr=log
        )
    try:
        deadline = time.monotonic() + 30
        while not (root / ".site.lock").exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # the build takes its lock before reading anything, after Ctrl-C is handled
        time.sleep(0.5)  # well inside the first build of 1,500 articles
        assert process.poll() is None, log_path.read_text()
        process.send_signal(signal.SIGINT)
        started = time.monotonic()
        try:
            assert process.wait(timeout=20) == 0
        except subprocess.TimeoutExpired:  # say where it hangs: every thread of it and of its workers
            for pid in [process.pid, *_children_of(process.pid)]:
                os.kill(pid, signal.SIGUSR1)
            time.sleep(2)
            pytest.fail("did not stop within 20 s after Ctrl-C:\n" + log_path.read_text(errors="replace")[-12000:])
        stopped_in = time.monotonic() - started
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    said = log_path.read_text(encoding="utf-8", errors="replace")
    assert "stopped during the first build" in said and "Traceback" not in said, said
    assert stopped_in < 5, f"took {stopped_in:.1f} s to stop"
    assert [p.name for p in root.iterdir() if p.name.startswith(".site.")] in ([], [".site.lock"])
    assert not (root / "site").exists()
    time.sleep(0.5)
    left = [pid for pid in os.listdir("/proc") if pid.isdigit() and _cwd_of(pid) == root.resolve()]
    assert left == [], "worker processes left running"


def _cwd_of(pid: str) -> Path | None:
    try:
        return Path(os.readlink(f"/proc/{pid}/cwd"))
    except OSError:
        return None


def test_an_edited_seed_is_shown_first_then_built(serve: Serve, project: Path) -> None:
    server = serve()
    edit(project / "seeds/banjir.md", article("Banjir di Palembang", "2024-09-20", ["banjir"], body="Sudah surut."))
    server.wait_for(BANJIR, lambda body: "Sudah surut." in body, "the edited article")
    # The page is shown before the build starts: wait for the build's own lines too.
    wait_until(
        lambda: "rebuilding" in server.log and "files written" in server.log.split("rebuilding")[-1],
        what="the rebuild to finish",
    )
    log = server.log
    assert log.index("shown first: /2024/09/20/banjir-di-palembang/") < log.index("rebuilding"), log


def _preview_with_slow_builds(  # type: ignore[no-untyped-def]
    project: Path, monkeypatch: pytest.MonkeyPatch, slow_builds: int = 1, seconds: float = 10
):
    """A Preview whose first `slow_builds` builds run `seconds` each unless told to stop, later ones at once;
    `builds` says how each went."""
    import io
    import threading

    from generator.build import BuildOptions, BuildResult
    from generator.serve import server as server_module
    from generator.serve.server import Preview

    builds: list[str] = []
    first_running = threading.Event()

    def fake_build_in_child(options, needs, should_stop, started):  # type: ignore[no-untyped-def]
        builds.append("started")
        if len(builds) <= slow_builds:
            first_running.set()
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                if should_stop():
                    builds[-1] = "cancelled"
                    cancelled = error("build cancelled; the site was left as it was")
                    return BuildResult(1, diagnostics=(cancelled,)), None
                time.sleep(0.01)
        builds[-1] = "done"
        return BuildResult(0, articles=2, pages=1, written=True), None

    monkeypatch.setattr(server_module, "build_in_child", fake_build_in_child)
    options = BuildOptions(seeds=project / "seeds", out=project / "site", config_path=project / "site.yml", jobs=1)
    log = io.StringIO()
    preview = Preview(options, log=log)
    reloads: list[str] = []
    watching = threading.Thread(target=preview.watch, args=(preview.watcher.snapshot(), reloads.append))
    return preview, watching, builds, first_running, log, reloads


def test_a_seed_saved_during_a_build_waits_for_the_next_build(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seed edits never stop a build (an autosaving editor would starve the site of builds): the fast render
    shows them, the running build completes, and the next build takes them."""
    preview, watching, builds, first_running, log, reloads = _preview_with_slow_builds(project, monkeypatch)
    watching.start()
    try:
        edit(project / "seeds/banjir.md", article("Banjir di Palembang", "2024-09-20", body="Satu."))
        assert first_running.wait(10), log.getvalue()
        edit(project / "seeds/pilkada.md", article("Pilkada Sumsel", "2024-09-21", body="Dua."))
        wait_until(lambda: builds == ["done", "done"], timeout=30, what=f"two builds ({builds})")
        wait_until(lambda: len(reloads) == 2, what="a reload after each build")
    finally:
        preview.stop.set()
        watching.join(10)
    said = log.getvalue().replace(str(project) + "/", "")
    assert "changed: seeds/banjir.md; rebuilding" in said and "changed: seeds/pilkada.md; rebuilding" in said, said
    assert not watching.is_alive()


def test_a_template_saved_during_a_build_stops_it_and_the_next_build_takes_both(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview, watching, builds, first_running, log, reloads = _preview_with_slow_builds(project, monkeypatch)
    watching.start()
    try:
        edit(project / "seeds/banjir.md", article("Banjir di Palembang", "2024-09-20", body="Satu."))
        assert first_running.wait(10), log.getvalue()
        write_tree(project, {"templates/article.html": template("<p>BARU</p>")})
        wait_until(lambda: builds == ["cancelled", "done"], what=f"a second build ({builds})")
        wait_until(lambda: reloads, what="the reload")
    finally:
        preview.stop.set()
        watching.join(10)
    said = log.getvalue().replace(str(project) + "/", "")
    assert "changed: seeds/banjir.md, templates/article.html; rebuilding" in said, said
    assert "build cancelled" not in said and preview.shown.problems == (), "a superseded build is no error"
    assert reloads == ["*"], "one reload, for the build that was swapped in"
    assert not watching.is_alive()


def test_a_template_saved_again_and_again_stops_one_build_in_a_row_not_every_one(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor autosaving a template every 0.2 s during builds of 5 s: each save used to stop the running build,
    and none ever finished. The build after a stopped one runs to its end; the one after that takes the rest."""
    preview, watching, builds, first_running, log, reloads = _preview_with_slow_builds(
        project, monkeypatch, slow_builds=1000, seconds=5
    )
    watching.start()
    try:
        edit(project / "seeds/banjir.md", article("Banjir di Palembang", "2024-09-20", body="Satu."))
        assert first_running.wait(10), log.getvalue()
        started = time.monotonic()
        saves = saves_while_building = 0
        while "done" not in builds and time.monotonic() - started < 60:
            saves += 1
            write_tree(project, {"templates/article.html": template(f"<p>SIMPAN {saves}</p>")})
            saves_while_building += builds[-1:] == ["started"] and builds[:1] == ["cancelled"]
            time.sleep(0.2)
        assert builds[:2] == ["cancelled", "done"], builds
        assert saves_while_building > 5, f"{saves_while_building} saves came while the second build ran"
        wait_until(lambda: reloads, what="the reload after the build that ran to its end")
        # The saves made during the second build are pending: the third build takes them.
        wait_until(lambda: len(builds) >= 3, timeout=30, what=f"a third build ({builds})")
    finally:
        preview.stop.set()
        watching.join(30)
    said = log.getvalue()
    assert said.index("files written") < said.rindex("templates/article.html; rebuilding"), said
    assert not watching.is_alive()


def test_an_up_to_date_site_is_served_at_once_and_the_fast_render_follows(serve: Serve, project: Path) -> None:
    for path in [project / "site.yml", *(project / "seeds").iterdir()]:
        os.utime(path, (time.time() - 3600, time.time() - 3600))  # not just written: a no-op may trust them
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, env=env, check=True, capture_output=True)
    server = serve()
    assert "0 files written" in server.log.split("serving")[0], "the first build had nothing to do"
    wait_until(lambda: "fast render ready" in server.log, what="the fast render's basis, built while serving")
    assert "understanding the archive for the fast render" in server.log
    edit(project / "seeds/banjir.md", article("Banjir di Palembang", "2024-09-20", ["banjir"], body="Surut lagi."))
    server.wait_for(BANJIR, lambda body: "Surut lagi." in body, "the edited article")
    wait_until(lambda: "shown first: /2024/09/20/banjir-di-palembang/" in server.log, what="the fast render")
