"""Titles written from the lead: headline style, glued words mended, cut at a natural boundary."""

import pytest

from generator.understand.glue import split_glued, word_counts
from generator.understand.headline import headline_style
from generator.understand.titles import lead_sentence, sentences, title_from_lead
from generator.understand.verbs import bare_verb, present_tense

COUNTS = {"narkoba": 5, "di": 50, "kota": 9, "polisi": 7, "ghazali": 4, "dan": 80, "alyssa": 3, "tni": 6,
          "jenderal": 5, "matahari": 4, "mata": 9, "hari": 20, "terima": 3, "pilih": 2, "mulai": 6, "pula": 8,
          "nilai": 5, "kata": 9, "menangkap": 3}  # fmt: skip


def test_day_phrases_auxiliaries_and_expansions_are_left_out():
    sentence = "Komisi Pemberantasan Korupsi (KPK) telah menetapkan dua tersangka pada Senin (16/6/2025) pagi"
    assert headline_style(sentence, COUNTS) == "KPK tetapkan dua tersangka"


def test_company_forms_and_english_attribution():
    assert headline_style("Raven Industries Inc said it purchased the unit for cash", {}) == (
        "Raven Industries purchased unit for cash"
    )
    assert headline_style("The bank said inflation is under control", {}) == "Bank: inflation under control"
    assert headline_style("Acme Co will open a plant next week", {}) == "Acme to open plant"


def test_a_scene_setting_opening_is_dropped_when_enough_remains():
    sentence = "Di tengah ambisi pemerintah membangun rumah, bank itu meminta pungutan dihapus segera"
    assert headline_style(sentence, {}).startswith("Bank itu")
    assert headline_style("Dalam rapat, KPU setuju", {}) == "Dalam rapat, KPU setuju"


def test_me_verbs_take_their_headline_form_only_when_they_are_transitive():
    assert bare_verb("menerima", "uang", COUNTS) == "terima"
    assert bare_verb("memilih", "tenis", COUNTS) == "pilih"
    assert bare_verb("memulai", "karier", COUNTS) == "mulai"  # `mulai` is a word, `pulai` is not
    assert bare_verb("menilai", "kinerja", COUNTS) == "nilai"
    assert bare_verb("mengatakan", "bahwa", COUNTS) == "katakan"
    assert bare_verb("membuka", "peluang", {}) == "buka"
    assert bare_verb("melemah", "pada", {}) == "melemah"  # intransitive: no object follows
    assert bare_verb("mereka", "datang", {}) == "mereka"
    assert bare_verb("mengambil", "alih", {}) == "mengambil"  # `ambil` or `kambil`: nothing tells, kept


def test_glued_words_are_split_only_into_common_words():
    assert split_glued("Polisimenangkap pengedar narkobadi Kota", COUNTS) == "Polisi menangkap pengedar narkoba di Kota"
    assert split_glued("Al Ghazalidan Alyssa", COUNTS) == "Al Ghazali dan Alyssa"
    assert split_glued("kriptoShiba", {}) == "kripto Shiba"
    assert split_glued("TNIJenderal Agus", COUNTS) == "TNI Jenderal Agus"
    assert split_glued("matahari terbit", COUNTS) == "matahari terbit"  # a common word itself
    assert split_glued("diketahui", {**COUNTS, "ketahui": 5}) == "diketahui"  # `di-` is a prefix here


def test_word_counts_read_glued_case_as_two_words():
    assert word_counts(["TNIdan kriptoShiba 2025"]) == {"tnidan": 1, "kripto": 1, "shiba": 1}


def test_sentences_do_not_end_at_initials_or_abbreviations():
    text = "U.S. Based retailer Acme said it grew. Mr. Smith agreed. Sales rose."
    assert list(sentences(text)) == ["U.S. Based retailer Acme said it grew.", "Mr. Smith agreed.", "Sales rose."]


def test_the_lead_sentence_is_not_a_quotation_or_a_reference_back():
    paragraphs = ('"Kami siap," kata Budi.', "Hal ini disampaikan Budi di Jakarta.", "Pemkot membuka jalur khusus.")
    assert lead_sentence(paragraphs) == "Pemkot membuka jalur khusus."


def test_long_titles_are_cut_at_a_clause_and_never_mid_word():
    lead = (
        "Pemerintah Kota Tangerang membuka jalur khusus penerimaan murid baru bagi penyandang disabilitas di "
        "seluruh sekolah negeri, sehingga akses pendidikan semakin merata bagi warga di tiga belas kecamatan kota"
    )
    title = title_from_lead((lead,))
    assert 40 <= len(title) <= 105
    assert title.startswith("Pemerintah Kota Tangerang buka jalur khusus")
    assert set(title.split()) <= set(lead.replace("membuka", "buka").replace(",", "").split())  # whole words only
    assert not title.endswith((" di", " dan", ","))
    assert title_from_lead(("",)) == ""


