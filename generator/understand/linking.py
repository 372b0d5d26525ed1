"""Which archive article a "Baca juga" headline names, judged by the words of each article's opening.

Titles of raw-text articles are inferred, so a teaser headline rarely equals one; instead the headline's
content words, in every form a headline may write them (`Dibuka` for `membuka`, `Kemiskinan` for `miskin`,
`SOYBEANS` for `soybean`), are looked up in every article: in its lead at full weight, in the rest of its body
at half. Rare words weigh more: two stories on one topic share its common words, not its particulars.

A headline restates a story's opening, so among the articles holding its words the one whose first paragraph
holds them, and whose first words the headline echoes, ranks first. A link is made only when the best article
holds most of the headline and ranks well above the runner-up: a wrong link is worse than none.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from generator.understand.dates import MONTHS
from generator.understand.tags import STOPWORDS
from generator.understand.verbs import roots

LEAD_PARAGRAPHS = 5  # where a story's particulars are told; later paragraphs count for less
MIN_WORDS = 3  # a headline of fewer content words names too little to be matched safely
MIN_COVER = 0.6  # share of the headline (by weight) the article must hold
MIN_RANK = 0.9  # its cover plus what its opening tells (see `_rank`): held words alone are not enough
MIN_RATIO = 1.4  # and how far it must rank above the runner-up
# Or, when every headline word is known to the archive: a lower cover and rank, far above the runner-up.
ALONE_COVER, ALONE_RANK, ALONE_RATIO = 0.35, 0.5, 2.5
# Or, when one article alone holds the headline's rarest known words: half of the headline, somewhat told,
# and at most a fifth of it (by weight) in words that no lead holds.
SOLE_COVER, SOLE_RANK, SOLE_UNKNOWN = 0.5, 0.6, 0.2
REST = 0.5  # a word only the rest of the body holds is weaker evidence than one in the lead
HIDDEN = 0.7  # so is one glued to its neighbour or written as an abbreviation
# A word no article holds is a paraphrase, or a particular of a story the archive lacks: it counts, half.
UNSEEN = 0.5
CLICHE = 0.3  # a word that frames a headline (`Simak`, `Begini`) seldom appears in the story it frames
ECHO_WORDS = 15  # the opening words a headline is expected to echo
SHORTLIST = 10  # articles compared closely, out of those holding the headline's rarest words

# Headline register: short words a headline puts where the body writes a function word (`usai` for
# `setelah`, `bakal` for `akan`, `tak` for `tidak`), question words, and reporting verbs (`says` for `said`).
_REGISTER = frozenset(
    ["tak", "usai", "jelang", "soal", "bakal", "kok", "cuma", "gegara", "buat", "demi", "lewat", "lagi", "nggak",
     "gak", "enggak", "bikin", "pula", "kian", "makin", "apa", "mana", "siapa", "kenapa", "mengapa", "bagaimana",
     "says", "say", "sees", "see"]
)  # fmt: skip
_CLICHES = frozenset(
    ["alasan", "alasannya", "begini", "simak", "intip", "daftar", "cek", "ternyata", "viral", "profil", "fakta",
     "potret", "penampakan", "momen", "deretan", "segini", "sederet", "heboh", "kabar", "update", "top"]
)  # fmt: skip
_NUMBERS = {
    word: str(value)
    for value, names in enumerate(
        ["", "satu one", "dua two", "tiga three", "empat four", "lima five", "enam six", "tujuh seven",
         "delapan eight", "sembilan nine", "sepuluh ten"]
    )
    for word in names.split()
}  # fmt: skip
# Months as a date in the text writes them (`19 Juni 2025` ↔ `(19/6/2025)`); `may` and `march` are verbs too.
_MONTHS = {name: str(number) for name, number in MONTHS.items() if name not in ("may", "march")}
_SKIPPED = (STOPWORDS | _REGISTER) - set(_NUMBERS) - set(_MONTHS)
_CASE_GLUE = re.compile(r"[a-z](?=[A-Z])|[A-Z](?=[A-Z][a-z]{2})")  # `PolisiTangkap`, `AKTORBukie`
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Content words in lower case; numbers without separators (`2,37` → `237`); number words and months as digits."""
    return [word for token in _tokens(text) for word in _words(token)]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_POSSESSIVE.sub("", unicodedata.normalize("NFKC", text)))


