"""Exports, each written and read back: Parquet (pandas), GDELT 2.0 event rows (TSV with
GDELT's header), PLOVER JSON records, CSV and JSONL spec records; and ``realpolitik export``.
"""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.export import export, gdelt, plover
from realpolitik.ingest.pipeline import ingest_articles
from realpolitik.records import Article, Event
from realpolitik.store import FRAME_COLUMNS, Store
from realpolitik.store.queries import EventFilter

runner = CliRunner()

WIRE = (
    "Russia threatened Ukraine with military action on Monday, the foreign ministry in Moscow said in a statement. "
    "The warning targets ports and energy plants, officials said. China and Japan held talks in Beijing about the crisis."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    path = tmp_path_factory.mktemp("export") / "export.duckdb"
    articles = [
        Article("wire-1", WIRE, "2024-06-03", title="Warning", url="https://wire.example.com/1", source="Wire"),
        Article("copy-1", WIRE.replace("ports", "harbours"), "2024-06-04", source="Daily"),  # near copy, other outlet
        Article("undated", "France accused Iran of attacking a tanker in the Gulf."),
        Article("maybe", "Analysts expect that India might impose sanctions on Pakistan.", "2024-06-05"),
    ]
    with Store(path) as store:
        summary = ingest_articles(articles, store, coder=coder)
        assert summary.near_duplicates == 1 and summary.new == 3
    return path


@pytest.fixture()
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def test_parquet_reads_back_as_the_events_frame(store, tmp_path):
    out = tmp_path / "events.parquet"
    count = export(store, "parquet", out)
    frame = pd.read_parquet(out)
    expected = store.events_frame()
    assert count == len(expected) == len(frame) > 0
    assert tuple(frame.columns) == FRAME_COLUMNS
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False)
    assert str(frame["date"].dtype).startswith("datetime64") and str(frame["num_mentions"].dtype) == "int64"


