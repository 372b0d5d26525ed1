"""Page fingerprints: structural digests, with or without the fields some pages never show; what a template
can show."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import DictLoader, Environment

from generator.fingerprint import Fingerprinter
from generator.template_facts import template_facts


@dataclass(frozen=True)
class Story:
    title: str
    body: tuple[str, ...]


@dataclass(frozen=True)
class Listing:
    stories: tuple[Story, ...]
    note: str


def test_the_lean_digest_leaves_out_optional_fields_wherever_they_are() -> None:
    hasher = Fingerprinter(optional_fields=frozenset({"body"}))
    one = Listing((Story("A", ("x" * 100, "y")), Story("B", ())), "n")
    body_edit = Listing((Story("A", ("x" * 100, "z")), Story("B", ())), "n")
    retitle = Listing((Story("A2", ("x" * 100, "y")), Story("B", ())), "n")
    assert hasher.digest(one) != hasher.digest(body_edit)
    assert hasher.lean_digest(one) == hasher.lean_digest(body_edit)
    assert hasher.lean_digest(one) != hasher.lean_digest(retitle)
    # Without optional fields inside, both digests agree; a fresh hasher gives the same bytes (nothing remembered).
    assert hasher.lean_digest(("a", 1, None)) == hasher.digest(("a", 1, None))
    assert Fingerprinter(frozenset({"body"})).digest(one) == hasher.digest(one)
    assert Fingerprinter().digest(one) == hasher.digest(one)
    # Strings are length-prefixed: moving text between neighbours changes the digest.
    assert hasher.digest(("ab", "c")) != hasher.digest(("a", "bc"))


def test_template_facts_name_what_a_template_and_those_it_uses_can_look_up() -> None:
    env = Environment(
        loader=DictLoader(
            {
                "base.html": "{{ page.url }}{% block main %}{% endblock %}",
                "list.html": '{% extends "base.html" %}{% block main %}{{ x.title }}{{ x["summary"] }}{{ x.tags[-1] }}'
                "{{ xs|map(attribute='slug')|join }}{{ xs|map(attribute='date.year')|join }}{% endblock %}",
                "computed.html": "{% set f = 'title' %}{{ x[f] }}",
                "computed-attr.html": "{% set f = 'title' %}{{ x|attr(f) }}",
                "computed-groupby.html": "{% set f = 'title' %}{% for g in xs|groupby(f) %}{{ g }}{% endfor %}",
                "computed-include.html": "{% include x.kind ~ '.html' %}",
                "python-attributes.html": "{% for k, v in x.__dict__|dictsort %}{{ v }}{% endfor %}",
                "broken.html": "{% if %}",
            }
        )
    )
    facts = template_facts(env)
    listing = facts["list.html"]
    assert listing.names is not None and {"url", "title", "summary", "tags", "slug", "year"} <= listing.names
    assert not listing.may_show({"body_html", "paragraphs"}) and listing.may_show({"summary"})
    assert facts["computed.html"].names is None and facts["computed.html"].may_show({"anything"})
    for name in ("computed-attr.html", "computed-groupby.html", "computed-include.html", "python-attributes.html"):
        assert facts[name].names is None, name
    assert facts["broken.html"].names is None
    assert facts["list.html"].signature != facts["base.html"].signature


def test_an_article_printed_whole_shows_no_body() -> None:
    from generator.model import BODY_FIELDS, Article

    article = Article(
        "a.md",
        "a",
        "/a/",
        "Judul",
        False,
        None,
        False,
        None,
        None,
        "id",
        (),
        False,
        "Ringkas.",
        ("Isi rahasia.",),
        "Isi rahasia.",
        (),
    )
    assert "rahasia" not in repr(article) and "rahasia" not in str((article,))
    assert set(Article.__dataclass_fields__).issuperset(BODY_FIELDS)
