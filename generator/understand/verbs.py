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


def headline_verbs(text: str, counts: Mapping[str, int]) -> str:
    """Every transitive `me-` verb in its bare headline form (`menegaskan` → `tegaskan`)."""

    def bare(match: re.Match[str]) -> str:
        following = text[match.end() :].split(maxsplit=1)
        return bare_verb(match.group(0), following[0] if following else "", counts)

    return _ME_WORD.sub(bare, text)


def bare_verb(word: str, following: str, counts: Mapping[str, int]) -> str:
    """`menerima` → `terima`; a word that is not a transitive verb (`mereka`, `melemah pada`) stays."""
    if word in NOT_ME_VERBS or word.endswith("nya"):
        return word
    if word == "menjadi":
        return "jadi"
    has_object = bool(following) and following.casefold() not in NOT_OBJECTS and following[:1].isalnum()
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
