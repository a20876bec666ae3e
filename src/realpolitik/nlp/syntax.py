"""Small readings of the dependency parse shared by the event extractor and the modality reader."""

from __future__ import annotations

from spacy.tokens import Token


def is_infinitive(clause: Token) -> bool:
    """ "to attend", "to land": a clause marked by infinitival "to"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def stray_conjunct_governor(verb: Token) -> Token | None:
    """ "Raab urged the embassy to reconsider and spoke with Pompeo": a finite verb the parser
    coordinated with an infinitive belongs with the main verb; returns that verb, else None."""
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB" and is_infinitive(head):
        return head.head
    return None
