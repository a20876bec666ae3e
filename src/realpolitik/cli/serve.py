"""``realpolitik serve``: the API and the dashboard from one process (uvicorn).

Thin: translates options into ``realpolitik.api.create_app`` and ``uvicorn.run``. Writes
(``POST /api/articles``) are on only when ``REALPOLITIK_TOKEN`` is set.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.app import app, err, fail

TOKEN_ENV = "REALPOLITIK_TOKEN"


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: Annotated[
        Path | None,
        typer.Option("--db", help="The store (DuckDB file). Default: $REALPOLITIK_DB, else ./realpolitik.duckdb.", show_default=False),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default; 0.0.0.0 exposes it to the network).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="Allow browser calls from this origin (repeatable, e.g. http://localhost:5173). Default: CORS off."),
    ] = None,
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log", help="Log every request on stderr.")] = False,
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the dashboard (at /).

    Reads are open; POST /api/articles needs `Authorization: Bearer $REALPOLITIK_TOKEN` and is off
    when REALPOLITIK_TOKEN is unset (the store is then opened read-only).
    """
    import uvicorn

    from realpolitik.api import create_app
    from realpolitik.store import StoreError

    token = os.environ.get(TOKEN_ENV) or None
    try:
        application = create_app(db, token=token, cors_origins=cors_origin or None)
    except StoreError as exc:
        raise fail(str(exc)) from None
    if not _loopback(host):
        err.print(f"[yellow]warning:[/] listening on {host}: reachable from the network, without TLS", highlight=False)
    shown = f"[{host}]" if ":" in host else host
    writes = "on (bearer token from $REALPOLITIK_TOKEN)" if token else "off (set $REALPOLITIK_TOKEN to allow POST /api/articles)"
    err.print(f"realpolitik: dashboard at http://{shown}:{port}/ , API docs at /docs; writes {writes}", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="info", access_log=access_log, server_header=False, proxy_headers=False)
