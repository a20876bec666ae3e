"""The event store: one embedded DuckDB file holding articles, events, mentions, commitments, actors.

    >>> with Store("news.duckdb", read_only=True) as store:
    ...     frame = store.events_frame(dyad="RUS:UKR", since="2024-01-01")

Opening translates DuckDB's failures into one-line ``StoreError`` messages (not a DuckDB file,
locked by another process, schema newer than this code) and migrates older stores. Writes come
only from ``write_articles``: one transaction per batch, so a crash loses at most the batch in
flight and never leaves half of one behind. Read methods take a fresh cursor per call, so one
read-only ``Store`` can serve several threads (the API server).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from realpolitik.records import Article, Commitment, Event, Record
from realpolitik.store import schema
from realpolitik.store.queries import FLOAT_COLUMNS, FRAME_COLUMNS, INT_COLUMNS, EventFilter, events_query

if TYPE_CHECKING:
    import pandas

DEFAULT_FILE = "realpolitik.duckdb"
ENV_VAR = "REALPOLITIK_DB"


class StoreError(Exception):
    """The store cannot be opened or written; the message is one line naming the file."""


def default_path() -> Path:
    """``$REALPOLITIK_DB`` if set, else ``realpolitik.duckdb`` in the working folder."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_FILE)


@dataclass
class StoredArticle:
    """One article as the ingest pipeline hands it to the store.

    First copies carry their coded ``records``; duplicates carry ``duplicate_of`` (the first
    copy's doc_id), ``duplicate_kind`` (``exact``/``near``) and no records.
    """

    article: Article
    content_hash: str
    date_source: str  # article | option | unknown
    origin: str | None = None
    minhash: bytes | None = None
    bands: list[tuple[int, int]] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    duplicate_of: str | None = None
    duplicate_kind: str | None = None
    similarity: float | None = None


@dataclass(frozen=True)
class WriteResult:
    articles: int
    duplicates: int
    events: int
    commitments: int
    mentions_added: int


_ARTICLE_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("seq", pa.int64()),
        ("content_hash", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("date", pa.date32()),
        ("date_source", pa.string()),
        ("text", pa.string()),
        ("origin", pa.string()),
        ("duplicate_of", pa.string()),
        ("duplicate_kind", pa.string()),
        ("similarity", pa.float64()),
        ("n_events", pa.int32()),
        ("n_commitments", pa.int32()),
        ("minhash", pa.binary()),
        ("ingested_at", pa.timestamp("us")),
    ]
)

_EVENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("doc_id", pa.string()),
        ("date", pa.date32()),
        ("source_code", pa.string()),
        ("source_country", pa.string()),
        ("source_sector", pa.string()),
        ("source_name", pa.string()),
        ("target_code", pa.string()),
        ("target_country", pa.string()),
        ("target_sector", pa.string()),
        ("target_name", pa.string()),
        ("cameo", pa.string()),
        ("root", pa.string()),
        ("quad_class", pa.int32()),
        ("goldstein", pa.float64()),
        ("plover_event", pa.string()),
        ("plover_mode", pa.string()),
        ("modality", pa.string()),
        ("confidence", pa.float64()),
        ("location_name", pa.string()),
        ("location_country", pa.string()),
        ("sentence_index", pa.int32()),
        ("sentence_text", pa.string()),
        ("trigger_text", pa.string()),
        ("is_root", pa.bool_()),
        ("num_mentions", pa.int32()),
        ("num_sources", pa.int32()),
        ("coder", pa.string()),
        ("record", pa.string()),
    ]
)

_MENTION_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("source", pa.string()),
        ("date", pa.date32()),
        ("kind", pa.string()),
        ("similarity", pa.float64()),
    ]
)

_DUPLICATE_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("root", pa.string()),
        ("source", pa.string()),
        ("date", pa.date32()),
        ("kind", pa.string()),
        ("similarity", pa.float64()),
    ]
)

