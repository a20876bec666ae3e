"""The matching rules of the evaluation: when does a coded event count as a gold event?

Pure functions, no I/O. The rules, in the words of the gold files' README:

- **Countries** compare on their first three letters (``HUNGOV`` ~ ``HUN``). ``JAP`` is read as
  ``JPN``. A gold country of ``---`` or ``***`` (``---LEG``, ``PSE***``) means "any country": it
  matches any actor realpolitik named on that side. An **empty** gold side means the gold names no
  actor there: it matches anything, including no actor at all.
- A realpolitik actor without a country (``IGOUNO``, ``NGO...``) matches a gold code whose first
  three letters equal its own (gold ``IGO`` matches ``IGOUNO``).
- **Categories**: for PLOVER files the current PLOVER name (``code_plover_current``), with FIGHT
  counted as ASSAULT and the PLOVER 0.5 names DEMAND -> REQUEST, DISAPPROVE/INVESTIGATE -> ACCUSE
  on both sides; for CAMEO files the CAMEO root (first two digits).
- Events of **every modality** count for recall (gold sets code "X threatened to ..." as the
  event); how many matches were only non-asserted is reported separately.
- A sentence that expects **no event** is right when realpolitik produced no asserted event with
  both a source and a target.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from realpolitik.records import ActorRef, Event

if TYPE_CHECKING:  # pragma: no cover
    from realpolitik.evaluate.gold import GoldEvent, GoldSentence

PLOVER = "PLOVER"
CAMEO = "CAMEO"
SCHEMES = (PLOVER, CAMEO)

WILDCARD_COUNTRIES = frozenset({"---", "***"})
COUNTRY_ALIASES = {"JAP": "JPN"}
PLOVER_ALIASES = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}


def scheme_of(name: str | None) -> str | None:
    """``PLOVER-0.5b1`` -> PLOVER, ``CAMEO-1.1b3``/``CAMEO`` -> CAMEO, anything else -> None."""
    if not name:
        return None
    upper = name.strip().upper()
    for scheme in SCHEMES:
        if upper.startswith(scheme):
            return scheme
    return None


def normalise_country(prefix: str) -> str:
    prefix = prefix[:3].upper()
    return COUNTRY_ALIASES.get(prefix, prefix)


def category_of(code: str | None, scheme: str) -> str | None:
    """The category a code is compared on: normalised PLOVER name, or CAMEO root ("1822" -> "18")."""
    if not code:
        return None
    code = code.strip()
    if scheme == PLOVER:
        name = code.upper()
        return PLOVER_ALIASES.get(name, name)
    if scheme == CAMEO:
        return code[:2] if len(code) >= 2 and code[:2].isdigit() else None
    raise ValueError(f"unknown scheme {scheme!r}")


def event_category(event: Event, scheme: str) -> str | None:
    """realpolitik's category of an event under the gold file's scheme (None: CAMEO 01/02 in PLOVER)."""
    if scheme == PLOVER:
        return category_of(event.plover.event, PLOVER)
    return category_of(event.root or event.cameo, CAMEO)


def country_matches(gold: str, actor: ActorRef | None) -> bool:
    """Does one side of a gold event (``gold``: a gold actor code) match realpolitik's actor?"""
    gold = (gold or "").strip()
    if not gold or gold in WILDCARD_COUNTRIES:
        return True  # the gold names no actor here, or "no country / any" with no sector either
    if actor is None:
        return False
    wanted = gold[:3]
    if wanted in WILDCARD_COUNTRIES:
        return True
    ours = actor.country or actor.code or ""
    if not ours:
        return False
    return normalise_country(ours) == normalise_country(wanted)


def dyad_matches(gold: GoldEvent, event: Event) -> bool:
    """Same source and same target (a gold event with both sides empty matches any event)."""
    return country_matches(gold.source, event.source) and country_matches(gold.target, event.target)


def counts_against_no_event(event: Event) -> bool:
    """An event that makes a "no event expected" sentence wrong: asserted, with source and target."""
    return event.modality == "asserted" and event.source is not None and event.target is not None


@dataclass(frozen=True)
class GoldMatch:
    """How realpolitik did on one gold event."""

    gold: GoldEvent
    dyad_found: bool
    matched: bool  # same dyad and same category
    asserted_match: bool  # matched by at least one asserted event
    chosen: Event | None  # the matching event, else the most confident one with the dyad
    predicted: str | None  # the chosen event's category (None: no dyad, or no category)

    @property
    def nonasserted_only(self) -> bool:
        return self.matched and not self.asserted_match


@dataclass(frozen=True)
class SentenceResult:
    sentence: GoldSentence
    events: list[Event]
    matches: list[GoldMatch] = field(default_factory=list)
    # for sentences that expect no event: True when realpolitik stayed quiet; None otherwise
    no_event_ok: bool | None = None


def match_event(gold: GoldEvent, events: Sequence[Event], scheme: str) -> GoldMatch:
    same_dyad = [e for e in events if dyad_matches(gold, e)]
    hits = [e for e in same_dyad if event_category(e, scheme) == gold.category]
    chosen: Event | None
    if hits:
        asserted = [e for e in hits if e.modality == "asserted"]
        chosen = max(asserted or hits, key=lambda e: e.confidence)
    elif same_dyad:
        chosen = max(same_dyad, key=lambda e: (e.confidence, e.modality == "asserted"))
    else:
        chosen = None
    return GoldMatch(
        gold=gold,
        dyad_found=bool(same_dyad),
        matched=bool(hits),
        asserted_match=any(e.modality == "asserted" for e in hits),
        chosen=chosen,
        predicted=event_category(chosen, scheme) if chosen is not None else None,
    )


def match_sentence(sentence: GoldSentence, records: Iterable[object], scheme: str | None = None) -> SentenceResult:
    """Match everything realpolitik produced for one gold sentence against its gold events.

    ``records`` may hold commitments too; only events count.
    """
    scheme = scheme or sentence.scheme
    events = [r for r in records if isinstance(r, Event)]
    matches = [match_event(gold, events, scheme) for gold in sentence.events]
    no_event_ok = None
    if sentence.expect_no_event:
        no_event_ok = not any(counts_against_no_event(e) for e in events)
    return SentenceResult(sentence=sentence, events=events, matches=matches, no_event_ok=no_event_ok)
