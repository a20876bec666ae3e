"""Candidate filtering skips the parser for sentences that cannot carry an event. It must not
change what is coded: the gold benchmarks score the same and a corpus slice codes identically."""

import json
from pathlib import Path

import pytest

from realpolitik.coder import Coder
from realpolitik.evaluate import evaluate_file
from realpolitik.records import Article

SHARED = Path(__file__).resolve().parents[3] / "shared"
BENCHMARKS = sorted((SHARED / "benchmarks").glob("*.jsonl"))


@pytest.fixture(scope="module")
def coders():
    return Coder(filtering=True), Coder(filtering=False)


@pytest.mark.parametrize("gold", BENCHMARKS, ids=lambda p: p.name)
def test_benchmark_scores_are_the_same_with_and_without_filtering(coders, gold):
    filtered, full = (evaluate_file(gold, coder=c) for c in coders)
    for metric in ("event_recall", "dyad_recall", "category_accuracy", "no_event_precision"):
        a, b = getattr(filtered, metric), getattr(full, metric)
        assert (a is None and b is None) or abs(a - b) <= 0.005, metric


def _slice(name: str, count: int) -> list[Article]:
    articles = []
    with open(SHARED / "corpus" / name, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            articles.append(Article(id=record["id"], text=record["text"], date=record.get("date")))
            if len(articles) == count:
                break
    return articles


@pytest.mark.parametrize("name, count", [("wikinews.jsonl", 40), ("current_events.jsonl", 300)])
def test_a_corpus_slice_codes_identically_with_and_without_filtering(coders, name, count):
    articles = _slice(name, count)
    filtered, full = (
        {json.dumps(r.to_dict(), sort_keys=True) for _, records in c.code_articles(articles) for r in records} for c in coders
    )
    assert filtered == full
    assert filtered  # the slice does contain events


def test_filtering_skips_sentences(coders):
    filtered, _ = coders
    before = dict(filtered.stats)
    list(filtered.code_articles(_slice("wikinews.jsonl", 20)))
    seen = filtered.stats["sentences"] - before["sentences"]
    parsed = filtered.stats["parsed"] - before["parsed"]
    assert 0 < parsed < 0.8 * seen


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("Iran praised the decision made in Samarra.", False),  # a town is no actor for praise
        ("Iran shelled villages near the town of Samarra.", True),  # ... but can be the target of force
        ("A car bomb killed two Iraqi soldiers in Samarra.", True),  # ... or the place of unnamed attackers
    ],
)
def test_a_town_counts_as_an_actor_only_for_acts_a_place_takes_part_in(coders, text, parsed):
    filtered, full = coders
    before = filtered.stats["parsed"]
    assert filtered.code(text) == full.code(text)
    assert (filtered.stats["parsed"] > before) is parsed


@pytest.mark.parametrize(
    "skipped, coded",
    [
        # "sit-in" is headed by "in"; "in" alone must not make every sentence a candidate.
        ("Iran praised the decision made in Isfahan.", "Iranian students staged a sit-in outside the Russian embassy."),
        # "be" codes only "on alert": a sentence with "is" and no alert word cannot carry that event.
        ("Iran is a large country.", "Iranian troops were on high alert."),
    ],
)
def test_a_trigger_word_counts_only_with_the_words_its_patterns_need(coders, skipped, coded):
    filtered, full = coders
    before = filtered.stats["parsed"]
    filtered.code(skipped)
    assert filtered.stats["parsed"] == before
    assert filtered.code(coded) == full.code(coded) != []
