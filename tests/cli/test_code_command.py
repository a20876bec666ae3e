"""``realpolitik code``: JSONL out as in the spec; bad input is one line, non-zero, no traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args, stdin: bytes = b""):
    result = subprocess.run(
        [sys.executable, "-c", "from realpolitik.cli import main; main()", "code", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    return result.returncode, result.stdout.decode(), result.stderr.decode()


def test_stdin_to_spec_records():
    rc, out, err = run("--date", "2024-06-20", stdin=b"Putin warned South Korea.")
    assert rc == 0, err
    record = json.loads(out.splitlines()[0])
    assert record["source"]["code"] == "RUSGOV" and record["target"]["code"] == "KOR"
    assert record["cameo"] == "130" and record["plover"]["event"] == "THREATEN" and record["modality"] == "asserted"
    assert set(record) >= {"id", "doc_id", "date", "source", "target", "cameo", "root", "quad_class", "goldstein",
                           "plover", "modality", "condition", "location", "sentence", "trigger", "confidence", "coder"}


def test_jsonl_input_keeps_ids_and_puts_commitments_last():
    rc, out, err = run("--jsonl", str(ROOT / "samples" / "seed_article.jsonl"))
    assert rc == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["doc_id"] for r in records} == {"seed-article"}
    kinds = [r.get("kind", "event") for r in records]
    assert kinds.count("commitment") == 3
    assert kinds == sorted(kinds, key=lambda kind: kind == "commitment")  # events first


def test_table_format():
    rc, out, _ = run("--format", "table", "--date", "2024-06-20", str(ROOT / "samples" / "seed_article.txt"))
    assert rc == 0 and "THREATEN" in out and "negated" in out


def test_a_bad_jsonl_line_is_reported_and_skipped(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Russia attacked Ukraine."}\n{oops\n{"id": "b", "text": "China criticized Japan."}\n', encoding="utf-8")
    rc, out, err = run("--jsonl", str(path))
    assert rc == 1
    assert {json.loads(line)["doc_id"] for line in out.splitlines()} == {"a", "b"}
    assert f"{path}:2: malformed JSON" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p, "is a directory"),
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: (p / "bin.txt", (p / "bin.txt").write_bytes(b"\x00\x01\x02" * 100))[0], "binary data"),
        (lambda p: (p / "latin.txt", (p / "latin.txt").write_bytes("Caf\xe9 in Paris".encode("latin-1")))[0], "not valid UTF-8"),
        (lambda p: (p / "empty.txt", (p / "empty.txt").write_text("  \n"))[0], "empty text"),
        (lambda p: (p / "big.txt", (p / "big.txt").write_bytes(b"word " * 10_500_000))[0], "larger than"),
        (lambda p: (p / "de.txt", (p / "de.txt").write_text("Der russische Präsident hat Südkorea davor gewarnt, die Ukraine zu bewaffnen, sagte er am Montag in Hanoi."))[0], "not English"),
    ],
)
def test_bad_inputs_fail_in_one_line(tmp_path, make, message):
    path = make(tmp_path)
    rc, out, err = run(str(path))
    assert rc == 1
    assert message in err and str(path) in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_bad_date_and_unknown_option():
    rc, _, err = run("--date", "2024-02-30", stdin=b"Russia attacked Ukraine.")
    assert rc == 1 and "bad date" in err
    rc, _, err = run("--frobnicate")
    assert rc == 2 and "No such option" in err and "Traceback" not in err
