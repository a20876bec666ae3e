"""Reading the store: ``events_frame`` and its filters, ``article``, ``event``, ``commitments``,
``counts``, and how duplicates turn into extra mentions and sources.

The store is written with hand-built records (no coder), so these tests are fast and exact.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from realpolitik.records import ActorRef, Article, Commitment, Event, Pattern, Plover, SentenceRef, Span, stable_id
from realpolitik.store import FRAME_COLUMNS, Store, StoredArticle

PLOVER = {"04": "CONSULT", "11": "ACCUSE", "13": "THREATEN", "16": "COERCE", "19": "ASSAULT", "05": "COOPERATE"}
QUAD = {"04": 1, "05": 1, "11": 3, "13": 3, "16": 4, "19": 4}


def actor(code: str, start: int) -> ActorRef:
    return ActorRef(code=code, country=code[:3], sector=code[3:] or None, name=code[:3].title(), text=code, start=start, end=start + len(code))


def event(doc: str, day: str | None, index: int, source: str, cameo: str, target: str | None, modality: str = "asserted") -> Event:
    text = f"{source} did {cameo} to {target}."
    return Event(
        id=stable_id(doc, index, source, target, cameo, modality),
        doc_id=doc,
        date=day,
        source=actor(source, 0),
        target=actor(target, 10) if target else None,
        cameo=cameo,
        root=cameo[:2],
        quad_class=QUAD[cameo[:2]],
        goldstein=-4.0 if QUAD[cameo[:2]] > 2 else 3.0,
        plover=Plover(PLOVER[cameo[:2]], None, ["military"]),
        modality=modality,
        condition=None,
        location=None,
        sentence=SentenceRef(index, text, index * 40, index * 40 + len(text)),
        trigger=Span("did", 4, 7),
        confidence=0.9,
        coder="test",
    )


def stored(doc: str, day: str | None, records, source: str | None = None, text: str | None = None, **extra) -> StoredArticle:
    text = text or f"Text of {doc}."
    return StoredArticle(
        Article(id=doc, text=text, date=day, title=f"Title {doc}", url=f"https://example.com/{doc}", source=source),
        content_hash=stable_id(text),
        date_source="article" if day else "unknown",
        records=records,
        **extra,
    )


PACT = Commitment(
    "pact-1", "a1", "2024-06-20", "mutual_defense", ["PRK", "RUS"],
    Pattern(None, None, None, ["18", "19", "20"], against_party=True), Pattern(None, None, "072", ["07"]),
    SentenceRef(0, "They vowed mutual defence.", 0, 26), 0.8,
)  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("reads") / "reads.duckdb"
    with Store(path) as store:
        store.write_articles(
            [
                stored("a1", "2024-06-20", [event("a1", "2024-06-20", 0, "RUSGOV", "130", "KORGOV"), event("a1", "2024-06-20", 1, "RUS", "040", "PRK"), PACT], source="Reuters"),
                stored("a2", "2024-06-22", [event("a2", "2024-06-22", 0, "KOR", "112", "RUS"), event("a2", "2024-06-22", 1, "USA", "190", "UKR", "hypothetical")]),
            ]
        )
        store.write_articles(
            [
                stored("a3", None, [event("a3", None, 0, "UKR", "163", "RUS", "negated")]),
                stored("a4", "2024-07-01", [event("a4", "2024-07-01", 0, "IGOUNO", "050", "UKR")]),
                # two copies of a1: one from another outlet, one from the same
                stored("a1-copy-ap", "2024-06-21", [], source="AP", duplicate_of="a1", duplicate_kind="near", similarity=0.82),
                stored("a1-copy-reuters", "2024-06-21", [], source="Reuters", duplicate_of="a1", duplicate_kind="exact", similarity=1.0),
            ]
        )
    return path


@pytest.fixture()
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def ids(frame) -> set[str]:
    return set(frame["doc_id"] + ":" + frame["sentence_index"].astype(str))


def test_the_frame_has_exactly_the_agreed_columns_and_types(store):
    frame = store.events_frame()
    assert tuple(frame.columns) == FRAME_COLUMNS
    assert len(frame) == 6
    assert str(frame["date"].dtype).startswith("datetime64")
    for column in ("quad_class", "num_mentions", "num_sources", "sentence_index"):
        assert str(frame[column].dtype) == "int64", column
    for column in ("goldstein", "confidence"):
        assert str(frame[column].dtype) == "float64", column


def test_an_empty_result_keeps_columns_and_types(store):
    frame = store.events_frame(actor="FRA")
    assert frame.empty and tuple(frame.columns) == FRAME_COLUMNS
    assert str(frame["date"].dtype).startswith("datetime64") and str(frame["quad_class"].dtype) == "int64"


def test_unknown_dates_are_nat_not_today(store):
    frame = store.events_frame(actor="UKR", modality="negated")
    assert len(frame) == 1 and pd.isna(frame["date"].iloc[0])


def test_actor_matches_country_or_code_prefix_on_either_side(store):
    assert ids(store.events_frame(actor="RUS")) == {"a1:0", "a1:1", "a2:0", "a3:0"}
    assert ids(store.events_frame(actor="RUSGOV")) == {"a1:0"}
    assert ids(store.events_frame(actor="igouno")) == {"a4:0"}  # case does not matter


def test_dyad_matches_either_direction(store):
    assert ids(store.events_frame(dyad="RUS:KOR")) == {"a1:0", "a2:0"}
    assert ids(store.events_frame(dyad="KOR:RUS")) == {"a1:0", "a2:0"}
    assert ids(store.events_frame(dyad=("RUS", "PRK"))) == {"a1:1"}


def test_dates_are_inclusive_and_drop_undated_events(store):
    assert ids(store.events_frame(since="2024-06-22")) == {"a2:0", "a2:1", "a4:0"}
    assert ids(store.events_frame(until="2024-06-22")) == {"a1:0", "a1:1", "a2:0", "a2:1"}
    assert ids(store.events_frame(since="2024-06-21", until="2024-06-30")) == {"a2:0", "a2:1"}


def test_root_category_modality_and_limit(store):
    assert ids(store.events_frame(root="13")) == {"a1:0"}
    assert ids(store.events_frame(root=4)) == {"a1:1"}
    assert ids(store.events_frame(category="threaten")) == {"a1:0"}
    assert ids(store.events_frame(modality="hypothetical")) == {"a2:1"}
    assert len(store.events_frame(limit=2)) == 2
    assert len(store.events_frame(limit=0)) == 0


def test_the_order_is_by_date_then_document(store):
    frame = store.events_frame()
    assert list(frame["doc_id"]) == ["a1", "a1", "a2", "a2", "a4", "a3"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"dyad": "RUS"}, "dyad"),
        ({"actor": "RUS' OR 1=1 --"}, "bad actor code"),
        ({"since": "yesterday"}, "bad date"),
        ({"root": "21"}, "root"),
        ({"modality": "certain"}, "modality"),
        ({"since": "2024-07-01", "until": "2024-06-01"}, "after"),
        ({"category": "DROP TABLE"}, "category"),
    ],
)
def test_bad_filters_are_refused_before_any_sql(store, kwargs, message):
    with pytest.raises(ValueError, match=message):
        store.events_frame(**kwargs)


def test_duplicates_add_mentions_and_new_outlets_add_sources(store):
    frame = store.events_frame(actor="RUS").set_index("doc_id")
    a1 = frame.loc["a1"]
    # a1 itself (Reuters) + an AP copy + a Reuters copy: 3 mentions, 2 outlets
    assert list(a1["num_mentions"]) == [3, 3] and list(a1["num_sources"]) == [2, 2]
    assert int(frame.loc["a2", "num_mentions"]) == 1


def test_event_returns_the_spec_record_with_its_mentions(store):
    frame = store.events_frame(root="13")
    record = store.event(frame["id"].iloc[0])
    assert Event.from_dict(record).cameo == "130"
    assert record["source"]["start"] == 0 and record["trigger"] == {"text": "did", "start": 4, "end": 7}
    assert record["num_mentions"] == 3 and record["num_sources"] == 2
    assert [m["doc_id"] for m in record["mentions"]] == ["a1", "a1-copy-ap", "a1-copy-reuters"]
    assert [m["kind"] for m in record["mentions"]] == ["original", "near", "exact"]
    with pytest.raises(KeyError):
        store.event("nope")


def test_article_returns_text_metadata_events_and_copies(store):
    article = store.article("a1")
    assert article["text"] == "Text of a1." and article["title"] == "Title a1" and article["url"].endswith("/a1")
    assert article["date"] == "2024-06-20" and article["date_known"] is True and article["source"] == "Reuters"
    assert len(article["events"]) == 2 and all("sentence" in e and "trigger" in e for e in article["events"])
    assert [c["id"] for c in article["commitments"]] == ["pact-1"]
    assert article["duplicates"] == ["a1-copy-ap", "a1-copy-reuters"] and article["duplicate_of"] is None
    copy = store.article("a1-copy-ap")
    assert copy["duplicate_of"] == "a1" and copy["duplicate_kind"] == "near" and copy["events"] == []
    undated = store.article("a3")
    assert undated["date"] is None and undated["date_known"] is False and undated["date_source"] == "unknown"
    with pytest.raises(KeyError):
        store.article("nope")


def test_commitments_come_back_as_records(store):
    assert store.commitments() == [PACT]


def test_counts(store):
    counts = store.counts()
    assert counts["articles"] == 6 and counts["first_copies"] == 4 and counts["duplicates"] == 2
    assert counts["near_duplicates"] == 1 and counts["undated_articles"] == 1
    assert counts["events"] == 6 and counts["mentions"] == 6 + 2 * 2 and counts["commitments"] == 1


def test_actors_are_tallied(store):
    actors = store.actors_frame().set_index("code")
    assert int(actors.loc["RUS", "n_events"]) == 3
    assert str(actors.loc["RUSGOV", "first_seen"])[:10] == "2024-06-20"
    assert actors.loc["RUSGOV", "sector"] == "GOV"


def test_the_record_column_reproduces_each_event_exactly(db):
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT id, record FROM events").fetchall()
    con.close()
    for event_id, record in rows:
        data = json.loads(record)
        assert data["id"] == event_id and Event.from_dict(data).to_dict() == data


def test_a_failed_batch_leaves_nothing_behind(tmp_path):
    path = tmp_path / "atomic.duckdb"
    with Store(path) as store:
        store.write_articles([stored("x1", "2024-01-01", [event("x1", "2024-01-01", 0, "RUS", "130", "UKR")])])
        boom = RuntimeError("crash inside the transaction")

        def crash():
            raise boom

        with pytest.raises(RuntimeError):
            store.write_articles([stored("x2", "2024-01-02", [event("x2", "2024-01-02", 0, "USA", "130", "IRN")])], during=crash)
        counts = store.counts()
    assert counts["articles"] == 1 and counts["events"] == 1


def test_reads_in_threads_beside_a_writer(tmp_path):
    """The API server's pattern: one writer, many reader threads on the same Store."""
    import threading

    path = tmp_path / "threads.duckdb"
    errors: list[BaseException] = []
    with Store(path) as store:
        done = threading.Event()

        def write():
            try:
                for n in range(30):
                    doc = f"w{n}"
                    store.write_articles([stored(doc, "2024-01-01", [event(doc, "2024-01-01", 0, "RUS", "130", "UKR")])])
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)
            finally:
                done.set()

        def read():
            try:
                while not done.is_set():
                    frame = store.events_frame(actor="RUS")
                    assert tuple(frame.columns) == FRAME_COLUMNS
                    store.counts()
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=write)] + [threading.Thread(target=read) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        assert not errors, errors
        assert len(store.events_frame()) == 30
