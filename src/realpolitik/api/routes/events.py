"""``/api/events`` (the CLI's filters, paginated) and ``/api/events/{id}`` (one record)."""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request

from realpolitik.api import schemas
from realpolitik.api.routes import backend, cached

router = APIRouter(tags=["events"])

ACTOR = r"^[A-Za-z0-9]{2,15}$"
DYAD = r"^[A-Za-z0-9]{2,15}:[A-Za-z0-9]{2,15}$"
MAX_LIMIT = 1000
MAX_OFFSET = 100_000

ActorQ = Annotated[str | None, Query(pattern=ACTOR, description="Source or target: a country (RUS) or code prefix (RUSGOV, IGOUNO).")]
DyadQ = Annotated[str | None, Query(pattern=DYAD, description="A pair of actors, either direction: RUS:KOR.")]
SinceQ = Annotated[date | None, Query(description="First event date, YYYY-MM-DD (inclusive).")]
UntilQ = Annotated[date | None, Query(description="Last event date, YYYY-MM-DD (inclusive).")]
RootQ = Annotated[str | None, Query(pattern=r"^[0-9]{1,2}$", description="CAMEO root code, 01-20 (13: THREATEN).")]
CategoryQ = Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,30}$", description="PLOVER category, e.g. THREATEN.")]
ModalityQ = Annotated[
    Literal["asserted", "negated", "intended", "conditional", "hypothetical", "any"] | None,
    Query(description="Only this modality (default: any)."),
]


def _value(v):
    if v is None:
        return None
    if isinstance(v, float):
        return None if math.isnan(v) else v
    if hasattr(v, "item"):
        v = v.item()
        return None if isinstance(v, float) and math.isnan(v) else v
    return v


def frame_rows(frame) -> list[dict]:
    """Rows of an events frame as JSON-ready dicts (dates as YYYY-MM-DD, missing as null)."""
    columns = list(frame.columns)
    series = [frame[c].dt.strftime("%Y-%m-%d") if c == "date" else frame[c] for c in columns]
    return [{c: _value(v) for c, v in zip(columns, values)} for values in zip(*series)]


@router.get("/api/events", response_model=schemas.EventPage, summary="Events, filtered like `realpolitik events`, paginated")
async def list_events(
    request: Request,
    actor: ActorQ = None,
    dyad: DyadQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    root: RootQ = None,
    category: CategoryQ = None,
    modality: ModalityQ = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (at most {MAX_LIMIT}).")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"Events to skip (at most {MAX_OFFSET}; narrow the filters to go further).")] = 0,
):
    """Events in date order (undated last). Filters combine with AND; ``actor`` and ``dyad`` match
    by country or actor-code prefix, either side."""
    store = backend(request).store

    def compute():
        frame = store.events_frame(
            actor=actor, dyad=dyad, since=since, until=until, root=root, category=category, modality=modality,
            limit=offset + limit + 1,
        )  # fmt: skip
        rows = frame_rows(frame.iloc[offset : offset + limit + 1])
        more = len(rows) > limit
        return {"items": rows[:limit], "offset": offset, "limit": limit, "has_more": more, "next_offset": offset + limit if more else None}

    key = ("events", actor, dyad, since, until, root, category, modality, limit, offset)
    return await cached(request, key, compute)


@router.get("/api/events/{event_id}", response_model=schemas.EventDetail, summary="One event record, with the articles that carry it")
async def get_event(request: Request, event_id: Annotated[str, Path(min_length=1, max_length=200)]):
    store = backend(request).store

    def compute():
        try:
            return store.event(event_id)
        except KeyError:
            raise HTTPException(status_code=404, detail=f"no event {event_id!r}") from None

    return await cached(request, ("event", event_id), compute)
