"""Indonesian headline verbs: the active `me-` prefix dropped, `Pemerintah membuka peluang` → `buka peluang`.

The prefix changes the root's first sound (`menerima` ← `terima`, `memilih` ← `pilih`, `menyiapkan` ←
`siapkan`); where two roots are possible, the archive's own words decide, and where neither is seen the
regular rule is taken, or the word kept when there is none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from generator.understand.wordlists import NOT_ME_VERBS, NOT_OBJECTS

_ME_WORD = re.compile(r"(?<![\w-])me[a-z]{3,}(?![\w-])")
_DESCRIBING = frozenset(["yang", "sangat", "paling", "cukup", "begitu", "amat", "lebih", "makin", "semakin"])


def headline_verbs(text: str, counts: Mapping[str, int]) -> str:
    """Every transitive `me-` verb in its bare headline form (`menegaskan` → `tegaskan`)."""

    def bare(match: re.Match[str]) -> str:
        following = text[match.end() :].split(maxsplit=1)
        before = text[: match.start()].rsplit(maxsplit=1)[-1:]  # the word before, without splitting it all
        if before and before[0].casefold() in _DESCRIBING and not _takes_object(following):
            return match.group(0)  # `pernyataan yang mengagetkan` describes: it keeps its prefix
        return bare_verb(match.group(0), following[0] if following else "", counts)

    return _ME_WORD.sub(bare, text)


def _takes_object(following: list[str]) -> bool:
    return bool(following) and following[0].casefold() not in NOT_OBJECTS and following[0][:1].isalnum()


def bare_verb(word: str, following: str, counts: Mapping[str, int]) -> str:
    """`menerima` → `terima`; a word that is not a transitive verb (`mereka`, `melemah pada`) stays."""
    if word in NOT_ME_VERBS or word.endswith("nya"):
        return word
    if word == "menjadi":
        return "jadi"
    has_object = _takes_object([following] if following else [])
    if not (word.endswith(("kan", "i")) or has_object):
        return word
    regular, other = _roots(word)
    if regular and not other:
        return regular[0]
    for strict in (True, False):  # a root written as such beats one only seen as a stem (`pula` ≠ `pulai`)
        for root in (*regular, *other):
            if _seen(root, counts, strict):
                return root
    return regular[0] if regular else word


def roots(word: str) -> tuple[str, ...]:
    """Every root a `me-` word may have (`membuka` → `buka`); none for other words."""
    regular, other = _roots(word)
    return (*regular, *other)


def _roots(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the regular roots, other possible roots) of a `me-` word; both empty when it is no such verb."""
    if len(word) < 6 or not word.startswith("me") or not word.isalpha():
        return (), ()
    if word.startswith("meny") and word[4] in "aeiou":
        return ("s" + word[4:],), ("ny" + word[4:],)
    if word.startswith("meng"):
        rest = word[4:]
        if rest[0] in "gh":
            return (rest,), ()
        if rest[0] == "e":
            return ("k" + rest,), (rest,)
        if rest[0] in "aiou":  # `mengambil` ← `ambil`, `mengatakan` ← `katakan`: only the archive can tell
            return (), (rest, "k" + rest)
        return (), ()
    if word.startswith("mem"):
        rest = word[3:]
        if rest[0] in "bpf":
            return (rest,), ()
        return (("p" + rest,), ("m" + rest,)) if rest[0] in "aeiou" else ((), ())
    if word.startswith("men"):
        rest = word[3:]
        if rest[0] in "cdjz" or rest.startswith("sy"):
            return (rest,), ()
        return (("t" + rest,), ("n" + rest,)) if rest[0] in "aeiou" else ((), ())
    if word[2] in "lrwy":
        return (word[2:],), ()
    return (), ()


def _seen(root: str, counts: Mapping[str, int], strict: bool) -> bool:
    """The root or its passive (`di` + root), or else (not strict) its stem without `-kan`/`-i`, is a word."""
    forms = [root, "di" + root]
    if not strict and root.endswith("kan"):
        forms.append(root[:-3])
    elif not strict and root.endswith("i"):
        forms.append(root[:-1])
    return any(len(form) >= 4 and counts.get(form, 0) > 0 for form in forms)


