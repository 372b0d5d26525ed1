"""Slugs, permalinks and links: every output path is built here and can never leave the output folder."""

from __future__ import annotations

import posixpath
import re
import unicodedata

from anyascii import anyascii

from generator.draft import PartialDate

SLUG_LIMIT = 80
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)$")


def slugify(text: str, fallback: str = "artikel", limit: int = SLUG_LIMIT) -> str:
    """Readable ASCII from any Unicode text: `Pilkada Sumsel 2024` → `pilkada-sumsel-2024`."""
    ascii_text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")
    if len(slug) > limit:
        slug = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    slug = slug.strip("-")
    if not slug:
        slug = fallback
    if _WINDOWS_RESERVED.match(slug):
        slug += "-0"
    return slug


def article_url(permalink: str, date: PartialDate | None, slug: str) -> str:
    """The article's path: the permalink pattern, trimmed to the date precision actually known."""
    if date is None:
        return f"/undated/{slug}/"
    parts = {"year": f"{date.year:04d}", "slug": slug}
    if date.month:
        parts["month"] = f"{date.month:02d}"
    if date.day:
        parts["day"] = f"{date.day:02d}"
    pattern = permalink
    for name in ("day", "month"):
        if name not in parts:
            pattern = pattern.replace("{" + name + "}/", "").replace("{" + name + "}", "")
    return "/" + "/".join(seg for seg in pattern.format(**parts).split("/") if seg) + "/"


def output_path(url: str) -> str:
    """`/2024/09/` → `2024/09/index.html`; `/feed.xml` → `feed.xml`. Always relative, never `..`."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        path += "index.html"
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    return "/".join(parts)


def link(target: str, page_url: str, base_path: str, relative: bool) -> str:
    """A link from the page at `page_url` to the site path `target` (which may carry a #fragment)."""
    path, hash_mark, fragment = target.partition("#")
    suffix = f"#{fragment}" if hash_mark else ""
    if not relative:
        return base_path + path.lstrip("/") + suffix
    page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath(path if path.endswith("/") else path, start=page_dir or "/")
    if path.endswith("/"):
        rel = "index.html" if rel == "." else rel + "/index.html"
    return rel + suffix


def absolute(target: str, origin: str, base_path: str) -> str:
    """A full URL for feeds, sitemaps and canonical links."""
    return origin + base_path + target.lstrip("/")
