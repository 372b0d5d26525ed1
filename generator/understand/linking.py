"""Which archive article a "Baca juga" headline names, judged by the words of each article's lead.

Titles of raw-text articles are inferred, so a teaser headline rarely equals one; instead the headline's
content words are looked up in the opening paragraphs of every article. A link is made only when one
article holds nearly all of them and clearly more than any other: a wrong link is worse than none.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.understand.tags import STOPWORDS
from generator.understand.verbs import roots

LEAD_PARAGRAPHS = 8
MIN_WORDS = 3  # a headline of fewer content words names too little to be matched safely
MIN_COVER = 0.6  # share of the headline's content words the article's lead must hold
MIN_MARGIN = 0.25  # and by this much more than the runner-up
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", unicodedata.normalize("NFKC", text)).casefold()
    return [w for w in _WORD.findall(text) if w not in STOPWORDS]


def forms(word: str) -> tuple[str, ...]:
    """The word and the forms a headline may write it in: `membuka`, `dibuka` → `buka`; `tiketnya` → `tiket`."""
    found = [word]
    if len(word) > 6 and word.endswith(("nya", "lah", "kah")):
        found.append(word[:-3])
    if len(word) > 5 and word.startswith("di"):
        found.append(word[2:])
    if len(word) > 6 and word.startswith(("ber", "ter")):
        found.append(word[3:])
    if word.startswith("me"):
        found += roots(word)
    return tuple(found)


def normalise_headline(text: str) -> str:
    """Case, punctuation and spacing removed: `Jay Idzes: "Siap!"` → `jay idzes siap`."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


@dataclass(frozen=True)
class LeadIndex:
    """Each article's lead words, and which articles hold each word (to look at few articles per headline)."""

    leads: Mapping[str, frozenset[str]]
    postings: Mapping[str, tuple[str, ...]]
    titles: Mapping[str, str]  # normalised stated title → source
    outlets: Mapping[str, str | None]


def lead_forms(paragraphs: Sequence[str], title: str | None) -> frozenset[str]:
    """Every form of the words of an article's lead (and stated title): what its entry in the index holds."""
    said = words(" ".join(paragraphs[:LEAD_PARAGRAPHS])) + (words(title) if title else [])
    return frozenset(form for word in said for form in forms(word))


def index_leads(articles: Sequence[tuple[str, Sequence[str], str | None, str | None]]) -> LeadIndex:
    """`(source, paragraphs, stated title or None, outlet or None)` for every article → the index."""
    return index_forms([(source, lead_forms(p, title), title, outlet) for source, p, title, outlet in articles])


def index_forms(articles: Sequence[tuple[str, frozenset[str], str | None, str | None]]) -> LeadIndex:
    """`(source, lead_forms, stated title or None, outlet or None)` for every article → the index."""
    leads: dict[str, frozenset[str]] = {}
    outlets: dict[str, str | None] = {}
    postings: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, str] = {}
    for source, lead, title, outlet in articles:
        outlets[source] = outlet
        leads[source] = lead
        for word in lead:
            postings[word].append(source)
        if title:
            titles.setdefault(normalise_headline(title), source)
    return LeadIndex(leads, {w: tuple(s) for w, s in postings.items()}, titles, outlets)


def match_headline(headline: str, index: LeadIndex, own: str | None = None) -> str | None:
    """The one article this headline names, or None when no article clearly does.

    An outlet's teasers name its own stories: when the teaser's outlet is known, the target must share it.
    """
    exact = index.titles.get(normalise_headline(headline))
    if exact is not None:
        return exact if exact != own else None
    wanted = {word: set(forms(word)) for word in words(headline)}
    if len(wanted) < MIN_WORDS:
        return None
    holders = {word: {s for form in found for s in index.postings.get(form, ())} for word, found in wanted.items()}
    # Rare words first: an article must hold most of the headline, so it holds some of its rarest words.
    rare = sorted(wanted, key=lambda w: len(holders[w]))[: max(1, len(wanted) // 2)]
    seen: set[str] = set()
    for word in rare:
        seen |= holders[word]
    # Rare words weigh more: two stories on one topic share its common words, not its particulars.
    total = len(index.leads) + 1
    weight = {w: math.log(total / (1 + len(holders[w]))) + 0.1 for w in wanted}
    whole = sum(weight.values())
    cover = sorted(
        (
            (sum(weight[w] for w in wanted if source in holders[w]) / whole, source)
            for source in seen
            if source != own and _same_outlet(index, own, source)
        ),
        reverse=True,
    )
    if not cover:
        return None
    best, source = cover[0]
    runner_up = cover[1][0] if len(cover) > 1 else 0.0
    return source if best >= MIN_COVER and best - runner_up >= MIN_MARGIN else None


def _same_outlet(index: LeadIndex, own: str | None, other: str) -> bool:
    mine = index.outlets.get(own) if own else None
    theirs = index.outlets.get(other)
    return mine is None or mine == theirs
