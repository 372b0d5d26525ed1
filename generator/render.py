"""Jinja2 environment (site templates first, then the packaged theme) and page rendering."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateSyntaxError, pass_context
from markupsafe import Markup

from generator import calendar_view
from generator.config import Config
from generator.diagnostics import Diagnostic, error
from generator.i18n import format_number, format_partial_date, month_name, timestamp, translations
from generator.metadata import json_for_script, news_article
from generator.plan import Page
from generator.theme import theme_dir
from generator.urls import absolute, link


def make_environment(config: Config, site_templates: Path | None = None) -> Environment:
    """One environment per build; it carries no state between builds."""
    loaders = []
    if site_templates is not None and site_templates.is_dir():
        loaders.append(FileSystemLoader(str(site_templates)))
    loaders.append(FileSystemLoader(str(theme_dir("templates"))))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build, one theme: no stat of every template at each page (a change means a new build)
    )
    catalogue = translations(config.language)
    env.install_gettext_translations(catalogue, newstyle=True)  # type: ignore[attr-defined]
    env.globals["gettext"] = env.globals["_"] = _remembering_gettext(catalogue.gettext)
    base_path = config.base_path
    relative = config.relative_urls
    language = config.language
    plain_ngettext = env.globals["ngettext"]

    @pass_context
    def ngettext(context: Any, singular: str, plural: str, count: int, /, **variables: Any) -> str:
        # "1.234 artikel", "1,234 articles": the count written the language's way, unless the template sets num
        variables.setdefault("num", format_number(count, language))
        return plain_ngettext(context, singular, plural, count, **variables)  # type: ignore[operator]

    env.globals["ngettext"] = ngettext

    @pass_context
    def url(context: Any, target: str) -> str:
        return link(target, context["page"].url, base_path, relative)

    def absolute_url(target: str) -> str:
        return absolute(target, config.origin, base_path)

    env.globals.update(config=config, url=url, absolute_url=absolute_url, lang=language)
    env.filters["date"] = lambda value, style="medium": format_partial_date(value, language, style)
    env.filters["month_name"] = lambda value: month_name(value, language)
    env.filters["number"] = lambda value: format_number(value, language)
    env.filters["timestamp"] = lambda value: timestamp(value, config.timezone)
    env.filters["safe_body"] = Markup  # bodies are escaped or sanitised in content.py
    env.filters["json_script"] = json_for_script
    env.filters["news_article"] = lambda article: news_article(article, config, absolute_url)
    env.globals.update(
        month_weeks=lambda month: calendar_view.month_weeks(month, language),
        weekday_names=calendar_view.weekday_names(language),
        month_counts=calendar_view.month_counts,
        busiest=calendar_view.busiest,
    )
    return env


def _remembering_gettext(translate: Callable[[str], str]) -> Callable[..., str]:
    """Jinja2's new-style `gettext` (a translated format string, escaped like any other), each string translated
    once per build; and `_` is this very function rather than Jinja2's alias that looks `gettext` up on every call
    (a page says ~25 strings: this is a tenth of rendering it)."""
    plain: dict[tuple[str, bool], str] = {}

    @pass_context
    def gettext(context: Any, string: str, /, **variables: Any) -> str:  # any variable name, `string` too
        autoescape = context.eval_ctx.autoescape
        if not variables:
            found = plain.get((string, autoescape))
            if found is None:
                found = plain[(string, autoescape)] = _formatted(translate(string), autoescape, {})
            return found
        return _formatted(translate(string), autoescape, variables)

    return gettext


def _formatted(translated: str, autoescape: bool, variables: dict[str, Any]) -> str:
    # Always a format string, even without variables (`%%` is `%`), as Jinja2's own new-style gettext does.
    return (Markup(translated) if autoescape else translated) % variables


def render_page(env: Environment, page: Page) -> bytes:
    template = env.get_template(page.template)
    return template.render(page=page, **page.context).encode("utf-8")


def describe_template_error(exc: BaseException) -> Diagnostic:
    """Name the template file and line of an error raised while rendering."""
    if isinstance(exc, TemplateSyntaxError):
        return error(f"template syntax error: {exc.message}", exc.filename or exc.name, exc.lineno)
    where, line = None, None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            where, line = frame.filename, frame.lineno
    return error(f"while rendering: {type(exc).__name__}: {exc}", where, line)
