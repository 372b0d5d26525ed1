"""Teaser headlines written in headline style still find the article whose lead tells the story."""

from generator.understand.linking import forms, index_leads, match_headline

ARRESTS = ("Polisi menangkap enam pengedar narkoba di Kota Tangerang selama operasi pekan lalu.",)
PERMITS = ("Pemerintah kota membatalkan izin tambang pasir di tepi Sungai Cisadane setelah protes warga.",)
SCHOOL = ("Sekolah di Kota Tangerang membuka jalur khusus bagi murid penyandang disabilitas tahun ini.",)
RAIN = ("Hujan deras merendam puluhan rumah di Kota Tangerang sejak pagi.",)


def _index():
    return index_leads(
        [("arrests.txt", ARRESTS, None, None), ("permits.txt", PERMITS, None, None),
         ("school.txt", SCHOOL, None, None), ("rain.txt", RAIN, None, None)]
    )  # fmt: skip


def test_headline_verbs_and_passives_match_the_leads_me_verbs():
    assert match_headline("Polisi Tangkap 6 Pengedar Narkoba di Tangerang", _index()) == "arrests.txt"
    assert match_headline("Izin Tambang Pasir Cisadane Dibatalkan Usai Protes Warga", _index()) == "permits.txt"
    assert match_headline("Sekolah Buka Jalur Khusus Penyandang Disabilitas", _index()) == "school.txt"


def test_glued_case_in_the_headline_does_not_hide_its_words():
    assert match_headline("PolisiTangkap Pengedar Narkoba Tangerang", _index()) == "arrests.txt"


def test_a_headline_sharing_only_the_place_links_nowhere():
    assert match_headline("Harga Cabai di Kota Tangerang Naik Jelang Lebaran", _index()) is None
    assert match_headline("Banjir Rob Rendam Pesisir Tangerang Utara", _index()) is None


def test_an_article_whose_story_is_absent_is_never_chosen_for_a_near_one():
    index = index_leads([("arrests.txt", ARRESTS, None, None), ("rain.txt", RAIN, None, None)])
    assert match_headline("Sekolah Buka Jalur Khusus Penyandang Disabilitas", index) is None


def test_forms_a_headline_may_write_a_word_in():
    assert "buka" in forms("membuka")
    assert "buka" in forms("dibuka")
    assert "tiket" in forms("tiketnya")
    assert forms("kota") == ("kota",)
