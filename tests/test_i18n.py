"""Translations: every UI string translated in every catalogue, numbers per language, a language per catalogue."""

from __future__ import annotations

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from generator.config import LANGUAGES, Config, parse_config
from generator.i18n import LOCALE_DIR, format_number
from generator.render import make_environment
from tests.conftest import ROOT, article

POT = LOCALE_DIR / "messages.pot"
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po"))


def _read(path):  # type: ignore[no-untyped-def]
    with path.open("rb") as handle:
        return read_po(handle, locale=None if path == POT else path.parent.parent.name)


def _ids(catalogue) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue if m.id}


def test_there_is_a_catalogue_for_each_interface_language() -> None:
    assert {p.parent.parent.name for p in CATALOGUES} == set(LANGUAGES) >= {"id", "en"}


def test_template_strings_are_all_in_messages_pot() -> None:
    """`make messages` was run after the last template change: nothing shown untranslated."""
    with (LOCALE_DIR / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = {
        message[2] if isinstance(message[2], str) else message[2][0]
        for message in extract_from_dir(str(ROOT), method_map, options_map)
    }
    assert found - _ids(_read(POT)) == set()


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_every_msgid_has_a_translation(po) -> None:  # type: ignore[no-untyped-def]
    catalogue = _read(po)
    wanted = _ids(_read(POT))
    missing = sorted(wanted - _ids(catalogue))
    empty = sorted(
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalogue
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    )
    fuzzy = sorted(str(m.id) for m in catalogue if m.id and m.fuzzy)
    assert (missing, empty, fuzzy) == ([], [], [])


def test_language_is_any_with_a_catalogue() -> None:
    for language in LANGUAGES:
        config, problems = parse_config(f"language: {language}\n", "site.yml")
        assert problems == [] and config.language == language
    _, problems = parse_config("language: xx\n", "site.yml")
    assert problems and "en, id" in problems[0].message


def test_numbers_and_counts_are_written_the_way_each_language_writes_them() -> None:
    assert (format_number(12345, "id"), format_number(12345, "en")) == ("12.345", "12,345")
    for language, expected in (("id", "12.345 artikel"), ("en", "12,345 articles")):
        env = make_environment(Config(language=language))
        template = env.from_string("{{ ngettext('%(num)s article', '%(num)s articles', n) }}")
        assert template.render(n=12345) == expected


def test_a_site_template_translates_like_jinja2s_own_gettext() -> None:
    """Strings escaped and %-formatted as Jinja2's new-style gettext does, with any variable name (a site's own
    templates may say `string`, `context` or `count`), in `_()` and in trans blocks, each string remembered."""
    env = make_environment(Config(language="id"))
    cases = {
        '{{ _("Dark theme") }}|{{ _("Dark theme") }}': "Tema gelap|Tema gelap",
        '{{ _("a %(string)s and %(context)s", string="<b>", context="x") }}': "a &lt;b&gt; and x",
        "{{ _('100%% sure') }}": "100% sure",
        "{% trans string=s %}to {{ string }}{% endtrans %}": "to &lt;i&gt;",
        "{% trans count=n %}{{ count }} item{% pluralize %}{{ count }} items{% endtrans %}": "3 items",
        "{% autoescape false %}{{ _('a %(v)s', v=s) }}{% endautoescape %}": "a <i>",
    }
    for source, expected in cases.items():
        assert env.from_string(source).render(s="<i>", n=3) == expected, source


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("id", ["2 artikel", "Artikel terbaru", "Senin, 23 September 2024", "Tema gelap"]),
        ("en", ["2 articles", "Latest articles", "Monday, 23 September 2024", "Dark theme"]),
    ],
)
def test_counts_dates_and_strings_follow_the_site_language(build_files, language: str, expected) -> None:  # type: ignore[no-untyped-def]
    seeds = {
        "seeds/a.md": article("Banjir di hulu", "2024-09-23", ["Banjir"]),
        "seeds/b.md": article("Banjir di hilir", "2024-09-24", ["Banjir"]),
    }
    result = build_files(seeds, config=f"language: {language}\n")
    assert result.status == 0, result.stderr
    pages = ("tags/banjir/index.html", "index.html", "2024/09/23/banjir-di-hulu/index.html")
    shown = "".join(result.text(page) for page in pages)
    for text in expected:
        assert text in shown, text
