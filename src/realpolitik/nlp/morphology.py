"""POS, morphology and lemmas from the model's own attribute ruler and lemmatizer, memoised.

The small English model ends with an ``attribute_ruler`` (tag map and exceptions, about 180
Matcher patterns tried at every token) and a rule ``lemmatizer``; together they cost about a third
of the parse time. A token's result from a single-token rule depends only on its form, tag and
dependency label, and its lemma only on its form, POS and morphology, so the result is computed by
the real components once per (form, tag, label) and copied onto later tokens with ``from_array``.
Rules that span several tokens ("there is", "gonna") are matched in context on every doc and
applied in the ruler's own order, so the output is the same as the two components'.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.pipeline.attributeruler import set_token_attrs
from spacy.tokens import Doc, Token

_INPUT = [ORTH, TAG, DEP]
_OUTPUT = [TAG, DEP, POS, MORPH, LEMMA]
# News vocabulary is Zipfian: a day of articles fills a few hundred thousand keys. Past the cap
# the memo starts again, which keeps a long run's memory flat.
MAX_KEYS = 200_000


class MemoisedMorphology:
    """Replaces ``attribute_ruler`` + ``lemmatizer`` in a loaded pipeline with the same results."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer, max_keys: int = MAX_KEYS) -> None:
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.max_keys = max_keys
        self.vocab = ruler.vocab
        self.single = Matcher(self.vocab, validate=False)
        self.context = Matcher(self.vocab, validate=False)
        for rule_id in range(len(ruler.attrs)):  # the ruler labels each rule with its order number
            label = str(rule_id)
            for pattern in ruler.matcher.get(label)[1]:
                (self.single if len(pattern) == 1 else self.context).add(label, [pattern])
        self._rules: dict[tuple[int, int, int], list[int]] = {}
        self._results: dict[tuple[int, int, int], tuple[int, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        features = doc.to_array(_INPUT)
        keys = [tuple(row) for row in features.tolist()]
        missing = list(dict.fromkeys(key for key in keys if key not in self._results))
        if len(self._results) + len(missing) > self.max_keys:
            self._rules.clear()
            self._results.clear()
            self.lemmatizer.cache.clear()
            missing = list(dict.fromkeys(keys))
        if missing:
            self._learn(missing)
        touched = self._context_rules(doc)  # matched before any attribute changes, as the ruler does
        rows = np.array([self._results[key] for key in keys], dtype="uint64")
        if touched:
            # Tokens inside a multi-token rule start again from their state before the ruler.
            inside = sorted(touched)
            rows[inside] = doc.to_array(_OUTPUT)[inside]
        doc.from_array(_OUTPUT, rows)
        for i, context_ids in touched.items():
            self._apply_in_context(doc[i], keys[i], context_ids)
        return doc

    def _learn(self, keys: list[tuple[int, int, int]]) -> None:
        """Run the real ruler and lemmatizer on a scratch doc holding one token per new key."""
        scratch = Doc(self.vocab, words=[self.vocab.strings[orth] for orth, _, _ in keys], spaces=[False] * len(keys))
        scratch.from_array([TAG, DEP], np.array([[tag, dep] for _, tag, dep in keys], dtype="uint64"))
        rules: list[list[int]] = [[] for _ in keys]
        for match_id, start, _ in self.single(scratch, allow_missing=True):
            rules[start].append(int(self.vocab.strings[match_id]))
        for token, key, rule_ids in zip(scratch, keys, rules):
            rule_ids.sort()
            self._rules[key] = rule_ids
            for rule_id in rule_ids:
                self._set(token, rule_id)
        self.lemmatizer(scratch)
        for key, row in zip(keys, scratch.to_array(_OUTPUT).tolist()):
            self._results[key] = tuple(row)

    def _context_rules(self, doc: Doc) -> dict[int, list[int]]:
        touched: dict[int, list[int]] = {}
        for match_id, start, end in self.context(doc, allow_missing=True):
            rule_id = int(self.vocab.strings[match_id])
            index = self.ruler.indices[rule_id]
            touched.setdefault(start + index if index >= 0 else end + index, []).append(rule_id)
        return touched

    def _apply_in_context(self, token: Token, key: tuple[int, int, int], context_ids: list[int]) -> None:
        """A token inside a multi-token rule: its single-token and context rules in rule order,
        then the lemmatizer."""
        for rule_id in sorted(self._rules[key] + context_ids):
            self._set(token, rule_id)
        if token.lemma == 0:
            token.lemma_ = self.lemmatizer.lemmatize(token)[0]

    def _set(self, token: Token, rule_id: int) -> None:
        set_token_attrs(token, self.ruler.attrs[rule_id])


@Language.factory("memoised_morphology")
def make_memoised_morphology(nlp: Language, name: str) -> MemoisedMorphology:
    return MemoisedMorphology(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def memoise_morphology(nlp: Language) -> Language:
    """Swap the pipeline's attribute ruler and lemmatizer for their memoised form."""
    nlp.add_pipe("memoised_morphology", last=True)
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return nlp
