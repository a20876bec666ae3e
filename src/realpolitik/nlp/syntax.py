"""Small readings of the dependency parse shared by the event extractor and the modality reader."""

from __future__ import annotations

from spacy.tokens import Token


def is_infinitive(clause: Token) -> bool:
    """ "to attend", "to land": a clause marked by infinitival "to"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def complement_relation(clause: Token) -> str:
    """A clause's relation to its head, read as a complement where the parser took an infinitive
    right after its verb for a purpose clause: "have sworn to fight the government" (xcomp, not
    advcl; "came to Kabul to talk" stays a purpose)."""
    if clause.dep_ == "advcl" and is_infinitive(clause) and clause.i == clause.head.i + 2:
        return "xcomp"
    return clause.dep_


def stray_conjunct_governor(verb: Token) -> Token | None:
    """ "Raab urged the embassy to reconsider and spoke with Pompeo": a finite verb the parser
    coordinated with an infinitive belongs with the main verb; returns that verb, else None."""
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB" and is_infinitive(head):
        return head.head
    return None


def claimed_by(act: Token) -> Token | None:
    """The verb claiming ``act``: "claimed responsibility for the attack", "took credit for
    downing the plane" - a claim of one's own act, which asserts it."""
    prep = act.head
    if act.dep_ not in ("pobj", "pcomp") or prep.lower_ != "for" or prep.head.lemma_.lower() not in ("responsibility", "credit"):
        return None
    claim = prep.head.head
    return claim if claim.pos_ in ("VERB", "AUX") and claim.lemma_.lower() in _CLAIMING else None


# Verbs that take responsibility; "denied responsibility for the attack" claims nothing.
_CLAIMING = {"claim", "accept", "acknowledge", "admit", "assume", "take", "bear"}
