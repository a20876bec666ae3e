"""Candidate filtering: decide, before parsing, which sentences can carry an event.

A cheap pass over the tokens (no tagging, no parsing) looks for an actor (a dictionary name,
demonym, seat of power, sector noun, pronoun, group noun or the last word of an organisation name
the dictionary does not know) and a trigger word (any inflection of a verb or noun in the pattern
book, or a modal of obligation, which reports a demand whatever its verb). Only sentences with
both are parsed, plus the sentences that name an actor shortly before a parsed sentence, so that
coreference ("He said ...", "Kim ...") still finds its antecedent. A sentence without both cannot yield an event, so the decision is safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from spacy.language import Language
from spacy.attrs import IDX, IS_TITLE, LOWER, ORTH
from spacy.tokens import Doc

from realpolitik.actors.coref import MAX_DISTANCE, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from realpolitik.actors.names import NameMatcher, in_sorted
from realpolitik.actors.resolve import GROUP_NOUNS, PACT_NOUNS
from realpolitik.events.patterns import PatternBook


def inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun lemma (irregular ones come from spaCy's tables)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


class CandidateFilter:
    def __init__(
        self, nlp: Language, names: NameMatcher, book: PatternBook, sector_nouns: Iterable[str], name_heads: Iterable[str] = ()
    ) -> None:
        self.names = names
        exceptions = nlp.get_pipe("memoised_morphology").lemmatizer.lookups.get_table("lemma_exc")
        strings = nlp.vocab.strings

        def triggers(keep=lambda pattern: True) -> _Triggers:
            return _Triggers.build(book, nlp.vocab, exceptions, keep)

        self.triggers = triggers()
        # Triggers of events that stand without a target ("protesters rallied"): one actor is enough.
        self.lone = triggers(lambda pattern: pattern.no_target)
        # Triggers of acts a place can take part in: done to the place's state ("shelled Juba") or
        # by its unidentified forces ("killed in a car bombing in Baghdad"). Elsewhere a town or
        # city name is only where something happened, and no actor.
        place_codes = tuple(book.cue("place_target_codes") | book.cue("unattributed_roots"))
        self.placed = triggers(lambda pattern: pattern.code.startswith(place_codes))
        sector_words = {form for noun in sector_nouns for form in inflections(noun.split()[-1])}
        group_nouns = {form for noun in GROUP_NOUNS | PACT_NOUNS for form in inflections(noun)}
        self.single_words = frozenset(PERSON_PRONOUNS | THING_PRONOUNS | sector_words)
        # Words that stand for two or more actors at once: "they", "the two countries", "the pact".
        self.group_words = frozenset(PLURAL_PRONOUNS | group_nouns)
        # Nouns a later pronoun or role noun can refer back to ("the ministers ... they").
        self.antecedent_words = frozenset(sector_words | group_nouns)
        # People counted, not named, who are a place's civilians ("killed 12 people in Kandahar").
        self.people_words = frozenset(form for noun in book.cue("victim_nouns") for form in inflections(noun))
        # The last word of an organisation name the dictionary does not know ("... Association"),
        # counted when capitalised.
        self.name_head_words = frozenset(w.capitalize() for w in name_heads)
        self._obligations = frozenset(strings.add(w) for w in book.cue("obligation_modals"))
        # The words as string-store ids, sorted once, so each document is matched with numpy.
        self._ids = {
            name: np.unique(np.fromiter((strings.add(w) for w in words), dtype="uint64", count=len(words)))
            for name, words in (
                ("group", self.group_words),
                ("single", self.single_words),
                ("antecedent", self.antecedent_words),
                ("people", self.people_words),
                ("name_head", self.name_head_words),
            )
        }

    def keep(self, doc: Doc, spans: list[tuple[int, int]]) -> list[bool]:
        """For each sentence (char span) of ``doc``: does it need the parser?

        An event needs a trigger and, unless it stands without a target, two actors (a source and
        a target); pronouns and group nouns count, since coreference may resolve them."""
        count = len(spans)
        if not count or not len(doc):
            return [False] * count
        sentence = _sentence_of_tokens(doc, [start for start, _ in spans])
        inside = sentence >= 0
        lower = doc.to_array([LOWER]).astype("uint64")

        def per_sentence(ids: np.ndarray, weight: int = 1) -> np.ndarray:
            hits = in_sorted(lower, ids) & inside
            return np.bincount(sentence[hits], minlength=count) * weight

        actors = per_sentence(self._ids["group"], 2) + per_sentence(self._ids["single"])
        orth = doc.to_array([ORTH]).astype("uint64")
        organisations = np.bincount(sentence[in_sorted(orth, self._ids["name_head"]) & inside], minlength=count)
        actors += organisations
        words: list[set[int]] = [set() for _ in range(count)]
        for word, i in zip(lower.tolist(), sentence.tolist()):
            if i >= 0:
                words[i].add(word)
        # "declared that China must drop its tariffs" is a demand whatever the verb after "must".
        trigger = [self.triggers.present(w) or not self._obligations.isdisjoint(w) for w in words]
        lone = [self.lone.present(w) for w in words]
        placed = [self.placed.present(w) for w in words]
        name_words: list[set[int]] = [set() for _ in range(count)]
        people = per_sentence(self._ids["people"]) > 0
        for match in self.names(doc):
            i = sentence[match.span.start]
            if i < 0:
                continue
            if match.surface in self.names.places:
                # A place with people counted in it stands for its state and its civilians
                # ("killed 12 people in Kandahar"); elsewhere only for an act done to it.
                actors[i] += 2 if people[i] else int(placed[i])
            else:
                # A capital read as a place names its civilians too ("a Mogadishu car bombing killed
                # five people").
                actors[i] += 2 if people[i] else 1
                name_words[i].update(t.orth for t in match.span)
        # Sentences that can hold an antecedent: a name, or a sector or group noun.
        nouns = per_sentence(self._ids["antecedent"]) + organisations
        named = [bool(words) or n > 0 for words, n in zip(name_words, nouns)]
        # A capitalised word of a name seen in an earlier sentence: "Kim" after "Kim Jong Un".
        title = doc.to_array([IS_TITLE]).astype(bool)
        seen: set[int] = set()
        for i in range(count):
            if seen:
                mask = (sentence == i) & title & np.isin(orth, np.fromiter(seen, dtype="uint64", count=len(seen)))
                actors[i] += int(mask.sum())
            seen |= name_words[i]
        keep = [bool(t and (n >= 2 or (n >= 1 and solo))) for t, n, solo in zip(trigger, actors, lone)]
        for i in range(count):
            if keep[i] or not named[i]:
                continue
            # An antecedent for a pronoun or a role noun in the next few parsed sentences, or a
            # full name whose surname a later parsed sentence uses.
            window = range(i + 1, min(count, i + 1 + MAX_DISTANCE + 1))
            ids = np.fromiter(name_words[i], dtype="uint64", count=len(name_words[i]))
            later = np.isin(orth, ids) & (sentence > i)
            if any(keep[j] for j in window) or any(keep[j] for j in set(sentence[later].tolist())):
                keep[i] = True
        return keep


@dataclass(frozen=True)
class _Triggers:
    """The words (string ids) that show a trigger of some patterns may be in a sentence.

    A verb whose every pattern needs a theme shows one only together with a theme word ("be"
    counts for "remained on alert" only with "alert" in the sentence). A noun phrase whose head
    is a function word ("sit-in", "build-up": "in", "up") is shown by its other words."""

    free: frozenset[int]
    themed: dict[int, frozenset[int]]

    @classmethod
    def build(cls, book: PatternBook, vocab, exceptions, keep) -> _Triggers:
        free: set[str] = set()
        themes: dict[str, set[str]] = {}
        for nominal, table in ((False, book.by_verb), (True, book.by_noun)):
            for head, options in table.items():
                for phrase, pattern in options:
                    if not keep(pattern):
                        continue
                    if nominal:
                        free.update(phrase.extra if phrase.extra and vocab[head].is_stop else (head,))
                    elif pattern.theme:
                        themes.setdefault(head, set()).update(t.head for t in pattern.theme)
                    else:
                        free.add(head)
        strings = vocab.strings
        themed: dict[int, set[int]] = {}
        for head, theme_heads in themes.items():
            if head in free:
                continue
            theme_ids = {strings.add(form) for form in _forms(theme_heads, exceptions)}
            for form in _forms({head}, exceptions):
                themed.setdefault(strings.add(form), set()).update(theme_ids)
        free_ids = frozenset(strings.add(form) for form in _forms(free, exceptions))
        return cls(free_ids, {form: frozenset(ids) for form, ids in themed.items() if form not in free_ids})

    def present(self, words: set[int]) -> bool:
        if not words.isdisjoint(self.free):
            return True
        return any(not words.isdisjoint(self.themed[word]) for word in words if word in self.themed)


def _forms(lemmas: Iterable[str], exceptions) -> frozenset[str]:
    """Every written form of the lemmas: regular inflections and spaCy's irregular forms."""
    lemmas = set(lemmas)
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= inflections(lemma)
    for table in exceptions.values():
        for form, bases in table.items():
            if lemmas.intersection(bases):
                forms.add(form)
    return frozenset(forms)


def _sentence_of_tokens(doc: Doc, starts: list[int]) -> np.ndarray:
    """Sentence index of each token (-1 for tokens before the first sentence)."""
    offsets = doc.to_array([IDX]).astype("int64")
    return np.searchsorted(np.asarray(starts, dtype="int64"), offsets, side="right") - 1


def blank_out(text: str, spans: list[tuple[int, int]], keep: list[bool]) -> str:
    """The text with dropped sentences turned into spaces (line breaks kept): offsets stay valid
    and the parser spends one token on each dropped sentence."""
    chars = list(text)
    for (start, end), kept in zip(spans, keep):
        if not kept:
            for k in range(start, end):
                if chars[k] != "\n":
                    chars[k] = " "
    return "".join(chars)
