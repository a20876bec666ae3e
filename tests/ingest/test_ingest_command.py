"""``realpolitik ingest``: a summary at the end, each bad file one line with its path and reason,
a non-zero exit if anything failed, and clear one-line errors for a bad or locked store.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from typer.testing import CliRunner

from realpolitik.cli import app
from realpolitik.store import Store

runner = CliRunner()


def inputs(folder):
    folder.mkdir()
    (folder / "a.txt").write_text("Russia imposed sanctions on Ukraine on Monday.\n")
    (folder / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "China and Japan held talks in Beijing.", "date": "2024-03-01"}) + "\n")
    return folder


def test_ingest_prints_a_summary_and_succeeds(tmp_path):
    folder = inputs(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stdout and "0 failed" in result.stdout and "events:" in result.stdout
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-progress"])
    assert again.exit_code == 0 and "0 new" in again.stdout and "2 already stored" in again.stdout
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 2


def test_a_bad_file_is_reported_skipped_and_the_exit_is_non_zero(tmp_path):
    folder = inputs(tmp_path / "in")
    (folder / "c.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--date", "2024-01-01"])
    assert result.exit_code == 1
    assert "skipped" in result.output and "c.txt: binary data, not text" in result.output
    assert "2 new" in result.output and "1 failed" in result.output and "Traceback" not in result.output
    with Store(db, read_only=True) as store:
        assert store.counts()["articles"] == 2 and store.counts()["undated_articles"] == 0


def test_a_bad_date_option_is_one_line(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.duckdb"), "--date", "March"])
    assert result.exit_code == 1 and "bad date" in result.output and "Traceback" not in result.output


def test_a_file_that_is_not_duckdb_is_one_line_and_untouched(tmp_path):
    folder = inputs(tmp_path / "in")
    db = tmp_path / "notes.duckdb"
    db.write_text("my notes")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1 and "not a DuckDB database file" in result.output and "Traceback" not in result.output
    assert db.read_text() == "my notes"


def test_a_locked_store_is_one_line(tmp_path):
    folder = inputs(tmp_path / "in")
    db = tmp_path / "locked.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(db)!r})
            print("ready", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
        assert result.exit_code == 1 and "locked by another process" in result.output and "Traceback" not in result.output
        events = runner.invoke(app, ["events", "--db", str(db)])
        assert events.exit_code == 1 and "locked by another process" in events.output
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)


def test_the_default_store_is_in_the_working_folder(tmp_path, monkeypatch):
    folder = inputs(tmp_path / "in")
    monkeypatch.delenv("REALPOLITIK_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["ingest", str(folder), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "realpolitik.duckdb").exists()
    monkeypatch.setenv("REALPOLITIK_DB", str(tmp_path / "env.duckdb"))
    result = runner.invoke(app, ["ingest", str(folder), "--no-progress"])
    assert result.exit_code == 0 and (tmp_path / "env.duckdb").exists()
