"""Writing the site: into a staging folder beside the old one, then swapped in atomically.

The site swapped out is kept beside the new one (`.site.prev`) instead of being deleted: the next build
renames it to its staging folder and changes only the files that differ, rather than making every folder
and link again and deleting the old tree (most of an edit's writing time on a large archive). Its files that
the last build did not change are hard links of the site's; after a build that changed everything (a template,
the config, a new version of Arsip) it is a second copy until the next build. Nothing is ever written through
a link: a file is unlinked before it is written again.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class BuildLocked(Exception):
    """Another build holds the lock on this output folder."""


def staging_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.staging-{os.getpid()}"


def previous_tree(out: Path) -> Path:
    """Where the site swapped out by the last build is kept (see the module's docstring)."""
    return out.parent / f".{out.name}.prev"


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
            discard(leftover)


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


@dataclass(frozen=True)
class TreeContents:
    """The relative paths of a folder's files (and links) and of its subfolders."""

    files: frozenset[str] = frozenset()
    folders: frozenset[str] = frozenset()


NOTHING_HELD = TreeContents()  # a new, empty staging folder


def tree_contents(root: Path, skip: frozenset[str] = frozenset()) -> TreeContents:
    """What is under `root`, leaving out the top-level folders named in `skip`."""
    files: list[str] = []
    folders: list[str] = []
    todo = [""]
    while todo:
        folder = todo.pop()
        with os.scandir(f"{root}/{folder}" if folder else root) as entries:
            for entry in entries:
                path = f"{folder}/{entry.name}" if folder else entry.name
                if not entry.is_dir(follow_symlinks=False):
                    files.append(path)
                elif path not in skip:
                    folders.append(path)
                    todo.append(path)
    return TreeContents(frozenset(files), frozenset(folders))


def tree_id(path: Path) -> tuple[int, int] | None:
    """What tells one folder from another across renames (device and inode); None when it is not a folder."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISDIR(st.st_mode) else None


def link_tree(source: Path, destination: Path, skip: frozenset[str] = frozenset()) -> None:
    """Hard-link every file of `source` into `destination` (files are never rewritten in place),
    leaving out the top-level folders named in `skip`."""
    top, into = os.fspath(source), os.fspath(destination)
    for dirpath, dirnames, filenames in os.walk(top):  # plain strings: a search part holds thousands of files
        if dirpath == top:
            dirnames[:] = [name for name in dirnames if name not in skip]
        target = into + dirpath[len(top) :]
        os.makedirs(target, exist_ok=True)
        for name in filenames:
            os.link(f"{dirpath}/{name}", f"{target}/{name}")


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


def start_staging(staging: Path, out: Path, reuse: bool) -> bool:
    """Make the staging folder: the kept previous site when `reuse` (True is returned), else an empty one.

    A kept site that is not reused is renamed out of the way before it is deleted, so a build killed meanwhile
    leaves a leftover that the next one clears, never half a kept site.
    """
    kept = previous_tree(out)
    if reuse and tree_id(kept) is not None:
        kept.rename(staging)
        return True
    if kept.exists() or kept.is_symlink():
        doomed = staging.with_name(staging.name + "-unused")
        kept.rename(doomed)
        remove(doomed)
    staging.mkdir(parents=True, exist_ok=True)
    return False


def swap_in(staging: Path, out: Path) -> Path | None:
    """Make the staging folder the site. Returns where the old site now is (None when there was none), for
    `keep_previous` or `discard`: nothing of the old site is lost until the new one is in place."""
    if not out.exists():
        staging.rename(out)
        return None
    if _exchange(staging, out):
        return staging
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    out.rename(old)
    staging.rename(out)
    return old


def keep_previous(old: Path, out: Path) -> bool:
    """Keep the swapped-out site for the next build to update (see `start_staging`); False when it could not
    be kept (it is then the caller's to discard)."""
    try:
        old.rename(previous_tree(out))  # the kept one was taken by `start_staging`
    except OSError:
        return False
    return True


def remove(path: Path) -> None:
    """Remove a file, link or folder if there is one (never following a link)."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except (IsADirectoryError, PermissionError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            raise


def write_new(path: Path, data: bytes) -> None:
    """Write a new file at `path`, replacing (never writing through) any file or link there."""
    try:
        handle = open(path, "xb")  # noqa: SIM115 - opened here, closed by the `with` below
    except FileExistsError:
        remove(path)
        handle = open(path, "xb")  # noqa: SIM115
    with handle:
        handle.write(data)


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