HEADLINE_STYLE = [
    # An aside between subject and verb is left out, and a name beats a description.
    (
        "aside",
        "PN Palu, Sulteng, menerima permohonan praperadilan jurnalis",
        "PN Palu terima permohonan praperadilan jurnalis",
    ),
    (
        "aside",
        "Lamine Yamal, bintang muda Barcelona, dikabarkan menjalin hubungan",
        "Lamine Yamal dikabarkan jalin hubungan",
    ),
    (
        "aside",
        "Pabrikan mobil asal Korea, Hyundai, sedang menyiapkan mobil listrik baru untuk pasar Asia",
        "Hyundai siapkan mobil listrik baru untuk pasar Asia",
    ),
    (
        "aside",
        "Pemain muda Persib, Budi Santoso mencetak dua gol ke gawang Vietnam",
        "Budi Santoso cetak dua gol ke gawang Vietnam",
    ),
    # A comma after an opening phrase is no aside: nothing is taken out.
    (
        "aside",
        "Di balik gemerlap kota, lalu lintas, dan pasar, masih banyak warga miskin",
        "Di balik gemerlap kota, lalu lintas, dan pasar, masih banyak warga miskin",
    ),
    # A long speaker gives way to what was said; a short one stays.
    (
        "speaker",
        "Kepala Dinas Kesehatan Kota Bandung Ahmad Yani mengatakan vaksinasi campak dimulai bulan depan",
        "Vaksinasi campak dimulai bulan depan",
    ),
    (
        "speaker",
        "Panglima TNI mengatakan prajurit harus netral dalam pemilu",
        "Panglima TNI: prajurit harus netral dalam pemilu",
    ),
    (
        "speaker",
        "Gojek menegaskan, pengemudi yang viral itu sudah diblokir",
        "Gojek: pengemudi yang viral itu diblokir",
    ),
    # `menegaskan komitmennya` has an object, not a report.
    (
        "speaker",
        "Bupati menegaskan komitmennya untuk membangun jalan desa",
        "Bupati tegaskan komitmennya bangun jalan desa",
    ),
    (
        "speaker",
        "Commerce Secretary Malcolm Baldrige said the United States would impose sanctions on chip exports",
        "Malcolm Baldrige: United States to impose sanctions on chip exports",
    ),
    (
        "speaker",
        "A top Iranian military official said the attack had involved the United States in a war",
        "Attack involved United States in war",
    ),
    # Short forms replace only the words they stand for.
    (
        "short-form",
        "Menteri Energi dan Sumber Daya Mineral (ESDM) Bahlil Lahadalia meresmikan kilang",
        "Menteri ESDM Bahlil Lahadalia resmikan kilang",
    ),
    (
        "short-form",
        "Kepala Kepolisian Republik Indonesia (Kapolri) meninjau lokasi banjir",
        "Kapolri tinjau lokasi banjir",
    ),
    ("short-form", "Ketua Komisi Pemilihan Umum (KPU) menetapkan jadwal", "Ketua KPU tetapkan jadwal"),
    # A ticker clipped from one word is no short form.
    ("short-form", "PT Blue Bird Tbk (BIRD) membagikan dividen tunai", "Blue Bird (BIRD) bagikan dividen tunai"),
    (
        "short-form",
        "Kemendagri mendesak kepala daerah menertibkan organisasi masyarakat (ormas)",
        "Kemendagri desak kepala daerah tertibkan ormas",
    ),
    (
        "short-form",
        "Mantan direktur utama (dirut) BUMD Majalengka, berinisial DS, ditetapkan sebagai tersangka",
        "Mantan dirut BUMD Majalengka ditetapkan sebagai tersangka",
    ),
    # Dropped words stay in names and needs.
    (
        "kept-words",
        "Gubernur Jawa Tengah meninjau pengungsi dari Timur Tengah",
        "Gubernur Jawa Tengah tinjau pengungsi dari Timur Tengah",
    ),
    (
        "kept-words",
        "The United States warned Iran that it was ready to retaliate",
        "United States warned Iran that it was ready to retaliate",
    ),
    (
        "kept-words",
        "The plan will almost certainly have to be referred to a summit",
        "Plan will almost certainly have to be referred to summit",
    ),
    # Compression: purpose, `kini`, possessives, emptied date spans.
    (
        "compression",
        "Pemerintah tengah menyiapkan jurus terpadu untuk menekan angka kemiskinan",
        "Pemerintah siapkan jurus terpadu tekan angka kemiskinan",
    ),
    (
        "compression",
        "ASN kini bisa bekerja dari rumah, sesuai gaya masa kini",
        "ASN bisa bekerja dari rumah, sesuai gaya masa kini",
    ),
    (
        "compression",
        "Katy Perry dan Orlando Bloom telah mengakhiri pertunangan mereka",
        "Katy Perry dan Orlando Bloom mengakhiri pertunangan",
    ),
    (
        "compression",
        "Harga Bitcoin sedikit menurun pada Sabtu lalu setelah menyentuh rekor",
        "Harga Bitcoin sedikit menurun setelah sentuh rekor",
    ),
    (
        "compression",
        "Jakarta Fair 2025 digelar mulai hari ini, Kamis (19/6/2025) hingga Minggu (13/7/2025) di JIExpo",
        "Jakarta Fair 2025 digelar di JIExpo",
    ),
    (
        "compression",
        "BPJPH mengeluarkan pernyataan yang mengagetkan pada 21 April 2025",
        "BPJPH keluarkan pernyataan yang mengagetkan",
    ),
]


