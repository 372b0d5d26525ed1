"""site.yml: a declared schema, validated before any work starts."""

from __future__ import annotations

from pathlib import Path

from generator.config import Config, load_config, parse_config

SEED = {"seeds/a.md": "---\ntitle: Halo\ndate: 2024-09-22\n---\nIsi.\n"}


def test_missing_config_gives_documented_defaults(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path / "site.yml")
    assert problems == []
    assert config == Config()
    assert (config.language, config.timezone, config.per_page) == ("id", "Asia/Jakarta", 20)
    assert (config.permalink, config.relative_urls, config.base_path) == ("/{year}/{month}/{day}/{slug}/", False, "/")


def test_empty_config_is_all_defaults() -> None:
    assert parse_config("# nothing set\n", "site.yml") == (Config(), [])


def test_base_url_path_is_kept_and_normalised() -> None:
    config, _ = parse_config("base_url: https://example.org/arsip\n", "site.yml")
    assert config is not None
    assert (config.base_url, config.base_path, config.origin) == (
        "https://example.org/arsip/",
        "/arsip/",
        "https://example.org",
    )


def test_unknown_key_is_reported_with_line_and_did_you_mean() -> None:
    config, problems = parse_config("title: Uji\nper_pgae: 5\n", "site.yml")
    assert config is None
    assert [str(p) for p in problems] == ["site.yml:2: error: unknown key `per_pgae` (did you mean `per_page`?)"]


def test_wrong_type_is_reported_with_key_and_line() -> None:
    config, problems = parse_config("title: Uji\n\nper_page: banyak\nrelative_urls: ya\n", "site.yml")
    assert config is None
    assert [(p.path, p.line) for p in problems] == [("site.yml", 3), ("site.yml", 4)]
    assert "`per_page` must be a whole number" in problems[0].message
    assert "`relative_urls` must be true or false" in problems[1].message


def test_unknown_language_and_timezone_are_refused() -> None:
    _, problems = parse_config("language: fr\ntimezone: Mars/Olympus\n", "site.yml")
    assert [p.line for p in problems] == [1, 2]


def test_unparsable_yaml_is_reported_with_file_and_line() -> None:
    config, problems = parse_config("title: Uji\ndescription: [tidak ditutup\nper_page: 3\n", "conf/site.yml")
    assert config is None
    assert len(problems) == 1
    assert problems[0].path == "conf/site.yml"
    assert problems[0].line in (2, 3)
    assert "invalid YAML" in problems[0].message


def test_config_with_bom_and_crlf_is_read(tmp_path: Path) -> None:
    (tmp_path / "site.yml").write_bytes(b"\xef\xbb\xbftitle: Uji\r\nper_page: 7\r\n")
    config, problems = load_config(tmp_path / "site.yml")
    assert problems == []
    assert config is not None and (config.title, config.per_page) == ("Uji", 7)


def test_bad_config_stops_with_status_2_and_leaves_site_untouched(build_files) -> None:
    first = build_files(SEED, config="title: Uji\n")
    assert first.status == 0
    (first.root / "site.yml").write_text("title: Uji\nlanguag: en\n")
    second = build_files.run(first.root)
    assert second.status == 2
    assert "site.yml:2: error: unknown key `languag` (did you mean `language`?)" in second.stderr
    assert second.files == first.files
    assert not list(first.root.glob(".site.staging-*"))


def test_explicit_missing_config_file_is_an_error(build_files) -> None:
    result = build_files(SEED, args=["--config", "nowhere.yml"])
    assert result.status == 2
    assert "nowhere.yml: error: configuration file not found" in result.stderr
    assert result.files == {}
