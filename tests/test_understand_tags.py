"""Tags come from the archive's vocabulary: normalised, aliased, stop-listed, never junk or one-off."""

from generator.config import Config
from generator.draft import Draft, SourceLine, Stated
from generator.understand.article import understand
from generator.understand.corpus import archive_facts
from generator.understand.tags import assign_tags, candidates, tag_key, word_case_counts

TEXTS = [
    "Polda Sumsel menyiagakan personel untuk Pilkada 2024. Kapolda Sumsel meminta warga tenang pada Senin.",
    "KPU Sumsel menetapkan calon Pilkada 2024 di Palembang. Polda Sumsel menjaga kantor KPU Sumsel.",
    "Presiden Prabowo Subianto meninjau Palembang. Prabowo Subianto bertemu KPU Sumsel dan Polda Sumsel.",
    "Prabowo Subianto membahas Pilkada 2024 bersama KPU Sumsel di Palembang pada Juni.",
]


def _tags(texts, aliases=None, stoplist=frozenset()):
    lower, upper = word_case_counts(texts)
    return assign_tags([candidates((t,), lower, upper) for t in texts], aliases, stoplist)


def test_tag_keys_ignore_case_spacing_and_unicode_form():
    assert tag_key("Polda  SUMSEL") == tag_key("polda sumsel") == tag_key("Polda\u00a0Sumsel")


def test_recurring_names_become_tags_and_junk_never_does():
    tags = _tags(TEXTS)
    assert "Polda Sumsel" in tags[0] and "Pilkada 2024" in tags[0]
    assert "Prabowo Subianto" in tags[2]
    every = {t.casefold() for found in tags for t in found}
    assert not every & {"senin", "juni", "presiden", "dan", "di", "pada", "2024"}


def test_a_tag_names_more_than_one_article_once_the_archive_is_large_enough():
    texts = [*TEXTS * 5, "Petani Cianjur menanam padi. Petani Cianjur memanen padi di Cianjur."]
    tags = _tags(texts)
    counts = {}
    for found in tags:
        for tag in found:
            counts[tag] = counts.get(tag, 0) + 1
    assert counts and min(counts.values()) >= 2
    assert "Cianjur" not in counts


def test_a_small_archive_keeps_names_said_more_than_once():
    assert "Cianjur" in _tags(["Petani Cianjur menanam padi. Petani Cianjur memanen padi di Cianjur."])[0]


def test_aliases_and_stoplist_apply_archive_wide():
    tags = _tags(TEXTS, aliases={"KPU Sumsel": "Komisi Pemilihan Umum Sumsel"}, stoplist=frozenset({"Palembang"}))
    every = {t for found in tags for t in found}
    assert "Palembang" not in every
    assert "KPU Sumsel" not in every and any(t.casefold() == "komisi pemilihan umum sumsel" for t in every)


def test_stated_tags_win_over_inferred_ones():
    drafts = [Draft(f"{n}.txt", "text", (SourceLine(text, 1),), str(n), stated={}) for n, text in enumerate(TEXTS)]
    drafts[0] = Draft(
        "0.txt", "text", (SourceLine(TEXTS[0], 1),), "0", stated={"tags": Stated(["Keamanan"], "sidecar", "0.yml")}
    )
    config = Config(tag_aliases=(("Sumsel", "Sumatera Selatan"),))
    corpus = archive_facts(drafts, config)
    facts = [understand(d, corpus, config) for d in drafts]
    assert facts[0].tags == ("Keamanan",) and not facts[0].tags_inferred
    assert facts[1].tags and facts[1].tags_inferred


def test_an_article_with_stated_tags_gets_none_inferred_and_its_tags_keep_others_alive():
    texts = [*TEXTS * 5, "Petani Cianjur menanam padi. Petani Cianjur memanen padi di Cianjur."]
    lower, upper = word_case_counts(texts)
    found = [candidates((t,), lower, upper) for t in texts]
    alone = assign_tags(found)
    stated: list[tuple[str, ...] | None] = [None] * len(texts)
    stated[0] = tuple(alone[0])  # a person states exactly what would have been inferred
    tags = assign_tags(found, stated=stated)
    assert tags[0] == ()  # the person's tags are used instead: nothing is inferred (or spent) for that article
    assert tags[1:] == alone[1:]  # and they still count as naming that article
