"""Teaser headlines link to the archive article they name, and never to a merely similar one."""

from generator.config import Config
from generator.draft import Draft, SourceLine, Stated
from generator.model import build_site
from generator.understand.article import understand
from generator.understand.corpus import archive_facts
from generator.understand.linking import index_leads, match_headline

BRIDGE = ("Wali kota meresmikan jembatan gantung baru di Desa Sukamaju yang menghubungkan dua kecamatan.",)
MARKET = ("Pedagang Pasar Cinde pindah ke gedung sementara selama renovasi pasar berlangsung tiga bulan.",)
FLOOD = ("Banjir merendam ratusan rumah warga di Kecamatan Ilir Barat setelah hujan deras semalaman.",)


def _index(outlet_of_a: str | None = None):
    return index_leads(
        [("a.txt", BRIDGE, None, outlet_of_a), ("b.txt", MARKET, None, None), ("c.txt", FLOOD, None, None)]
    )


def test_headline_links_to_the_article_it_names():
    assert match_headline("Jembatan Gantung Baru Desa Sukamaju Diresmikan Wali Kota", _index()) == "a.txt"


def test_headline_is_tolerant_of_case_and_punctuation():
    assert match_headline("PEDAGANG pasar cinde PINDAH ke gedung sementara!", _index()) == "b.txt"


def test_headline_about_something_else_links_nowhere():
    assert match_headline("Harga Cabai Naik Jelang Lebaran di Pasar Induk", _index()) is None
    assert match_headline("Banjir Rob Landa Pesisir Utara Jawa", _index()) is None  # same topic, another story


def test_teaser_never_links_to_its_own_article():
    assert match_headline("Jembatan Gantung Baru Desa Sukamaju Diresmikan", _index(), own="a.txt") is None


def test_teaser_of_a_known_outlet_links_only_within_that_outlet():
    index = index_leads([("a.txt", BRIDGE, None, "kompas.com"), ("b.txt", MARKET, None, "detik.com")])
    assert match_headline("Pedagang Pasar Cinde Pindah ke Gedung Sementara", index, own="a.txt") is None


def test_stated_title_matches_exactly_after_normalising():
    index = index_leads([("a.txt", BRIDGE, "Jembatan Baru, Akhirnya!", None)])
    assert match_headline("jembatan baru akhirnya", index) == "a.txt"


def _draft(source: str, *lines: str, **stated) -> Draft:
    return Draft(
        source,
        "text",
        tuple(SourceLine(t, n) for n, t in enumerate(lines, 1)),
        source,
        stated={k: Stated(v, "sidecar", source) for k, v in stated.items()},
    )


def test_teasers_become_related_links_in_the_site():
    drafts = [
        _draft(
            "a.txt",
            *BRIDGE,
            "BACA JUGA:Pedagang Pasar Cinde Pindah ke Gedung Sementara",
            "BACA JUGA:Kabar Lain Sama Sekali",
        ),
        _draft("b.txt", *MARKET),
        _draft("c.txt", *FLOOD),
    ]
    config = Config()
    corpus = archive_facts(drafts, config)
    facts = [understand(d, corpus, config) for d in drafts]
    site, _ = build_site(facts, config)
    by_source = {a.source: a for a in site.articles}
    related = by_source["a.txt"].related
    assert [r.headline for r in related] == [
        "Pedagang Pasar Cinde Pindah ke Gedung Sementara",
        "Kabar Lain Sama Sekali",
    ]
    assert related[0].url == by_source["b.txt"].url
    assert related[1].url is None
    assert by_source["a.txt"].paragraphs == BRIDGE


def test_a_teaser_headline_is_the_best_title_for_the_article_it_names():
    drafts = [
        _draft("a.txt", *BRIDGE, "Baca juga: Pedagang Pasar Cinde Pindah ke Gedung Sementara"),
        _draft("b.txt", *MARKET),
    ]
    corpus = archive_facts(drafts, Config())
    assert understand(drafts[1], corpus, Config()).title == "Pedagang Pasar Cinde Pindah ke Gedung Sementara"
    stated = _draft("b.txt", *MARKET, title="Judul dari Sidecar")
    assert understand(stated, archive_facts([drafts[0], stated], Config()), Config()).title == "Judul dari Sidecar"