@lru_cache(maxsize=200_000)
def _words(token: str) -> tuple[str, ...]:
    """The content words of one token as written: none, itself, or the words glued in it (`PolisiTangkap`)."""
    if token[0].isdigit():
        return (token.replace(".", "").replace(",", ""),)
    found = []
    for part in _CASE_GLUE.sub(r"\g<0> ", token).casefold().split():
        if part in _NUMBERS or part in _MONTHS:
            found.append(_NUMBERS.get(part) or _MONTHS[part])
        elif len(part) >= 2 and part not in _SKIPPED:
            found.append(part)
    return tuple(found)


def _forms_of(text: str) -> set[str]:
    """Every form of every content word of a text, order and repeats aside."""
    return {form for token in set(_tokens(text)) for word in _words(token) for form in forms(word)}


@lru_cache(maxsize=200_000)
def forms(word: str) -> tuple[str, ...]:
    """The word and the forms a headline may write it in: `membuka`, `dibuka` → `buka`; `tiketnya` → `tiket`.

    Endings come off first (`-nya`, `-an`; English `-s`, `-ed`, `-ing`, `-ese`), then prefixes (`di-`, `ke-`,
    `ber-`, `ter-`, `se-`, `per-`, and `meN-`, `peN-` with their sound changes). A verb keeps `-kan` and `-i` in
    every voice (`umumkan`, `mengumumkan`, `diumumkan`), so they stay: `jalani` is not `jalan`.
    """
    if not word.isalpha():
        return (word,)
    stems = [word]
    if len(word) >= 7 and word.endswith(("nya", "lah", "kah", "pun")):
        stems.append(word[:-3])
    for stem in list(stems):
        stems += _without_ending(stem)
    found = dict.fromkeys(stems)
    for stem in stems:
        for prefix in ("di", "ke", "ter", "ber", "se", "per"):
            if stem.startswith(prefix):
                found[stem[len(prefix) :]] = None
        if stem.startswith("be") and not stem.startswith("ber"):  # `bekerja` ← `kerja`
            found[stem[2:]] = None
        if stem.startswith("me"):
            found.update(dict.fromkeys(roots(stem)))
        elif stem.startswith("pe"):  # `penulis` ← `tulis`, `pembeli` ← `beli`: `peN-` sounds like `meN-`
            found.update(dict.fromkeys(roots("me" + stem[2:])))
    return tuple(form for form in found if form == word or (len(form) >= 4 and form not in STOPWORDS))


def _without_ending(stem: str) -> list[str]:
    found = []
    if len(stem) >= 6 and stem.endswith("an"):
        found += [stem[:-2], stem[:-1]]  # `bantuan` ← `bantu`, `kemiskinan` ← `miskin`; `korean` ← `korea`
    if len(stem) >= 7 and stem.endswith(("ese", "ian")):
        found += [stem[:-3], stem[:-3] + "a"]  # `japanese` ← `japan`, `chinese` ← `china`
    if len(stem) >= 6 and stem.endswith("ies"):
        found.append(stem[:-3] + "y")
    elif len(stem) >= 6 and stem.endswith("es"):
        found.append(stem[:-2])
    if len(stem) >= 5 and stem.endswith("s") and not stem.endswith("ss"):
        found.append(stem[:-1])
    if len(stem) >= 6 and stem.endswith("ed"):
        found += [stem[:-2], stem[:-1]]
    if len(stem) >= 7 and stem.endswith("ing"):
        found += [stem[:-3], stem[:-3] + "e"]
    return found


