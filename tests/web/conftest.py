"""Fixtures for the end-to-end tests: the server (uvicorn in a thread, on a free port) over a
store made from the bundled sample with the real coder, and headless Debian Chromium driven by
Playwright (``executable_path``; Playwright's own browser download is not used)."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from realpolitik.api import create_app
from realpolitik.api.dashboard import STATIC_DIR
from realpolitik.ingest.pipeline import ingest
from realpolitik.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [ROOT / "samples" / "seed_article.jsonl", ROOT / "samples" / "wikinews_sample.jsonl"]
CHROMIUM = Path(os.environ.get("REALPOLITIK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip


def _missing(what: str) -> None:
    # CI installs Chromium and builds the dashboard (.ci/run, make setup): there, a gap is a failure
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI must provide it)")
    pytest.skip(what)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, coder) -> Path:
    path = tmp_path_factory.mktemp("web-store") / "sample.duckdb"
    with Store(path) as store:
        summary = ingest([str(p) for p in SAMPLES], store, coder=coder, progress=False)
    assert summary.ok and summary.events > 0
    return path


@pytest.fixture(scope="session")
def server(sample_db):
    """Base URL of a live server over the sample store."""
    import uvicorn

    if not (STATIC_DIR / "index.html").is_file():
        _missing("dashboard not built: run make setup")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(sample_db), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started:
        if time.time() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, base_url=server)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    pg.on("requestfailed", lambda req: problems.append(f"request failed: {req.url}"))
    pg.problems = problems
    yield pg
    context.close()
