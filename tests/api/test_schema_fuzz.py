"""Schemathesis against the OpenAPI schema, in process (ASGI): no generated request may get a
5xx. Bounded: a few dozen examples per operation, so the run takes well under two minutes."""

from __future__ import annotations

import pytest
import schemathesis
from api_helpers import TOKEN
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from realpolitik.api import create_app

EXAMPLES = 60


@pytest.fixture(scope="module")
def fuzz_app(sample_db, tmp_path_factory, coder):
    # a writable copy, with a token, so POST /api/articles is exercised for real too
    import shutil

    path = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    shutil.copyfile(sample_db, path)
    app = create_app(path, token=TOKEN, coder=coder, warm_up=False)
    with TestClient(app):  # runs start-up and shut-down
        yield app


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


OPERATIONS = [
    ("GET", "/health"),
    ("GET", "/api/stats"),
    ("GET", "/api/vocabulary"),
    ("GET", "/api/actors"),
    ("GET", "/api/events"),
    ("GET", "/api/events/{event_id}"),
    ("GET", "/api/articles/{doc_id}"),
    ("POST", "/api/articles"),
    ("GET", "/api/dyad"),
    ("GET", "/api/graph"),
    ("GET", "/api/whatif"),
]


def test_every_operation_is_fuzzed(api_schema):
    found = {(r.ok().method.upper(), r.ok().path) for r in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


# schemathesis's own pytest plugin does not run on pytest 9 yet: drive Hypothesis directly
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_server_errors(api_schema, method, path):
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {TOKEN}"} if method == "POST" else None
    checks = [schemathesis.checks.not_a_server_error, schemathesis.checks.response_schema_conformance]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    @given(case=operation.as_strategy())
    def run(case):
        case.call_and_validate(headers=headers, checks=checks)

    run()
