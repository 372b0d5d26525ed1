"""The same article scraped twice is built once."""

from generator.draft import Draft, SourceLine
from generator.understand.duplicates import find_duplicates, paragraph_prints

LONG = [
    "Pemerintah kota meresmikan jembatan gantung baru yang menghubungkan dua kecamatan di tepi sungai besar.",
    "Jembatan sepanjang seratus meter itu dibangun selama delapan bulan dengan anggaran daerah tahun ini.",
    "Warga menyambut gembira karena waktu tempuh ke pasar dan sekolah kini jauh lebih singkat dari sebelumnya.",
]


def _draft(source, lines):
    return Draft(source, "text", tuple(SourceLine(t, n) for n, t in enumerate(lines, 1)), source)


def test_identical_and_near_identical_bodies_are_duplicates():
    drafts = [_draft("a.txt", LONG), _draft("b.txt", ["Advertisement", *LONG]), _draft("c.txt", [*LONG[:2], "Lain."])]
    assert find_duplicates(drafts) == [(0, 1), (0, 2)]


def test_different_articles_sharing_one_quote_are_not():
    other = [
        LONG[0],
        "Sebuah paragraf yang sama sekali berbeda tentang banjir yang melanda kawasan pesisir kota.",
        "Paragraf lain lagi tentang harga cabai yang naik tajam menjelang hari raya di pasar tradisional.",
    ]
    assert find_duplicates([_draft("a.txt", LONG), _draft("b.txt", other)]) == []


def test_fingerprints_made_by_worker_processes_are_the_same():
    drafts = [_draft(f"{n}.txt", [f"{line} Nomor {n % 700}." for line in LONG]) for n in range(2400)]
    alone = paragraph_prints(drafts)
    assert len(set(alone)) == 700  # each text's own prints (sources differ; texts repeat)
    assert paragraph_prints(drafts, jobs=2) == alone
