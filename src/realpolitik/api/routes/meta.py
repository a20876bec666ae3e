"""``/health``, ``/api/stats``, ``/api/vocabulary``, ``/api/actors``."""

from __future__ import annotations

import math
from datetime import date, timedelta
from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, Query, Request

from realpolitik import __version__
from realpolitik.api import schemas
from realpolitik.api.backend import Backend
from realpolitik.api.routes import backend, cached
from realpolitik.store.queries import MODALITIES

router = APIRouter()

#: Days in the window the dashboard opens on (ending at the latest event).
DEFAULT_WINDOW_DAYS = 365


@router.get("/health", response_model=schemas.Health, tags=["meta"], summary="Liveness and what the server allows")
async def health(request: Request):
    b = backend(request)
    return await cached(request, ("health",), lambda: {"status": "ok", "version": __version__, "schema_version": b.store.schema_version, "writes": b.writes})


def _day(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


def _actors(b: Backend) -> list[dict]:
    frame = b.store.actors_frame()
    rows = []
    for r in frame.itertuples(index=False):
        rows.append(
            {
                "code": r.code,
                "country": r.country if isinstance(r.country, str) else None,
                "sector": r.sector if isinstance(r.sector, str) else None,
                "name": r.name if isinstance(r.name, str) else None,
                "first_seen": _day(r.first_seen),
                "last_seen": _day(r.last_seen),
                "n_events": int(r.n_events),
            }
        )
    return rows


@router.get("/api/stats", response_model=schemas.Stats, tags=["meta"], summary="What the store holds, its date range, the default window")
async def stats(request: Request):
    return await cached(request, *stats_query(backend(request)))


def stats_query(b: Backend):
    """(cache key, computation) of the store's statistics (shared with the start-up warm-up)."""

    def compute():
        actors = _actors(b)
        firsts = [a["first_seen"] for a in actors if a["first_seen"]]
        lasts = [a["last_seen"] for a in actors if a["last_seen"]]
        last = max(lasts) if lasts else None
        return {
            "counts": b.store.counts(),
            "first_date": min(firsts) if firsts else None,
            "last_date": last,
            "window": default_window(last),
            "writes": b.writes,
        }

    return ("stats",), compute


def default_window(last: str | None) -> dict[str, str]:
    """The window the dashboard opens on: the DEFAULT_WINDOW_DAYS up to the latest event."""
    end = date.fromisoformat(last) if last else date.today()
    return {"since": (end - timedelta(days=DEFAULT_WINDOW_DAYS - 1)).isoformat(), "until": end.isoformat()}


@lru_cache(maxsize=1)
def vocabulary_data() -> dict:
    from realpolitik.events.ontology import ontology, quad_class

    onto = ontology()
    categories = set()
    actions = []
    for code, entry in sorted(onto.codes.items()):
        try:
            plover = onto.plover(code)
            if plover.event:
                categories.add(plover.event)
        except KeyError:
            pass
        if len(code) <= 3 and code[:2].isdigit() and 1 <= int(code[:2]) <= 20:
            text = entry.description.replace(", not specified below", "")
            text = text[:1].upper() + text[1:].lower() if text.isupper() else text
            actions.append({"code": code, "description": text, "quad_class": quad_class(code)})
    return {"modalities": list(MODALITIES), "categories": sorted(categories), "actions": actions}


@router.get("/api/vocabulary", response_model=schemas.Vocabulary, tags=["meta"], summary="Modalities, PLOVER categories and CAMEO actions")
async def vocabulary(request: Request):
    return await cached(request, ("vocabulary",), vocabulary_data)


@router.get("/api/actors", response_model=schemas.ActorList, tags=["meta"], summary="Search the actors seen in events")
async def actors(
    request: Request,
    q: Annotated[str, Query(max_length=60, description="Code prefix (RUS, IGOUN) or part of a name (korea); empty: all.")] = "",
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many, busiest first.")] = 50,
):
    needle = q.strip().lower()

    def compute():
        found = []
        for a in _actors(backend(request)):
            if needle and not (a["code"].lower().startswith(needle) or needle in (a["name"] or "").lower() or needle == (a["country"] or "").lower()):
                continue
            found.append(a)
            if len(found) >= limit:
                break
        return {"items": found}

    return await cached(request, ("actors", needle, limit), compute)
