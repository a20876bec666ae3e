"""The records that flow through realpolitik: the contract of ``shared/spec/EVENTS.md``.

Every stage hands these forward; this module imports nothing of ours so any stage can use it.
``to_dict`` gives exactly the JSON shape of the spec; ``from_dict`` reads it back.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "negated", "intended", "conditional", "hypothetical"]
MODALITIES: tuple[str, ...] = ("asserted", "negated", "intended", "conditional", "hypothetical")

CommitmentType = Literal[
    # news kinds
    "mutual_defense",
    "conditional_threat",
    "conditional_promise",
    "guarantee",
    # ATOP obligation kinds (treaty baseline)
    "defense",
    "offense",
    "neutrality",
    "nonaggression",
    "consultation",
]


def stable_id(*parts: object) -> str:
    """A short content hash: the same inputs always give the same id, across runs and machines."""
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Article:
    """One document to code. ``date`` is ISO ``YYYY-MM-DD`` or None when unknown."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ActorRef:
    """An actor as it appears in one event: its code plus where the text names it."""

    code: str
    country: str | None
    sector: str | None
    name: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SentenceRef:
    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None


@dataclass(frozen=True)
class Plover:
    event: str | None
    mode: str | None = None
    context: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Condition:
    """The event a conditional event depends on ("... if it proceeds with supplying arms to Kyiv")."""

    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    text: str


@dataclass(frozen=True)
class Event:
    id: str
    doc_id: str | None
    date: str | None
    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float | None
    plover: Plover
    modality: str
    condition: Condition | None
    location: Location | None
    sentence: SentenceRef
    trigger: Span
    confidence: float
    coder: str
    participants: list[str] = field(default_factory=list)

    kind = "event"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        def actor(d: dict | None) -> ActorRef | None:
            return ActorRef(**d) if d else None

        condition = data.get("condition")
        return cls(
            id=data["id"],
            doc_id=data.get("doc_id"),
            date=data.get("date"),
            source=actor(data.get("source")),
            target=actor(data.get("target")),
            cameo=data["cameo"],
            root=data["root"],
            quad_class=data["quad_class"],
            goldstein=data.get("goldstein"),
            plover=Plover(**data["plover"]),
            modality=data["modality"],
            condition=Condition(
                source=actor(condition.get("source")),
                target=actor(condition.get("target")),
                cameo=condition["cameo"],
                text=condition["text"],
            )
            if condition
            else None,
            location=Location(**data["location"]) if data.get("location") else None,
            sentence=SentenceRef(**data["sentence"]),
            trigger=Span(**data["trigger"]),
            confidence=data.get("confidence", 0.0),
            coder=data.get("coder", ""),
            participants=list(data.get("participants") or []),
        )


@dataclass(frozen=True)
class Pattern:
    """Who does what to whom, as a commitment's trigger or promised response.

    ``source``/``target`` are country or actor codes; None means "anyone" (or, for a trigger's
    target, any party of the commitment when ``against_party`` is set). ``roots`` lists the CAMEO
    roots that count; ``cameo`` is the code the text named, when it named one.
    """

    source: str | None
    target: str | None
    cameo: str | None = None
    roots: list[str] = field(default_factory=list)
    against_party: bool = False


@dataclass(frozen=True)
class Commitment:
    id: str
    doc_id: str | None
    date: str | None
    type: str
    parties: list[str]
    trigger: Pattern
    response: Pattern | None
    sentence: SentenceRef | None
    confidence: float
    source_kind: Literal["news", "treaty"] = "news"
    source_ref: str | None = None  # treaty name and article, for treaty commitments
    valid_from: str | None = None
    valid_until: str | None = None
    region: str | None = None

    kind = "commitment"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        return {"kind": "commitment", **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Commitment:
        data = {k: v for k, v in data.items() if k != "kind"}
        data["trigger"] = Pattern(**data["trigger"])
        data["response"] = Pattern(**data["response"]) if data.get("response") else None
        data["sentence"] = SentenceRef(**data["sentence"]) if data.get("sentence") else None
        return cls(**data)


Record = Event | Commitment


def record_from_dict(data: dict[str, Any]) -> Record:
    if data.get("kind") == "commitment":
        return Commitment.from_dict(data)
    return Event.from_dict(data)
