"""Candidate filtering: decide, before parsing, which sentences can carry an event.

A cheap pass over the tokens (no tagging, no parsing) looks for an actor (a dictionary name,
demonym, seat of power, sector noun, pronoun or group noun) and a trigger word (any inflection of
a verb or noun in the pattern book). Only sentences with both are parsed, plus the sentences that
name an actor shortly before a parsed sentence, so that coreference ("He said ...", "Kim ...")
still finds its antecedent. A sentence without both cannot yield an event, so the decision is safe.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from realpolitik.actors.coref import MAX_DISTANCE, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from realpolitik.actors.resolve import GROUP_NOUNS, PACT_NOUNS


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
    def __init__(self, nlp: Language, names: PhraseMatcher, trigger_lemmas: Iterable[str], sector_nouns: Iterable[str]) -> None:
        self.names = names
        lemmas = set(trigger_lemmas)
        forms: set[str] = set()
        for lemma in lemmas:
            forms |= inflections(lemma)
        lemmatizer = nlp.get_pipe("lemmatizer")
        exceptions = lemmatizer.lookups.get_table("lemma_exc")
        for table in exceptions.values():
            for form, bases in table.items():
                if lemmas.intersection(bases):
                    forms.add(form)
        self.trigger_forms = frozenset(forms)
        actor_words = set(PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | GROUP_NOUNS | PACT_NOUNS)
        for noun in sector_nouns:
            last = noun.split()[-1]
            actor_words |= inflections(last)
        self.actor_words = frozenset(actor_words)

    def keep(self, doc: Doc, spans: list[tuple[int, int]]) -> list[bool]:
        """For each sentence (char span) of ``doc``: does it need the parser?"""
        named = [False] * len(spans)
        name_words: list[set[str]] = [set() for _ in spans]
        starts = [start for start, _ in spans]
        index_of = _sentence_index(doc, starts)
        for _, begin, end in self.names(doc):
            i = index_of[begin]
            if i is not None:
                named[i] = True
                name_words[i].update(t.text for t in doc[begin:end])
        actorish = list(named)
        trigger = [False] * len(spans)
        words: list[set[str]] = [set() for _ in spans]
        for token in doc:
            i = index_of[token.i]
            if i is None:
                continue
            lower = token.lower_
            words[i].add(token.text)
            if lower in self.actor_words:
                actorish[i] = True
            if lower in self.trigger_forms:
                trigger[i] = True
        keep = [a and t for a, t in zip(actorish, trigger)]
        for i in range(len(spans)):
            if keep[i] or not named[i]:
                continue
            # An antecedent for a pronoun or a role noun in the next few parsed sentences, or a
            # full name whose surname a later parsed sentence uses.
            window = range(i + 1, min(len(spans), i + 1 + MAX_DISTANCE + 1))
            if any(keep[j] for j in window) or any(keep[j] and name_words[i] & words[j] for j in range(i + 1, len(spans))):
                keep[i] = True
        return keep


def _sentence_index(doc: Doc, starts: list[int]) -> list[int | None]:
    """Token index -> sentence index (None for tokens before the first sentence or in blank runs)."""
    out: list[int | None] = [None] * len(doc)
    current = None
    pointer = 0
    for token in doc:
        while pointer < len(starts) and token.idx >= starts[pointer]:
            current = pointer
            pointer += 1
        out[token.i] = current
    return out


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
