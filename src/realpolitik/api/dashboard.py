"""The dashboard's files (built by ``make setup`` into ``realpolitik/web/static``) and /docs.

Everything the page and /docs load comes from this server: the JavaScript libraries are npm
packages bundled at build time (``realpolitik/web``), never a CDN. When the build is missing,
the page and its files answer 503 with a message saying how to build it; the API works anyway.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from starlette.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"

NOT_BUILT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>realpolitik: dashboard not built</title></head>
<body style="font-family:system-ui,sans-serif;margin:3em;max-width:40em">
<h1>dashboard not built: run make setup</h1>
<p>The dashboard's JavaScript is bundled from npm packages by <code>make setup</code>
(<code>npm ci --prefix src/realpolitik/web &amp;&amp; npm run build --prefix src/realpolitik/web</code>).
The API works without it: see <a href="/openapi.json">/openapi.json</a> and <a href="/health">/health</a>.</p>
</body></html>
"""


def _not_built() -> HTMLResponse:
    return HTMLResponse(NOT_BUILT, status_code=503, headers={"Retry-After": "3600", "Cache-Control": "no-store"})


class _Static:
    """StaticFiles over ``directory``, or the 503 page while it is not built."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._files: StaticFiles | None = None

    async def __call__(self, scope, receive, send) -> None:
        if not (self.directory / "index.html").is_file():
            await _not_built()(scope, receive, send)
            return
        if self._files is None:
            self._files = StaticFiles(directory=self.directory)
        await self._files(scope, receive, send)


def mount_dashboard(app: FastAPI, static_dir: Path | None = None) -> None:
    directory = Path(static_dir) if static_dir is not None else STATIC_DIR

    @app.get("/", include_in_schema=False)
    def index():
        page = directory / "index.html"
        if not page.is_file():
            return _not_built()
        return FileResponse(page, media_type="text/html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs():
        if not (directory / "swagger" / "swagger-ui-bundle.js").is_file():
            return _not_built()
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    app.mount("/static", _Static(directory), name="static")
