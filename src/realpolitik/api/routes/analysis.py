"""``/api/dyad`` (timeline of a pair), ``/api/graph`` (alliance/tension graph of a window) and
``/api/whatif`` (the chain of commitments an event would trigger): thin over
``realpolitik.analysis``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

import pandas as pd
from fastapi import APIRouter, HTTPException, Query, Request

from realpolitik.api import schemas
from realpolitik.api.backend import Backend
from realpolitik.api.routes import backend, cached
from realpolitik.api.routes.events import ACTOR

router = APIRouter(tags=["analysis"])

AllModalities = Annotated[
    bool, Query(description="Count negated, intended, conditional and hypothetical events too (default: asserted only).")
]
ASSERTED = ("asserted",)


#: The columns of the events frame that build_graph reads: fetching only these (not the sentence
#: texts) makes a window of half a million events ten times quicker to load.
GRAPH_COLUMNS = (
    "date", "source_code", "source_country", "target_code", "target_country",
    "quad_class", "goldstein", "modality", "num_mentions",
)  # fmt: skip


def _graph_frame(store, since, until, all_modalities: bool):
    from realpolitik.store import EventFilter

    flt = EventFilter.of(since=since, until=until, modality=None if all_modalities else "asserted")
    select = ", ".join(f"e.{c}" for c in GRAPH_COLUMNS)
    frame = store.events_batches(flt, select=select, rows=65_536).read_all().to_pandas()
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def graph_data(frame, commitments, since, until, treaties, modalities) -> dict:
    """``graph_to_json(build_graph(...))``."""
    from realpolitik.analysis.graph import build_graph, graph_to_json

    return graph_to_json(build_graph(frame, commitments, since=since, until=until, treaties=treaties, modalities=modalities))


@router.get("/api/dyad", response_model=schemas.DyadTimeline, summary="How two actors treat each other, period by period")
async def dyad(
    request: Request,
    a: Annotated[str, Query(pattern=ACTOR, description="First actor: a country (RUS) or an actor code (RUSGOV).")],
    b: Annotated[str, Query(pattern=ACTOR, description="Second actor.")],
    by: Annotated[Literal["day", "week", "month"], Query(description="Period length (weeks start on Monday).")] = "week",
    all_modalities: AllModalities = False,
):
    """Per period and direction (``A->B``, ``B->A``, ``both``): events by quad class, summed and
    mean Goldstein, the cooperation/conflict balance; weighted by mentions. Empty ``rows`` when
    the pair has no dated events."""
    from realpolitik.analysis.dyads import dyad_timeline

    a, b = a.upper(), b.upper()
    store = backend(request).store

    def compute():
        frame = store.events_frame(dyad=f"{a}:{b}", modality=None if all_modalities else "asserted")
        timeline = dyad_timeline(frame, a, b, by=by, modalities=None if all_modalities else ASSERTED)
        rows = timeline.to_dict(orient="records")
        for row in rows:
            row["period"] = row["period"].date().isoformat()
        return {"a": a, "b": b, "by": by, "modalities": "all" if all_modalities else "asserted", "rows": rows}

    return await cached(request, ("dyad", a, b, by, all_modalities), compute)


@router.get("/api/graph", response_model=schemas.Graph, summary="The alliance/tension graph of a time window")
async def graph(
    request: Request,
    since: Annotated[date | None, Query(description="First day of the window (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Last day of the window; treaty obligations in force on it are drawn.")] = None,
    treaties: Annotated[
        Literal["present", "all", "none"],
        Query(description="present: treaty ties between actors already in the graph; all: every obligation in force; none."),
    ] = "present",
    all_modalities: AllModalities = False,
):
    """Nodes are states and organisations (``activity``: events in the window, ``bloc``: community).
    Edges: ``kind="events"`` (what the source did to the target, with ``balance`` from -1,
    conflict, to 1, cooperation), ``kind="commitment"`` (reported in the news: threats, promises,
    pacts) and ``kind="treaty"`` (the treaty baseline, with treaty name and article)."""
    if since and until and until < since:
        raise HTTPException(status_code=422, detail=f"until {until} is before since {since}")
    return await cached(request, *graph_query(backend(request), since, until, treaties, all_modalities))


def graph_query(b: Backend, since: date | None, until: date | None, treaties: str = "present", all_modalities: bool = False):
    """(cache key, computation) of the graph of a window (shared with the start-up warm-up)."""

    def compute():
        frame = _graph_frame(b.store, since, until, all_modalities)
        return graph_data(frame, b.store.commitments(), since, until, treaties, None if all_modalities else ASSERTED)

    return ("graph", since, until, treaties, all_modalities), compute


@router.get("/api/whatif", response_model=schemas.WhatIfStep, summary="What would this event set off?")
async def whatif(
    request: Request,
    source: Annotated[str, Query(pattern=r"^[A-Za-z][A-Za-z0-9]{2,14}$", description="Who acts: KOR.")],
    cameo: Annotated[str, Query(pattern=r"^[0-9]{2,4}$", description="What: a CAMEO code, root 01-20 (072: military aid).")],
    target: Annotated[str, Query(pattern=r"^[A-Za-z][A-Za-z0-9]{2,14}$", description="To whom: UKR.")],
    as_of: Annotated[date | None, Query(description="Date of the event (default today): treaties and news commitments count from their dates.")] = None,
    depth: Annotated[int, Query(ge=0, le=6, description="Rounds of responses to follow.")] = 3,
    news: Annotated[bool, Query(description="Use the commitments reported in the news (from the store).")] = True,
    treaties: Annotated[bool, Query(description="Use the alliance-treaty baseline.")] = True,
    max_nodes: Annotated[int, Query(ge=1, le=1000, description="Stop the walk after this many steps.")] = 300,
):
    """The tree of responses: each step names the commitments it rests on (``basis``), a treaty
    article (``kind="treaty"``) or a news report with its article and sentence
    (``kind="news"``). Cycles are cut, depth and size are bounded."""
    from realpolitik.analysis.whatif import parse_event, to_json
    from realpolitik.analysis.whatif import whatif as walk

    day = as_of or date.today()
    store = backend(request).store

    def compute():
        event = parse_event(f"{source} {cameo} {target}")  # ValueError -> 422
        commitments = store.commitments() if news else []
        return to_json(walk(event, commitments, day, depth=depth, treaties=treaties, max_nodes=max_nodes))

    key = ("whatif", source.upper(), cameo, target.upper(), day, depth, news, treaties, max_nodes)
    return await cached(request, key, compute)
