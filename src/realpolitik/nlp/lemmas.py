"""One spelling rule the model's rule lemmatizer gets wrong: a verb that drops a silent e.

For "hoped", "hoping" and "hopes" both "hope" and "hop" are verbs in the lemmatizer's index, and it
picks the shorter one, so "Ukraine hopes to sign" loses its intent and "staged a protest" becomes
"stag". English doubles the final consonant of a short stem before -ed and -ing ("hopped",
"stagged") and writes -s, not -es, after it ("hops"): a single consonant after a single vowel
before those endings belongs to a stem ending in e.
"""

from __future__ import annotations

from spacy.pipeline import Lemmatizer
from spacy.tokens import Token

_ENDINGS = ("ing", "ed", "es")
_VOWELS = set("aeiou")


def restore_silent_e(lemmatizer: Lemmatizer) -> Lemmatizer:
    """Wrap the lemmatizer's rule lookup so a verb keeps its silent e."""
    index = lemmatizer.lookups.get_table("lemma_index", {}).get("verb", {})
    lemmatize = lemmatizer.lemmatize

    def lemmatize_with_e(token: Token) -> list[str]:
        forms = lemmatize(token)
        if token.pos_ != "VERB" or not forms:
            return forms
        stem = forms[0]
        word = token.lower_
        with_e = stem + "e"
        if with_e in index and _drops_silent_e(word, stem):
            return [with_e, *(f for f in forms if f != with_e)]
        return forms

    lemmatizer.lemmatize = lemmatize_with_e
    return lemmatizer


def _drops_silent_e(word: str, stem: str) -> bool:
    """ "hoped" from "hop": the stem ends consonant-vowel-consonant and the ending follows it
    without a doubled consonant."""
    ending = word[len(stem) :]
    if ending not in _ENDINGS or len(stem) < 3:
        return False
    last, vowel, before = stem[-1], stem[-2], stem[-3]
    return last not in _VOWELS and last not in "wxy" and vowel in _VOWELS and before not in _VOWELS
