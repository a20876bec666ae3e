"""Coreference within one article: pronouns, role nouns, surnames, "the two countries", "the pact".

Rule-based and recency-driven, like an analyst reading in order: "he" is the last person named,
"it" the last state or organisation, "the office" the last office named, "the two countries"
the last pair of states named together, "Kim" the last person whose name contains "Kim".
Resolutions from an earlier sentence are marked ``via="coref"`` so confidence can reflect them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from realpolitik.actors.resolve import Actor

PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
# How many sentences back a pronoun may reach; beyond that a guess is worse than nothing.
MAX_DISTANCE = 3


@dataclass
class _Seen:
    token_i: int
    head_lemma: str
    actors: list[Actor]
    sentence: int
    surname: str | None
    group: bool  # several actors named together ("Russia and North Korea")
    plural: bool = False  # a plural noun ("Palestinian leaders", "the rebels")


class Discourse:
    def __init__(self) -> None:
        self.history: list[_Seen] = []
        self.sentence = 0
        self.thing_subject = False
        self.pacts: list[list[str]] = []

    def end_sentence(self, thing_subject: bool = False) -> None:
        """``thing_subject``: the sentence's main subject was a singular thing no actor stands for
        ("Typhoon Phanfone made landfall"), which a following "it" most likely continues."""
        self.thing_subject = thing_subject
        self.sentence += 1

    def add(self, token: Token, actors: list[Actor], surname: str | None = None) -> None:
        group = any(c.dep_ == "conj" for c in token.children) or token.dep_ == "conj"
        plural = token.tag_ in ("NNS", "NNPS") or token.lower_ in PLURAL_PRONOUNS
        self.history.append(_Seen(token.i, token.lemma_.lower(), actors, self.sentence, surname, group, plural))

    def add_pact(self, parties: list[str]) -> None:
        self.pacts.append(parties)

    def last_pact(self) -> list[str] | None:
        return self.pacts[-1] if self.pacts else None

    def _recent(self, token: Token):
        for seen in reversed(self.history):
            if seen.token_i >= token.i:
                continue
            if self.sentence - seen.sentence > MAX_DISTANCE:
                return
            yield seen

    def _as_coref(self, actors: list[Actor], token: Token) -> list[Actor]:
        end = token.idx + len(token.text)
        return [replace(a, start=token.idx, end=end, via="coref") for a in actors]

    def pronoun(self, token: Token) -> list[Actor]:
        word = token.lower_
        if word in PERSON_PRONOUNS:
            wanted = "person"
        elif word in THING_PRONOUNS:
            wanted = "thing"
        elif word in PLURAL_PRONOUNS:
            wanted = "group"
        else:
            return []
        fitting = [s for s in self._recent(token) if self._fits(s, wanted) and s.token_i != token.head.i]
        if wanted == "thing" and token.dep_ in ("nsubj", "nsubjpass") and self.thing_subject and not any(s.sentence == self.sentence for s in fitting):
            return []  # "Typhoon Phanfone hit Luzon. It also blocked roads": the typhoon, no state
        if word.endswith(("self", "selves")):
            # A reflexive is bound in its own sentence: "asked any external party not to involve
            # themselves" is no state named before.
            fitting = [s for s in fitting if s.sentence == self.sentence]
        if not fitting:
            return []
        chosen = _most_salient(fitting, token, self.sentence)
        actors = self._group_members(chosen) if wanted == "group" else chosen.actors[:1]
        return self._as_coref(actors, token)

    def _fits(self, seen: _Seen, wanted: str) -> bool:
        is_person = any(a.person for a in seen.actors)
        if wanted == "person":
            return is_person and not seen.plural
        if wanted == "thing":
            return not is_person and not seen.group and len(seen.actors) == 1
        # "they": states named together, plural bodies ("the rebels") or plural people ("leaders").
        return seen.group or seen.plural or (seen.head_lemma.endswith("s") and not is_person)

    def _group_members(self, seen: _Seen) -> list[Actor]:
        """The actors named together with ``seen`` ("Russia and North Korea")."""
        if not seen.group:
            return seen.actors  # "the rebels", or "they" read before: already the whole group
        members = [s for s in self.history if s.group and s.sentence == seen.sentence and abs(s.token_i - seen.token_i) < 12]
        actors = [a for s in members for a in s.actors] or seen.actors
        unique = {a.code: a for a in actors}
        return list(unique.values())

    def group(self, token: Token) -> list[Actor]:
        """ "the two countries", "both nations": the last states named together."""
        for seen in self._recent(token):
            # A description re-mentions states named before this sentence; states named in the
            # same sentence would be "themselves" ("The US and Japan ... the two countries").
            if seen.group and seen.sentence < self.sentence:
                members = [a for a in self._group_members(seen) if a.country]
                if len(members) >= 2:
                    return self._as_coref(members, token)
        return []

    def sentence_state(self, token: Token) -> str | None:
        """The country of the last state actor named earlier in the token's sentence."""
        for seen in reversed(self.history):
            if seen.sentence != self.sentence:
                return None
            if seen.token_i < token.i and len(seen.actors) == 1 and seen.actors[0].country:
                return seen.actors[0].country
        return None

    def surname(self, token: Token) -> list[Actor]:
        """A bare name ("Kim") refers to the last person whose full name contains it, however
        far back in the article."""
        for seen in reversed(self.history):
            if seen.surname and token.text in seen.surname.split():
                return self._as_coref(seen.actors, token)
        return []

    def definite(self, token: Token) -> list[Actor]:
        """ "the office", "the ministry": the last actor named with the same noun."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            return []
        lemma = token.lemma_.lower()
        for seen in self._recent(token):
            if seen.head_lemma == lemma and len(seen.actors) == 1:
                return self._as_coref(seen.actors, token)
        return []


def _most_salient(fitting: list[_Seen], pronoun: Token, sentence: int) -> _Seen:
    """Pick the antecedent an English reader would: in the pronoun's own sentence, the subject of
    a parallel clause ("While South Korea has provided aid ..., it has refrained"), else the
    nearest mention ("Moscow would take actions that may displease Seoul's leadership if it
    proceeds": the subject of a clause that contains the pronoun is passed over for the nearer
    object); in earlier sentences, the latest subject, else the latest mention."""
    doc = pronoun.doc
    ancestors = {a.i for a in pronoun.ancestors}

    def is_subject(seen: _Seen) -> bool:
        return doc[seen.token_i].dep_ in ("nsubj", "nsubjpass")

    same = [s for s in fitting if s.sentence == sentence]
    speaker = _speaker(pronoun)
    if speaker is not None:
        # "bin Salman accepted responsibility for the murder of journalist Khashoggi but did not
        # say he'd ordered it": who speaks of "he" is "he".
        spoken = [s for s in same if s.token_i == speaker.i]
        if spoken:
            return spoken[0]
    if same:
        parallel = [s for s in same if is_subject(s) and doc[s.token_i].head.i not in ancestors]
        return (parallel or same)[0]
    latest = fitting[0].sentence
    subjects = [s for s in fitting if s.sentence == latest and is_subject(s)]
    return (subjects or fitting)[0]


_SPEECH_VERBS = {"say", "tell", "claim", "deny", "insist", "admit", "announce", "add", "state", "declare", "stress", "warn", "vow", "promise", "pledge"}


def _speaker(pronoun: Token) -> Token | None:
    """The subject of the speech verb whose reported clause has the pronoun as its subject
    ("Putin said he would ..."), through coordinated verbs ("... but did not say he'd"), or as the
    owner of what another subject acts on ("Ukraine said Russia attacked its power grid": had
    Russia hit its own, the clause would say "its own")."""
    if pronoun.dep_ in ("nsubj", "nsubjpass"):
        clause = pronoun.head
    elif pronoun.dep_ == "poss" and pronoun.lower_ != "their" and not any(c.lower_ == "own" for c in pronoun.head.children):
        # ("Israel and Lebanon agreed to extend their ceasefire": "their" is the subjects' own.)
        clause = next((a for a in pronoun.ancestors if a.dep_ == "ccomp"), None)
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
        if subject is None or subject.is_ancestor(pronoun) or subject.tag_ in ("PRP",):
            return None
    else:
        return None
    if clause is None or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lemma_.lower() not in _SPEECH_VERBS:
        return None
    while True:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head
