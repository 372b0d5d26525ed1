"""site.yml → Config: a declared schema of typed options, validated before any work starts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.diagnostics import Diagnostic, did_you_mean, error
from generator.readers.text import MAX_SEED_BYTES
from generator.yamlsafe import load_mapping

# A language is available when the theme has a catalogue for it: adding one is adding its messages.po.
LOCALE_DIR = Path(__file__).parent / "locale"  # the interface's translations, one folder per language
LANGUAGES = tuple(sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/messages.po")))
PERMALINK_FIELDS = ("year", "month", "day", "slug")


@dataclass(frozen=True)
class Config:
    """The validated, frozen settings of one site. Defaults are the documented ones."""

    title: str = "Arsip"
    description: str = ""
    base_url: str = "/"
    language: str = "id"
    timezone: str = "Asia/Jakarta"
    per_page: int = 20
    permalink: str = "/{year}/{month}/{day}/{slug}/"
    relative_urls: bool = False
    furniture_patterns: tuple[str, ...] = ()
    tag_stoplist: tuple[str, ...] = ()
    tag_aliases: tuple[tuple[str, str], ...] = field(default=())
    max_seed_bytes: int = MAX_SEED_BYTES
    search_part_size: int = 1000

    @property
    def base_path(self) -> str:
        """The path part of base_url, always starting and ending with '/'."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def origin(self) -> str:
        """scheme://host of base_url, or '' when base_url is only a path."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


# --- checks: each takes the YAML value and returns (normalised value, problem or None) ---

Check = Callable[[Any], tuple[Any, str | None]]


def _text(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, str):
        return value.strip(), None
    return value, f"must be text, not {type(value).__name__}"


def _language(value: Any) -> tuple[Any, str | None]:
    if value in LANGUAGES:
        return value, None
    return value, f"must be one of {', '.join(LANGUAGES)}, not {value!r}"


def _timezone(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, str):
        return value, "must be a timezone name such as Asia/Jakarta"
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return value, f"unknown timezone {value!r} (use an IANA name such as Asia/Jakarta)"
    return value, None


def _positive_int(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 10_000:
        return value, None
    return value, f"must be a whole number from 1 to 10000, not {value!r}"


def _byte_limit(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, int) and not isinstance(value, bool) and 1024 <= value <= 1024**3:
        return value, None
    return value, f"must be a number of bytes from 1024 to 1073741824, not {value!r}"


def _boolean(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, bool):
        return value, None
    return value, f"must be true or false, not {value!r}"


def _base_url(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, str) or not value.strip():
        return value, "must be a URL such as https://example.org/arsip/ or a path such as /"
    parts = urlsplit(value.strip())
    if parts.scheme and parts.scheme not in ("http", "https"):
        return value, f"must be an http(s) URL, not {parts.scheme}:"
    if parts.scheme and not parts.netloc:
        return value, "has a scheme but no host"
    if not parts.scheme and not value.startswith("/"):
        return value, "must be an absolute URL or start with '/'"
    if parts.query or parts.fragment:
        return value, "must not have a query or fragment"
    normalised = value.strip()
    return (normalised if normalised.endswith("/") else normalised + "/"), None


def _permalink(value: Any) -> tuple[Any, str | None]:
    if not isinstance(value, str):
        return value, "must be text such as /{year}/{month}/{day}/{slug}/"
    if "{slug}" not in value:
        return value, "must contain {slug}"
    import string

    try:
        names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as exc:
        return value, f"is not a valid pattern: {exc}"
    unknown = names - set(PERMALINK_FIELDS)
    if unknown:
        return value, f"uses unknown field(s) {', '.join(sorted(unknown))}; known: {', '.join(PERMALINK_FIELDS)}"
    path = value if value.startswith("/") else "/" + value
    return (path if path.endswith("/") else path + "/"), None


def _text_list(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value), None
    return value, "must be a list of text"


def _patterns(value: Any) -> tuple[Any, str | None]:
    import re

    items, problem = _text_list(value)
    if problem:
        return value, problem
    for item in items:
        try:
            re.compile(item)
        except re.error as exc:
            return value, f"pattern {item!r} is not a valid regular expression: {exc}"
    return items, None


def _aliases(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in value.items()
    ):
        return tuple(sorted((k.strip(), v.strip()) for k, v in value.items())), None
    return value, "must be a mapping of `alias: preferred tag` text pairs"


@dataclass(frozen=True)
class Option:
    check: Check
    help: str


SCHEMA: dict[str, Option] = {
    "title": Option(_text, "the archive's name, shown in the masthead"),
    "description": Option(_text, "one sentence about the archive"),
    "base_url": Option(_base_url, "where the site is hosted, e.g. https://example.org/arsip/"),
    "language": Option(_language, "language of the interface: any with a catalogue in generator/locale/"),
    "timezone": Option(_timezone, "IANA timezone of the dates, e.g. Asia/Jakarta"),
    "per_page": Option(_positive_int, "articles per listing page"),
    "permalink": Option(_permalink, "article URL pattern"),
    "relative_urls": Option(_boolean, "write links relative to each page (for file:// copies)"),
    "furniture_patterns": Option(_patterns, "regular expressions of page-furniture lines to drop"),
    "tag_stoplist": Option(_text_list, "words never used as tags"),
    "tag_aliases": Option(_aliases, "tag spellings mapped to a preferred tag"),
    "max_seed_bytes": Option(_byte_limit, "largest seed file read, in bytes; bigger ones are skipped with an error"),
    "search_part_size": Option(
        _positive_int, "articles per part of the search index: an edit re-indexes one part, a search reads them all"
    ),
}
assert set(SCHEMA) == {f.name for f in fields(Config)}, "schema and Config must declare the same options"


def parse_config(text: str, path: str) -> tuple[Config | None, list[Diagnostic]]:
    """Validate the text of a site.yml; every problem is reported with file, key and line."""
    document, problems = load_mapping(text, path)
    if document is None:
        return None, problems
    values: dict[str, Any] = {}
    for key, raw in document.data.items():
        line = document.key_lines.get(key)
        option = SCHEMA.get(key)
        if option is None:
            problems.append(error(f"unknown key `{key}`{did_you_mean(key, SCHEMA, 'known keys')}", path, line))
            continue
        value, problem = option.check(raw)
        if problem:
            problems.append(error(f"`{key}` {problem}", path, line))
        else:
            values[key] = value
    if problems:
        return None, problems
    return Config(**values), []


def load_config(path: Path, required: bool = False) -> tuple[Config | None, list[Diagnostic]]:
    """Read site.yml; a missing file gives the defaults unless it was asked for explicitly."""
    shown = str(path)
    if not path.exists():
        if required:
            return None, [error("configuration file not found", shown)]
        return Config(), []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(f"cannot read configuration: {exc.strerror}", shown)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [error(f"configuration is not UTF-8 text (byte {exc.start})", shown)]
    return parse_config(text.replace("\r\n", "\n").replace("\r", "\n"), shown)
