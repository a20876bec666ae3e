"""Opening a store: new, existing, and every way it can go wrong, each one clear line.

The store is one DuckDB file. Opening it creates or migrates the schema; a file that is not
DuckDB, a store locked by another process, a store written by a newer realpolitik, or another
application's database is refused with a ``StoreError`` that names the file and never changes it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from realpolitik.store import SCHEMA_VERSION, Store, StoreError, default_path
from realpolitik.store import schema


def test_a_new_store_has_the_current_schema_and_is_empty(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        counts = store.counts()
    assert counts["articles"] == counts["events"] == counts["commitments"] == counts["actors"] == 0
    assert counts["schema_version"] == SCHEMA_VERSION
    with Store(path, read_only=True) as store:  # reopening keeps it
        assert store.schema_version == SCHEMA_VERSION


def test_the_tables_exist(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path), read_only=True)
    tables = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert {"meta", "articles", "events", "mentions", "commitments", "actors", "lsh_bands"} <= tables


def test_default_path_is_the_environment_variable_or_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("REALPOLITIK_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert str(default_path()) == "realpolitik.duckdb"
    with Store() as store:
        assert store.path.name == "realpolitik.duckdb"
    assert (tmp_path / "realpolitik.duckdb").exists()
    monkeypatch.setenv("REALPOLITIK_DB", str(tmp_path / "env.duckdb"))
    with Store() as store:
        assert store.path == tmp_path / "env.duckdb"


def test_an_empty_placeholder_file_becomes_a_store(tmp_path):
    path = tmp_path / "placeholder.duckdb"
    path.touch()
    with Store(path) as store:
        assert store.counts()["articles"] == 0


def test_a_file_that_is_not_duckdb_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n")
    with pytest.raises(StoreError, match="not a DuckDB database file") as info:
        Store(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert path.read_text() == "these are my notes, not a database\n"
    with pytest.raises(StoreError, match="not a DuckDB database file"):
        Store(path, read_only=True)


def test_another_applications_database_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a realpolitik store"):
        Store(path)


def test_a_missing_store_cannot_be_opened_read_only(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


def test_a_directory_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        Store(tmp_path)


def test_a_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "future.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="schema version 999 is newer") as info:
            Store(path, read_only=read_only)
        assert "upgrade realpolitik" in str(info.value)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [("999",)]
    con.close()


def test_migrations_are_ordered_and_reach_the_current_version():
    versions = [m.version for m in schema.MIGRATIONS]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)
    assert versions[0] == 1 and versions[-1] == SCHEMA_VERSION
    assert schema.pending(0) == list(schema.MIGRATIONS)
    assert schema.pending(SCHEMA_VERSION) == []


def test_a_store_locked_by_another_process_is_one_clear_line(tmp_path):
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time, duckdb
                con = duckdb.connect({str(path)!r})
                print("ready", flush=True)
                sys.stdin.readline()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(StoreError) as info:
                Store(path, read_only=read_only)
            message = str(info.value)
            assert "locked by another process" in message and f"PID {holder.pid}" in message
            assert str(path) in message and "\n" not in message
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)
    with Store(path) as store:  # free again once the other process is gone
        assert store.counts()["articles"] == 0


def test_a_closed_store_says_so(tmp_path):
    store = Store(tmp_path / "c.duckdb")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_read_only_stores_refuse_writes(tmp_path):
    path = tmp_path / "ro.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.write_articles([])
