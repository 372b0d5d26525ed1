"""Hugo-style whole-site tests: describe a site inline, build it, assert on the output files.

    def test_something(build_files):
        result = build_files({"seeds/a.md": "---\\ntitle: Halo\\n---\\nIsi.\\n"}, config="title: Uji\\n")
        assert result.status == 0
        assert "Halo" in result.files["index.html"]

`files` may also be one text block in txtar form (`-- name --` lines introduce each file), like Hugo's tests.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator import cli
from generator.build import BuildResult
from generator.diagnostics import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
_TXTAR_HEADER = re.compile(r"^-- (.+?) --$", re.MULTILINE)


def parse_txtar(block: str) -> dict[str, str]:
    """`-- seeds/a.md --\\ntext…` blocks → {path: text}. Text before the first header is a comment."""
    block = textwrap.dedent(block)
    parts = _TXTAR_HEADER.split(block)
    return {name.strip(): body.lstrip("\n") for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> None:
    """Write files under `root`; text is dedented (so tests can indent it) and written as UTF-8 as is."""
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_bytes(textwrap.dedent(content).lstrip("\n").encode("utf-8"))


def read_tree(root: Path) -> dict[str, str | bytes]:
    """Every file under `root` as path → text (bytes when not UTF-8)."""
    found: dict[str, str | bytes] = {}
    if not root.is_dir():
        return found
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        try:
            found[path.relative_to(root).as_posix()] = raw.decode("utf-8")
        except UnicodeDecodeError:
            found[path.relative_to(root).as_posix()] = raw
    return found


@dataclass
class Result:
    """What one `arsip build` did: exit status, problems, the summary line and the site's files."""

    status: int
    root: Path
    stderr: str
    build: BuildResult | None
    files: dict[str, str | bytes] = field(default_factory=dict)

    @property
    def out(self) -> Path:
        return self.root / "site"

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.build.diagnostics if self.build else ()

    @property
    def messages(self) -> list[str]:
        """Each diagnostic as the user sees it: `path:line: severity: message`."""
        return [str(d) for d in self.diagnostics]

    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    def text(self, path: str) -> str:
        content = self.files[path]
        assert isinstance(content, str), f"{path} is not UTF-8 text"
        return content

    def html_pages(self) -> list[str]:
        return [p for p in self.files if p.endswith(".html")]


class SiteBuilder:
    """Builds inline sites in fresh folders under tmp_path with the real CLI (argument parsing included)."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp_path = tmp_path
        self.monkeypatch = monkeypatch
        self.count = 0

    def __call__(
        self,
        files: Mapping[str, str | bytes] | str,
        *,
        config: str | None = None,
        args: Iterable[str] = (),
        root: Path | None = None,
    ) -> Result:
        """Write `files` (seeds/…, templates/…, static/…, site.yml) and `config` as site.yml, then build."""
        if root is None:
            self.count += 1
            root = self.tmp_path / f"site{self.count}"
        root.mkdir(parents=True, exist_ok=True)
        tree = parse_txtar(files) if isinstance(files, str) else dict(files)
        if config is not None:
            tree["site.yml"] = config
        write_tree(root, tree)
        (root / "seeds").mkdir(exist_ok=True)
        return self.run(root, args)

    def run(self, root: Path, args: Iterable[str] = ()) -> Result:
        """Run `arsip build ARGS` in `root` (defaults ./site.yml, ./seeds, ./site) and collect the result."""
        captured: list[BuildResult] = []
        real_build = cli.build

        def spy(*a, **k):  # type: ignore[no-untyped-def]
            result = real_build(*a, **k)
            captured.append(result)
            return result

        stderr = io.StringIO()
        with self.monkeypatch.context() as patch:
            patch.chdir(root)
            patch.setattr(cli, "build", spy)
            with contextlib.redirect_stderr(stderr):
                status = cli.main(["build", "--jobs", "1", *args])
        return Result(status, root, stderr.getvalue(), captured[0] if captured else None, read_tree(root / "site"))


@pytest.fixture
def build_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SiteBuilder:
    """Build a site described inline; see the module docstring."""
    return SiteBuilder(tmp_path, monkeypatch)


def article(
    title: str, date: str | None = None, tags: Iterable[str] = (), body: str = "Isi berita.", **extra: str
) -> str:
    """A Markdown seed with front matter, for tests that need many articles."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if date:
        lines.append(f"date: {date}")
    tag_list = list(tags)
    if tag_list:
        lines.append("tags: [" + ", ".join(tag_list) + "]")
    lines += [f"{key}: {value}" for key, value in extra.items()]
    lines += ["---", "", body, ""]
    return "\n".join(lines)
