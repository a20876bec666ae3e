"""The event store (DuckDB): articles, events, mentions, commitments, actors.

    >>> from realpolitik.store import Store, events
    >>> frame = events(dyad="RUS:UKR", since="2024-01-01")          # opens the default store read-only
    >>> with Store("news.duckdb", read_only=True) as store:
    ...     store.counts()
"""

from __future__ import annotations

from realpolitik.store.queries import FRAME_COLUMNS, EventFilter
from realpolitik.store.schema import SCHEMA_VERSION
from realpolitik.store.store import Store, StoredArticle, StoreError, default_path


def events(
    db=None,
    actor=None,
    dyad=None,
    since=None,
    until=None,
    root=None,
    category=None,
    modality=None,
    limit=None,
):
    """``realpolitik events`` as a function: the filtered events of a store as a DataFrame."""
    with Store(db, read_only=True) as store:
        return store.events_frame(actor=actor, dyad=dyad, since=since, until=until, root=root, category=category, modality=modality, limit=limit)


__all__ = ["FRAME_COLUMNS", "SCHEMA_VERSION", "EventFilter", "Store", "StoreError", "StoredArticle", "default_path", "events"]