def normalise_headline(text: str) -> str:
    """Case, punctuation and spacing removed: `Jay Idzes: "Siap!"` → `jay idzes siap`."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


@dataclass(frozen=True)
class LeadForms:
    """What teaser matching keeps of one article: computed with its other features, and cached with them."""

    lead: frozenset[str]  # every form of the words of its lead (and stated title)
    rest: frozenset[str]  # forms that only the rest of its body holds
    opening: tuple[str, ...]  # the words of its stated title and first paragraph, in order

    def packed(self) -> str:
        """The same in one string, ~3.5 KB where the sets and their strings take ~60 KB (see `unpack_lead`)."""
        parts = (sorted(self.lead), sorted(self.rest), self.opening)
        return _PARTS_APART.join(_FORMS_APART.join(part) for part in parts)


# Forms and opening words are \w runs: neither separator can occur in them.
_FORMS_APART, _PARTS_APART = "\n", "\x1f"
UNPACKED_KEPT = 1024  # lead forms kept unpacked while matching: the candidates of the last few headlines


def unpack_lead(packed: str) -> LeadForms:
    lead, rest, opening = (part.split(_FORMS_APART) if part else [] for part in packed.split(_PARTS_APART))
    return LeadForms(frozenset(lead), frozenset(rest), tuple(opening))


@dataclass(frozen=True)
class LeadIndex:
    """Each article's lead forms, and which articles hold each form (to look at few articles per headline).

    The forms are kept packed (a 10,000-article archive's sets would take ~600 MB) and unpacked for the
    articles a headline is compared with.
    """

    leads: Mapping[str, str]  # source → its LeadForms, packed
    postings: Mapping[str, tuple[str, ...]]  # form → the articles whose lead holds it (of `asked` only, if set)
    frequency: Mapping[str, int]  # form → how many articles' leads hold it (of every form)
    titles: Mapping[str, str]  # normalised stated title → source
    outlets: Mapping[str, str | None]
    asked: frozenset[str] | None = None  # the forms of the headlines the index was made for; None: any headline
    _unpacked: dict[str, LeadForms] = field(default_factory=dict, compare=False, repr=False)

    def lead(self, source: str) -> LeadForms:
        found = self._unpacked.get(source)
        if found is None:
            if len(self._unpacked) >= UNPACKED_KEPT:
                self._unpacked.clear()
            found = self._unpacked[source] = unpack_lead(self.leads[source])
        return found


def lead_forms(paragraphs: Sequence[str], title: str | None) -> LeadForms:
    """What the index keeps of an article: the forms of its lead's words (and stated title), and its opening."""
    opening = (words(title) if title else []) + (words(paragraphs[0]) if paragraphs else [])
    lead = {form for word in opening for form in forms(word)} | _forms_of(" ".join(paragraphs[1:LEAD_PARAGRAPHS]))
    rest = _forms_of(" ".join(paragraphs[LEAD_PARAGRAPHS:])) - lead
    return LeadForms(frozenset(lead), frozenset(rest), tuple(opening))


def index_leads(articles: Sequence[tuple[str, Sequence[str], str | None, str | None]]) -> LeadIndex:
    """`(source, paragraphs, stated title or None, outlet or None)` for every article → the index."""
    return index_forms([(source, lead_forms(p, title), title, outlet) for source, p, title, outlet in articles])


def index_forms(
    articles: Sequence[tuple[str, LeadForms | str, str | None, str | None]], headlines: Iterable[str] | None = None
) -> LeadIndex:
    """`(source, lead forms or the same packed, stated title or None, outlet or None)` for every article →
    the index; for these `headlines` only, when given (which articles hold each form is then listed for
    their forms alone, a small share of the archive's: a build matches its teasers and nothing else)."""
    asked = None if headlines is None else _asked_forms(headlines)
    leads: dict[str, str] = {}
    outlets: dict[str, str | None] = {}
    postings: dict[str, list[str]] = defaultdict(list)
    frequency: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for source, lead, title, outlet in articles:
        outlets[source] = outlet
        packed = leads[source] = lead if isinstance(lead, str) else lead.packed()
        held_part = packed.split(_PARTS_APART, 1)[0]
        held = held_part.split(_FORMS_APART) if held_part else []
        frequency.update(held)
        for form in held if asked is None else asked.intersection(held):
            postings[form].append(source)
        if title:
            titles.setdefault(normalise_headline(title), source)
    return LeadIndex(leads, {w: tuple(s) for w, s in postings.items()}, frequency, titles, outlets, asked)


def _asked_forms(headlines: Iterable[str]) -> frozenset[str]:
    return frozenset(form for headline in headlines for word in words(headline) for form in forms(word))


@dataclass(frozen=True)
class _Wanted:
    """A headline's content words, each word's forms and weight, and the weight they add up to."""

    words: tuple[str, ...]
    forms: Mapping[str, frozenset[str]]
    weight: Mapping[str, float]
    whole: float
    every: frozenset[str]  # all the forms of all the words


def match_headline(headline: str, index: LeadIndex, own: str | None = None) -> str | None:
    """The one article this headline names, or None when no article clearly does.

    An outlet's teasers name its own stories: when the teaser's outlet is known, the target must share it.
    """
    exact = index.titles.get(normalise_headline(headline))
    if exact is not None:
        return exact if exact != own else None
    said = tuple(dict.fromkeys(words(headline)))
    if len(said) < MIN_WORDS:
        return None
    found = {word: frozenset(forms(word)) for word in said}
    every = frozenset().union(*found.values())
    if index.asked is not None and not index.asked.issuperset(every):
        raise ValueError(f"the teaser index was not made for this headline: {headline!r}")
    holders = {word: {s for form in found[word] for s in index.postings.get(form, ())} for word in said}
    total = len(index.leads) + 1
    weight = {word: _weight(word, len(holders[word]), total) for word in said}
    wanted = _Wanted(said, found, weight, sum(weight.values()), every)
    # Rare words first: an article holding most of the headline holds some of its rarest words.
    known = sorted((word for word in said if holders[word]), key=lambda word: len(holders[word]))
    seen: set[str] = set()
    for word in known[: max(1, len(said) // 2)]:
        seen |= holders[word]
    held: dict[str, float] = defaultdict(float)  # weight each article's lead holds
    for word in said:
        for source in holders[word]:
            held[source] += weight[word]
    covers = _best_covers(index, wanted, sorted(((held[s], s) for s in seen if s != own), reverse=True), own)
    ranked = sorted((_rank(index, source, wanted, cover) for cover, source in covers), reverse=True)
    if not ranked:
        return None
    rank, cover, source = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if cover >= MIN_COVER and rank >= max(MIN_RANK, MIN_RATIO * runner_up):
        return source
    # A lead may word the story differently from its headline (less held, little echoed), yet one article
    # alone holds the headline's words. That names it only when every word of the headline is known to the
    # archive: a word no article holds may be a particular of a story the archive lacks.
    if all(holders.values()) and cover >= ALONE_COVER and rank >= max(ALONE_RANK, ALONE_RATIO * runner_up):
        return source
    # Or one article alone holds the rarest words the archive knows (it is the only candidate left once the
    # teaser's own article and other outlets' are set aside): they are the story's particulars. When the
    # story is absent, its particulars are unknown, and the rarest words left are common ones that several
    # articles share; or a story of the same kind is there, and the other party's name is unknown (a fifth).
    unknown = sum(weight[word] for word in said if not holders[word]) / wanted.whole
    if len(ranked) == 1 and cover >= SOLE_COVER and rank >= SOLE_RANK and unknown <= SOLE_UNKNOWN:
        return source
    return None


def _weight(word: str, holders: int, total: int) -> float:
    weight = math.log(total / (1 + holders)) + 0.1 if holders else UNSEEN * (math.log(total) + 0.1)
    return weight * (CLICHE if word in _CLICHES else 1.0)


def _best_covers(
    index: LeadIndex, wanted: _Wanted, by_lead: list[tuple[float, str]], own: str | None
) -> list[tuple[float, str]]:
    """The SHORTLIST articles holding most of the headline (by weight): in their lead, else (weaker) in the rest
    of their body. `by_lead`: (weight held in the lead, source), most first, so the search can stop early."""
    best: list[tuple[float, str]] = []
    for in_lead, source in by_lead:
        if len(best) >= SHORTLIST and in_lead + REST * (wanted.whole - in_lead) <= best[-1][0] * wanted.whole:
            break  # neither this article nor any after it can hold more than the shortlist's last
        if not _same_outlet(index, own, source):
            continue
        lead = index.lead(source)
        held = in_lead + REST * sum(
            wanted.weight[word]
            for word in wanted.words
            if not wanted.forms[word].isdisjoint(lead.rest) and wanted.forms[word].isdisjoint(lead.lead)
        )
        best.append((held / wanted.whole, source))
        best.sort(reverse=True)
        del best[SHORTLIST:]
    return best


def _rank(index: LeadIndex, source: str, wanted: _Wanted, cover: float) -> tuple[float, float, str]:
    """(rank, cover, source): the cover with words found glued or abbreviated in the opening, plus how much of
    the headline the opening tells and how much of the opening the headline echoes."""
    lead = index.lead(source)
    opening = {form for word in lead.opening for form in forms(word)}
    told = 0.0
    for word in wanted.words:
        found = wanted.forms[word]
        unheld = found.isdisjoint(lead.lead) and found.isdisjoint(lead.rest)
        if unheld and (_glued(found, lead.opening) or _abbreviates(word, lead.opening)):
            cover += HIDDEN * wanted.weight[word] / wanted.whole
        if not found.isdisjoint(opening):
            told += wanted.weight[word]
    first = list(dict.fromkeys(lead.opening))[:ECHO_WORDS]
    weights = [math.log((len(index.leads) + 1) / (1 + index.frequency.get(word, 0))) + 0.1 for word in first]
    echoed = sum(w for w, word in zip(weights, first, strict=True) if not wanted.every.isdisjoint(forms(word)))
    echo = echoed / sum(weights) if first else 0.0
    return cover + (told / wanted.whole + echo) / 2, cover, source


def _glued(found: frozenset[str], opening: Sequence[str]) -> bool:
    """A form written inside a longer word: scraped links glue words (`karenaperang`, `Amazfitmeluncurkan`)."""
    return any(
        len(form) >= 5 and form.isalpha() and any(form in word for word in opening if len(word) > len(form))
        for form in found
    )


def _abbreviates(word: str, opening: Sequence[str]) -> bool:
    """`sumut` ← `sumatera utara`, `phk` ← `pemutusan hubungan kerja`: the starts of 2–4 words in a row."""
    if not (3 <= len(word) <= 8 and word.isalpha()):
        return False
    return any(start[0] == word[0] and _spells(word, opening, i, 0) for i, start in enumerate(opening))


def _spells(word: str, opening: Sequence[str], i: int, used: int) -> bool:
    if not word:
        return used >= 2
    if i >= len(opening) or used >= 4:
        return False
    part = opening[i]
    for n in range(min(len(word), len(part)), 0, -1):  # a whole word counts only after an abbreviated one
        if part[:n] == word[:n] and (n < len(part) or used) and _spells(word[n:], opening, i + 1, used + 1):
            return True
    return False


def _same_outlet(index: LeadIndex, own: str | None, other: str) -> bool:
    mine = index.outlets.get(own) if own else None
    theirs = index.outlets.get(other)
    return mine is None or mine == theirs
