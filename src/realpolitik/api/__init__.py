"""The HTTP API and the dashboard, served from one process by ``realpolitik serve``.

    >>> from realpolitik.api import create_app
    >>> app = create_app("news.duckdb")                       # read-only: writes are off
    >>> app = create_app("news.duckdb", token="s3cret")       # POST /api/articles with a bearer token

Layers: ``app.py`` assembles the FastAPI application (middleware, routers, dashboard);
``backend.py`` holds the store, the write lock and the response cache; ``routes/`` translate HTTP
parameters into calls of the library (``realpolitik.store``, ``realpolitik.analysis``,
``realpolitik.ingest``); ``schemas.py`` describes the responses for ``/docs``;
``security.py`` has the bearer-token check and the request-body cap.
"""

from realpolitik.api.app import MAX_BODY_BYTES, create_app

__all__ = ["MAX_BODY_BYTES", "create_app"]
