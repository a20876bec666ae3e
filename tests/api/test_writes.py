"""POST /api/articles: the token rules, the body cap, and what an ingest returns."""

from __future__ import annotations

import json

import pytest
from api_helpers import TOKEN, auth
from fastapi.testclient import TestClient

from realpolitik.api import create_app

TEXT = "North Korea warned Japan against joining the exercises. Japan said it would not back down."


def post(client, body=None, headers=None, **kw):
    return client.post("/api/articles", json=body, headers=headers or {}, **kw)


def test_writes_are_off_without_a_configured_token(client):
    for headers in ({}, auth(), auth("anything")):
        r = post(client, {"text": TEXT}, headers)
        assert r.status_code == 403, headers
        assert "writes are off" in r.json()["detail"]


def test_missing_or_malformed_credentials_are_401(writer):
    for headers in ({}, {"Authorization": "Bearer"}, {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN}):
        r = post(writer, {"text": TEXT}, headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"].startswith("Bearer")


def test_a_wrong_token_is_401_invalid_token(writer):
    for token in ("wrong", TOKEN + "x", TOKEN[:-1], TOKEN.upper()):
        r = post(writer, {"text": TEXT}, auth(token))
        assert r.status_code == 401
        assert 'error="invalid_token"' in r.headers["www-authenticate"]


def test_tokens_are_compared_in_constant_time(writer, monkeypatch):
    import realpolitik.api.security as security

    calls = []
    real = security.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    post(writer, {"text": TEXT}, auth("wrong"))
    assert calls == [(b"wrong", TOKEN.encode())]


def test_credentials_are_checked_before_the_body_is_parsed(writer):
    r = writer.post("/api/articles", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 401


def test_post_ingests_and_returns_the_events(writer):
    r = post(writer, {"id": "api-test-1", "text": TEXT, "date": "2024-07-01", "title": "Test", "source": "Wire"}, auth())
    assert r.status_code == 201, r.text
    data = r.json()
    assert data["status"] == "new" and data["doc_id"] == "api-test-1" and data["duplicate_of"] is None
    pairs = {(e["source"]["country"], e["target"]["country"] if e["target"] else None) for e in data["events"]}
    assert ("PRK", "JPN") in pairs
    # the reads see it at once (the cache is invalidated by the write)
    stored = writer.get("/api/articles/api-test-1").json()
    assert stored["title"] == "Test" and stored["source"] == "Wire" and len(stored["events"]) == len(data["events"])
    listed = writer.get("/api/events", params={"dyad": "PRK:JPN", "since": "2024-07-01"}).json()["items"]
    assert {e["id"] for e in listed} >= {e["id"] for e in data["events"] if e["target"] and e["target"]["country"] == "JPN"}
    assert writer.get("/api/stats").json()["last_date"] == "2024-07-01"


def test_repeats_duplicates_and_conflicts(writer):
    first = post(writer, {"id": "a1", "text": TEXT, "date": "2024-07-01"}, auth())
    assert first.status_code == 201
    again = post(writer, {"id": "a1", "text": TEXT, "date": "2024-07-01"}, auth())
    assert again.status_code == 200 and again.json()["status"] == "already_stored"
    copy = post(writer, {"id": "a2", "text": TEXT, "date": "2024-07-02"}, auth())
    assert copy.status_code == 200
    assert copy.json()["status"] == "duplicate" and copy.json()["duplicate_of"] == "a1"
    assert [e["id"] for e in copy.json()["events"]] == [e["id"] for e in first.json()["events"]]
    assert all(e["num_mentions"] == 2 for e in copy.json()["events"])
    clash = post(writer, {"id": "a1", "text": "Japan protested to China about the fishing boats.", "date": "2024-07-01"}, auth())
    assert clash.status_code == 409 and "different text" in clash.json()["detail"]


def test_an_article_without_id_gets_one_from_its_text(writer):
    r = post(writer, {"text": TEXT}, auth())
    assert r.status_code == 201 and r.json()["doc_id"].startswith("api-")
    assert post(writer, {"text": TEXT}, auth()).json()["status"] == "already_stored"


def test_plain_text_body(writer):
    r = writer.post(
        "/api/articles", content=TEXT.encode(), params={"date": "2024-07-03", "id": "plain-1"},
        headers={**auth(), "Content-Type": "text/plain; charset=utf-8"},
    )  # fmt: skip
    assert r.status_code == 201 and r.json()["doc_id"] == "plain-1"
    assert writer.get("/api/articles/plain-1").json()["date"] == "2024-07-03"


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "   \n  "},
        {"text": "Die Regierung in Berlin hat heute neue Sanktionen gegen Russland beschlossen, sagte der Sprecher."},
        {"text": TEXT, "date": "2024-02-30"},
        {"text": TEXT, "url": "https://example.org/a"},
        {"text": TEXT, "id": ""},
        {"text": 42},
        {"id": "x"},
    ],
)
def test_invalid_articles_are_422(writer, body):
    r = post(writer, body, auth())
    assert r.status_code == 422, r.text


def test_malformed_json_non_utf8_and_other_media_types(writer):
    assert writer.post("/api/articles", content=b"{", headers={**auth(), "Content-Type": "application/json"}).status_code == 422
    assert writer.post("/api/articles", content=b"\xff\xfe", headers={**auth(), "Content-Type": "text/plain"}).status_code == 422
    r = writer.post("/api/articles", content=b"text=x", headers={**auth(), "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415


def test_body_cap_by_content_length_before_reading(writable_db, coder):
    app = create_app(writable_db, token=TOKEN, coder=coder, max_body_bytes=1000, warm_up=False)
    with TestClient(app) as c:
        r = c.post("/api/articles", content=json.dumps({"text": "x" * 2000}), headers={**auth(), "Content-Type": "application/json"})
        assert r.status_code == 413 and "larger than 1000 bytes" in r.json()["detail"]
        # a lying or broken Content-Length is refused too
        r = c.post("/api/articles", content=b"{}", headers={**auth(), "Content-Type": "application/json", "Content-Length": "abc"})
        assert r.status_code == 400


def test_body_cap_on_a_streamed_body(writable_db, coder):
    app = create_app(writable_db, token=TOKEN, coder=coder, max_body_bytes=1000, warm_up=False)
    sent = []

    def chunks():
        for _ in range(50):
            sent.append(1)
            yield b"x" * 100

    with TestClient(app) as c:
        r = c.post("/api/articles", content=chunks(), headers={**auth(), "Content-Type": "text/plain"})
        assert r.status_code == 413
        assert "content-length" not in {k.lower() for k in r.request.headers}


def test_default_body_cap_is_5_mb(writer):
    big = b"a" * (5 * 1024 * 1024 + 1)
    r = writer.post("/api/articles", content=big, headers={**auth(), "Content-Type": "text/plain"})
    assert r.status_code == 413
