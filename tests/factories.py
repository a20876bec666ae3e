"""Hand-made records for tests that need events without running the coder."""

from __future__ import annotations

from realpolitik.actors.dictionary import country_of
from realpolitik.events.ontology import ontology, quad_class
from realpolitik.records import ActorRef, Event, SentenceRef, Span


def actor(code: str | None) -> ActorRef | None:
    if code is None:
        return None
    return ActorRef(code=code, country=country_of(code), sector=code[3:] or None, name=None, text=code, start=0, end=len(code))


def event(source: str | None, target: str | None, cameo: str, modality: str = "asserted", confidence: float = 0.9) -> Event:
    return Event(
        id=f"{source}-{target}-{cameo}-{modality}",
        doc_id="doc",
        date=None,
        source=actor(source),
        target=actor(target),
        cameo=cameo,
        root=cameo[:2],
        quad_class=quad_class(cameo),
        goldstein=None,
        plover=ontology().plover(cameo),
        modality=modality,
        condition=None,
        location=None,
        sentence=SentenceRef(0, "", 0, 0),
        trigger=Span("x", 0, 1),
        confidence=confidence,
        coder="test",
    )


def triples(events, modality=None):
    """(source, cameo root, target) of each event, optionally of one modality."""
    return {
        (e.source.code, e.root, e.target.code if e.target else None)
        for e in events
        if modality is None or e.modality == modality
    }


def dyads(events, modality=None):
    """(source, cameo root, target) of each event by the first three letters of each code."""
    return {(s[:3], root, t[:3] if t else None) for s, root, t in triples(events, modality)}
