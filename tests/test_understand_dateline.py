"""Each dateline shape is split into place and outlet; a sentence without one is left whole."""

import pytest

from generator.understand.dateline import split_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "outlet", "rest"),
    [
        (
            "PALEMBANG, KORANPALPRES.COM - Polisi menjaga kantor.",
            "Palembang",
            "koranpalpres.com",
            "Polisi menjaga kantor.",
        ),
        ("JAKARTA, KOMPAS.com-Panglima meninjau pos.", "Jakarta", "kompas.com", "Panglima meninjau pos."),
        ("NEW YORK, KOMPAS.com – Saham naik.", "New York", "kompas.com", "Saham naik."),
        ("Liputan6.com, Jakarta -PT Contoh membagi dividen.", "Jakarta", "liputan6.com", "PT Contoh membagi dividen."),
        ("Liputan6.com, Tel Aviv - Sirene berbunyi.", "Tel Aviv", "liputan6.com", "Sirene berbunyi."),
        ("Liputan6.com, JakartaHarga emas turun.", "Jakarta", "liputan6.com", "Harga emas turun."),
        ("TEMPO.CO,Jakarta-Menteri berbicara.", "Jakarta", "tempo.co", "Menteri berbicara."),
        ("KOMPAS.com -Di tengah hujan, warga antre.", None, "kompas.com", "Di tengah hujan, warga antre."),
        ("JAKARTA- PT Pupuk mengganti direksi.", "Jakarta", None, "PT Pupuk mengganti direksi."),
        ("LOS ANGELES-Penyanyi itu berpisah.", "Los Angeles", None, "Penyanyi itu berpisah."),
        ("WASHINGTON –Hasil laga keluar.", "Washington", None, "Hasil laga keluar."),
        ("Jakarta (ANTARA) - Harga beras stabil.", "Jakarta", "antara", "Harga beras stabil."),
    ],
)
def test_dateline_shapes_split_into_place_and_outlet(paragraph, place, outlet, rest):
    dateline = split_dateline(paragraph)
    assert (dateline.place, dateline.outlet, dateline.rest) == (place, outlet, rest)


def test_reuters_dateline_gives_place_and_day():
    dateline = split_dateline("MINNEAPOLIS, March 6 - The exchange will start trading.")
    assert (dateline.place, dateline.month, dateline.day) == ("Minneapolis", 3, 6)
    assert dateline.rest == "The exchange will start trading."


def test_reuters_dateline_keeps_the_region_as_written():
    dateline = split_dateline("BOCA RATON, Fla., April 27 - A banker said so.")
    assert dateline.place == "Boca Raton, Fla."
    assert (dateline.month, dateline.day) == (4, 27)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Jakarta-Ciwidey bisa ditempuh dengan kereta.",
        "KPK mengungkapkan alasan belum menahan tersangka.",
        "DI TENGAHgempuran tren olahraga, ia memilih tenis.",
        "Presiden tiba di Jakarta - kata juru bicara.",
        "BNI-nya sudah tutup.",
    ],
)
def test_sentence_without_dateline_is_left_whole(paragraph):
    dateline = split_dateline(paragraph)
    assert (dateline.place, dateline.outlet, dateline.rest) == (None, None, paragraph)


def test_rubric_label_is_not_a_place():
    dateline = split_dateline("INFO BISNIS– PT Bank Contoh membagi dividen.")
    assert dateline.place is None
    assert dateline.rest == "PT Bank Contoh membagi dividen."