# English headlines tell in the present: `Sosnoff reduced his stake` → `Sosnoff reduces his stake`.
_IRREGULAR = {
    "rose": "rise", "fell": "fall", "bought": "buy", "sold": "sell", "saw": "see", "met": "meet", "made": "make",
    "took": "take", "won": "win", "lost": "lose", "told": "tell", "began": "begin", "led": "lead", "paid": "pay",
    "grew": "grow", "became": "become", "held": "hold", "sought": "seek", "struck": "strike", "sent": "send",
    "spent": "spend", "built": "build", "brought": "bring", "gave": "give", "came": "come", "went": "go",
    "found": "find", "kept": "keep", "knew": "know", "thought": "think", "sank": "sink", "shrank": "shrink",
}  # fmt: skip
_PAST = re.compile(rf"(?<=\s)(?:[a-z]{{3,}}ed|{'|'.join(_IRREGULAR)})(?![\w'’-])")
_PERFECT = frozenset(["has", "have", "had"])
# Before these the past form is no verb of the subject (`the expected loss`, `was well placed`, `appear worried`).
_NOT_SUBJECT_END = frozenset((
    "the", "a", "an", "its", "their", "his", "her", "of", "for", "to", "in", "on", "at", "with", "and", "or", "by",
    "from", "as", "that", "which", "who", "is", "are", "was", "were", "be", "been", "being", "appear", "appears",
    "appeared", "seem", "seems", "seemed", "remain", "remains", "remained", "become", "becomes", "well", "very",
    "so", "too",
))  # fmt: skip
_SIBILANT_END = ("s", "x", "z", "ch", "sh", "o")
_SILENT_E = ("v", "c", "us")  # no English verb ends so: `receiv`, `reduc`, `caus` lost an `e`


def present_tense(clause: str, counts: Mapping[str, int]) -> str:
    """The clause's first verb from the past to the present, where the archive shows its present form."""
    past = _PAST.search(clause)
    if not past:
        return clause
    before = clause[: past.start()].split()
    after = clause[past.end() :].split(maxsplit=1)
    perfect = bool(before) and before[-1].casefold() in _PERFECT
    subject = before[:-1] if perfect else before
    if not subject or subject[-1].casefold() in _NOT_SUBJECT_END or (after and after[0] == "by"):
        return clause
    base = _IRREGULAR.get(past.group(0)) or _base(past.group(0), counts)
    if not base:
        return clause
    last = subject[-1]
    plural = last[:1].islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))
    verb = base if plural else _third_person(base)
    start = clause.rfind(before[-1], 0, past.start()) if perfect else past.start()
    return clause[:start] + verb + clause[past.end() :]


def _base(past: str, counts: Mapping[str, int]) -> str | None:
    """`reduced` → `reduce`, `ended` → `end`, `dropped` → `drop`, `applied` → `apply`: the form the archive
    writes (as such, with `-s` or `-ing`); none when it writes none."""

    def seen(*forms: str) -> bool:
        return any(counts.get(form, 0) > 0 for form in forms)

    stem = past[:-2]
    if past.endswith("ied") and seen(past[:-3] + "y", past[:-3] + "ies"):
        return past[:-3] + "y"
    if seen(stem + "e", stem + "es"):
        return stem + "e"
    if len(stem) > 3 and stem[-1] == stem[-2] and seen(stem[:-1], stem[:-1] + "s", stem + "ing"):
        return stem[:-1]
    if seen(stem, stem + "s", stem + "es") or (seen(stem + "ing") and not stem.endswith(_SILENT_E)):
        return stem
    if seen(stem + "ing"):  # `receiving`: the `e` of `receive` is gone before `-ing`
        return stem + "e"
    return None


def _third_person(base: str) -> str:
    if base.endswith(_SIBILANT_END):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"
