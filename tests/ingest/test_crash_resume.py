"""Crash safety: ``kill -9`` an ingest at any point, run the same command again, and the store
ends exactly as after one clean run: the same articles, events, duplicates and mentions, none
lost and none twice.

Runs the real command line in a subprocess on a folder of 40 small generated articles (two of
them copies of others) with ``--batch-size 5``. ``REALPOLITIK_INGEST_PAUSE`` holds each batch
open for a moment (inside its transaction, or before coding it) so the kill lands mid-batch.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

COUNTRIES = ["Russia", "Ukraine", "China", "Japan", "France", "Germany", "Iran", "Israel", "India", "Pakistan", "Turkey", "Egypt", "Brazil", "Canada", "Poland", "Mexico"]
SENTENCES = [
    "{a} imposed sanctions on {b} on {day}.",
    "{a} accused {b} of violating the ceasefire near the border.",
    "{a} threatened {b} with military action over the disputed islands.",
    "{a} signed a trade agreement with {b} on {day}.",
    "{a} condemned the missile test carried out by {b}.",
    "{a} expelled diplomats from {b} after a spying scandal.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(37):
        a = COUNTRIES[i % 16]
        b = COUNTRIES[(i * 7 + 3) % 16]
        if a == b:
            b = COUNTRIES[(i + 5) % 16]
        first = SENTENCES[i % 6].format(a=a, b=b, day=DAYS[i % 5])
        second = SENTENCES[(i // 6 + i + 1) % 6].format(a=b, b=a, day=DAYS[(i + 2) % 5])
        (folder / f"art-{i:02d}.txt").write_text(f"{first} {second} Officials spoke to reporters about item {i}.\n")
    long = (
        "Russia imposed new sanctions on Ukraine on Monday, the foreign ministry in Moscow said in a statement. "
        "The measures target banks and energy companies, officials said."
    )
    (folder / "art-04b.txt").write_text(long + "\n")
    (folder / "art-33b.txt").write_text(long.replace("banks", "lenders").replace("officials said", "officials added") + "\n")  # near copy
    (folder / "art-35b.txt").write_text((folder / "art-12.txt").read_text())  # exact copy


def command(folder: Path, db: Path, *extra: str) -> list[str]:
    entry = Path(sys.executable).with_name("realpolitik")
    prefix = [str(entry)] if entry.exists() else [sys.executable, "-c", "from realpolitik.cli import main; main()"]
    return [*prefix, "ingest", str(folder), "--db", str(db), "--batch-size", "5", "--no-progress", *extra]


def env(pause: str | None = None) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "REALPOLITIK_INGEST_PAUSE"}
    if pause:
        environment["REALPOLITIK_INGEST_PAUSE"] = pause
    return environment


def snapshot(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": sorted(con.execute("SELECT doc_id, content_hash, duplicate_of, duplicate_kind, date_source FROM articles").fetchall()),
            "events": sorted(con.execute("SELECT id, doc_id, cameo, num_mentions, num_sources, record FROM events").fetchall()),
            "mentions": sorted(con.execute("SELECT event_id, doc_id, kind FROM mentions").fetchall()),
            "commitments": sorted(con.execute("SELECT id FROM commitments").fetchall()),
            "actors": sorted(con.execute("SELECT code, n_events FROM actors").fetchall()),
            "bands": con.execute("SELECT count(*) FROM lsh_bands").fetchall()[0][0],
        }
    finally:
        con.close()


def stored_articles(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    finally:
        con.close()


def kill_after_commit(folder: Path, db: Path, pause: str, delay: float) -> None:
    """Start an ingest, wait until it has committed a batch of new articles (a re-run first
    passes over the batches stored already), let it run ``delay`` s more, and kill -9 it."""
    process = subprocess.Popen(command(folder, db, "--verbose"), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env(pause))
    try:
        deadline = time.monotonic() + 120
        for line in process.stderr:
            if line.startswith("committed batch") and not line.split(": ", 1)[1].startswith("0 article"):
                break
            assert time.monotonic() < deadline, "no batch committed in time"
        else:
            pytest.fail(f"ingest ended before committing a batch (exit {process.wait()})")
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
        process.stderr.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash") / "articles"
    write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def clean(corpus):
    db = corpus.parent / "clean.duckdb"
    result = subprocess.run(command(corpus, db), capture_output=True, text=True, env=env(), timeout=300)
    assert result.returncode == 0, result.stderr
    state = snapshot(db)
    assert len(state["articles"]) == 40 and len(state["events"]) >= 40
    assert sum(1 for a in state["articles"] if a[3] == "near") == 1 and sum(1 for a in state["articles"] if a[3] == "exact") == 1
    return state


def test_kill_9_mid_batch_then_rerun_gives_the_clean_result(corpus, clean, tmp_path):
    db = tmp_path / "crashed.duckdb"
    # killed inside the second batch's transaction: batch 1 is kept, batch 2 must vanish whole
    kill_after_commit(corpus, db, "transaction:0.6", 0.2)
    assert stored_articles(db) == 5
    # killed again, this time while a later batch is being coded
    kill_after_commit(corpus, db, "coding:0.6", 0.2)
    assert 5 < stored_articles(db) < 40
    result = subprocess.run(command(corpus, db), capture_output=True, text=True, env=env(), timeout=300)
    assert result.returncode == 0, result.stderr
    assert "already stored" in result.stdout
    assert snapshot(db) == clean


def test_kill_9_at_random_moments(corpus, clean, tmp_path):
    db = tmp_path / "random.duckdb"
    rng = random.Random(20240620)
    for _ in range(2):
        kill_after_commit(corpus, db, "", rng.uniform(0.0, 0.15))
    result = subprocess.run(command(corpus, db), capture_output=True, text=True, env=env(), timeout=300)
    assert result.returncode == 0, result.stderr
    assert snapshot(db) == clean
    again = subprocess.run(command(corpus, db), capture_output=True, text=True, env=env(), timeout=300)
    assert again.returncode == 0 and "0 new" in again.stdout and snapshot(db) == clean
    shutil.rmtree(tmp_path, ignore_errors=True)
