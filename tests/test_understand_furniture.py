"""Page furniture never reaches the body; genuine paragraphs always do."""

import pytest

from generator.config import Config
from generator.draft import Draft, SourceLine
from generator.understand.body import read_body, read_body_ref
from generator.understand.furniture import find_furniture


def _draft(*lines: str, source: str = "a.txt") -> Draft:
    return Draft(source, "text", tuple(SourceLine(t, n) for n, t in enumerate(lines, 1)), "x")


def _body(*lines: str, patterns: tuple[str, ...] = ()):
    draft = _draft(*lines)
    return read_body(draft, find_furniture([draft], patterns).is_furniture)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "SCROLL TO CONTINUE WITH CONTENT",
        "[Gambas:Video 20detik]",
        "[Gambas:Instagram]",
        "Saksikan Live DetikPagi:",
        "Simak Video 'Menteri Meninjau Jembatan Baru'",
        "Simak juga Video: Warga Antre Minyak Goreng",
        'Tonton juga video "Banjir di Kota" di sini:',
        "Lihat juga Video 'Petugas Memadamkan Api':",
        "Simak berita selengkapnya di halaman selanjutnya.",
        "Baca selengkapnyadi sini.",
        "Artikel ini telah naik didetikBali.",
    ],
)
def test_each_furniture_kind_is_dropped(line):
    body = _body("Warga berkumpul di alun-alun sejak pagi.", line, "Acara selesai pada sore hari.")
    assert body.paragraphs == ("Warga berkumpul di alun-alun sejak pagi.", "Acara selesai pada sore hari.")


def test_bare_baca_juga_is_dropped_and_headline_teaser_kept_apart():
    body = _body("Paragraf pertama cukup panjang.", "Baca Juga", "BACA JUGA:Jembatan Baru Dibuka", "Paragraf kedua.")
    assert body.paragraphs == ("Paragraf pertama cukup panjang.", "Paragraf kedua.")
    assert [t.headline for t in body.teasers] == ["Jembatan Baru Dibuka"]


def test_editor_initials_at_the_end_are_removed():
    body = _body("Paragraf pertama.", "Polisi masih menyelidiki kasus itu. (kha)")
    assert body.paragraphs[-1] == "Polisi masih menyelidiki kasus itu."
    alone = _body("Paragraf pertama.", "Paragraf terakhir.", "(ant/fjp)")
    assert alone.paragraphs == ("Paragraf pertama.", "Paragraf terakhir.")


def test_an_abbreviation_in_parentheses_is_not_initials():
    body = _body("Data berasal dari Badan Pusat Statistik (BPS)")
    assert body.paragraphs == ("Data berasal dari Badan Pusat Statistik (BPS)",)


def test_genuine_paragraphs_mentioning_furniture_words_are_kept():
    lines = ("Simak penjelasan lengkap menteri soal video itu, yang beredar sejak Senin.", "Iklan itu ditarik.")
    assert _body(*lines).paragraphs == lines


def test_site_patterns_from_config_are_furniture():
    config = Config(furniture_patterns=(r"Dapatkan berita pilihan.*",))
    body = _body("Isi berita.", "Dapatkan berita pilihan setiap hari", patterns=config.furniture_patterns)
    assert body.paragraphs == ("Isi berita.",)


def test_lines_repeated_across_many_seeds_are_furniture():
    drafts = [
        _draft(f"Isi berita nomor {n} yang unik.", "Ikuti kami di kanal resmi", source=f"{n}.txt") for n in range(5)
    ]
    facts = find_furniture(drafts)
    assert read_body(drafts[0], facts.is_furniture).paragraphs == ("Isi berita nomor 0 yang unik.",)


def test_lines_repeated_only_by_copies_of_one_article_are_kept():
    drafts = [_draft("Isi berita yang sama.", "Subjudul", source=f"{n}.txt") for n in range(5)]
    facts = find_furniture(drafts)
    assert "Subjudul" in read_body(drafts[0], facts.is_furniture).paragraphs


def test_articles_differing_only_in_long_paragraphs_are_distinct_seeds_for_furniture():
    long = "Paragraf panjang tentang kejadian nomor {} yang hanya ditulis oleh satu artikel saja di arsip ini."
    drafts = [_draft(long.format(n), "Ikuti kami di kanal resmi", source=f"{n}.txt") for n in range(5)]
    assert find_furniture(drafts).lines == frozenset({"ikuti kami di kanal resmi"})  # long lines never are


def test_a_body_told_by_its_draft_lines_gives_the_body_sharing_the_drafts_strings():
    draft = _draft(
        "PALEMBANG, KORANPALPRES.COM - Jembatan baru dibuka untuk warga.",
        "Advertisement",
        "Baca juga: Banjir merendam pasar",
        "Warga menyambut gembira jembatan itu.",
        "Pekerjaan selesai tepat waktu. (kha)",
    )
    ref = read_body_ref(draft, find_furniture([draft]).is_furniture)
    body = ref.body(draft)
    assert body.paragraphs == (
        "Jembatan baru dibuka untuk warga.",
        "Warga menyambut gembira jembatan itu.",
        "Pekerjaan selesai tepat waktu.",
    )
    assert (body.dateline.place, body.dateline.outlet, body.dateline.rest) == (
        "Palembang",
        "koranpalpres.com",
        body.paragraphs[0],
    )
    assert [t.headline for t in body.teasers] == ["Banjir merendam pasar"]
    assert ref.lines == ((0, "Jembatan baru dibuka untuk warga."), (3, None), (4, "Pekerjaan selesai tepat waktu."))
    assert body.paragraphs[1] is draft.lines[3].text  # an unchanged paragraph is the draft's own string
    assert read_body(draft, find_furniture([draft]).is_furniture) == body
    alone = _draft("(ant/fjp)")  # initials on a line of their own: dropped, and nothing is left
    assert read_body_ref(alone, find_furniture([alone]).is_furniture).body(alone).paragraphs == ()
