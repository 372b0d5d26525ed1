"""Teaser headlines written in headline style still find the article whose lead tells the story, and only it."""

import pytest

from generator.understand.linking import forms, index_forms, index_leads, lead_forms, match_headline, words

ARRESTS = ("Polisi menangkap enam pengedar narkoba di Kota Tangerang selama operasi pekan lalu.",)
PERMITS = ("Pemerintah kota membatalkan izin tambang pasir di tepi Sungai Cisadane setelah protes warga.",)
SCHOOL = ("Sekolah di Kota Tangerang membuka jalur khusus bagi murid penyandang disabilitas tahun ini.",)
RAIN = ("Hujan deras merendam puluhan rumah di Kota Tangerang sejak pagi.",)
# Written for these tests, about made-up places and firms, in the shape of the outlets' stories.
POVERTY_LUBUK = (
    "LUBUK RAYA - Badan Pusat Statistik mencatat angka kemiskinan di Kota Lubuk Raya naik menjadi 9,2 persen.",
    "Minimnya lapangan kerja membuat banyak warga kota menganggur, kata kepala BPS setempat.",
)
POVERTY_TANJUNG = (
    "Pemerintah Kabupaten Tanjung Harapan menyiapkan tujuh langkah untuk menekan angka kemiskinan tahun ini.",
    "Langkah itu antara lain bantuan pangan murah dan pelatihan kerja bagi warga.",
)
HARBOURS = ("Pemerintah Provinsi Jawa Timur dan Bali sepakat membangun empat dermaga baru di sepanjang selat.",)
GLUED = ("Kenaikan harga pakan membuat peternakayam di Kabupaten Sidoarjo merugi, sementara hargatelur terus naik.",)
LISTING = (
    "PT Sinar Daya Makmur Tbk menargetkan dana segar Rp1,45 triliun dari penawaran umum perdana saham.",
    "Saham perseroan mulai diperdagangkan di bursa pada Selasa (12/3/2024).",
)
WHEAT = ("Korean flour mills bought about 60,000 tonnes of Brazilian wheat for April shipment, traders said.",)
DIVIDEND = ("Northgate Mining said it suspended payment of the quarterly dividend on its preferred stock.",)
CHILLI = ("Harga cabai rawit di Pasar Cinde naik dua kali lipat menjelang Lebaran.",)
CHILLI_ASIDE = (
    "Pedagang Pasar Cinde mengeluhkan sepinya pembeli sejak pasar direnovasi.",
    "Sementara itu harga cabai rawit naik dua kali lipat menjelang Lebaran, kata seorang pedagang.",
)
FAIR = ("Festival Kopi Nusantara 2024 resmi dibuka hari ini di Lapangan Merdeka dan berlangsung sepekan.",)
FAIR_AGAIN = ("Festival Kopi Nusantara 2024 resmi dibuka hari ini; pengunjung bisa datang naik bus gratis.",)
SIGNING = (
    "Klub asal Spanyol itu resmi merekrut gelandang muda asal Belanda dengan kontrak lima tahun.",
    "Pemain berusia 19 tahun itu diperkenalkan kepada pendukung di stadion pada Selasa.",
    "Pelatih menyebut rekrutan baru itu cocok dengan gaya bermain tim.",
    "Manajemen tidak menyebut nilai transfer.",
    "Kontrak diteken setelah tes medis.",
    "Gelandang bernama Joren Vermeulen itu sebelumnya bermain untuk Ajax Amsterdam.",
)
IN_PASSING = (
    "Pemerintah daerah menggelar rapat koordinasi bersama para camat.",
    "Rapat membahas jadwal kegiatan.",
    "Anggaran disiapkan.",
    "Para camat hadir.",
    "Rapat berjalan lancar.",
    "Di akhir rapat, bupati meresmikan pasar ikan higienis di Desa Sungsang yang dibangun dengan dana desa.",
)

KITES = (
    "Panitia mencatat ribuan pengunjung memadati Pantai Parangtritis pada hari pertama festival tahunan itu.",
    "Tahun ini peserta datang dari dua belas negara.",
    "Cuaca cerah dan angin kencang membuat acara meriah.",
)
FIRE = (
    "Kebakaran melanda Pasar Induk Jakabaring pada Minggu dini hari dan menghanguskan ratusan kios pedagang.",
    "Petugas pemadam mengerahkan dua belas unit mobil.",
    "Api baru padam menjelang subuh.",
    "Tidak ada korban jiwa.",
    "Polisi masih menyelidiki penyebabnya.",
)
BUSES = ("Dinas Perhubungan menyiapkan bus wisata gratis bagi penumpang yang naik dari terminal.",)


def _index(*extra):
    return index_leads(
        [("arrests.txt", ARRESTS, None, None), ("permits.txt", PERMITS, None, None),
         ("school.txt", SCHOOL, None, None), ("rain.txt", RAIN, None, None), *extra]
    )  # fmt: skip


