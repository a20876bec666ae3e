"""``realpolitik events``: the filters of ``Store.events_frame`` as options, printed as a table,
JSONL or CSV; and ``realpolitik.store.events`` as the same thing in Python.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.records import ActorRef, Article, Event, Plover, SentenceRef, Span, stable_id
from realpolitik.store import FRAME_COLUMNS, Store, StoredArticle, events

runner = CliRunner()


def event(doc, day, index, source, cameo, target, plover_event, modality="asserted"):
    text = f"{source} and {target} sentence {index}."
    return Event(
        id=stable_id(doc, index, cameo),
        doc_id=doc,
        date=day,
        source=ActorRef(source, source[:3], source[3:] or None, source, source, 0, len(source)),
        target=ActorRef(target, target[:3], None, target, target, 8, 8 + len(target)),
        cameo=cameo,
        root=cameo[:2],
        quad_class=3 if cameo[:2] in ("11", "13") else 1,
        goldstein=-4.4 if cameo[:2] == "13" else 1.0,
        plover=Plover(plover_event),
        modality=modality,
        condition=None,
        location=None,
        sentence=SentenceRef(index, text, 0, len(text)),
        trigger=Span("and", 4, 7),
        confidence=0.8,
        coder="test",
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cmd") / "cmd.duckdb"
    records = [
        event("d1", "2024-06-10", 0, "RUSGOV", "130", "KOR", "THREATEN"),
        event("d1", "2024-06-10", 1, "KOR", "112", "RUS", "ACCUSE"),
        event("d1", "2024-06-10", 2, "USA", "040", "JPN", "CONSULT", "intended"),
    ]
    late = [event("d2", "2024-07-01", 0, "UKR", "130", "RUS", "THREATEN", "hypothetical")]
    with Store(path) as store:
        store.write_articles(
            [
                StoredArticle(Article("d1", "text one", "2024-06-10"), "h1", "article", records=records),
                StoredArticle(Article("d2", "text two", "2024-07-01"), "h2", "article", records=late),
            ]
        )
    return path


def invoke(db, *args):
    return runner.invoke(app, ["events", "--db", str(db), *args])


def test_the_table(db):
    result = invoke(db)
    assert result.exit_code == 0, result.output
    assert "4 event(s)" in result.stdout and "THREATEN" in result.stdout and "RUSGOV" in result.stdout


def test_jsonl_with_a_dyad(db):
    result = invoke(db, "--dyad", "RUS:KOR", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2 and tuple(rows[0]) == FRAME_COLUMNS
    assert rows[0]["date"] == "2024-06-10" and rows[0]["num_mentions"] == 1 and rows[0]["location_country"] is None


def test_csv_with_filters(db):
    result = invoke(db, "--format", "csv", "--actor", "RUS", "--root", "13", "--since", "2024-06-01", "--until", "2024-06-30")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["source_code"], r["cameo"], r["date"]) for r in rows] == [("RUSGOV", "130", "2024-06-10")]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["--category", "threaten"], 2),
        (["--modality", "hypothetical"], 1),
        (["--modality", "intended", "--actor", "USA"], 1),
        (["--limit", "1"], 1),
        (["--actor", "FRA"], 0),
    ],
)
def test_each_filter(db, args, expected):
    result = invoke(db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == expected


def test_bad_options_are_one_line(db, tmp_path):
    for args, words in [(["--dyad", "RUS"], "dyad"), (["--since", "June"], "bad date"), (["--modality", "sure"], "modality")]:
        result = invoke(db, *args)
        assert result.exit_code == 1 and words in result.output and "Traceback" not in result.output
    result = invoke(tmp_path / "missing.duckdb")
    assert result.exit_code == 1 and "no such store" in result.output
    assert not (tmp_path / "missing.duckdb").exists()


def test_the_python_function_returns_the_same_frame(db):
    frame = events(db, dyad="RUS:KOR")
    assert tuple(frame.columns) == FRAME_COLUMNS and len(frame) == 2
