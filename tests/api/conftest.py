"""Fixtures for the API tests: a store made from the bundled sample with the real coder, and
apps over it (read-only, or over a writable copy with a token)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from api_helpers import TOKEN
from fastapi.testclient import TestClient

from realpolitik.api import create_app
from realpolitik.ingest.pipeline import ingest
from realpolitik.store import Store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = [ROOT / "samples" / "seed_article.jsonl", ROOT / "samples" / "wikinews_sample.jsonl"]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, coder) -> Path:
    path = tmp_path_factory.mktemp("api-store") / "sample.duckdb"
    with Store(path) as store:
        summary = ingest([str(p) for p in SAMPLES], store, coder=coder, progress=False)
    assert summary.ok and summary.events > 0
    return path


@pytest.fixture(scope="session")
def client(sample_db) -> TestClient:
    """A read-only app over the sample store (no token: writes are off)."""
    with TestClient(create_app(sample_db, warm_up=False)) as c:
        yield c


@pytest.fixture
def writable_db(sample_db, tmp_path) -> Path:
    path = tmp_path / "writable.duckdb"
    shutil.copyfile(sample_db, path)
    return path


@pytest.fixture
def writer(writable_db, coder) -> TestClient:
    """An app over a copy of the sample store, with writes on (bearer token TOKEN)."""
    with TestClient(create_app(writable_db, token=TOKEN, coder=coder, warm_up=False)) as c:
        yield c
