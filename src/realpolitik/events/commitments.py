"""Commitments from news: defence pacts, and conditional threats and promises.

- A conditional event ("Moscow would provide military assistance to Pyongyang should the United
  States persist in supplying weapons") becomes a ``conditional_promise`` (cooperative response)
  or ``conditional_threat`` (hostile response) whose trigger is the condition's event.
- A sentence that pledges mutual defence ("vowed mutual defence in the event of aggression
  against either nation") about a pact with known parties becomes a ``mutual_defense``
  commitment: an armed attack (CAMEO 18-20) on any party calls for the others' military aid.
"""

from __future__ import annotations

from realpolitik.records import Commitment, Event, Pattern, SentenceRef, stable_id

ARMED_ATTACK_ROOTS = ["18", "19", "20"]


def from_conditional(event: Event, trigger_event: Event | None) -> Commitment | None:
    if event.modality != "conditional" or event.source is None or trigger_event is None:
        return None
    hostile = event.quad_class >= 3
    kind = "conditional_threat" if hostile else "conditional_promise"
    trigger = Pattern(
        source=_country(trigger_event.source),
        target=_country(trigger_event.target),
        cameo=trigger_event.cameo,
        roots=[trigger_event.root],
    )
    response = Pattern(source=_country(event.source), target=_country(event.target), cameo=event.cameo, roots=[event.root])
    parties = [p for p in (response.source,) if p]
    return Commitment(
        id=stable_id(event.doc_id, kind, parties, trigger, response),
        doc_id=event.doc_id,
        date=event.date,
        type=kind,
        parties=parties,
        trigger=trigger,
        response=response,
        sentence=event.sentence,
        confidence=round(min(event.confidence, trigger_event.confidence), 2),
    )


def mutual_defense(parties: list[str], doc_id: str | None, day: str | None, sentence: SentenceRef, confidence: float) -> Commitment:
    parties = sorted(set(parties))
    trigger = Pattern(source=None, target=None, roots=list(ARMED_ATTACK_ROOTS), against_party=True)
    response = Pattern(source=None, target=None, cameo="072", roots=["07", "19"])
    return Commitment(
        id=stable_id(doc_id, "mutual_defense", parties),
        doc_id=doc_id,
        date=day,
        type="mutual_defense",
        parties=parties,
        trigger=trigger,
        response=response,
        sentence=sentence,
        confidence=confidence,
    )


def _country(actor) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.code
