"""The store's tables, its schema version, and the migrations that reach it.

A store records its version in ``meta``. Opening a store applies, in one transaction, every
migration above the version it holds; a store newer than this code is refused, never touched.
Migrations are append-only: to change the schema, add ``Migration(N + 1, ...)`` at the end of
``MIGRATIONS``; never edit one that has shipped.

Tables
------
``meta``         key/value: schema_version, MinHash parameters of the LSH index.
``articles``     one row per stored document, first copies and duplicates alike. ``duplicate_of``
                 names the first copy (null for first copies); duplicates are never coded.
                 ``date_source`` says where the date came from: ``article`` (record, feed
                 entry, page metadata), ``option`` (``--date``) or ``unknown`` (``date`` is null).
``lsh_bands``    the persistent MinHash-LSH index: one row per (band, bucket key) of an article
                 (``seq``: the article's ingest number, ``articles.seq``).
``events``       one row per coded event, flattened for filtering, with the full spec record
                 (``record``, JSON text) and ``num_mentions``/``num_sources`` kept up to date.
``mentions``     one row per (event, article that carries it): the coded article itself
                 (``kind='original'``) and each duplicate of it (``'exact'``/``'near'``).
``commitments``  one row per commitment record (full record in ``record``).
``actors``       one row per actor code seen in an event: name, first/last date, event count.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION_KEY = "schema_version"
APPLICATION_KEY = "application"
APPLICATION = "realpolitik"


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """
    CREATE TABLE meta (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE articles (
        doc_id VARCHAR PRIMARY KEY,
        seq BIGINT NOT NULL,
        content_hash VARCHAR NOT NULL,
        title VARCHAR,
        url VARCHAR,
        source VARCHAR,
        date DATE,
        date_source VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        origin VARCHAR,
        duplicate_of VARCHAR,
        duplicate_kind VARCHAR,
        similarity DOUBLE,
        n_events INTEGER NOT NULL,
        n_commitments INTEGER NOT NULL,
        minhash BLOB,
        ingested_at TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE lsh_bands (
        band SMALLINT NOT NULL,
        key BIGINT NOT NULL,
        seq BIGINT NOT NULL
    )
    """,
    """
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        date DATE,
        source_code VARCHAR,
        source_country VARCHAR,
        source_sector VARCHAR,
        source_name VARCHAR,
        target_code VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        target_name VARCHAR,
        cameo VARCHAR NOT NULL,
        root VARCHAR NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE,
        plover_event VARCHAR,
        plover_mode VARCHAR,
        modality VARCHAR NOT NULL,
        confidence DOUBLE,
        location_name VARCHAR,
        location_country VARCHAR,
        sentence_index INTEGER NOT NULL,
        sentence_text VARCHAR,
        trigger_text VARCHAR,
        is_root BOOLEAN NOT NULL,
        num_mentions INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        coder VARCHAR,
        record VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE mentions (
        event_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        source VARCHAR,
        date DATE,
        kind VARCHAR NOT NULL,
        similarity DOUBLE
    )
    """,
    """
    CREATE TABLE commitments (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR,
        date DATE,
        type VARCHAR NOT NULL,
        parties VARCHAR NOT NULL,
        confidence DOUBLE,
        record VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE actors (
        code VARCHAR PRIMARY KEY,
        country VARCHAR,
        sector VARCHAR,
        name VARCHAR,
        first_seen DATE,
        last_seen DATE,
        n_events BIGINT NOT NULL
    )
    """,
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, events, mentions, commitments, actors, LSH index", _V1),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def pending(current: int) -> list[Migration]:
    """The migrations to apply to a store at version ``current`` (0: an empty database)."""
    return [m for m in MIGRATIONS if m.version > current]
