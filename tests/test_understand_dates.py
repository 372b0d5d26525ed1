"""Dates from the text: each written form, weekday checks, year from context, and null over wrong."""

from generator.draft import PartialDate
from generator.understand.dates import choose_date, gather, usual_years


def _date(*paragraphs: str, usual: int | None = None, dateline=None):
    return choose_date(gather(paragraphs, usual, dateline))


def test_weekday_with_numeric_date():
    assert _date("Kata dia, Jumat (20/6/2025).") == PartialDate(2025, 6, 20)


def test_weekday_with_short_date_takes_year_from_context():
    text = ("Rapat digelar Senin (16/6).", "Laporan terbit 1 Juni 2025 lalu.")
    assert _date(*text) == PartialDate(2025, 6, 16)


def test_weekday_with_short_date_takes_the_archive_year_when_text_has_none():
    assert _date("Rapat digelar Senin (16/6).", usual=2025) == PartialDate(2025, 6, 16)
    assert _date("Rapat digelar Senin (16/6).") is None


def test_weekday_with_written_month():
    assert _date("Acara dibuka Rabu, 18 Juni 2025, di Palembang.") == PartialDate(2025, 6, 18)
    assert _date("Kata Ade, Rabu siang, 18 Juni 2025.") == PartialDate(2025, 6, 18)


def test_weekday_that_disagrees_with_the_date_is_not_trusted():
    assert _date("Kata dia, Kamis (20/6/2025).") is None


def test_weekday_corrects_a_typo_in_the_year():
    assert _date("Di Labuan Bajo, Senin (13/10/3025).", usual=2025) == PartialDate(2025, 10, 13)


def test_range_names_its_last_day_and_a_plain_day_needs_repeating():
    text = ("Pengamanan 22 sampai 24 September 2024.", "Puncaknya 24 September 2024.")
    assert _date(*text) == PartialDate(2024, 9, 24)
    assert _date("Rapat 24 September 2024.", "Pengamanan 22 sampai 24 September 2024.") == PartialDate(2024, 9, 24)


def test_a_period_under_way_as_the_only_date_gives_its_month():
    for text in (
        "Pengamanan yang dilaksanakan dari tanggal 22 sampai 24 September 2024.",
        "Pameran digelar 20-23 Mei 2025 di Palembang.",
        "Operasi berlangsung 3 hingga 9 Maret 2025. Polisi menyiapkan 500 personel.",
    ):
        found = _date(text)
        assert found is not None and found.precision == "month", text
    assert _date("Pengamanan dari tanggal 22 sampai 24 September 2024.") == PartialDate(2024, 9)


def test_a_period_told_as_over_may_be_long_past_so_gives_no_date():
    # Written a month after the event, as a story looking back often is: neither its days nor its month.
    assert _date("Kegiatan itu telah sukses dilaksanakan pada 20-23 Mei 2025.") is None
    assert _date("Pameran digelar 20-23 Mei 2025 lalu.") is None
    assert _date("The fair was held from 3 to 6 March 1987.") is None


def test_a_period_beside_other_dates_gives_no_month_of_its_own():
    assert _date("Pameran digelar 20-23 Mei 2025.", "Pendaftaran dibuka 2 April 2025.") is None
    assert _date("Pameran digelar 20-23 Mei 2025.", "Laporan Juni 2025.") is None
    assert _date("Sidang 2 dan 3 Mei 2025.") is None  # two days named, not a span


def test_english_dateline_day_with_year_from_context():
    assert _date("The exchange said so.", usual=1987, dateline=(3, 6)) == PartialDate(1987, 3, 6)
    assert _date("Results for January 5, 1987 were weak.", dateline=(3, 6)) == PartialDate(1987, 3, 6)
    assert _date("Profit rose in 1986.", dateline=(3, 6)) is None  # a year the story recalls is not its year


def test_english_written_date():
    assert _date("It closed on Friday, March 6, 1987.") == PartialDate(1987, 3, 6)


def test_latest_story_day_within_a_week_is_the_publication_day():
    text = ("Ujar dia, Selasa (21/10/2025).", "Sebelumnya, Kamis (2/10), KPK memeriksa dia.", "Lalu Rabu (22/10/2025).")
    assert _date(*text) == PartialDate(2025, 10, 22)


def test_only_a_month_gives_month_precision():
    text = ("Program berjalan sejak Maret 2025.", "Evaluasi Maret 2025 menunjukkan hasil baik.")
    found = _date(*text)
    assert found == PartialDate(2025, 3) and found.precision == "month"


def test_no_date_is_better_than_a_guess():
    assert _date("Tidak ada tanggal di sini.") is None
    assert _date("Proyek dimulai pada 2019 dan selesai 2021.") is None


def test_usual_year_needs_agreement():
    assert usual_years([[2024, 2025], [2025], [2025], []]) == 2025
    assert usual_years([[2019], [2021], [2023], [2025]]) is None
