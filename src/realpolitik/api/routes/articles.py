"""``GET /api/articles/{doc_id}`` (text, events with spans, commitments) and ``POST /api/articles``
(ingest one article; needs the bearer token)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from realpolitik.api import schemas
from realpolitik.api.backend import article_id
from realpolitik.api.routes import backend, cached, guarded, json_bytes
from realpolitik.api.security import require_writer
from realpolitik.records import Article

router = APIRouter(tags=["articles"])


@router.get(
    "/api/articles/{doc_id:path}",
    response_model=schemas.ArticleOut,
    responses={404: {"model": schemas.Problem, "description": "No such article"}},
    summary="One article: its text, every event with its spans, its commitments",
)
async def get_article(request: Request, doc_id: Annotated[str, Path(min_length=1, max_length=1000)]):
    """Spans (``sentence``, ``source``, ``target``, ``trigger``: ``start``/``end``) are character
    offsets into ``text``. For a duplicate, ``events`` is empty and ``duplicate_of`` names the
    first copy."""
    store = backend(request).store

    def compute():
        try:
            return store.article(doc_id)
        except KeyError:
            raise HTTPException(status_code=404, detail=f"no article {doc_id!r}") from None

    return await cached(request, ("article", doc_id), compute)


_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": schemas.ArticleIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string", "minLength": 1}},
    },
}


@router.post(
    "/api/articles",
    status_code=201,
    response_model=schemas.IngestResult,
    dependencies=[Depends(require_writer)],
    openapi_extra={"requestBody": _BODY},
    responses={
        200: {"model": schemas.IngestResult, "description": "A duplicate, or an article stored before"},
        401: {"model": schemas.Problem, "description": "Missing, malformed or wrong bearer token"},
        403: {"model": schemas.Problem, "description": "Writes are off: no token is configured"},
        409: {"model": schemas.Problem, "description": "The id is stored with a different text"},
        413: {"model": schemas.Problem, "description": "Body over the size cap"},
        415: {"model": schemas.Problem, "description": "Neither JSON nor plain text"},
        422: {"model": schemas.Problem, "description": "Invalid article (empty, not English, bad date, unknown field)"},
    },
    summary="Ingest one article and return its events",
)
async def post_article(
    request: Request,
    date_: Annotated[date | None, Query(alias="date", description="For a text/plain body: the article's date.")] = None,
    title: Annotated[str | None, Query(max_length=1000, description="For a text/plain body: its title.")] = None,
    id_: Annotated[str | None, Query(alias="id", min_length=1, max_length=200, description="For a text/plain body: its id.")] = None,
):
    """Codes the article with the server's coder and stores it with the CLI's pipeline
    (duplicates are recognised and never coded twice). Send JSON (``{"text", "id"?, "date"?,
    "title"?, "source"?}``) or the bare text as ``text/plain``. Needs ``Authorization: Bearer
    <token>``; without a configured token writes are off (403)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/json", "text/plain"):
        raise HTTPException(status_code=415, detail="send application/json or text/plain")
    body = await request.body()  # capped by the BodyLimit middleware before this reads it
    try:
        if kind == "application/json":
            incoming = schemas.ArticleIn.model_validate_json(body)
        else:
            incoming = schemas.ArticleIn(text=body.decode("utf-8"), date=date_, title=title, id=id_)
    except UnicodeDecodeError:
        raise HTTPException(status_code=422, detail="body is not valid UTF-8") from None
    except ValidationError as exc:
        raise HTTPException(status_code=422, detail=json.loads(exc.json(include_url=False, include_input=False))) from None
    article = Article(
        id=incoming.id or article_id(incoming.text),
        text=incoming.text,
        date=incoming.date.isoformat() if incoming.date else None,
        title=incoming.title,
        source=incoming.source,
    )
    b = backend(request)
    outcome = await run_in_threadpool(guarded, lambda: b.ingest(article))
    if outcome.status == "conflict":
        raise HTTPException(status_code=409, detail=outcome.message)
    if outcome.status == "rejected":
        raise HTTPException(status_code=422, detail=outcome.message)
    stored = await run_in_threadpool(guarded, lambda: b.store.article(article.id))
    first = stored
    if stored.get("duplicate_of"):
        first = await run_in_threadpool(guarded, lambda: b.store.article(stored["duplicate_of"]))
    result = {
        "status": outcome.status,
        "doc_id": article.id,
        "duplicate_of": stored.get("duplicate_of"),
        "events": first["events"],
        "commitments": first["commitments"],
    }
    from realpolitik.api.backend import dumps

    return json_bytes(dumps(result), status_code=201 if outcome.status == "new" else 200)