def _archive():
    return _index(
        ("lubuk.txt", POVERTY_LUBUK, None, None),
        ("tanjung.txt", POVERTY_TANJUNG, None, None),
        ("harbours.txt", HARBOURS, None, None),
        ("glued.txt", GLUED, None, None),
        ("listing.txt", LISTING, None, None),
        ("wheat.txt", WHEAT, None, None),
        ("dividend.txt", DIVIDEND, None, None),
        ("in-passing.txt", IN_PASSING, None, None),
    )


def test_headline_verbs_and_passives_match_the_leads_me_verbs():
    assert match_headline("Polisi Tangkap 6 Pengedar Narkoba di Tangerang", _index()) == "arrests.txt"
    assert match_headline("Izin Tambang Pasir Cisadane Dibatalkan Usai Protes Warga", _index()) == "permits.txt"
    assert match_headline("Sekolah Buka Jalur Khusus Penyandang Disabilitas", _index()) == "school.txt"


def test_glued_case_in_the_headline_does_not_hide_its_words():
    assert match_headline("PolisiTangkap Pengedar Narkoba Tangerang", _index()) == "arrests.txt"


def test_headline_is_tolerant_of_case_punctuation_and_number_words():
    assert match_headline("POLISI TANGKAP ENAM PENGEDAR NARKOBA DI TANGERANG!!", _index()) == "arrests.txt"
    assert match_headline("TUJUH LANGKAH TANJUNG HARAPAN TEKAN KEMISKINAN", _archive()) == "tanjung.txt"


def test_derived_nouns_match_the_words_they_come_from():
    # `Pengangguran` and `menganggur` share `anggur`; `Kenaikan` and `naik`, `Kemiskinan` and `miskin` too.
    headline = "Kenaikan Angka Kemiskinan Lubuk Raya, Pengangguran Banyak"
    assert match_headline(headline, _archive()) == "lubuk.txt"


def test_abbreviated_names_match_the_names_written_out():
    assert match_headline("Jatim dan Bali Sepakat Bangun Empat Dermaga Baru", _archive()) == "harbours.txt"
    assert match_headline("Pemkab Tanjung Harapan Siapkan 7 Langkah", _archive()) == "tanjung.txt"


def test_words_glued_in_the_scraped_lead_still_count():
    assert match_headline("Harga Telur Naik, Peternak Ayam Sidoarjo Merugi", _archive()) == "glued.txt"


def test_amounts_and_dates_match_however_they_are_written():
    headline = "Sinar Daya Makmur Incar Dana Rp 1,45 Triliun, Melantai 12 Maret 2024"
    assert match_headline(headline, _archive()) == "listing.txt"


def test_english_inflections_and_nationalities_match():
    assert match_headline("KOREA BUYS 60,000 TONNES OF WHEAT FROM BRAZIL", _archive()) == "wheat.txt"


def test_the_index_keeps_the_lead_the_rest_of_the_body_and_the_opening():
    kept = lead_forms(SIGNING, "Vermeulen ke Spanyol")
    assert {"rekrut", "gelandang", "belanda", "diteken"} <= kept.lead  # the first paragraphs, in every form
    assert {"joren", "ajax", "amsterdam"} <= kept.rest and "vermeulen" in kept.lead  # the title counts as lead
    assert kept.opening[:4] == ("vermeulen", "spanyol", "klub", "asal")


def test_words_further_down_the_body_still_count():
    headline = "Klub Spanyol Rekrut Joren Vermeulen, Gelandang Belanda Eks Ajax"
    assert match_headline(headline, _index(("signing.txt", SIGNING, None, None))) == "signing.txt"


def test_a_story_only_mentioned_in_passing_far_down_an_article_links_nowhere():
    assert match_headline("Bupati Resmikan Pasar Ikan Higienis Desa Sungsang", _archive()) is None


def test_the_article_whose_opening_tells_the_story_wins_over_one_that_mentions_it():
    index = _index(("chilli.txt", CHILLI, None, None), ("aside.txt", CHILLI_ASIDE, None, None))
    assert match_headline("Harga Cabai Rawit di Pasar Cinde Naik Dua Kali Lipat Jelang Lebaran", index) == "chilli.txt"


def test_a_headline_sharing_only_the_place_links_nowhere():
    assert match_headline("Harga Cabai di Kota Tangerang Naik Jelang Lebaran", _index()) is None
    assert match_headline("Banjir Rob Rendam Pesisir Tangerang Utara", _index()) is None


def test_an_article_whose_story_is_absent_is_never_chosen_for_a_near_one():
    index = index_leads([("arrests.txt", ARRESTS, None, None), ("rain.txt", RAIN, None, None)])
    assert match_headline("Sekolah Buka Jalur Khusus Penyandang Disabilitas", index) is None


def test_same_topic_in_another_place_links_nowhere():
    archive = _index(("tanjung.txt", POVERTY_TANJUNG, None, None))
    assert match_headline("Angka Kemiskinan di Lubuk Raya Naik, Warga Banyak Menganggur", archive) is None
    archive = _index(("lubuk.txt", POVERTY_LUBUK, None, None))
    assert match_headline("Tujuh Langkah Pemkab Tanjung Harapan Tekan Kemiskinan", archive) is None


