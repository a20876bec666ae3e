"""Modality: did the event happen, was it refused, pledged, conditional or only speculated?

The reading starts at the event's clause (its verb, or the light verb of a nominal event) and
looks at its negation and auxiliaries, then climbs through the words that govern it by
complement relations ("refrained from furnishing" -> negated; "readiness to provide" -> intended;
"analysts anticipated that ..." -> hypothetical). A condition clause ("if it proceeds ...",
"should the United States persist ...", "in the event of aggression") in the event's scope makes
it conditional; the condition clause is returned so its own event can be linked.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from realpolitik.events.patterns import PatternBook
from realpolitik.nlp.syntax import claimed_by, complement_relation, stray_conjunct_governor

# Relations along which the governing word decides how the event is read.
_COMPLEMENT = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "dobj", "conj", "oprd", "attr", "advcl"}
_NEGATIVE_DETERMINERS = {"no", "never", "neither", "nor"}
_HYPOTHETICAL_ADJECTIVES = {"potential", "possible", "proposed", "prospective", "hypothetical", "alleged", "suspected", "rumoured", "rumored", "feared", "likely", "expanded"}
_INTENDED_ADJECTIVES = {"planned", "upcoming", "forthcoming", "future", "scheduled", "promised", "pledged"}


@dataclass(frozen=True)
class ModalReading:
    modality: str
    condition: Token | None = None  # head of the condition clause, for conditional events
    cue: str | None = None


class ModalityReader:
    def __init__(self, book: PatternBook) -> None:
        self.negators = book.cue("negators")
        self.cancelling = book.cue("cancelling_words")
        self.intenders = book.cue("intenders")
        self.perpetrating = book.cue("perpetrating_verbs")
        self.hypothesisers = book.cue("hypothesisers")
        self.hypothetical_modals = book.cue("hypothetical_modals")
        self.future_modals = book.cue("future_modals")
        self.condition_marks = book.cue("condition_marks")
        self.condition_nouns = book.cue("condition_nouns")
        self.reporting = book.cue("reporting_verbs")

    def read(self, trigger: Token, clause: Token) -> ModalReading:
        if self.in_condition(trigger):
            return ModalReading("hypothetical", cue="inside a condition")
        if _is_yes_no_question(trigger.sent):
            return ModalReading("hypothetical", cue="question")  # "Did the federation ever support you?"
        if clause == trigger and trigger.pos_ in ("NOUN", "PROPN"):
            local = self._noun_reading(trigger)
            if local is not None:
                return local
            return ModalReading("asserted")
        found = self._clause_reading(clause)
        perpetrated = trigger.dep_ == "dobj" and clause.lemma_.lower() in self.perpetrating
        if found.modality == "asserted" and trigger.pos_ == "NOUN" and clause.lemma_.lower() in self.intenders and not perpetrated:
            # "offered concessions", "proposed talks": the light verb itself offers the act.
            return ModalReading("intended", cue=clause.lemma_.lower())
        return found

    # -- nouns: presupposed unless modified ("no visit", "potential cooperation") ------------

    def _noun_reading(self, noun: Token) -> ModalReading | None:
        # "the cancelled visit", "a planned trip to Warsaw, which was cancelled": it did not happen,
        # whatever was planned. The parser hangs the relative clause on the nearest noun ("Warsaw"),
        # but a place is not what was cancelled.
        phrase = [noun, *(p for prep in noun.children if prep.dep_ == "prep" for p in prep.children if p.dep_ == "pobj")]
        for child in (c for word in phrase for c in word.children):
            if child.dep_ in ("amod", "acl", "relcl") and (child.head == noun or child.dep_ == "relcl") and {child.lower_, child.lemma_.lower()} & self.cancelling:
                return ModalReading("negated", cue=child.lower_)
        for child in noun.children:
            word = child.lower_
            if child.dep_ in ("det", "neg") and word in _NEGATIVE_DETERMINERS:
                return ModalReading("negated", cue=word)
            if child.dep_ in ("amod", "compound") and word in _HYPOTHETICAL_ADJECTIVES:
                return ModalReading("hypothetical", cue=word)
            if child.dep_ in ("amod", "compound") and word in _INTENDED_ADJECTIVES:
                return ModalReading("intended", cue=word)
        # "the potential for expanded cooperation", "refusal of talks", "plans for a visit"
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
            governor = head.head.lemma_.lower()
            if governor in self.negators:
                return ModalReading("negated", cue=governor)
            if governor in self.hypothesisers:
                return ModalReading("hypothetical", cue=governor)
            if governor in self.intenders:
                return ModalReading("intended", cue=governor)
        return None

    # -- clauses -----------------------------------------------------------------------------

    def _clause_reading(self, clause: Token) -> ModalReading:
        condition = self.condition_for(clause)
        found = self._own_marks(clause)
        token = clause
        for _ in range(12):
            if found is not None and found.modality == "negated":
                break
            if claimed_by(token) is not None:
                break  # "claimed responsibility for attacking": the claim asserts the act

            relation, head = complement_relation(token), token.head
            if head == token or relation not in _COMPLEMENT:
                break
            main_verb = stray_conjunct_governor(token)
            if main_verb is not None:
                # The finite verb goes with the main verb, not with what governs the infinitive.
                token = main_verb
                if found is None:
                    found = self._own_marks(token)
                continue
            if relation == "conj":
                # A coordinated verb shares the first verb's auxiliaries and context, and its
                # negation only through "or"/"nor": "did not attack or shell", but "opted not to
                # hold a caucus, but rather the party endorsed him".
                shares_negation = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children if head.i < c.i < token.i)
                own = self._own_marks(head)
                if found is None and own is not None and (own.modality != "negated" or shares_negation):
                    found = own
                token = head
                continue
            word = head.lower_ if (head.dep_ == "prep" or head.pos_ == "ADP") else head.lemma_.lower()
            if relation == "ccomp" and any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in token.children):
                # "refused to answer whether they would support court packing": an open question,
                # and what governs the question (refusing to answer) does not reach inside it.
                found = ModalReading("hypothetical", cue=token.lower_)
                break
            if relation != "advcl" and head.pos_ == "NOUN" and any(c.dep_ in ("det", "neg") and c.lower_ in _NEGATIVE_DETERMINERS for c in head.children):
                # "has no plans to attack", "no intention of leaving": a denied plan is no plan.
                found = ModalReading("negated", cue=head.lower_)
                break
            if relation != "advcl":
                cue = self._negator(head, word)
                if cue is not None:
                    # "did not rule out using force", "refused to rule out military action": a
                    # denied exclusion leaves the act open.
                    found = ModalReading("hypothetical", cue=f"not {cue}") if self._is_denied(head) else ModalReading("negated", cue=cue)
                    break
                others_wish = word in self.intenders and (
                    any(c.dep_ == "dobj" for c in head.children)
                    or (relation == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))
                )
                if word in self.hypothesisers or others_wish:
                    # Speculation above a plan overrides it ("allegations Trump tried to ..."),
                    # and a wish for someone else's act is no intention of theirs ("staff want
                    # him to resign").
                    if found is None or found.modality == "intended":
                        found = ModalReading("hypothetical", cue=word)
                elif found is None and word in self.intenders:
                    found = ModalReading("intended", cue=word)
                elif found is None and word == "be" and relation == "xcomp":
                    found = ModalReading("intended", cue="be to")  # "May is to step down today"
            if relation == "advcl":
                break
            token = head
            if found is None and head.pos_ in ("VERB", "AUX"):
                found = self._own_marks(head)
        if found is not None and found.modality == "negated":
            return found
        if condition is not None:
            return ModalReading("conditional", condition=condition, cue="condition")
        return found or ModalReading("asserted")

    def _own_marks(self, verb: Token) -> ModalReading | None:
        for child in verb.children:
            if child.dep_ == "neg" and _is_whether_or_not(child):
                continue  # "would not say whether or not he supported": a question, no denial
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in ("never",)):
                return ModalReading("negated", cue=child.lower_)
        for child in verb.children:
            if child.dep_ == "aux":
                word = child.lower_
                if word == "would" and _reported(verb, self.reporting):
                    return ModalReading("intended", cue="reported would")  # "announced that she would launch"
                if word in self.hypothetical_modals:
                    return ModalReading("hypothetical", cue=word)
                if word in self.future_modals:
                    return ModalReading("intended", cue=word)
        return None

    def _negator(self, token: Token, word: str | None = None) -> str | None:
        """The negating cue a governing word is ("refrained", "ruled out"): phrasal verbs count
        with their particle, so "ruled out" negates and "ruled" does not."""
        word = word or token.lemma_.lower()
        if word in self.negators:
            return word
        phrasal = {f"{word} {c.lower_}" for c in token.children if c.dep_ == "prt"} & self.negators
        return min(phrasal) if phrasal else None

    def _is_denied(self, verb: Token) -> bool:
        """Is the verb negated itself ("did not rule out") or the complement of a negator ("refused
        to rule out")?"""
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        return verb.dep_ in ("xcomp", "pcomp") and self._negator(verb.head) is not None

    def excludes(self, verb: Token) -> bool:
        """Does the verb govern a negator as its complement ("refused to rule out")? Refusing to
        exclude an act is no refusal."""
        return any(c.dep_ == "xcomp" and self._negator(c) is not None for c in verb.children)

    # -- conditions --------------------------------------------------------------------------

    def is_condition_clause(self, token: Token) -> bool:
        if token.dep_ not in ("advcl", "ccomp", "conj", "xcomp"):
            return False
        children = list(token.children)
        if any(c.dep_ == "mark" and c.lower_ in self.condition_marks for c in children):
            return True
        # Inversion: "should the United States persist", "had they known", "were it to attack".
        subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "had", "were") and subject is not None and c.i < subject.i
            for c in children
        )

    def _condition_noun(self, token: Token) -> Token | None:
        """ "in the event of aggression against either nation" -> "aggression"."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in self.condition_nouns:
                        for of in pobj.children:
                            if of.dep_ == "prep" and of.lower_ == "of":
                                for noun in of.children:
                                    if noun.dep_ in ("pobj", "pcomp"):
                                        return noun
        return None

    def condition_for(self, clause: Token) -> Token | None:
        """The condition clause in scope of ``clause``: within its own subtree, or attached to a
        verb it is the complement of ("Putin asserted X would happen, should Y persist")."""
        for token in _own_clause(clause):
            if token != clause and self.is_condition_clause(token) and not _contains(token, clause):
                return token
        noun = self._condition_noun(clause)
        if noun is not None:
            return noun
        token = clause
        while token.dep_ in _COMPLEMENT and token.head != token:
            token = token.head
            for child in token.children:
                if self.is_condition_clause(child) and not _contains(child, clause):
                    return child
        return None

    def in_condition(self, trigger: Token) -> bool:
        token = trigger
        while token.head != token:
            if self.is_condition_clause(token):
                return True
            token = token.head
        return False


_QUESTION_MARKS = {"whether", "if"}
_QUESTION_OPENERS = {"did", "does", "do", "will", "would", "can", "could", "should", "is", "are", "was", "were", "has", "have", "had", "may", "might"}


def _is_whether_or_not(neg: Token) -> bool:
    doc = neg.doc
    return neg.i >= 2 and doc[neg.i - 1].lower_ == "or" and doc[neg.i - 2].lower_ == "whether"


def _is_yes_no_question(sentence) -> bool:
    """ "Did the Iranian Chess Federation ever support you?": asks, asserts nothing. A wh-question
    ("Why did Russia attack?") presupposes its act and is read as usual."""
    tokens = [t for t in sentence if not t.is_space]
    # A bracketed speaker tag opens interview lines: "((WN)) Did the federation ever ...?"
    closing = max((k for k, t in enumerate(tokens[:6]) if t.text.endswith(")")), default=-1) if tokens and tokens[0].text.startswith("(") else -1
    words = [t for t in tokens[closing + 1 :] if not t.is_punct]
    return bool(words) and sentence.text.rstrip().endswith("?") and words[0].lower_ in _QUESTION_OPENERS


def _reported(verb: Token, reporting: set[str]) -> bool:
    """Is the verb the complement of a reporting verb ("X said that Y would ...")?"""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in reporting


def _own_clause(clause: Token):
    """The clause's tokens without its complement clauses, which carry their own conditions:
    "threatened to launch an offensive unless Baghdad accepts" - the threat is made now; the
    offensive is what is conditional."""
    stack = [clause]
    while stack:
        token = stack.pop()
        yield token
        stack.extend(c for c in token.children if not (token == clause and c.dep_ in ("xcomp", "ccomp")))


def _contains(root: Token, token: Token) -> bool:
    return root.left_edge.i <= token.i <= root.right_edge.i
