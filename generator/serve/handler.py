"""Answering a request from the built site: under its base path, 404 with the site's own page, nothing outside."""

from __future__ import annotations

import mimetypes
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from tornado import web

from generator.diagnostics import Diagnostic
from generator.serve.overlay import inject

# Encoded slashes, backslashes and NUL have no business in a site path; refusing them beats decoding them right.
_REFUSED_ESCAPES = re.compile(r"%(2f|5c|00)", re.IGNORECASE)
_TEXT_TYPES = ("application/xml", "application/json", "application/javascript", "image/svg+xml")
_NOT_FOUND_FALLBACK = (
    b"<!DOCTYPE html><html><head><title>Not found</title></head>\n<body><h1>Not found</h1></body></html>\n"
)


@dataclass(frozen=True)
class Shown:
    """What the preview serves right now; replaced as a whole after each build."""

    root: Path
    base_path: str = "/"
    problems: tuple[Diagnostic, ...] = field(default=())
    stale: bool = False


@dataclass(frozen=True)
class Answer:
    status: int
    file: str | None = None
    location: str | None = None


NOT_FOUND = Answer(404)


def _inside(root: str, path: str) -> str | None:
    """The real path of `path` when it (after following every symlink) is a file inside `root`."""
    real = os.path.realpath(path)
    return real if real.startswith(root + os.sep) and os.path.isfile(real) else None


def locate(raw_path: str, base_path: str, root: Path) -> Answer:
    """Which file answers the raw (still percent-encoded) request path, or where to redirect, or 404."""
    if _REFUSED_ESCAPES.search(raw_path):
        return NOT_FOUND
    try:
        path = unquote(raw_path, errors="strict")
        base = unquote(base_path, errors="strict")
    except UnicodeDecodeError:
        return NOT_FOUND
    if "\\" in path or "\x00" in path or not path.startswith("/"):
        return NOT_FOUND
    if base != "/" and path in ("/", base.rstrip("/")):
        return Answer(302, location=base_path)
    if not path.startswith(base):
        return NOT_FOUND
    segments = path[len(base) :].split("/")
    if any(s in ("", ".", "..") for s in segments[:-1]) or segments[-1] in (".", ".."):
        return NOT_FOUND
    real_root = os.path.realpath(root)
    target = os.path.join(real_root, *segments)
    if os.path.isdir(target):
        if not path.endswith("/"):
            return Answer(302, location=raw_path + "/")
        target = os.path.join(target, "index.html")
    found = _inside(real_root, target)
    return Answer(200, file=found) if found else NOT_FOUND


def _content_type(name: str) -> str:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind in _TEXT_TYPES else kind


class SiteHandler(web.RequestHandler):
    """Serves files of the built site; HTML gets the reload script and the error overlay on the way out."""

    def initialize(self, shown: Callable[[], Shown]) -> None:
        self.shown = shown

    def compute_etag(self) -> None:
        return None  # a preview must never be answered from a cache

    async def get(self) -> None:
        self._answer(include_body=True)

    async def head(self) -> None:
        self._answer(include_body=False)

    def _answer(self, include_body: bool) -> None:
        shown = self.shown()
        answer = locate(self.request.path, shown.base_path, shown.root)
        self.set_header("Cache-Control", "no-store")
        if answer.location is not None:
            self.redirect(answer.location, status=answer.status)
            return
        body = self._read(answer.file) if answer.file else None
        name = answer.file or "404.html"
        if body is None:
            self.set_status(404)
            page = locate(shown.base_path + "404.html", shown.base_path, shown.root).file
            body = (self._read(page) if page else None) or _NOT_FOUND_FALLBACK
            name = "404.html"
        content_type = _content_type(name)
        if content_type.startswith("text/html"):
            body = inject(body, shown.problems, shown.stale)
        self.set_header("Content-Type", content_type)
        if include_body:
            self.finish(body)
        else:
            self.set_header("Content-Length", str(len(body)))
            self.finish()

    @staticmethod
    def _read(path: str) -> bytes | None:
        try:
            with open(path, "rb") as handle:
                return handle.read()
        except OSError:  # swapped away by a rebuild between locating and reading it
            return None
