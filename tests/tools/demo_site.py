"""A demo archive for screenshots, Lighthouse and the theme tests: built in a temp folder, served on 127.0.0.1.

The sample seed of the repository plus either the dev corpus in ../shared/corpus/id-dev (copied only into the temp
folder) or a few synthetic articles: those when the corpus is not there, and for anything committed (screenshots),
since the corpus's text must not end up in the repository.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "id-dev"

SYNTHETIC = {
    "banjir.md": """---
title: Banjir merendam ratusan rumah di tepian Sungai Musi
date: 2024-09-24
tags: [Banjir, Palembang, Cuaca]
place: Palembang
outlet: koranpalpres.com
---
Hujan deras sejak Senin malam membuat Sungai Musi meluap dan merendam ratusan rumah warga di tiga kecamatan.
Air setinggi lutut orang dewasa masih menggenangi jalan kampung hingga Selasa siang.

"Kami sudah mengungsikan warga lanjut usia dan anak-anak ke balai kelurahan," kata seorang petugas
Badan Penanggulangan Bencana Daerah yang ditemui di lokasi.

Badan Meteorologi memperkirakan hujan dengan intensitas sedang hingga lebat masih akan turun dalam tiga hari ke
depan. Warga diminta mewaspadai banjir susulan, terutama di permukiman yang berada di bantaran sungai.

Pemerintah kota menyiapkan dapur umum dan pos kesehatan di dua titik pengungsian. Bantuan berupa makanan siap saji,
selimut dan air bersih mulai disalurkan sejak pagi.

Baca juga: Sekolah darurat dibuka bagi anak-anak pengungsi banjir
""",
    "jembatan.md": """---
title: Jembatan Ampera dicat ulang menjelang ulang tahun kota
date: 2024-09-20
tags: [Palembang, Infrastruktur]
place: Palembang
outlet: koranpalpres.com
---
Pengecatan ulang jembatan bersejarah itu memakan waktu dua minggu dan dikerjakan pada malam hari agar tidak
mengganggu lalu lintas.
""",
    "pasar.md": """---
title: Harga cabai di pasar tradisional turun setelah panen raya
date: 2024-08-12
tags: [Ekonomi, Pasar]
place: Lahat
outlet: sumeks.co
---
Pedagang di pasar tradisional menyebut harga cabai merah turun hampir separuh dalam sepekan terakhir.
""",
    "sekolah.md": """---
title: Sekolah darurat dibuka bagi anak-anak pengungsi banjir
date: 2024-09-23
tags: [Banjir, Pendidikan]
place: Palembang
outlet: koranpalpres.com
---
Relawan membuka kelas darurat di balai kelurahan agar anak-anak pengungsi tetap bisa belajar.
""",
}


def build(work: Path, *, corpus: bool = True, language: str = "id", base_url: str = "http://127.0.0.1/") -> Path:
    """Build the demo archive in `work` (seeds/, site.yml) and return its output folder.

    With `corpus` false, or without the dev corpus, the synthetic articles stand in for it.
    """
    seeds = work / "seeds"
    if seeds.exists():
        shutil.rmtree(seeds)
    seeds.mkdir(parents=True)
    for sample in sorted((ROOT / "seeds").iterdir()):
        if sample.is_file():
            shutil.copy(sample, seeds / sample.name)
    if corpus and DEV_CORPUS.is_dir():
        for path in sorted(DEV_CORPUS.glob("*.txt")):
            shutil.copy(path, seeds / path.name)
    else:
        for name, text in SYNTHETIC.items():
            (seeds / name).write_text(text, encoding="utf-8")
    # the repository's site.yml with its language and base_url replaced (a repeated key would be an error)
    config = (ROOT / "site.yml").read_text(encoding="utf-8")
    lines = [line for line in config.splitlines() if not line.startswith(("language:", "base_url:"))]
    lines += [f"language: {language}", f"base_url: {base_url}"]
    (work / "site.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--clean"], cwd=work, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"arsip build failed:\n{done.stdout}\n{done.stderr}")
    return work / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return None


@contextlib.contextmanager
def serve(directory: Path, port: int = 0) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (any free port by default); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_article(site: Path) -> str:
    """Site path of the newest article that has a dateline place, or else any article."""
    articles = sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html"), reverse=True)
    if not articles:
        raise RuntimeError(f"no article pages in {site}")
    chosen = next((p for p in articles if 'class="place"' in p.read_text(encoding="utf-8")), articles[0])
    return "/" + chosen.parent.relative_to(site).as_posix() + "/"
