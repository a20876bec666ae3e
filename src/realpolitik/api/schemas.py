"""Request and response models: what ``/docs`` (OpenAPI) shows.

The read endpoints serialise straight from the library's results (and cache the bytes), so these
models describe the responses; they do not re-validate them on the way out. Models of records
that the spec lets grow (``extra="allow"``) list the fields a client can rely on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal["asserted", "negated", "intended", "conditional", "hypothetical"]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# ----------------------------------------------------------------------------- meta


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    schema_version: int
    writes: bool = Field(description="Whether POST /api/articles is enabled (a token is configured).")


class Window(BaseModel):
    since: dt.date
    until: dt.date


class Stats(BaseModel):
    counts: dict[str, int] = Field(description="Articles, first copies, duplicates, events, mentions, commitments, actors.")
    first_date: dt.date | None = Field(description="Earliest event date in the store.")
    last_date: dt.date | None = Field(description="Latest event date in the store.")
    window: Window = Field(description="The window the dashboard opens on: the year up to the latest event.")
    writes: bool


class Action(BaseModel):
    code: str = Field(description="CAMEO code (2 or 3 digits).")
    description: str
    quad_class: int


class Vocabulary(BaseModel):
    modalities: list[Modality]
    categories: list[str] = Field(description="PLOVER event categories.")
    actions: list[Action]


class Actor(BaseModel):
    code: str
    country: str | None
    sector: str | None
    name: str | None
    first_seen: dt.date | None
    last_seen: dt.date | None
    n_events: int


class ActorList(BaseModel):
    items: list[Actor]


# ----------------------------------------------------------------------------- events


class EventRow(BaseModel):
    """One row of the event table (the columns of ``Store.events_frame``)."""

    id: str
    doc_id: str
    date: dt.date | None
    source_code: str | None
    source_country: str | None
    target_code: str | None
    target_country: str | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float | None
    plover_event: str | None
    modality: Modality
    confidence: float | None
    location_country: str | None
    sentence_index: int
    sentence_text: str | None
    trigger_text: str | None
    num_mentions: int
    num_sources: int


class EventPage(BaseModel):
    items: list[EventRow]
    offset: int
    limit: int
    has_more: bool
    next_offset: int | None = Field(description="The offset of the next page, when there is one.")


class Span(Open):
    text: str | None = None
    start: int | None = None
    end: int | None = None


class ActorSpan(Span):
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None


class SentenceRef(Open):
    index: int
    text: str | None = None
    start: int | None = None
    end: int | None = None


class EventRecord(Open):
    """An event record of the spec (docs: shared/spec/EVENTS.md); spans are offsets into the
    article's text."""

    id: str
    doc_id: str
    date: dt.date | None = None
    source: ActorSpan | None = None
    target: ActorSpan | None = None
    cameo: str
    root: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover: dict[str, Any] | None = None
    modality: str
    condition: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    sentence: SentenceRef | None = None
    trigger: Span | None = None
    confidence: float | None = None
    num_mentions: int | None = None
    num_sources: int | None = None


class CommitmentRecord(Open):
    kind: str | None = None
    id: str
    doc_id: str | None = None
    date: dt.date | None = None
    type: str
    parties: list[str]
    trigger: dict[str, Any] | None = None
    response: dict[str, Any] | None = None
    sentence: dict[str, Any] | None = None
    confidence: float | None = None


class Mention(Open):
    doc_id: str
    source: str | None = None
    date: dt.date | None = None
    kind: str
    similarity: float | None = None


class EventDetail(EventRecord):
    mentions: list[Mention] = []


class ArticleOut(BaseModel):
    doc_id: str
    title: str | None
    text: str
    date: dt.date | None
    date_known: bool
    date_source: str
    url: str | None
    source: str | None
    content_hash: str
    origin: str | None
    duplicate_of: str | None = Field(description="For a duplicate: the first copy, which holds the events.")
    duplicate_kind: str | None
    similarity: float | None
    duplicates: list[str]
    ingested_at: str | None
    events: list[EventRecord]
    commitments: list[CommitmentRecord]


class ArticleIn(BaseModel):
    """An article to ingest: text and optional id, date, title and outlet. No URL: the server
    never fetches anything."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=200, description="Document id; default: a hash of the text.")
    text: str = Field(min_length=1, description="The article's text (UTF-8, English).")
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=200, description="Outlet name.")


class IngestResult(BaseModel):
    status: Literal["new", "duplicate", "already_stored"] = Field(
        description="new: coded and stored; duplicate: stored as a copy of an earlier article (whose events are returned); "
        "already_stored: this id was stored before with the same text."
    )
    doc_id: str
    duplicate_of: str | None
    events: list[EventRecord]
    commitments: list[CommitmentRecord]


# ----------------------------------------------------------------------------- analysis


class DyadRow(BaseModel):
    period: dt.date = Field(description="First day of the period.")
    direction: Literal["A->B", "B->A", "both"]
    source: str
    target: str
    rows: int = Field(description="Events (unweighted).")
    events: float = Field(description="Events weighted by mentions.")
    q1: float
    q2: float
    q3: float
    q4: float
    cooperation: float
    conflict: float
    goldstein_sum: float
    goldstein_mean: float | None
    balance: float | None = Field(description="(cooperation - conflict) / (cooperation + conflict), in [-1, 1].")


class DyadTimeline(BaseModel):
    a: str
    b: str
    by: Literal["day", "week", "month"]
    modalities: str
    rows: list[DyadRow]


class GraphNode(Open):
    id: str
    activity: int
    mentions: float
    kind: Literal["state", "organisation"]
    bloc: int | None = None


class GraphEdge(Open):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    from_: str = Field(alias="from")
    to: str
    key: str
    kind: Literal["events", "commitment", "treaty"] = Field(
        description="events: what the source did to the target (balance: -1 conflict .. 1 cooperation); "
        "commitment: reported in the news; treaty: an obligation of the treaty baseline."
    )


class Graph(BaseModel):
    directed: bool
    multigraph: bool
    graph: dict[str, Any]
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class Basis(Open):
    kind: Literal["news", "treaty"]
    type: str
    actor: str
    explanation: str


class WhatIfStep(BaseModel):
    event: str = Field(description='"SOURCE CAMEO TARGET"')
    source: str
    cameo: str
    target: str
    action: str
    depth: int
    basis: list[Basis] = Field(description="What the step rests on: a treaty article or a news report (article and sentence).")
    cut: Literal["cycle", "repeat", "depth", "limit"] | None
    more: int
    children: list[WhatIfStep]
    as_of: dt.date | None = None


class Problem(BaseModel):
    """An error: a message, or (for a parameter that failed validation) FastAPI's list of errors."""

    detail: str | list[dict[str, Any]]