@pytest.mark.parametrize(("kind", "sentence", "expected"), HEADLINE_STYLE)
def test_headline_style_without_archive_counts(kind: str, sentence: str, expected: str) -> None:
    assert headline_style(sentence, {}) == expected


def test_english_main_verb_takes_the_present_only_where_the_archive_shows_it():
    assert present_tense(" Sosnoff reduced his stake", {"reduce": 1}) == " Sosnoff reduces his stake"
    assert present_tense(" Japanese importers bought soybeans", {}) == " Japanese importers buy soybeans"
    assert present_tense(" The Mint received 17 offers", {"receiving": 1}) == " The Mint receives 17 offers"
    assert present_tense(" Endevco has agreed to acquire it", {"agrees": 1}) == " Endevco agrees to acquire it"
    assert present_tense(" Korea's surplus narrowed", {}) == " Korea's surplus narrowed"  # `narrow` unseen
    assert present_tense(" Two cranes donated by Danida arrived", {"donate": 1}) == (
        " Two cranes donated by Danida arrived"  # a passive participle, not the verb
    )
    assert present_tense(" Rugby was well placed", {"place": 1}) == " Rugby was well placed"


def test_glue_at_a_case_change_a_repeated_link_and_no_false_splits():
    counts = {"tengah": 9, "liga": 6, "a": 3, "ghazalidan": 2, "ghazali": 12, "dan": 80, "dari": 50, "pada": 60,
              "umum": 9, "kan": 5, "hubungan": 7, "per": 20, "with": 40, "out": 20, "menyebut": 30,
              "hak": 6}  # fmt: skip
    assert split_glued("DI TENGAHgempuran tren", counts) == "DI TENGAH gempuran tren"
    assert split_glued("Serie ALiga Italia", counts) == "Serie A Liga Italia"
    assert split_glued("Al Ghazalidan Alyssa", counts) == "Al Ghazali dan Alyssa"  # glued the same way twice
    assert split_glued("menyebuthak lintas", counts) == "menyebut hak lintas"
    for word in ("daripada", "umumkan", "perhubungan", "without"):  # words of their own
        assert split_glued(word, counts) == word


def test_the_lead_skips_the_end_of_a_quotation_and_a_reply_to_the_sentence_before():
    paragraphs = (
        '"Kami siap. Semua aman," kata Budi.',
        "Namun polisi belum menjelaskan.",
        "Pemkot membuka jalur khusus.",
    )
    assert lead_sentence(paragraphs) == "Pemkot membuka jalur khusus."
    assert list(sentences("Barcelona sepakat dengan Williams.Selanjutnya klub membayar. Di St.Petersburg ramai.")) == [
        "Barcelona sepakat dengan Williams.",
        "Selanjutnya klub membayar.",
        "Di St.Petersburg ramai.",
    ]


def test_a_title_never_ends_on_a_word_that_promises_more():
    lead = (
        "Kehilangan ponsel adalah kejadian yang membuat panik pemiliknya di mana saja dan kapan saja, apalagi "
        "jika di dalamnya tersimpan data penting seperti kontak, foto, pesan, dan aplikasi perbankan"
    )
    title = title_from_lead((lead,))
    assert title.startswith("Kehilangan ponsel adalah kejadian yang buat panik")
    assert not title.endswith(("jika", "apalagi", ",", "saja dan"))


def test_a_trailing_phrase_the_article_never_returns_to_is_trimmed():
    paragraphs = (
        "Pemkot Bogor membuka pasar murah beras dan minyak goreng di Alun-alun Kota Bogor selama sepekan penuh "
        "bersama puluhan pedagang dari kecamatan sekitar.",
        "Pasar murah Pemkot Bogor menjual beras dan minyak goreng di bawah harga pasar.",
        "Warga menyambut pasar murah itu; beras dan minyak goreng cepat habis, kata Pemkot Bogor.",
    )
    assert title_from_lead(paragraphs) == "Pemkot Bogor buka pasar murah beras dan minyak goreng"
