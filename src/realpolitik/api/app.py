"""``create_app``: the FastAPI application behind ``realpolitik serve``."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from realpolitik import __version__
from realpolitik.api.backend import Backend
from realpolitik.api.dashboard import mount_dashboard
from realpolitik.api.routes import analysis, articles, events, meta
from realpolitik.api.schemas import Problem
from realpolitik.api.security import BodyLimit, SecurityHeaders
from realpolitik.ingest.text import MAX_TEXT_BYTES

#: The largest request body accepted (a posted article): the ingest limit for one text.
MAX_BODY_BYTES = MAX_TEXT_BYTES

DESCRIPTION = """\
News text coded into political events: who did what to whom, when, with what modality, and
where in the article each claim comes from.

Reads are open; `POST /api/articles` needs the bearer token the server was started with
(`REALPOLITIK_TOKEN`); with none, writes are off. Bodies are capped at 5 MB, pages at 1000 events.
The dashboard is at [/](/).
"""


def _warm_up(backend: Backend) -> None:
    try:
        stats = json.loads(backend.read(*meta.stats_query(backend)))
        backend.read(("vocabulary",), meta.vocabulary_data)
        window = stats["window"]
        backend.read(*analysis.graph_query(backend, date.fromisoformat(window["since"]), date.fromisoformat(window["until"])))
    except Exception:  # the requests themselves will report it
        pass
    if backend.writes:
        backend.warm_up()


def create_app(
    db_path: str | Path | None,
    token: str | None = None,
    cors_origins: Iterable[str] | None = None,
    *,
    coder=None,
    max_body_bytes: int = MAX_BODY_BYTES,
    static_dir: str | Path | None = None,
    warm_up: bool = True,
) -> FastAPI:
    """The API and dashboard over the store at ``db_path``.

    ``token``: enables ``POST /api/articles`` for requests bearing it (the store is then opened
    read-write; without a token, read-only). ``cors_origins``: origins allowed to call the API
    from a browser (none by default: CORS off). ``coder``: the coder used for posted articles
    (default: loaded on start-up when writes are on). Raises ``StoreError`` when the store cannot
    be opened. ``warm_up``: on start-up, compute in the background what the dashboard asks for
    first (and load the coder when writes are on), so the first page load is fast.
    """
    backend = Backend(db_path, token=token, coder=coder)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        backend.open()
        if warm_up:
            threading.Thread(target=_warm_up, args=(backend,), name="realpolitik-warm-up", daemon=True).start()
        try:
            yield
        finally:
            backend.close()

    app = FastAPI(
        title="realpolitik",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        responses={422: {"model": Problem, "description": "A parameter or the body is invalid"}},
    )
    app.state.backend = backend
    for module in (meta, events, articles, analysis):
        app.include_router(module.router)
    mount_dashboard(app, Path(static_dir) if static_dir is not None else None)

    # outermost last: security headers on every answer, CORS (only when configured), body cap
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    origins = [o for o in (cors_origins or ()) if o]
    if origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"]
        )
    app.add_middleware(SecurityHeaders)
    return app
