"""The archive analysis kept between builds gives exactly what computing it afresh gives, after any edit."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import replace

import pytest

from generator.config import Config
from generator.draft import Draft, SourceLine, Stated
from generator.understand.corpus import archive_facts
from generator.understand.tags import candidates, pack_candidates, unpack_candidates, word_case_counts

TEXTS = [
    "Polda Sumsel menyiagakan personel untuk Pilkada 2024. Kapolda Sumsel meminta warga tenang pada Senin.",
    "KPU Sumsel menetapkan calon Pilkada 2024 di Palembang. Polda Sumsel menjaga kantor KPU Sumsel.",
    "Presiden Prabowo Subianto meninjau Palembang. Prabowo Subianto bertemu KPU Sumsel dan Polda Sumsel.",
    "Prabowo Subianto membahas Pilkada 2024 bersama KPU Sumsel di Palembang pada Juni.",
    "Harga beras naik di Pasar Cinde. Pedagang Pasar Cinde menyebut pasokan dari Ogan Ilir berkurang.",
    "Banjir merendam Ilir Barat. Warga Ilir Barat mengungsi ke masjid. Sungai Musi meluap semalaman.",
]


class MemoryStore:
    """A build cache in memory."""

    def __init__(self) -> None:
        self.rows: dict[str, bytes] = {}

    def load_features(self, keys: Collection[str]) -> dict[str, bytes]:
        return {key: self.rows[key] for key in keys if key in self.rows}

    def store_features(self, rows: Mapping[str, bytes], keep: Collection[str] | None) -> None:
        self.rows.update(rows)
        if keep is not None:
            self.rows = {key: value for key, value in self.rows.items() if key in set(keep)}


def _draft(source: str, text: str, tags: list[str] | None = None) -> Draft:
    lines = tuple(SourceLine(line, n) for n, line in enumerate(text.split("\n"), start=1))
    stated = {"tags": Stated(tags, "sidecar", "x.yml")} if tags is not None else {}
    return Draft(source, "text", lines, hashlib.sha1(text.encode()).hexdigest(), stated=stated)


def _archive() -> list[Draft]:
    return [_draft(f"{n:02}.txt", text) for n, text in enumerate(TEXTS * 4)]


def _facts(drafts: list[Draft], store: MemoryStore | None) -> tuple[object, ...]:
    facts = archive_facts(drafts, Config(), store)
    return facts.tags, dict(facts.word_counts), facts.usual_year, facts.teaser_targets, facts.bodies


def test_sums_kept_between_builds_equal_sums_counted_afresh_after_every_kind_of_edit():
    store = MemoryStore()
    drafts = _archive()
    assert _facts(drafts, store) == _facts(drafts, None)
    before = archive_facts(drafts, Config()).tags
    # `Prabowo` said in lower case often enough becomes a common word: other articles' runs are read anew.
    drafts[5] = _draft("05.txt", TEXTS[5] + "\n" + " ".join(["prabowo"] * 40) + ".")
    assert _facts(drafts, store) == _facts(drafts, None)
    assert archive_facts(drafts, Config()).tags != before
    del drafts[7]
    drafts.append(_draft("99.txt", TEXTS[2]))
    drafts[3] = replace(drafts[3], source="03-renamed.txt")
    assert _facts(drafts, store) == _facts(drafts, None)
    drafts[1] = _draft("01.txt", TEXTS[1], tags=["Keamanan"])
    assert _facts(drafts, store) == _facts(drafts, None)


def test_every_article_stating_its_tags_gets_none_inferred_and_inference_resumes_later():
    store = MemoryStore()
    stated = [replace(d, stated={"tags": Stated(["Berita"], "sidecar", "x.yml")}) for d in _archive()]
    facts = archive_facts(stated, Config(), store)
    assert set(facts.tags.values()) == {()}
    stated[0], stated[6] = _archive()[0], _archive()[6]  # the same story twice: its tags name two articles
    assert _facts(stated, store) == _facts(stated, None)
    assert archive_facts(stated, Config(), store).tags["00.txt"]


def test_a_build_whose_kept_counts_are_lost_counts_afresh():
    store = MemoryStore()
    drafts = _archive()
    archive_facts(drafts, Config(), store)
    store.rows = {key: value for key, value in store.rows.items() if not key.endswith("+counts")}
    drafts[0] = _draft("00.txt", TEXTS[0] + "\nGubernur Sumsel ikut hadir.")
    assert _facts(drafts, store) == _facts(drafts, None)


def test_packed_candidates_unpack_to_equal_candidates():
    lower, upper = word_case_counts(TEXTS)
    for text in TEXTS:
        found = candidates((text,), lower, upper)
        assert unpack_candidates(pack_candidates(found)) == found


def test_damaged_rows_are_computed_again():
    store = MemoryStore()
    drafts = _archive()
    archive_facts(drafts, Config(), store)
    store.rows = {key: b"not a pickle" for key in store.rows}
    assert _facts(drafts, store) == _facts(drafts, None)


def test_the_analysis_can_be_cancelled_between_chunks_of_work():
    """A cancelled build (the preview's Ctrl-C) stops inside the analysis, not only after it."""
    drafts = [_draft(f"s{n:04d}.txt", f"Kalimat nomor {n} tentang banjir di Palembang hari ini.") for n in range(900)]
    seen: list[tuple[str, int, int]] = []

    class Cancelled(Exception):
        pass

    def progress(stage: str, done: int, total: int) -> None:
        seen.append((stage, done, total))
        raise Cancelled

    with pytest.raises(Cancelled):
        archive_facts(drafts, Config(), None, jobs=2, progress=progress)
    assert seen == [("analyse", 0, 900)]  # asked after the first chunk of work, in worker processes