_COMMITMENT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("doc_id", pa.string()),
        ("date", pa.date32()),
        ("type", pa.string()),
        ("parties", pa.string()),
        ("confidence", pa.float64()),
        ("record", pa.string()),
    ]
)

_ACTOR_SCHEMA = pa.schema(
    [
        ("code", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("name", pa.string()),
        ("first_seen", pa.date32()),
        ("last_seen", pa.date32()),
        ("n_events", pa.int64()),
    ]
)

_BAND_SCHEMA = pa.schema([("band", pa.int16()), ("key", pa.int64()), ("seq", pa.int64())])


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _lead_end(text: str) -> int:
    """Where the first paragraph ends (GDELT's IsRootEvent: the event is in the lead)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _event_row(event: Event, lead_end: int) -> dict[str, Any]:
    src, tgt, loc = event.source, event.target, event.location
    return {
        "id": event.id,
        "doc_id": event.doc_id,
        "date": _day(event.date),
        "source_code": src.code if src else None,
        "source_country": src.country if src else None,
        "source_sector": src.sector if src else None,
        "source_name": src.name if src else None,
        "target_code": tgt.code if tgt else None,
        "target_country": tgt.country if tgt else None,
        "target_sector": tgt.sector if tgt else None,
        "target_name": tgt.name if tgt else None,
        "cameo": event.cameo,
        "root": event.root,
        "quad_class": int(event.quad_class),
        "goldstein": event.goldstein,
        "plover_event": event.plover.event,
        "plover_mode": event.plover.mode,
        "modality": event.modality,
        "confidence": event.confidence,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "sentence_index": event.sentence.index,
        "sentence_text": event.sentence.text,
        "trigger_text": event.trigger.text,
        "is_root": event.sentence.start < lead_end,
        "num_mentions": 1,
        "num_sources": 1,
        "coder": event.coder,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
    }


_LOCK = re.compile(r"lock", re.I)
_PID = re.compile(r"PID (\d+)")


def _explain(path: Path, exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "not a valid DuckDB database" in message:
        return f"{path}: not a DuckDB database file (give another --db path, or move this file away)"
    if _LOCK.search(message):
        pid = _PID.search(message)
        who = f"another process (PID {pid.group(1)})" if pid else "another process"
        return f"{path}: locked by {who}; wait for it to finish (DuckDB allows one writer, and no readers beside it)"
    if "different configuration" in message:
        return f"{path}: already open in this process in another mode (read-only vs read-write); close it first"
    if "Permission denied" in message:
        return f"{path}: cannot open, permission denied"
    message = re.sub(r"^[A-Za-z ]*Error: ", "", message)
    return f"{path}: cannot open the store: {message}"


class Store:
    """A realpolitik event store in one DuckDB file (see ``realpolitik.store.schema``)."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.read_only = read_only
        self._con = self._open()

    # -- opening ---------------------------------------------------------------------------

    def _open(self) -> duckdb.DuckDBPyConnection:
        path = self.path
        if path.is_dir():
            raise StoreError(f"{path}: is a directory, not a DuckDB file")
        if self.read_only and not path.exists():
            raise StoreError(f"{path}: no such store; create it with `realpolitik ingest PATH --db {path}`")
        wal = Path(f"{path}.wal")
        if not self.read_only and path.exists() and path.stat().st_size == 0 and not wal.exists():
            path.unlink()  # an empty placeholder (e.g. a fresh temporary file): start a new store
        if not self.read_only and not path.parent.exists():
            raise StoreError(f"{path}: folder {path.parent} does not exist")
        try:
            con = duckdb.connect(str(path), read_only=self.read_only)
        except duckdb.Error as exc:
            raise StoreError(_explain(path, exc)) from None
        try:
            self._check_schema(con)
        except BaseException:
            con.close()
            raise
        return con

    def _check_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        path = self.path
        tables = {name for (name,) in con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        version = 0
        if "meta" in tables:
            rows = dict(con.execute("SELECT key, value FROM meta").fetchall())
            if rows.get(schema.APPLICATION_KEY) != schema.APPLICATION or schema.SCHEMA_VERSION_KEY not in rows:
                raise StoreError(f"{path}: a DuckDB database, but not a realpolitik store")
            try:
                version = int(rows[schema.SCHEMA_VERSION_KEY])
            except ValueError:
                raise StoreError(f"{path}: bad schema version {rows[schema.SCHEMA_VERSION_KEY]!r} in table meta") from None
        elif tables:
            raise StoreError(f"{path}: a DuckDB database, but not a realpolitik store (it has tables {', '.join(sorted(tables)[:5])})")
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"{path}: store schema version {version} is newer than this realpolitik understands "
                f"({schema.SCHEMA_VERSION}); upgrade realpolitik to read it"
            )
        if version == schema.SCHEMA_VERSION:
            return
        if self.read_only:
            if version == 0:
                raise StoreError(f"{path}: an empty DuckDB database, not yet a realpolitik store")
            raise StoreError(
                f"{path}: store schema version {version} is older than {schema.SCHEMA_VERSION}; "
                "open it once for writing (e.g. `realpolitik ingest`) to migrate it"
            )
        try:
            con.begin()
            for migration in schema.pending(version):
                for statement in migration.statements:
                    con.execute(statement)
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES (?, ?), (?, ?)",
                [schema.APPLICATION_KEY, schema.APPLICATION, schema.SCHEMA_VERSION_KEY, str(schema.SCHEMA_VERSION)],
            )
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"{path}: migration to schema {schema.SCHEMA_VERSION} failed, nothing changed: {exc}") from None

    # -- life cycle ------------------------------------------------------------------------

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, read_only={self.read_only})"

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"{self.path}: store is closed")
        return self._con.cursor()

    def _run(self, sql: str, params: Sequence | None = None) -> list[tuple]:
        cur = self._cursor()
        try:
            return cur.execute(sql, params or []).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        finally:
            cur.close()

    # -- meta ------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.meta(schema.SCHEMA_VERSION_KEY))

    def meta(self, key: str) -> str | None:
        rows = self._run("SELECT value FROM meta WHERE key = ?", [key])
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self._writable()
        self._run("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    # -- reads -----------------------------------------------------------------------------

    def events_frame(
        self,
        actor: str | None = None,
        dyad: str | tuple[str, str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        root: str | int | None = None,
        category: str | None = None,
        modality: str | None = None,
        limit: int | None = None,
    ) -> pandas.DataFrame:
        """Events as a DataFrame with exactly ``queries.FRAME_COLUMNS`` (date: datetime64, NaT when
        unknown). ``actor`` matches source or target by country or code prefix; ``dyad``
        ("RUS:KOR") matches either direction; ``since``/``until`` are inclusive dates."""
        flt = EventFilter.of(actor, dyad, since, until, root, category, modality, limit)
        sql, params = events_query(flt)
        cur = self._cursor()
        try:
            frame = cur.execute(sql, params).df()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        finally:
            cur.close()
        import pandas as pd

        frame = frame[list(FRAME_COLUMNS)]
        frame["date"] = pd.to_datetime(frame["date"])
        for column in INT_COLUMNS:
            frame[column] = frame[column].astype("int64")
        for column in FLOAT_COLUMNS:
            frame[column] = frame[column].astype("float64")
        for column in FRAME_COLUMNS:
            if column != "date" and column not in INT_COLUMNS and column not in FLOAT_COLUMNS:
                frame[column] = frame[column].astype("str")  # pandas' string dtype, missing = NaN
        return frame

    def events_batches(self, flt: EventFilter | None = None, select: str | None = None, rows: int = 2048) -> pa.RecordBatchReader:
        """Stream filtered events as Arrow batches (exports: memory stays flat on big stores).
        ``select`` is a column list over ``events e`` joined with ``articles a``."""
        flt = flt or EventFilter()
        where, params = flt.where()
        limit, limit_params = flt.limit_clause()
        columns = select or "e.*"
        sql = (
            f"SELECT {columns} FROM events e JOIN articles a ON a.doc_id = e.doc_id {where} "
            f"ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.id {limit}"
        )
        cur = self._cursor()  # its own cursor: safe beside other threads; closed with the reader
        try:
            return cur.sql(sql, params=params + limit_params).to_arrow_reader(rows)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from None

    def event(self, event_id: str) -> dict[str, Any]:
        """The spec record of one event, plus ``num_mentions``, ``num_sources`` and ``mentions``
        (the articles that carry it: the coded one and its duplicates). KeyError if unknown."""
        rows = self._run("SELECT record, num_mentions, num_sources FROM events WHERE id = ?", [event_id])
        if not rows:
            raise KeyError(f"no event {event_id!r}")
        record, mentions, sources = rows[0]
        data = json.loads(record)
        data["num_mentions"] = mentions
        data["num_sources"] = sources
        data["mentions"] = [
            {"doc_id": d, "source": s, "date": day.isoformat() if day else None, "kind": k, "similarity": sim}
            for d, s, day, k, sim in self._run(
                "SELECT m.doc_id, m.source, m.date, m.kind, m.similarity FROM mentions m "
                "JOIN articles a ON a.doc_id = m.doc_id WHERE m.event_id = ? ORDER BY a.seq",
                [event_id],
            )
        ]
        return data

    def article(self, doc_id: str) -> dict[str, Any]:
        """One stored article: text, title, date (ISO or None), date_known, url, source, its
        event records (with spans into ``text``) and commitments; for a duplicate,
        ``duplicate_of`` names the first copy, which holds the events. KeyError if unknown."""
        rows = self._run(
            "SELECT doc_id, title, text, date, date_source, url, source, content_hash, origin, "
            "duplicate_of, duplicate_kind, similarity, ingested_at FROM articles WHERE doc_id = ?",
            [doc_id],
        )
        if not rows:
            raise KeyError(f"no article {doc_id!r}")
        (doc, title, text, day, date_source, url, source, content_hash, origin, dup_of, dup_kind, similarity, ingested) = rows[0]
        events = []
        for record, mentions, sources in self._run(
            "SELECT record, num_mentions, num_sources FROM events WHERE doc_id = ? ORDER BY sentence_index, id", [doc_id]
        ):
            data = json.loads(record)
            data["num_mentions"], data["num_sources"] = mentions, sources
            events.append(data)
        commitments = [json.loads(r) for (r,) in self._run("SELECT record FROM commitments WHERE doc_id = ? ORDER BY id", [doc_id])]
        duplicates = [d for (d,) in self._run("SELECT doc_id FROM articles WHERE duplicate_of = ? ORDER BY seq", [doc_id])]
        return {
            "doc_id": doc,
            "title": title,
            "text": text,
            "date": day.isoformat() if day else None,
            "date_known": day is not None,
            "date_source": date_source,
            "url": url,
            "source": source,
            "content_hash": content_hash,
            "origin": origin,
            "duplicate_of": dup_of,
            "duplicate_kind": dup_kind,
            "similarity": similarity,
            "duplicates": duplicates,
            "ingested_at": ingested.isoformat() if ingested else None,
            "events": events,
            "commitments": commitments,
        }

    def commitments(self) -> list[Commitment]:
        """Every stored commitment, by date (unknown last), document and id."""
        rows = self._run("SELECT record FROM commitments ORDER BY date NULLS LAST, doc_id, id")
        return [Commitment.from_dict(json.loads(r)) for (r,) in rows]

    def counts(self) -> dict[str, int]:
        """How much the store holds: articles (first copies + duplicates), events, ..."""
        (articles, originals, duplicates, near, undated) = self._run(
            "SELECT count(*), count(*) FILTER (duplicate_of IS NULL), count(*) FILTER (duplicate_of IS NOT NULL), "
            "count(*) FILTER (duplicate_kind = 'near'), count(*) FILTER (date IS NULL) FROM articles"
        )[0]
        (events, mentions) = self._run("SELECT count(*), coalesce(sum(num_mentions), 0) FROM events")[0]
        (commitments,) = self._run("SELECT count(*) FROM commitments")[0]
        (actors,) = self._run("SELECT count(*) FROM actors")[0]
        return {
            "articles": int(articles),
            "first_copies": int(originals),
            "duplicates": int(duplicates),
            "near_duplicates": int(near),
            "undated_articles": int(undated),
            "events": int(events),
            "mentions": int(mentions),
            "commitments": int(commitments),
            "actors": int(actors),
            "schema_version": self.schema_version,
        }

    def actors_frame(self) -> pandas.DataFrame:
        cur = self._cursor()
        try:
            return cur.execute("SELECT * FROM actors ORDER BY n_events DESC, code").df()
        finally:
            cur.close()

    # -- lookups for ingest ----------------------------------------------------------------

    def stored_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """doc_id -> content hash, for those of ``doc_ids`` already stored."""
        ids = list(doc_ids)
        if not ids:
            return {}
        return dict(self._run("SELECT doc_id, content_hash FROM articles WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids]))

    def copies_by_hash(self, hashes: Iterable[str]) -> dict[str, list[tuple[str, str | None]]]:
        """content hash -> [(first copy's doc_id, date) of each stored article with that hash],
        in ingest order."""
        keys = list(set(hashes))
        if not keys:
            return {}
        rows = self._run(
            "SELECT content_hash, coalesce(duplicate_of, doc_id), date FROM articles "
            "WHERE content_hash IN (SELECT unnest(?::VARCHAR[])) ORDER BY seq",
            [keys],
        )
        found: dict[str, list[tuple[str, str | None]]] = {}
        for content_hash, root, day in rows:
            found.setdefault(content_hash, []).append((root, day.isoformat() if day else None))
        return found

    def lsh_candidates(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], list[int]]:
        """(band, bucket key) -> ingest numbers (``seq``) of the articles stored in that bucket."""
        pairs = list(set(keys))
        if not pairs:
            return {}
        table = pa.table({"band": pa.array([b for b, _ in pairs], pa.int16()), "key": pa.array([k for _, k in pairs], pa.int64())})
        cur = self._cursor()
        try:
            cur.register("wanted_bands", table)
            rows = cur.execute(
                "SELECT l.band, l.key, l.seq FROM lsh_bands l JOIN wanted_bands w ON l.band = w.band AND l.key = w.key"
            ).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from None
        finally:
            cur.close()
        found: dict[tuple[int, int], list[int]] = {}
        for band, key, seq in rows:
            found.setdefault((band, key), []).append(seq)
        return found

    def signatures(self, seqs: Iterable[int]) -> dict[int, tuple[bytes, str, str, str | None]]:
        """seq -> (MinHash hash values, doc_id, first copy's doc_id, date) of stored articles."""
        wanted = list(set(seqs))
        if not wanted:
            return {}
        rows = self._run(
            "SELECT seq, minhash, doc_id, coalesce(duplicate_of, doc_id), date FROM articles "
            "WHERE seq IN (SELECT unnest(?::BIGINT[])) AND minhash IS NOT NULL",
            [wanted],
        )
        return {seq: (bytes(m), d, root, day.isoformat() if day else None) for seq, m, d, root, day in rows}

    def texts(self, seqs: Iterable[int]) -> dict[int, str]:
        """seq -> text of stored articles."""
        wanted = list(set(seqs))
        if not wanted:
            return {}
        return dict(self._run("SELECT seq, text FROM articles WHERE seq IN (SELECT unnest(?::BIGINT[]))", [wanted]))

    def iter_texts(self, rows: int = 1024):
        """(seq, doc_id, text, duplicate_kind) of every stored article in ingest order, streamed."""
        reader = self._cursor().sql("SELECT seq, doc_id, text, duplicate_kind FROM articles ORDER BY seq").to_arrow_reader(rows)
        for batch in reader:
            yield from zip(*(batch.column(i).to_pylist() for i in range(4)))

    def replace_lsh_index(self, signatures: dict[str, bytes | None], bands: Iterable[tuple[int, int, int]], params: dict[str, str]) -> None:
        """Replace every article's MinHash signature and the LSH bands table, and record the
        parameters they were made with, in one transaction."""
        self._writable()
        con = self._cursor()
        try:
            con.begin()
            con.execute("DELETE FROM lsh_bands")
            if signatures:
                table = pa.table(
                    {"doc_id": pa.array(list(signatures), pa.string()), "minhash": pa.array(list(signatures.values()), pa.binary())}
                )
                con.register("new_signatures", table)
                con.execute("UPDATE articles SET minhash = s.minhash FROM new_signatures s WHERE articles.doc_id = s.doc_id")
                con.unregister("new_signatures")
            chunk: list[tuple[int, int, int]] = []
            for item in bands:
                chunk.append(item)
                if len(chunk) >= 50_000:
                    self._insert_bands(con, chunk)
                    chunk = []
            self._insert_bands(con, chunk)
            for key, value in params.items():
                con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"{self.path}: rebuilding the LSH index failed, nothing changed: {exc}") from None
        finally:
            con.close()

    @staticmethod
    def _insert_bands(con, chunk: list[tuple[int, int, int]]) -> None:
        if not chunk:
            return
        table = pa.Table.from_pylist([{"band": b, "key": k, "seq": q} for b, k, q in chunk], schema=_BAND_SCHEMA)
        con.register("new_bands", table)
        con.execute("INSERT INTO lsh_bands SELECT band, key, seq FROM new_bands")
        con.unregister("new_bands")

    # -- writes ----------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        if self._con is None:
            raise StoreError(f"{self.path}: store is closed")

    def write_articles(self, items: Sequence[StoredArticle], during: Callable[[], None] | None = None) -> WriteResult:
        """Store a batch of articles, their events, commitments, mentions and LSH bands in ONE
        transaction. Duplicates add a mention (and a source, when their outlet is new) to every
        event of their first copy, which must be stored already or earlier in ``items``."""
        self._writable()
        if not items:
            return WriteResult(0, 0, 0, 0, 0)
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        con = self._cursor()  # a connection of its own: readers in other threads keep theirs
        try:
            con.begin()
            (seq,) = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchall()[0]
            article_rows, event_rows, mention_rows, commitment_rows, dup_rows, band_rows = [], [], [], [], [], []
            actors: dict[str, dict[str, Any]] = {}
            for item in items:
                seq += 1
                art = item.article
                events = [r for r in item.records if isinstance(r, Event)]
                commitments = [r for r in item.records if isinstance(r, Commitment)]
                article_rows.append(
                    {
                        "doc_id": art.id,
                        "seq": seq,
                        "content_hash": item.content_hash,
                        "title": art.title,
                        "url": art.url,
                        "source": art.source,
                        "date": _day(art.date),
                        "date_source": item.date_source,
                        "text": art.text,
                        "origin": item.origin,
                        "duplicate_of": item.duplicate_of,
                        "duplicate_kind": item.duplicate_kind,
                        "similarity": item.similarity,
                        "n_events": len(events),
                        "n_commitments": len(commitments),
                        "minhash": item.minhash,
                        "ingested_at": now,
                    }
                )
                band_rows.extend({"band": b, "key": k, "seq": seq} for b, k in item.bands)
                if item.duplicate_of is not None:
                    dup_rows.append(
                        {
                            "doc_id": art.id,
                            "root": item.duplicate_of,
                            "source": art.source,
                            "date": _day(art.date),
                            "kind": item.duplicate_kind or "near",
                            "similarity": item.similarity,
                        }
                    )
                    continue
                lead = _lead_end(art.text)
                for event in events:
                    event_rows.append(_event_row(event, lead))
                    mention_rows.append(
                        {"event_id": event.id, "doc_id": art.id, "source": art.source, "date": _day(art.date), "kind": "original", "similarity": None}
                    )
                    for ref in (event.source, event.target):
                        if ref is None:
                            continue
                        entry = actors.setdefault(
                            ref.code,
                            {"code": ref.code, "country": ref.country, "sector": ref.sector, "name": ref.name, "first_seen": None, "last_seen": None, "n_events": 0},
                        )
                        entry["n_events"] += 1
                        entry["name"] = entry["name"] or ref.name
                        day = _day(event.date)
                        if day is not None:
                            entry["first_seen"] = day if entry["first_seen"] is None else min(entry["first_seen"], day)
                            entry["last_seen"] = day if entry["last_seen"] is None else max(entry["last_seen"], day)
                for commitment in commitments:
                    record = commitment.to_dict()
                    commitment_rows.append(
                        {
                            "id": commitment.id,
                            "doc_id": commitment.doc_id or art.id,
                            "date": _day(commitment.date),
                            "type": commitment.type,
                            "parties": json.dumps(list(commitment.parties)),
                            "confidence": commitment.confidence,
                            "record": json.dumps(record, ensure_ascii=False),
                        }
                    )

            self._insert(con, "articles", article_rows, _ARTICLE_SCHEMA)
            if during is not None:
                during()
            self._insert(con, "events", event_rows, _EVENT_SCHEMA, ignore=True)
            self._insert(con, "mentions", mention_rows, _MENTION_SCHEMA)
            self._insert(con, "commitments", commitment_rows, _COMMITMENT_SCHEMA, ignore=True)
            self._insert(con, "lsh_bands", band_rows, _BAND_SCHEMA)
            if actors:
                con.register("batch_actors", pa.Table.from_pylist(list(actors.values()), schema=_ACTOR_SCHEMA))
                con.execute(
                    "INSERT INTO actors SELECT code, country, sector, name, first_seen, last_seen, n_events FROM batch_actors "
                    "ON CONFLICT (code) DO UPDATE SET n_events = actors.n_events + excluded.n_events, "
                    "first_seen = least(actors.first_seen, excluded.first_seen), "
                    "last_seen = greatest(actors.last_seen, excluded.last_seen), "
                    "name = coalesce(actors.name, excluded.name)"
                )
                con.unregister("batch_actors")
            added = 0
            if dup_rows:
                con.register("batch_duplicates", pa.Table.from_pylist(dup_rows, schema=_DUPLICATE_SCHEMA))
                (added,) = con.execute(
                    "INSERT INTO mentions SELECT e.id, d.doc_id, d.source, d.date, d.kind, d.similarity "
                    "FROM batch_duplicates d JOIN events e ON e.doc_id = d.root"
                ).fetchall()[0]
                con.execute(
                    "UPDATE events SET num_mentions = m.n, num_sources = m.s FROM ("
                    "  SELECT event_id, count(*) AS n, count(DISTINCT coalesce(source, '')) AS s FROM mentions"
                    "  WHERE event_id IN (SELECT id FROM events WHERE doc_id IN (SELECT root FROM batch_duplicates))"
                    "  GROUP BY event_id) m WHERE events.id = m.event_id"
                )
                con.unregister("batch_duplicates")
            con.commit()
        except duckdb.Error as exc:
            try:
                con.rollback()
            except duckdb.Error:
                pass
            raise StoreError(f"{self.path}: writing a batch failed, the batch was rolled back: {exc}") from None
        except BaseException:
            try:
                con.rollback()
            except duckdb.Error:
                pass
            raise
        finally:
            con.close()
        return WriteResult(
            articles=len(article_rows),
            duplicates=len(dup_rows),
            events=len(event_rows),
            commitments=len(commitment_rows),
            mentions_added=int(added or 0),
        )

    @staticmethod
    def _insert(con, table: str, rows: list[dict], arrow_schema: pa.Schema, ignore: bool = False) -> None:
        if not rows:
            return
        name = f"batch_{table}"
        con.register(name, pa.Table.from_pylist(rows, schema=arrow_schema))
        columns = ", ".join(arrow_schema.names)
        verb = "INSERT OR IGNORE INTO" if ignore else "INSERT INTO"
        con.execute(f"{verb} {table} ({columns}) SELECT {columns} FROM {name}")
        con.unregister(name)
