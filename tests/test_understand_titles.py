"""Titles written from the lead: headline style, glued words mended, cut at a natural boundary."""

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


def test_an_aside_between_subject_and_verb_is_left_out_and_a_name_beats_a_description():
    assert headline_style("PN Palu, Sulteng, menerima permohonan praperadilan jurnalis", {}) == (
        "PN Palu terima permohonan praperadilan jurnalis"
    )
    assert headline_style("Lamine Yamal, bintang muda Barcelona, dikabarkan menjalin hubungan", {}) == (
        "Lamine Yamal dikabarkan jalin hubungan"
    )
    sentence = "Pabrikan mobil asal Korea, Hyundai, sedang menyiapkan mobil listrik baru untuk pasar Asia"
    assert headline_style(sentence, {}) == "Hyundai siapkan mobil listrik baru untuk pasar Asia"
    assert headline_style("Pemain muda Persib, Budi Santoso mencetak dua gol ke gawang Vietnam", {}) == (
        "Budi Santoso cetak dua gol ke gawang Vietnam"
    )
    # A comma after an opening phrase is no aside: nothing is taken out.
    assert headline_style("Di balik gemerlap kota, lalu lintas, dan pasar, masih banyak warga miskin", {}) == (
        "Di balik gemerlap kota, lalu lintas, dan pasar, masih banyak warga miskin"
    )


def test_a_long_speaker_gives_way_to_what_was_said_a_short_one_stays():
    long_speaker = "Kepala Dinas Kesehatan Kota Bandung Ahmad Yani mengatakan vaksinasi campak dimulai bulan depan"
    assert headline_style(long_speaker, {}) == "Vaksinasi campak dimulai bulan depan"
    assert headline_style("Panglima TNI mengatakan prajurit harus netral dalam pemilu", {}) == (
        "Panglima TNI: prajurit harus netral dalam pemilu"
    )
    assert headline_style("Gojek menegaskan, pengemudi yang viral itu sudah diblokir", {}) == (
        "Gojek: pengemudi yang viral itu diblokir"
    )
    # `menegaskan komitmennya` has an object, not a report.
    assert headline_style("Bupati menegaskan komitmennya untuk membangun jalan desa", {}) == (
        "Bupati tegaskan komitmennya bangun jalan desa"
    )
    said = "Commerce Secretary Malcolm Baldrige said the United States would impose sanctions on chip exports"
    assert headline_style(said, {}) == "Malcolm Baldrige: United States to impose sanctions on chip exports"
    unnamed = "A top Iranian military official said the attack had involved the United States in a war"
    assert headline_style(unnamed, {}) == "Attack involved United States in war"


def test_short_forms_replace_only_the_words_they_stand_for():
    assert headline_style("Menteri Energi dan Sumber Daya Mineral (ESDM) Bahlil Lahadalia meresmikan kilang", {}) == (
        "Menteri ESDM Bahlil Lahadalia resmikan kilang"
    )
    assert headline_style("Kepala Kepolisian Republik Indonesia (Kapolri) meninjau lokasi banjir", {}) == (
        "Kapolri tinjau lokasi banjir"
    )
    assert headline_style("Ketua Komisi Pemilihan Umum (KPU) menetapkan jadwal", {}) == "Ketua KPU tetapkan jadwal"
    assert headline_style("PT Blue Bird Tbk (BIRD) membagikan dividen tunai", {}) == (
        "Blue Bird (BIRD) bagikan dividen tunai"  # a ticker clipped from one word is no short form
    )
    assert headline_style("Kemendagri mendesak kepala daerah menertibkan organisasi masyarakat (ormas)", {}) == (
        "Kemendagri desak kepala daerah tertibkan ormas"
    )
    sentence = "Mantan direktur utama (dirut) BUMD Majalengka, berinisial DS, ditetapkan sebagai tersangka"
    assert headline_style(sentence, {}) == "Mantan dirut BUMD Majalengka ditetapkan sebagai tersangka"


def test_dropped_words_stay_in_names_and_needs():
    assert headline_style("Gubernur Jawa Tengah meninjau pengungsi dari Timur Tengah", {}) == (
        "Gubernur Jawa Tengah tinjau pengungsi dari Timur Tengah"
    )
    assert headline_style("The United States warned Iran that it was ready to retaliate", {}) == (
        "United States warned Iran that it was ready to retaliate"
    )
    assert headline_style("The plan will almost certainly have to be referred to a summit", {}) == (
        "Plan will almost certainly have to be referred to summit"
    )


def test_headline_compression_of_purpose_now_possessive_and_emptied_date_spans():
    assert headline_style("Pemerintah tengah menyiapkan jurus terpadu untuk menekan angka kemiskinan", {}) == (
        "Pemerintah siapkan jurus terpadu tekan angka kemiskinan"
    )
    assert headline_style("ASN kini bisa bekerja dari rumah, sesuai gaya masa kini", {}) == (
        "ASN bisa bekerja dari rumah, sesuai gaya masa kini"
    )
    assert headline_style("Katy Perry dan Orlando Bloom telah mengakhiri pertunangan mereka", {}) == (
        "Katy Perry dan Orlando Bloom mengakhiri pertunangan"
    )
    assert headline_style("Harga Bitcoin sedikit menurun pada Sabtu lalu setelah menyentuh rekor", {}) == (
        "Harga Bitcoin sedikit menurun setelah sentuh rekor"
    )
    fair = "Jakarta Fair 2025 digelar mulai hari ini, Kamis (19/6/2025) hingga Minggu (13/7/2025) di JIExpo"
    assert headline_style(fair, {}) == "Jakarta Fair 2025 digelar di JIExpo"
    assert headline_style("BPJPH mengeluarkan pernyataan yang mengagetkan pada 21 April 2025", {}) == (
        "BPJPH keluarkan pernyataan yang mengagetkan"
    )


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