def test_gdelt_rows_have_gdelts_61_columns_and_header(store, tmp_path):
    out = tmp_path / "events.tsv"
    count = export(store, "gdelt", out)
    lines = out.read_text().splitlines()
    header = lines[0].split("\t")
    assert header == list(gdelt.COLUMNS) and len(header) == 61
    assert header[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"] and header[-2:] == ["DATEADDED", "SOURCEURL"]
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert len(rows) == count and all(len(line.split("\t")) == 61 for line in lines[1:])
    frame = store.events_frame(modality="asserted")
    assert count == len(frame)  # GDELT reports happenings: asserted events only by default
    threat = next(r for r in rows if r["EventRootCode"] == "13")
    assert threat["Actor1CountryCode"] == "RUS" and threat["Actor2CountryCode"] == "UKR" and threat["Actor1Name"] == "RUSSIA"
    assert threat["SQLDATE"] == "20240603" and threat["MonthYear"] == "202406" and threat["Year"] == "2024"
    assert threat["NumMentions"] == "2" and threat["NumSources"] == "2" and threat["NumArticles"] == "2"
    assert threat["QuadClass"] == "3" and float(threat["GoldsteinScale"]) < 0 and threat["IsRootEvent"] == "1"
    assert threat["SOURCEURL"] == "https://wire.example.com/1" and len(threat["DATEADDED"]) == 14
    assert int(threat["GLOBALEVENTID"]) == gdelt.global_event_id(frame.loc[frame["root"] == "13", "id"].iloc[0])
    undated = next(r for r in rows if r["Actor1CountryCode"] == "FRA")
    assert undated["SQLDATE"] == "" and undated["Year"] == ""
    assert threat["AvgTone"] == "" and threat["ActionGeo_Lat"] == ""


def test_gdelt_writes_a_role_of_no_named_state_bare(store):
    stored = next(iter(store.events_batches(EventFilter(), gdelt.SELECT))).to_pylist()[0]
    record = stored | {"source_code": "---GOV", "source_country": None, "source_sector": "GOV"}
    fields = dict(zip(gdelt.COLUMNS, gdelt.row(record)))
    assert (fields["Actor1Code"], fields["Actor1CountryCode"], fields["Actor1Type1Code"]) == ("GOV", "", "GOV")


def test_gdelt_can_include_every_modality(store, tmp_path):
    out = tmp_path / "all.tsv"
    assert export(store, "gdelt", out, modality="any") == len(store.events_frame())


def test_plover_records(store, tmp_path):
    out = tmp_path / "plover.jsonl"
    count = export(store, "plover", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == count > 0
    expected = store.events_frame()
    assert count == expected["plover_event"].notna().sum()  # no PLOVER category, no record
    for record in records:
        assert tuple(record) == plover.KEYS
        assert isinstance(record["actor"], list) and isinstance(record["recipient"], list) and isinstance(record["context"], list)
        assert record["event"]
        assert set(record["cite"]) == {"doc_id", "title", "url", "source", "pub_date", "num_mentions", "num_sources"}
        start, end = record["offsets"]["trigger"]
        article = store.article(record["cite"]["doc_id"])
        assert article["text"][start:end] == store.event(record["id"])["trigger"]["text"]
    threat = next(r for r in records if r["event"] == "THREATEN")
    assert threat["actor"][0]["code"].startswith("RUS") and threat["recipient"][0]["country"] == "UKR"
    assert threat["cite"]["url"] == "https://wire.example.com/1" and threat["cite"]["num_mentions"] == 2


def test_csv_and_jsonl(store, tmp_path):
    csv_out, jsonl_out = tmp_path / "e.csv", tmp_path / "e.jsonl"
    n_csv = export(store, "csv", csv_out)
    n_jsonl = export(store, "jsonl", jsonl_out)
    with open(csv_out, newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == FRAME_COLUMNS and len(rows) == n_csv == n_jsonl == len(store.events_frame())
    records = [json.loads(line) for line in jsonl_out.read_text().splitlines()]
    for record in records:
        event = Event.from_dict(record)
        assert event.id == record["id"] and record["num_mentions"] >= 1
        assert store.event(event.id)["sentence"] == record["sentence"]


def test_filters_apply_to_exports(store, tmp_path):
    out = tmp_path / "dyad.jsonl"
    count = export(store, "jsonl", out, dyad="UKR:RUS")
    assert count == len(store.events_frame(dyad="RUS:UKR")) > 0
    assert all({json.loads(l)["source"]["country"], json.loads(l)["target"]["country"]} == {"RUS", "UKR"} for l in out.read_text().splitlines())


def test_a_failed_export_leaves_no_file(store, tmp_path):
    out = tmp_path / "never.parquet"
    with pytest.raises(ValueError):
        export(store, "parquet", out, since="not a date")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xml", out)


# ---------------------------------------------------------------------------- the command


@pytest.mark.parametrize("fmt, name", [("gdelt", "e.tsv"), ("plover", "p.jsonl"), ("parquet", "e.parquet"), ("csv", "e.csv"), ("jsonl", "e.jsonl")])
def test_the_export_command_writes_each_format(db, tmp_path, fmt, name):
    out = tmp_path / name
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert out.exists() and out.stat().st_size > 0 and "wrote" in result.output


def test_the_export_command_to_stdout_with_filters(db):
    result = runner.invoke(app, ["export", "--format", "gdelt", "--db", str(db), "--actor", "RUS"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("GLOBALEVENTID\tSQLDATE") and len(lines) >= 2


def test_export_errors_are_one_line(db, tmp_path):
    result = runner.invoke(app, ["export", "--format", "parquet", "--db", str(db)])
    assert result.exit_code == 1 and "--out" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["export", "--format", "csv", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.output
    result = runner.invoke(app, ["export", "--format", "csv", "--db", str(db), "--root", "99"])
    assert result.exit_code == 1 and "root" in result.output
