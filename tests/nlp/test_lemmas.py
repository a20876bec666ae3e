"""The lemmatizer keeps a verb's silent e ("hoped" is "hope", "hopped" is "hop")."""

import pytest

from realpolitik.nlp.pipeline import load_nlp


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("hopes", "hope"), ("hoped", "hope"), ("hoping", "hope"), ("hopped", "hop"), ("staged", "stage"), ("waged", "wage"),
     ("visited", "visit"), ("planned", "plan"), ("singing", "sing"), ("voted", "vote")],
)
def test_verbs_keep_their_silent_e_and_doubled_consonants_mark_short_stems(word, lemma):
    doc = load_nlp()(f"They {word} it.")
    assert doc[1].lemma_ == lemma
