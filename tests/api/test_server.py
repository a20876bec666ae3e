"""The dashboard's files, /docs without a CDN, headers, CORS, the response cache, `serve`."""

from __future__ import annotations

import threading
import time

from fastapi.testclient import TestClient

from realpolitik.api import create_app
from realpolitik.api.cache import ResultCache
from realpolitik.api.dashboard import STATIC_DIR


def test_dashboard_is_served_when_built(client):
    if not (STATIC_DIR / "index.html").is_file():
        import pytest

        pytest.skip("dashboard not built (make setup builds it)")
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert '<script src="/static/app.js"' in page.text
    assert "http" not in page.text.split("<body")[0].replace("http-equiv", "")  # nothing from elsewhere
    assert client.get("/static/app.js").status_code == 200
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()


def test_unbuilt_dashboard_answers_503_with_the_fix(sample_db, tmp_path):
    with TestClient(create_app(sample_db, static_dir=tmp_path / "missing", warm_up=False)) as c:
        for path in ("/", "/static/app.js", "/docs"):
            r = c.get(path)
            assert r.status_code == 503, path
            assert "dashboard not built: run make setup" in r.text
        assert c.get("/health").status_code == 200  # the API works without it


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/health").headers["x-content-type-options"] == "nosniff"


def test_cors_is_off_by_default(client):
    r = client.get("/health", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options("/api/events", headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_cors_when_configured(sample_db):
    with TestClient(create_app(sample_db, cors_origins=["http://localhost:5173"], warm_up=False)) as c:
        ok = c.get("/health", headers={"Origin": "http://localhost:5173"})
        assert ok.headers["access-control-allow-origin"] == "http://localhost:5173"
        other = c.get("/health", headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_warm_up_fills_the_cache_with_the_first_page(sample_db):
    app = create_app(sample_db)
    with TestClient(app) as c:
        cache = app.state.backend.cache
        deadline = time.time() + 30
        while cache.stats()["entries"] < 2 and time.time() < deadline:
            time.sleep(0.05)
        window = c.get("/api/stats").json()["window"]
        misses = cache.stats()["misses"]
        c.get("/api/graph", params=window)
        assert cache.stats()["misses"] == misses  # computed at start-up


def _wait_for(predicate, seconds=5.0):
    deadline = time.time() + seconds
    while not predicate() and time.time() < deadline:
        time.sleep(0.01)
    assert predicate()


def test_cache_hits_until_a_write():
    cache = ResultCache()
    calls = []
    compute = lambda: calls.append(1) or b"v%d" % len(calls)  # noqa: E731
    assert cache.get("k", compute) == b"v1" and cache.get("k", compute) == b"v1"
    assert len(calls) == 1


def test_cache_recomputes_cheap_answers_so_writers_read_their_writes():
    cache = ResultCache()
    n = []
    compute = lambda: n.append(1) or b"v%d" % len(n)  # noqa: E731
    assert cache.get("k", compute) == b"v1"
    cache.invalidate()
    assert cache.get("k", compute) == b"v2"


def test_cache_spaces_recomputations_of_an_expensive_key():
    cache = ResultCache(sync_cost=0.0, refresh_after=60.0)  # sync_cost 0: every answer counts as expensive
    calls = []
    assert cache.get("k", lambda: b"v0") == b"v0"
    cache.invalidate()
    assert cache.get("k", lambda: calls.append(1) or b"v1") == b"v0"  # computed < refresh_after ago
    assert calls == [] and cache.stats()["stale"] == 1


def test_cache_under_writes_serves_stale_and_refreshes_once_in_the_background():
    cache = ResultCache(sync_cost=0.0, refresh_after=0.0)
    gate = threading.Event()
    calls = []

    def slow():
        calls.append(1)
        gate.wait(5)
        return b"v%d" % len(calls)

    assert cache.get("k", lambda: b"v0") == b"v0"
    cache.invalidate()
    started = time.perf_counter()
    assert [cache.get("k", slow) for _ in range(20)] == [b"v0"] * 20  # at once, no waiting
    assert time.perf_counter() - started < 1.0
    _wait_for(lambda: calls)
    assert len(calls) == 1  # one refresh, however many asked
    gate.set()
    _wait_for(lambda: cache.get("k", slow) == b"v1")
    assert len(calls) == 1 and cache.stats()["refreshes"] == 1


def test_cache_cheap_stale_entry_is_recomputed_once_while_others_get_it_stale():
    cache = ResultCache()
    gate = threading.Event()
    calls = []

    def slow():
        calls.append(1)
        gate.wait(5)
        return b"v%d" % len(calls)

    assert cache.get("k", lambda: b"v0") == b"v0"
    cache.invalidate()
    results = []
    leader = threading.Thread(target=lambda: results.append(cache.get("k", slow)))
    leader.start()
    _wait_for(lambda: calls)
    assert cache.get("k", slow) == b"v0"  # stale while the leader recomputes, no second computation
    gate.set()
    leader.join()
    assert results == [b"v1"] and len(calls) == 1
    assert cache.get("k", slow) == b"v1"


def test_cache_waiters_share_the_leaders_result_and_errors():
    cache = ResultCache()
    gate = threading.Event()
    calls = []

    def boom():
        calls.append(1)
        gate.wait(5)
        raise ValueError("no")

    errors = []

    def ask():
        try:
            cache.get("k", boom)
        except ValueError as exc:
            errors.append(str(exc))

    threads = [threading.Thread(target=ask) for _ in range(5)]
    for t in threads:
        t.start()
    while not calls:
        time.sleep(0.01)
    time.sleep(0.05)
    gate.set()
    for t in threads:
        t.join()
    assert errors == ["no"] * 5 and len(calls) == 1


def test_serve_command_passes_options_to_uvicorn(writable_db, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from realpolitik.cli import app

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: seen.update(kw, app=application))
    monkeypatch.setenv("REALPOLITIK_TOKEN", "s3cret")
    result = CliRunner().invoke(app, ["serve", "--db", str(writable_db), "--port", "8123", "--cors-origin", "http://localhost:3000"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    backend = seen["app"].state.backend
    assert backend.token == "s3cret" and backend.writes and backend.store.read_only is False
    backend.close()


def test_serve_command_without_token_is_read_only(sample_db, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from realpolitik.cli import app

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: seen.update(kw, app=application))
    monkeypatch.delenv("REALPOLITIK_TOKEN", raising=False)
    assert CliRunner().invoke(app, ["serve", "--db", str(sample_db)]).exit_code == 0
    assert seen["app"].state.backend.writes is False and seen["app"].state.backend.store.read_only is True
    seen["app"].state.backend.close()


def test_serve_command_reports_a_missing_store(tmp_path):
    from typer.testing import CliRunner

    from realpolitik.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.output
