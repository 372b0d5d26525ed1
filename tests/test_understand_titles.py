"""Titles written from the lead: headline style, glued words mended, cut at a natural boundary."""

from generator.understand.glue import split_glued, word_counts
from generator.understand.headline import headline_style
from generator.understand.titles import lead_sentence, sentences, title_from_lead
from generator.understand.verbs import bare_verb

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
