"""Issue 3's targets, measured on the real dev corpus (read in place from ../shared/corpus, never copied)."""

import os
from pathlib import Path

import pytest

from tests.corpus_eval import evaluate, misses

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
# Still below target on the dev set (see README, "Inference quality"); the rest must hold.
KNOWN_SHORT = {"simulated_teasers_linked"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def figures():
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the dev corpus is required in CI but missing at {CORPUS}")
        pytest.skip(f"dev corpus not found at {CORPUS} (it lives beside the repository, not in it)")
    return evaluate(CORPUS)


def test_inference_meets_the_issue_targets_on_the_dev_corpus(figures):
    failed = [m for m in misses(figures["all"]) if m.split(" = ")[0] not in KNOWN_SHORT]
    assert not failed, failed


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


def test_teaser_linking_is_no_worse_than_the_measured_baseline(figures):
    assert figures["all"]["simulated_teasers_linked"] >= 0.83  # 0.84 measured; 0.69 before opening-aware matching
    assert figures["all"]["simulated_absent_target_linked"] <= 7  # see README: near-same stories, still short
