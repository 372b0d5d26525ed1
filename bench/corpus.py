"""A deterministic synthetic news corpus, written as Arsip, Hugo and Pelican sources with the same content.

Article `i` depends only on `i`, so the 1,000-article corpus is the first 1,000 of the 10,000-article one.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Word lists as text blocks: easier to read and extend than a few hundred quoted strings.
WORDS = """
yang dan di ke dari untuk dengan pada dalam ini itu akan telah sudah juga tidak bisa dapat lebih sangat
masyarakat pemerintah daerah kota kabupaten provinsi warga kegiatan program pembangunan jalan jembatan
sekolah rumah sakit pasar harga beras minyak pupuk petani nelayan pedagang pegawai guru siswa mahasiswa
polisi tentara jaksa hakim pengadilan kejaksaan kepolisian anggaran dana bantuan sosial ekonomi politik
pemilihan calon pasangan partai suara tahapan penetapan pengamanan operasi kunjungan rapat koordinasi
laporan data jumlah persen ribu juta miliar rupiah tahun bulan pekan hari pagi siang sore malam lokasi
wilayah kecamatan desa kelurahan sungai banjir hujan kemarau kebakaran lahan hutan asap kesehatan
pendidikan olahraga pertandingan tim pemain pelatih kejuaraan turnamen festival budaya wisata pengunjung
kendaraan lalu lintas kecelakaan korban petugas relawan tersangka barang bukti kasus penyelidikan
pemeriksaan saksi keterangan menurut mengatakan menjelaskan menambahkan mengungkapkan meminta mengajak
berharap memastikan melaksanakan menyelenggarakan mengikuti menghadiri menerima memberikan menyerahkan
meningkatkan menurunkan membangun memperbaiki mengawasi menangani menyampaikan mendukung melanjutkan
baru besar kecil tinggi rendah cepat lambat aman damai tertib kondusif penting utama khusus umum terpadu
serentak bersama secara langsung sejak hingga selama setelah sebelum ketika sementara namun karena agar
sehingga apabila bahwa oleh para semua setiap beberapa banyak sedikit sekitar hampir mulai kembali
""".split()  # noqa: SIM905

PLACES = """
Palembang Jakarta Medan Surabaya Bandung Makassar Semarang Yogyakarta Denpasar Pontianak Banjarmasin
Samarinda Manado Padang Pekanbaru Jambi Bengkulu Lampung Serang Mataram Kupang Ambon Jayapura Kendari
Palu Gorontalo Mamuju Ternate Sorong Batam Prabumulih Lubuklinggau Pagaralam Baturaja Lahat Muara Enim
""".split()  # noqa: SIM905

TOPICS = """
Pilkada Polda Pemkot Pemprov DPRD Bupati Gubernur Wali Kota Kapolda Kejati KPK Bawaslu KPU BPBD Dinkes
Disdik Inflasi Banjir Karhutla Narkoba Korupsi Stunting Sepak Bola Pariwisata UMKM Pertanian Perikanan
Infrastruktur Pendidikan Kesehatan Lalu Lintas Ramadan Lebaran Natal Pemilu Bansos Tol Bandara Pelabuhan
""".split()  # noqa: SIM905

OUTLETS = ["KORANPALPRES.COM", "SUMEKS.CO", "KABARDAERAH.COM", "BERITANUSA.ID", "WARTAKOTA.NET", "INFORAKYAT.COM"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
FIRST_DAY = date(2019, 1, 1)
DAYS = (date(2024, 12, 31) - FIRST_DAY).days + 1
TAGS = TOPICS + PLACES + [f"{topic} {place}" for topic in TOPICS[:20] for place in PLACES[:6]]
# Zipf-like: a few tags name thousands of articles (long paginated tag pages), most name a few.
TAG_WEIGHTS = [1 / (rank + 1) for rank in range(len(TAGS))]


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    day: date
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]  # the first starts with the dateline


def _sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), rng.choice(PLACES + TOPICS))
    text = " ".join(words)
    if rng.random() < 0.15:
        return f'"{text[0].upper()}{text[1:]}," {rng.choice(["ujarnya", "katanya", "jelasnya"])}.'
    return f"{text[0].upper()}{text[1:]}."


def article(i: int) -> Article:
    """The i-th article of every corpus: about 400 to 800 words."""
    rng = random.Random(f"arsip-bench:{i}")
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    place = rng.choice(PLACES)
    title_words = [rng.choice(PLACES + TOPICS)] + rng.choices(WORDS, k=rng.randint(5, 10))
    title = " ".join(w[0].upper() + w[1:] for w in title_words)
    tags = tuple(dict.fromkeys(rng.choices(TAGS, weights=TAG_WEIGHTS, k=rng.randint(3, 5))))
    when = f"{WEEKDAYS[day.weekday()]} ({day.day}/{day.month}/{day.year})"
    lead = f"{place.upper()}, {rng.choice(OUTLETS)} - {_sentence(rng)[:-1]} pada {when}. {_sentence(rng)}"
    paragraphs = [lead]
    words, target = len(lead.split()), rng.randint(400, 800)
    while words < target:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    slug = "-".join(w.lower() for w in title_words[:6]) + f"-{i}"
    return Article(slug, title, day, tags, tuple(paragraphs))


def _arsip(a: Article) -> dict[str, str]:
    fields = {"title": a.title, "date": a.day.isoformat(), "slug": a.slug, "tags": list(a.tags)}
    sidecar = "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items())
    return {f"{a.slug}.txt": "\n".join(a.paragraphs) + "\n", f"{a.slug}.yml": sidecar}


def _hugo(a: Article) -> dict[str, str]:
    # Hugo has no date archives: year and month are taxonomies, the usual way to get them.
    front = {
        "title": a.title,
        "date": a.day.isoformat(),
        "slug": a.slug,
        "tags": list(a.tags),
        "years": [str(a.day.year)],
        "months": [a.day.strftime("%Y-%m")],
    }
    lines = "".join(f"{key}: {json.dumps(value)}\n" for key, value in front.items())
    return {f"{a.slug}.md": f"---\n{lines}---\n\n" + "\n\n".join(a.paragraphs) + "\n"}


def _pelican(a: Article) -> dict[str, str]:
    meta = f"Title: {a.title}\nDate: {a.day.isoformat()}\nSlug: {a.slug}\nTags: {', '.join(a.tags)}\n"
    return {f"{a.slug}.md": meta + "\n" + "\n\n".join(a.paragraphs) + "\n"}


FORMATS = {"arsip": _arsip, "hugo": _hugo, "pelican": _pelican}


def write_corpus(folders: dict[str, Path], n: int) -> None:
    """Write articles 0..n-1 into each generator's content folder, keyed by generator name."""
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a = article(i)
        for name, folder in folders.items():
            for filename, text in FORMATS[name](a).items():
                (folder / filename).write_text(text, encoding="utf-8")


def append_sentence(name: str, folder: Path, i: int, sentence: str) -> None:
    """Edit article i's body in one generator's sources: one more paragraph at the end."""
    a = article(i)
    path = folder / f"{a.slug}.{'txt' if name == 'arsip' else 'md'}"
    separator = "" if name == "arsip" else "\n"
    with path.open("a", encoding="utf-8") as f:
        f.write(f"{separator}{sentence}\n")
