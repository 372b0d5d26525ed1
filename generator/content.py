"""Article bodies as safe HTML: raw text paragraphs escaped, Markdown rendered then sanitised."""

from __future__ import annotations

import re
import threading
from html import escape

import markdown as markdown_lib
import nh3

from generator.i18n import translations

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn", "div",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "abbr": {"title"},
    "ol": {"start"},
    "sup": {"id"},  # footnotes only: see _footnote_ids_only
    "li": {"id"},
}
_FOOTNOTE_ID = re.compile(r"fn(?:ref)?:[\w.-]+")  # Python-Markdown's footnote targets: fn:1, fnref:note


def paragraphs_html(paragraphs: tuple[str, ...]) -> str:
    return "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)


_CONVERTERS = threading.local()  # per thread, one Markdown converter per language, reset before each body


def _converter(language: str) -> markdown_lib.Markdown:
    """This thread's converter for bodies in `language` (a footnote's back-link says where it goes in it).
    One made per body would cost its set-up each time, and it holds reference cycles that only the cyclic
    garbage collector frees, which a build pauses (see collector.py)."""
    converters: dict[str, markdown_lib.Markdown] = _CONVERTERS.__dict__.setdefault("by_language", {})
    converter = converters.get(language)
    if converter is None:
        back_link = translations(language).gettext("Jump back to footnote {} in the text")
        converter = markdown_lib.Markdown(
            extensions=["extra", "sane_lists"],
            extension_configs={"extra": {"footnotes": {"BACKLINK_TITLE": back_link}}},
            output_format="html",
        )
        converters[language] = converter
    return converter


def markdown_html(source: str, language: str = "en") -> str:
    """Markdown → HTML with any raw HTML sanitised; headings shifted below the page's own h1; the little text
    Markdown adds itself (a footnote's back-link title) in `language`."""
    rendered = _converter(language).reset().convert(source)
    rendered = _headings_below_title(rendered)
    return nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        attribute_filter=_footnote_ids_only,
    )


def _footnote_ids_only(tag: str, attribute: str, value: str) -> str | None:
    """A body keeps the ids its footnote marks and back-links jump to, and no other: none can take one of the
    theme's ids (`main`, `search`) or clobber a name a script looks up."""
    if attribute == "id" and not _FOOTNOTE_ID.fullmatch(value):
        return None
    return value


_HEADING = re.compile(r"<(/?)h([1-6])\b")


def _headings_below_title(rendered: str) -> str:
    """Shift the body's headings so its top level is h2, under the page's h1, keeping their hierarchy."""
    levels = [int(m.group(2)) for m in _HEADING.finditer(rendered)]
    if not levels:
        return rendered
    shift = 2 - min(levels)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", rendered)
