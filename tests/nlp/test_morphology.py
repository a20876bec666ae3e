"""The memoised morphology gives exactly what the model's attribute ruler and lemmatizer give."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from realpolitik.nlp.morphology import MemoisedMorphology
from realpolitik.nlp.pipeline import EXCLUDED, MODEL, load_nlp

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "wikinews.jsonl"

# Every kind of rule the ruler holds: the tag map, word exceptions, rules on the dependency label
# ("I" as subject and object, auxiliaries, "do"/"have" as main verbs) and multi-token rules
# ("there is", "gonna", "let's", "ain't", "y'all").
TEXTS = [
    "There is no deal. There were talks in Geneva, and there's hope.",
    "I'm gonna tell you: let's go, y'all. It ain't over, they said.",
    "Moscow did what it had to do; Seoul has warned it, and it has been warned.",
    "The ministers who met on Monday said that they'd rather not sign it.\n\nPutin  visited   Pyongyang.",
]


@pytest.fixture(scope="module")
def pipelines():
    original = spacy.load(MODEL, exclude=EXCLUDED)
    return original, load_nlp()


def _annotations(doc):
    return doc.to_array([TAG, DEP, HEAD, POS, MORPH, LEMMA]).tolist()


def test_the_pipeline_runs_the_memoised_component_instead_of_ruler_and_lemmatizer():
    names = load_nlp().pipe_names
    assert "memoised_morphology" in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


def test_same_pos_morphology_and_lemmas_as_the_model(pipelines):
    original, memoised = pipelines
    with CORPUS.open(encoding="utf-8") as handle:
        corpus = [json.loads(line)["text"] for line, _ in zip(handle, range(15))]
    texts = TEXTS + corpus
    # Twice: the first pass fills the memo, the second is served from it.
    for _ in range(2):
        for expected, got in zip(original.pipe(texts), memoised.pipe(texts)):
            assert _annotations(got) == _annotations(expected)


def test_multi_token_rules_apply_in_context(pipelines):
    _, memoised = pipelines
    doc = memoised("I ain't going, and we're gonna stay.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be" and lemmas["gon"] == "go" and lemmas["na"] == "to"


def test_memo_starts_again_past_its_cap(pipelines):
    original, _ = pipelines
    component = MemoisedMorphology(original.get_pipe("attribute_ruler"), original.get_pipe("lemmatizer"), max_keys=10)
    for text in TEXTS:
        expected = _annotations(original(text))
        with original.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
            doc = component(original(text))
        assert len(component._results) <= max(10, len(doc))
        assert _annotations(doc) == expected
