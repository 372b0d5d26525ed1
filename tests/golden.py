"""Golden tree of the sample site: the full build of seeds/ + site.yml, compared byte for byte.

After an intended change of output, refresh the committed tree and review the diff:

    make golden            # or: .venv/bin/python -m tests.golden refresh

`python -m tests.golden check` compares without writing (what tests/test_golden.py does).
"""

from __future__ import annotations

import difflib
import shutil
import sys
import tempfile
from pathlib import Path

from generator.build import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = Path(__file__).resolve().parent / "golden" / "sample"


def build_sample(work: Path) -> Path:
    """Build the repository's sample seeds with its site.yml into `work/site`; returns that folder."""
    out = work / "site"
    result = build(
        BuildOptions(
            seeds=ROOT / "seeds",
            out=out,
            config_path=ROOT / "site.yml",
            config_required=True,
            jobs=1,
            clean=True,
            cache_path=work / "cache",
        )
    )
    if result.exit_status != 0 or not result.written:
        problems = "\n".join(str(d) for d in result.diagnostics)
        raise RuntimeError(f"the sample site did not build (exit {result.exit_status}):\n{problems}")
    return out


# Pagefind's search bundle is left out: it is binary, changes with every Pagefind release, and its
# byte-for-byte determinism is proven in tests/test_output.py.
# The theme's static files are copied byte for byte (proven elsewhere); the golden tree holds what Arsip writes.
UNSTABLE = ("pagefind/", "static/")


def _files(root: Path) -> dict[str, bytes]:
    found = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    return {path: data for path, data in found.items() if not path.startswith(UNSTABLE)}


def difference(expected_dir: Path, actual_dir: Path) -> str | None:
    """None when both trees hold the same files with the same bytes; else what differs, with a diff."""
    expected, actual = _files(expected_dir), _files(actual_dir)
    lines = []
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(p for p in set(expected) & set(actual) if expected[p] != actual[p])
    if missing:
        lines.append("missing from the build: " + ", ".join(missing))
    if extra:
        lines.append("not in the golden tree: " + ", ".join(extra))
    if changed:
        lines.append("changed: " + ", ".join(changed))
        first = changed[0]
        old = expected[first].decode("utf-8", "replace").splitlines(keepends=True)
        new = actual[first].decode("utf-8", "replace").splitlines(keepends=True)
        diff = difflib.unified_diff(old, new, f"golden/{first}", f"build/{first}", n=2)
        lines.append("".join(diff).rstrip("\n"))
    if not lines:
        return None
    lines.append("If the change is intended: make golden (python -m tests.golden refresh), then review git diff.")
    return "\n".join(lines)


def refresh() -> None:
    with tempfile.TemporaryDirectory() as work:
        built = build_sample(Path(work))
        shutil.rmtree(EXPECTED, ignore_errors=True)
        shutil.copytree(built, EXPECTED, ignore=lambda folder, names: [n for n in names if n + "/" in UNSTABLE])
    print(f"refreshed {EXPECTED.relative_to(ROOT)} ({len(_files(EXPECTED))} files)")


def check() -> int:
    with tempfile.TemporaryDirectory() as work:
        problem = difference(EXPECTED, build_sample(Path(work)))
    print(problem or "golden tree matches")
    return 1 if problem else 0


def main(argv: list[str]) -> int:
    if argv == ["refresh"]:
        refresh()
        return 0
    if argv in (["check"], []):
        return check()
    print("usage: python -m tests.golden [check|refresh]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
