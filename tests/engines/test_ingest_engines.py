"""``realpolitik ingest --engine dask`` stores exactly what the local engine stores."""

import json
from pathlib import Path

from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.store import Store

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _slice(tmp_path: Path, count: int = 12) -> Path:
    path = tmp_path / "slice.jsonl"
    with open(SHARED / "corpus" / "wikinews.jsonl", encoding="utf-8") as source, open(path, "w", encoding="utf-8") as out:
        for number, line in enumerate(source):
            if number == count:
                break
            out.write(line)
    return path


def _stored(db: Path) -> tuple[list, list]:
    with Store(db, read_only=True) as store:
        frame = store.events_frame()
        events = sorted(json.dumps(store.event(event_id), sort_keys=True, default=str) for event_id in frame["id"])
        commitments = sorted(json.dumps(c.to_dict(), sort_keys=True) for c in store.commitments())
    return events, commitments


def test_dask_engine_stores_the_same_records_as_the_local_engine(tmp_path):
    corpus = _slice(tmp_path)
    runner = CliRunner()
    local = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "local.duckdb"), "--no-progress"])
    assert local.exit_code == 0, local.output
    parts = tmp_path / "parts"
    dask = runner.invoke(
        app,
        ["ingest", str(corpus), "--db", str(tmp_path / "dask.duckdb"), "--no-progress", "--engine", "dask", "--workers", "2", "--parquet-dir", str(parts), "--batch-size", "6"],
    )
    assert dask.exit_code == 0, dask.output
    local_events, local_commitments = _stored(tmp_path / "local.duckdb")
    assert local_events
    assert _stored(tmp_path / "dask.duckdb") == (local_events, local_commitments)
    assert sorted(p.name for p in parts.glob("*.parquet"))[0] == "part-00000.parquet"


def test_local_engine_with_two_processes_stores_the_same_records(tmp_path):
    corpus = _slice(tmp_path, 8)
    runner = CliRunner()
    one = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "one.duckdb"), "--no-progress"])
    two = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "two.duckdb"), "--no-progress", "-j", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, (one.output, two.output)
    assert _stored(tmp_path / "one.duckdb") == _stored(tmp_path / "two.duckdb")
