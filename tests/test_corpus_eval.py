"""Issue 3's targets, measured on the real dev corpus (read in place from ../shared/corpus, never copied)."""

import os
from pathlib import Path

import pytest

from tests.corpus_eval import evaluate, misses

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def figures():
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the dev corpus is required in CI but missing at {CORPUS}")
        pytest.skip(f"dev corpus not found at {CORPUS} (it lives beside the repository, not in it)")
    return evaluate(CORPUS)


def test_inference_meets_the_issue_targets_on_the_dev_corpus(figures):
    assert not misses(figures["all"])


def test_no_wrong_link_no_furniture_and_no_teaser_left_in_any_set(figures):
    for name in ("id-dev", "en-dev"):
        assert figures[name]["teasers_wrongly_linked"] == 0
        assert figures[name]["simulated_teasers_wrongly_linked"] == 0
        assert figures[name]["furniture_lines_left"] == 0
        assert figures[name]["teasers_left_in_body"] == 0


def test_titles_meet_the_target_in_each_language(figures):
    assert figures["all"]["title_rouge1_f1"] >= 0.30
    for name in ("id-dev", "en-dev"):
        assert figures[name]["title_rouge1_f1"] >= 0.29


def test_absent_articles_teasers_link_no_more_often_than_measured(figures):
    # 8 measured, each to a second report of the same event (README, "Inference quality"); 0 is the aim.
    assert figures["all"]["simulated_absent_target_linked"] <= 8