def test_same_kind_of_news_about_another_company_links_nowhere():
    assert match_headline("HARBOR OIL <HBO> SUSPENDS PREFERRED DIVIDENDS", _archive()) is None


def test_two_articles_telling_the_same_story_leave_the_headline_unlinked():
    index = _index(("fair.txt", FAIR, None, None), ("fair-again.txt", FAIR_AGAIN, None, None))
    assert match_headline("Festival Kopi Nusantara 2024 Resmi Dibuka Hari Ini", index) is None


def test_forms_a_headline_may_write_a_word_in():
    assert "buka" in forms("membuka")
    assert "buka" in forms("dibuka")
    assert "tiket" in forms("tiketnya")
    assert "miskin" in forms("kemiskinan")
    assert "tipu" in forms("penipuan")
    assert "soybean" in forms("soybeans")
    assert "japan" in forms("japanese")
    assert "brazil" in forms("brazilian")
    assert forms("kota") == ("kota",)


def test_forms_keep_the_verb_endings_that_change_the_meaning():
    assert "jalan" not in forms("jalani")  # `Jalani Operasi` (undergo) is not about a road
    assert "bagi" not in forms("bagikan")  # nor `Bagikan` (share) about `bagi` (for)


def test_words_are_written_the_same_way_in_headline_and_body():
    assert words("Rp 1,45 Triliun") == words("Rp1,45 triliun") == ["145", "triliun"]
    assert words("Tujuh Langkah") == ["7", "langkah"]
    assert words("19 Juni 2025") == words("(19/6/2025)") == ["19", "6", "2025"]
    assert words("FED'S JOHNSON") == ["fed", "johnson"]
    assert words("AKTORBukie Mansyur") == ["aktor", "bukie", "mansyur"]
    assert "tak" not in words("Tak Perlu Panik Usai HP Hilang")  # headline register for `tidak`, `setelah`


def test_a_headline_the_lead_words_differently_links_when_the_archive_knows_all_its_words():
    index = _index(("kites.txt", KITES, None, None), ("buses.txt", BUSES, None, None))
    # Little of it is in the lead (warga, kota, bus are elsewhere), but only the festival story holds its core.
    assert match_headline("Festival Parangtritis Hari Pertama, Warga Kota Datang Naik Bus", index) == "kites.txt"
    # The same with a word no article holds: it may be the particular of a story the archive lacks.
    assert match_headline("Festival Parangtritis Hari Pertama, Warga Kota Datang Naik Delman", index) is None


def test_a_headline_only_one_article_holds_the_rarest_words_of_links_despite_a_paraphrase():
    index = _index(("fire.txt", FIRE, None, None))
    # Told below the opening, with `bertahan` in no lead: still, only the fire story holds penyebab, api, subuh.
    assert match_headline("Polisi Selidiki Penyebab Api, Petugas Bertahan Hingga Subuh", index) == "fire.txt"
    # More than a fifth of it unknown to every lead: it may be another fire, told with its own particulars.
    assert match_headline("Polisi Selidiki Penyebab Api, Petugas Bertahan Hingga Larut", index) is None
    # Another article holding those words too: neither is named alone.
    again = ("Gudang di tepi kota terbakar semalam.", "Api padam menjelang subuh.", "Polisi menyelidiki penyebabnya.")
    index = _index(("fire.txt", FIRE, None, None), ("again.txt", again, None, None))
    assert match_headline("Polisi Selidiki Penyebab Api, Petugas Bertahan Hingga Subuh", index) is None


def test_an_index_made_for_some_headlines_matches_them_as_a_full_one_and_refuses_others():
    articles = [
        ("arrests.txt", ARRESTS, None, None), ("fire.txt", FIRE, None, None), ("kites.txt", KITES, None, None),
        ("buses.txt", BUSES, None, None), ("lubuk.txt", POVERTY_LUBUK, None, None),
    ]  # fmt: skip
    headlines = [
        "Polisi Selidiki Penyebab Api, Petugas Bertahan Hingga Subuh",
        "Festival Parangtritis Hari Pertama, Warga Kota Datang Naik Bus",
        "Angka Kemiskinan di Lubuk Raya Naik, Warga Banyak Menganggur",
    ]
    full = index_leads(articles)
    entries = [(source, lead_forms(paragraphs, title), title, outlet) for source, paragraphs, title, outlet in articles]
    made_for = index_forms(entries, headlines=headlines)
    assert len(made_for.postings) < len(full.postings) and made_for.frequency == full.frequency
    assert [match_headline(h, made_for) for h in headlines] == [match_headline(h, full) for h in headlines]
    assert match_headline(headlines[0], made_for) == "fire.txt"
    with pytest.raises(ValueError, match="not made for this headline"):
        match_headline("Harga Cabai Rawit Naik Jelang Lebaran", made_for)
