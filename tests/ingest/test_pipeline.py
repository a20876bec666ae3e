"""The ingest pipeline, in process: idempotence, duplicates before coding, dates, bad inputs.

Articles are one to three sentences with real country names, so the coder finds events fast.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from realpolitik.ingest.pipeline import IngestSummary, ProgressInfo, ingest, ingest_articles
from realpolitik.records import Article
from realpolitik.store import Store

WIRE = (
    "Russia imposed new sanctions on Ukraine on Monday, the foreign ministry in Moscow said in a statement. "
    "The measures target banks and energy companies, officials said. China and Japan held talks in Beijing "
    "on Tuesday about the crisis, and the United States accused Russia of escalating the conflict."
)
COPY = WIRE.replace("Monday", "Tuesday").replace("banks", "lenders").replace("officials said", "officials added")


class CountingCoder:
    """The real coder, recording which articles it was asked to code."""

    def __init__(self, coder, fail_on: str | None = None) -> None:
        self.coder = coder
        self.coded: list[str] = []
        self.fail_on = fail_on

    def code_articles(self, articles, batch_size: int = 16):
        for article, records in self.coder.code_articles(articles, batch_size=batch_size):
            if article.id == self.fail_on:
                raise RuntimeError("coder bug")
            self.coded.append(article.id)
            yield article, records


@pytest.fixture()
def counting(coder):
    return CountingCoder(coder)


def write_inputs(folder):
    folder.mkdir(exist_ok=True)
    (folder / "sanctions.txt").write_text("Russia imposed sanctions on Ukraine on Monday.\n")
    (folder / "wire.jsonl").write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"id": "j1", "text": "North Korea threatened South Korea with military action.", "date": "2024-02-04", "source": "KCNA"},
                {"id": "j2", "text": "The United States accused Iran of attacking a tanker in the Gulf.", "date": "2024-02-03"},
            ]
        )
        + "\n"
    )
    (folder / "table.csv").write_text('id,text,date\nc1,"France and Germany held talks in Berlin about energy.",2024-01-15\n')
    return folder


def test_the_same_inputs_twice_are_stored_once(tmp_path, counting):
    inputs = write_inputs(tmp_path / "in")
    with Store(tmp_path / "s.duckdb") as store:
        first = ingest([inputs], store, coder=counting, progress=False)
        counts = store.counts()
        frame = store.events_frame()
        second = ingest([inputs], store, coder=counting, progress=False)
        assert store.counts() == counts
        assert store.events_frame().equals(frame)
    assert first.new == 4 and first.failed == 0 and first.events == counts["events"] >= 4
    assert second.new == 0 and second.already_stored == 4 and second.events == 0 and second.ok
    assert sorted(counting.coded) == sorted(set(counting.coded))  # nothing coded twice


def test_a_near_copy_is_linked_not_coded_and_adds_mentions(tmp_path, counting):
    with Store(tmp_path / "d.duckdb") as store:
        ingest_articles([Article("reuters-1", WIRE, "2024-06-03", source="Reuters")], store, coder=counting)
        before = store.events_frame().set_index("id")
        assert len(before) >= 2 and set(before["num_mentions"]) == {1}
        summary = ingest_articles(
            [
                Article("ap-1", COPY, "2024-06-04", source="AP"),  # another outlet: +1 mention, +1 source
                Article("reuters-2", COPY.replace("crisis", "situation"), "2024-06-04", source="Reuters"),  # +1 mention only
                Article("exact-1", WIRE, "2024-06-05", source="AP"),  # exact copy: +1 mention
            ],
            store,
            coder=counting,
        )
        after = store.events_frame().set_index("id")
        copy = store.article("ap-1")
        first = store.article("reuters-1")
    assert counting.coded == ["reuters-1"]  # the copies were never parsed
    assert summary.near_duplicates == 2 and summary.exact_duplicates == 1 and summary.new == 0 and summary.events == 0
    assert summary.mentions_added == 3 * len(before)
    assert list(after.index) == list(before.index)  # no new events
    assert set(after["num_mentions"]) == {4} and set(after["num_sources"]) == {2}
    assert copy["duplicate_of"] == "reuters-1" and copy["duplicate_kind"] == "near" and copy["events"] == []
    assert first["duplicates"] == ["ap-1", "reuters-2", "exact-1"]


def test_dates_come_from_the_record_then_the_option_and_are_never_guessed(tmp_path, coder):
    inputs = write_inputs(tmp_path / "in")
    with Store(tmp_path / "u.duckdb") as store:
        ingest([inputs / "sanctions.txt", inputs / "wire.jsonl"], store, coder=coder, progress=False)
        undated = store.article(store.events_frame(actor="UKR")["doc_id"].iloc[0])
        dated = store.article("j1")
        assert undated["date"] is None and undated["date_known"] is False and undated["date_source"] == "unknown"
        assert store.events_frame(actor="UKR")["date"].isna().all()
        assert dated["date"] == "2024-02-04" and dated["date_source"] == "article"
    with Store(tmp_path / "o.duckdb") as store:
        ingest([inputs / "sanctions.txt", inputs / "wire.jsonl"], store, coder=coder, date="2024-05-01", progress=False)
        assert store.article(store.events_frame(actor="UKR")["doc_id"].iloc[0])["date"] == "2024-05-01"
        assert store.article(store.events_frame(actor="UKR")["doc_id"].iloc[0])["date_source"] == "option"
        assert store.article("j1")["date"] == "2024-02-04"  # the record's own date wins


def test_bad_inputs_are_reported_skipped_and_the_rest_is_stored(tmp_path, coder):
    inputs = write_inputs(tmp_path / "in")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "bad.jsonl").write_text('{"id": "ok", "text": "Israel and Egypt held talks in Cairo."}\n{"id": "broken", \n')
    (inputs / "french.txt").write_text("Le gouvernement français a annoncé lundi de nouvelles mesures pour soutenir les agriculteurs du pays.")
    with Store(tmp_path / "b.duckdb") as store:
        summary = ingest([inputs, tmp_path / "missing.txt"], store, coder=coder, progress=False)
        counts = store.counts()
    messages = [p.message for p in summary.problems]
    assert summary.failed == 5 and not summary.ok, messages
    assert any("binary.txt" in m and "binary data" in m for m in messages)
    assert any("empty.txt" in m and "empty" in m for m in messages)
    assert any("bad.jsonl:2" in m and "malformed JSON" in m for m in messages)
    assert any("french.txt" in m and "not English" in m for m in messages)
    assert any("missing.txt" in m and "no such file" in m for m in messages)
    assert summary.new == 5 and counts["articles"] == 5


def test_an_article_that_breaks_the_coder_fails_alone(tmp_path, coder):
    breaking = CountingCoder(coder, fail_on="b")
    articles = [
        Article("a", "Russia imposed sanctions on Ukraine on Monday.", "2024-01-01"),
        Article("b", "China and Japan held talks in Beijing.", "2024-01-01"),
        Article("c", "France accused Iran of attacking a tanker.", "2024-01-01"),
    ]
    with Store(tmp_path / "f.duckdb") as store:
        summary = ingest_articles(articles, store, coder=breaking)
        stored = {d for d in store.events_frame()["doc_id"]}
    assert summary.failed == 1 and "coder failed" in summary.problems[0].message and "[b]" in summary.problems[0].message
    assert stored == {"a", "c"}


def test_an_id_reused_for_another_text_is_a_clear_failure(tmp_path, coder):
    with Store(tmp_path / "i.duckdb") as store:
        ingest_articles([Article("x", "Russia imposed sanctions on Ukraine on Monday.")], store, coder=coder)
        summary = ingest_articles([Article("x", "China and Japan held talks in Beijing.")], store, coder=coder)
    assert summary.failed == 1 and "already stored with a different text" in summary.problems[0].message


def test_batches_and_progress(tmp_path, coder):
    seen: list[ProgressInfo] = []
    articles = [Article(f"n{i}", f"Russia imposed sanctions on Ukraine on day {i}.", "2024-01-01") for i in range(12)]
    with Store(tmp_path / "p.duckdb") as store:
        summary = ingest_articles(articles, store, coder=coder, batch_size=5, progress=seen.append)
    assert isinstance(summary, IngestSummary) and summary.batches == 3 and summary.new == 12
    assert seen and seen[-1].articles == 12 and seen[-1].events == summary.events and seen[-1].batches == 3
    assert summary.to_dict()["articles_per_second"] > 0


def test_the_store_refuses_nothing_when_the_batch_is_only_duplicates(tmp_path, coder):
    article = Article("only", "Russia imposed sanctions on Ukraine on Monday.", "2024-01-01")
    with Store(tmp_path / "o.duckdb") as store:
        ingest_articles([article], store, coder=coder)
        summary = ingest_articles([article, replace(article, id="only-2")], store, coder=coder)
        assert summary.already_stored == 1 and summary.exact_duplicates == 1
        assert int(store.events_frame()["num_mentions"].iloc[0]) == 2
