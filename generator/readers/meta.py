"""The fields a person may state about an article, checked the same way in front matter and sidecars."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from generator.diagnostics import Diagnostic, did_you_mean, error, warning
from generator.draft import PartialDate, Stated
from generator.readers.text import without_controls
from generator.yamlsafe import YamlDocument

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$")


def parse_partial_date(value: Any) -> tuple[PartialDate | None, str | None]:
    """A YAML date, datetime or text `YYYY[-MM[-DD]]` → PartialDate, or why not."""
    if isinstance(value, datetime):
        return PartialDate.from_date(value.date()), None
    if isinstance(value, date):
        return PartialDate.from_date(value), None
    if isinstance(value, int) and 1000 <= value <= 9999:
        return PartialDate(value), None
    if not isinstance(value, str):
        return None, f"must be a date such as 2024-09-22, not {type(value).__name__}"
    match = _PARTIAL_DATE.match(value.strip())
    if not match:
        return None, f"must be a date such as 2024-09-22 (or 2024-09, 2024), not {value!r}"
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year, month or 1, day or 1)  # type: ignore[arg-type]
    except ValueError:
        return None, f"{value!r} is not a real date"
    return PartialDate(year, month, day), None  # type: ignore[arg-type]


def _text(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = " ".join(without_controls(str(value)).split())
        return (text, None) if text else (None, "must not be empty")
    return None, f"must be text, not {type(value).__name__ if value is not None else 'empty'}"


def _tags(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, str):
        value = [part for part in value.split(",")]
    if isinstance(value, list) and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value):
        return tuple(" ".join(str(v).split()) for v in value if str(v).strip()), None
    return None, "must be a list of tags (or one comma-separated line)"


def _boolean(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, bool):
        return value, None
    return None, f"must be true or false, not {value!r}"


def _language(value: Any) -> tuple[Any, str | None]:
    if value in ("id", "en"):
        return value, None
    return None, f"must be id or en, not {value!r}"


FIELDS: dict[str, Callable[[Any], tuple[Any, str | None]]] = {
    "title": _text,
    "date": parse_partial_date,
    "tags": _tags,
    "slug": _text,
    "summary": _text,
    "place": _text,
    "outlet": _text,
    "draft": _boolean,
    "language": _language,
}


def stated_fields(document: YamlDocument, shown: str, origin: str) -> tuple[dict[str, Stated], list[Diagnostic]]:
    """Check each field of a front matter or sidecar mapping; unknown keys are warned about and ignored."""
    stated: dict[str, Stated] = {}
    problems: list[Diagnostic] = []
    for key, raw in document.data.items():
        line = document.key_lines.get(key)
        check = FIELDS.get(key)
        if check is None:
            problems.append(warning(f"unknown field `{key}` ignored{did_you_mean(key, FIELDS)}", shown, line))
            continue
        value, problem = check(raw)
        if problem:
            problems.append(error(f"`{key}` {problem}", shown, line))
            continue
        stated[key] = Stated(value, origin, shown, line)
    return stated, problems
