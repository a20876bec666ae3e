"""Finding dictionary names in a document, including names misspelt by one letter.

Wire copy misspells names ("Afganistan", "President Laurent Gbago", "Phillippines"), and an
analyst still reads them as the actor. ``NameMatcher`` finds every dictionary surface with spaCy's
``PhraseMatcher``; a capitalised word the dictionary does not know, one edit (SymSpell's
Damerau-OSA distance) from exactly one known name word with the same first letter, is read as
that word. Real names often differ by one letter (Radcliffe and Ratcliffe, Durbin and Durban),
so a respelt word counts only where that is unlikely: inside a longer name whose other words are
spelt right ("Laurent Gbago"), or alone as a long name of a state, people or organisation
("Afganistan", "Chenchen") - never alone as a person or a town.

Gazetteer towns are matched too, but a town counts only in a place context that can be seen
before parsing ("in Samarra", "the town of Samarra", "Samarra province"): most gazetteer names
are also surnames or words. The resolver and the candidate filter use the same matcher and the
same context rule, so filtering stays safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_TITLE, IS_UPPER, LENGTH, ORTH, SPACY
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from symspellpy import SymSpell, Verbosity

from realpolitik.actors.dictionary import CAPITAL, CITY, COUNTRY, DEMONYM, ORGANISATION, SEAT, TOWN, ActorDictionary

# A respelt word standing alone must be this long: short words have too many neighbours.
MIN_ALONE = 7
_ALONE_KINDS = {COUNTRY, DEMONYM, CAPITAL, SEAT, ORGANISATION}
_SENTENCE_OPENERS = {".", "!", "?", '"', "“", "'", "‘", ":", ";", "(", "-", "—", "–"}
# A respelt word inside a longer name whose other words are spelt right.
MIN_IN_NAME = 5
# Tokens a name reaches on either side of a respelt word.
NAME_REACH = 6
# Respellings remembered per process; the memo starts again when full.
MAX_MEMO = 100_000
# Prepositions that make their object a place: "in Moscow", "near Basra".
LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "outside", "inside", "around", "from", "throughout"})
# Words that put a town name just after them in a place: "in (the northern town of) Samarra".
LOCATIVE_WORDS = LOCATIVE_PREPS | {"of"}
LOCATIVE_REACH = 4
# Titles after which a lower-case word may still be a name: "President obama".
TITLE_WORDS = frozenset({"president", "minister", "premier", "chancellor", "senator", "governor", "king", "queen",
                         "prince", "general", "secretary", "ambassador", "mayor", "pope", "sheikh", "emir", "leader"})
# Nouns that make the name before or after them a place: "the town of Samarra", "Samarra province".
SETTLEMENT_NOUNS = {"town", "city", "village", "district", "province", "region", "port", "suburb", "outskirts",
                    "municipality", "county", "area", "neighbourhood", "neighborhood", "capital", "settlement"}


@dataclass(frozen=True)
class NameMatch:
    """A dictionary name in a document: its tokens and the dictionary surface it stands for."""

    span: Span
    surface: str


class NameSpeller:
    """The one known name word a misspelt capitalised word stands for, if there is exactly one.

    ``known`` words are never respelt; only ``targets`` are guessed at."""

    def __init__(self, targets: Iterable[str], known: Iterable[str] = ()) -> None:
        targets = frozenset(targets)
        self._known = targets | frozenset(known)
        self._symspell = SymSpell(max_dictionary_edit_distance=1, prefix_length=16)
        for word in targets:
            if _is_capitalised_word(word) and len(word) >= MIN_IN_NAME:
                self._symspell.create_dictionary_entry(word, 1)
        self._memo: dict[str, str | None] = {}

    def respell(self, word: str) -> str | None:
        if word in self._known or len(word) < MIN_IN_NAME or not _is_capitalised_word(word):
            return None
        if word in self._memo:
            return self._memo[word]
        found = self._symspell.lookup(word, Verbosity.ALL, max_edit_distance=1, transfer_casing=False)
        known = {s.term for s in found if s.distance == 1 and s.term[0] == word[0]}
        respelt = known.pop() if len(known) == 1 else None
        if len(self._memo) >= MAX_MEMO:
            self._memo.clear()
        self._memo[word] = respelt
        return respelt


class NameMatcher:
    """Every dictionary name in a document, longest first, misspellings included."""

    def __init__(self, vocab, dictionary: ActorDictionary) -> None:
        names = dictionary.names
        self.surfaces = list(names)
        self.towns = frozenset(s for s, entries in names.items() if all(e.kind == TOWN for e in entries))
        # Names that only ever stand for a place, never for an actor.
        self.places = frozenset(s for s, entries in names.items() if all(e.kind in (TOWN, CITY) for e in entries))
        self._matcher = PhraseMatcher(vocab, attr="ORTH")
        self._one_word_towns = np.zeros(0, dtype="uint64")
        curated_words = {w for s in self.surfaces if s not in self.towns for w in _words(s)}
        town_words = {w for s in self.towns for w in _words(s)}
        self.curated_words: frozenset[str] = frozenset(curated_words)
        # Towns are too many and too alike to guess at; they are only kept from being respelt.
        self.speller = NameSpeller(curated_words, known=town_words)
        self._known_ids = frozenset(vocab.strings.add(w) for w in curated_words | town_words)
        # Names a respelt word may stand for on its own.
        self._alone = frozenset(
            s for s, entries in names.items() if len(s) >= MIN_ALONE and " " not in s and all(e.kind in _ALONE_KINDS for e in entries)
        )

    def build(self, nlp) -> None:
        """Compile the phrase patterns (once per process). One-word towns, tens of thousands of
        them, are looked up by their string id instead: making a pattern doc of each would cost
        seconds at every start."""
        one_word = {s for s in self.towns if s.isalpha()}
        self._matcher.add("ACTOR", [nlp.make_doc(s) for s in self.surfaces if s not in one_word])
        self._one_word_towns = np.sort(np.fromiter((nlp.vocab.strings.add(s) for s in one_word), dtype="uint64", count=len(one_word)))

    def __call__(self, doc: Doc) -> list[NameMatch]:
        spans = [doc[b:e] for _, b, e in self._matcher(doc)] + [doc[i : i + 1] for i in self._one_word_towns_in(doc)]
        surfaces = {(span.start, span.end): span.text for span in spans}
        respelt = self._respellings(doc)
        for start, read in self._respelt_windows(doc, respelt):
            for _, b, e in self._matcher(read):
                if any(i in respelt for i in range(start + b, start + e)):
                    spans.append(doc[start + b : start + e])
                    surfaces[start + b, start + e] = read[b:e].text
        credible = [span for span in spans if self._credible(span, surfaces[span.start, span.end], respelt)]
        return [NameMatch(span, surfaces[span.start, span.end]) for span in filter_spans(credible)]

    def _respelt_windows(self, doc: Doc, respelt: dict[int, str]):
        """Each stretch of the text around respelt words, as a doc with the words respelt."""
        strings = doc.vocab.strings
        orth = doc.to_array(ORTH).tolist()
        spaces = doc.to_array(SPACY).astype(bool).tolist()
        for start, end in _merged((max(0, i - NAME_REACH), min(len(doc), i + NAME_REACH + 1)) for i in sorted(respelt)):
            words = [respelt.get(i) or strings[orth[i]] for i in range(start, end)]
            yield start, Doc(doc.vocab, words=words, spaces=spaces[start:end])

    def _one_word_towns_in(self, doc: Doc) -> list[int]:
        if not len(doc):
            return []
        return np.flatnonzero(in_sorted(doc.to_array(ORTH).astype("uint64"), self._one_word_towns)).tolist()

    def _respellings(self, doc: Doc) -> dict[int, str]:
        if not len(doc):
            return {}
        columns = doc.to_array([IS_TITLE, LENGTH, ORTH, IS_LOWER, IS_UPPER, IS_ALPHA]).astype("uint64")
        capitalised = np.flatnonzero((columns[:, 0] == 1) & (columns[:, 1] >= MIN_IN_NAME)).tolist()
        orth = columns[:, 2].tolist()
        respelt = {
            i: word
            for i in capitalised
            if orth[i] not in self._known_ids and not _may_open_sentence(doc[i]) and (word := self.speller.respell(doc[i].text))
        }
        respelt.update(self._recased(doc, columns))
        return respelt

    def _recased(self, doc: Doc, columns: np.ndarray) -> dict[int, str]:
        """A name written in lower case after a title ("President obama" is Obama), or with the
        shift key slipped ("rUssia" is Russia). The spelling is right, so the word needs no other
        word to vouch for it."""
        titles = np.flatnonzero(columns[:-1, 0] == 1).tolist()
        found = {}
        for i in titles:
            word = doc[i + 1].text
            if doc[i].lower_ in TITLE_WORDS and word.islower() and word.isalpha() and (name := word.capitalize()) in self.curated_words:
                found[i + 1] = name
        mixed = np.flatnonzero((columns[:, 0] == 0) & (columns[:, 3] == 0) & (columns[:, 4] == 0) & (columns[:, 5] == 1)).tolist()
        for i in mixed:
            word = doc[i].text
            if word[0].islower() and (name := word.capitalize()) in self.curated_words:
                found[i] = name
        return found

    def _credible(self, span: Span, surface: str, respelt: dict[int, str]) -> bool:
        if surface in self.towns and not in_place_context(span):
            return False
        if all(i not in respelt or respelt[i].lower() == span.doc[i].lower_ for i in range(span.start, span.end)):
            return True  # spelt right, perhaps in lower case after a title
        # Another word of the name, spelt right, vouches for it: "Laurent Gbago" (but not "al-").
        if any(t.is_title and t.is_alpha and t.i not in respelt for t in span):
            return True
        return surface in self._alone


def in_sorted(values: np.ndarray, sorted_ids: np.ndarray) -> np.ndarray:
    """Which of ``values`` are in the sorted, unique ``sorted_ids`` (string ids). ``np.isin``
    would sort the ids again on every call, which costs more than the lookup itself."""
    if not len(sorted_ids):
        return np.zeros(len(values), dtype=bool)
    return sorted_ids[np.minimum(np.searchsorted(sorted_ids, values), len(sorted_ids) - 1)] == values


def in_place_context(span: Span) -> bool:
    """ "in Samarra", "near the town of Samarra", "Samarra province" - told from the words alone."""
    doc = span.doc
    if any(t.lower_ in LOCATIVE_WORDS for t in doc[max(0, span.start - LOCATIVE_REACH) : span.start]):
        return True
    return span.end < len(doc) and doc[span.end].lower_ in SETTLEMENT_NOUNS


def _merged(ranges) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _words(surface: str) -> list[str]:
    return surface.replace("-", " ").split()


def _may_open_sentence(token) -> bool:
    """Capitalised for the sentence, not for a name: "Starting today, ..." (checked before parsing)."""
    if token.i == 0:
        return True
    before = token.nbor(-1)
    return before.is_space or before.text in _SENTENCE_OPENERS or "\n" in before.whitespace_


def _is_capitalised_word(word: str) -> bool:
    return word[:1].isupper() and word.isalpha()
