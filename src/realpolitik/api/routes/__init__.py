"""The API's routes, one module per resource. Each route validates its parameters (FastAPI and
pydantic types with bounds), calls the library and returns JSON; none builds SQL."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from realpolitik.api.backend import Backend, Payload, dumps
from realpolitik.store import StoreError

T = TypeVar("T")


def backend(request: Request) -> Backend:
    return request.app.state.backend


def json_bytes(content: bytes, status_code: int = 200) -> Response:
    return Response(content=content, status_code=status_code, media_type="application/json")


async def cached(request: Request, key: Hashable, compute: Callable[[], Any]) -> Response:
    """The JSON of ``compute()``, from the cache when nothing was written since (see
    ``realpolitik.api.cache``). A cached answer is served on the event loop; a computation runs
    in the thread pool."""
    b = backend(request)

    def produce() -> Payload:
        return Payload.of(dumps(guarded(compute)))

    value = b.cache.lookup(key, produce)
    if value is None:
        value = await run_in_threadpool(b.cache.get, key, produce)
    if value.gz is not None and "gzip" in request.headers.get("accept-encoding", ""):
        return Response(value.gz, media_type="application/json", headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(value.raw, media_type="application/json", headers={"Vary": "Accept-Encoding"} if value.gz is not None else None)


def guarded(fn: Callable[[], T]) -> T:
    """Run a library call, turning its errors into HTTP answers: a bad parameter the library
    refused (ValueError) is 422, a store failure is 503."""
    try:
        return fn()
    except HTTPException:
        raise
    except StoreError as exc:
        raise HTTPException(status_code=503, detail=f"store unavailable: {exc}") from None
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
