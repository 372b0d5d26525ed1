"""Writing the site: into a staging folder beside the old one, then swapped in atomically."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class BuildLocked(Exception):
    """Another build holds the lock on this output folder."""


def staging_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.staging-{os.getpid()}"


def _leftovers(out: Path) -> list[Path]:
    prefix = (f".{out.name}.staging-", f".{out.name}.old-")
    if not out.parent.exists():
        return []
    return sorted(p for p in out.parent.iterdir() if p.name.startswith(prefix))


def _recover(out: Path) -> None:
    """Undo what a killed build left: bring back an old site caught mid-swap, drop staging folders."""
    for leftover in _leftovers(out):
        if leftover.name.startswith(f".{out.name}.old-") and not out.exists():
            leftover.rename(out)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


@contextlib.contextmanager
def build_lock(out: Path, wait: bool = False) -> Iterator[None]:
    """One build at a time per output folder; leftovers of a killed build are cleared under the lock."""
    out.parent.mkdir(parents=True, exist_ok=True)
    lock_path = out.parent / f".{out.name}.lock"
    with open(lock_path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise BuildLocked(f"another build is writing {out} (lock {lock_path})") from exc
        _recover(out)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_file(root: Path, relative: str, data: bytes) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def link_tree(source: Path, destination: Path, skip: frozenset[str] = frozenset()) -> None:
    """Hard-link every file of `source` into `destination` (files are never rewritten in place),
    leaving out the top-level folders named in `skip`."""
    for dirpath, dirnames, filenames in os.walk(source):
        here = Path(dirpath)
        if here == source:
            dirnames[:] = [name for name in dirnames if name not in skip]
        target = destination / here.relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in filenames:
            os.link(here / name, target / name)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(staging: Path, out: Path) -> None:
    """Make the staging folder the site; the old site is removed only once the new one is in place."""
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        shutil.rmtree(staging, ignore_errors=True)
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
