"""A small response cache for the read endpoints, invalidated by every write.

The server is the only process that can write to its store while it runs (DuckDB allows one
writer and no readers beside it in other processes), so it knows when the data changes: each
ingest calls :meth:`ResultCache.invalidate`, which bumps ``version``. An entry is fresh when it
was computed at the current version. For a stale entry:

* while a computation of its key runs, readers get the stale entry at once;
* when its last computation was cheap (under ``sync_cost`` seconds: an event page, an article,
  anything on a small store), it is recomputed before answering, so a client that writes and
  then reads sees its write;
* when it was expensive (a graph of a big window), it is returned at once and recomputed in the
  background, at most ``refresh_workers`` at a time and not sooner than ``refresh_after``
  seconds after its last computation: such an answer lags the writes by about one computation.

A key without an entry is computed while its readers wait: one computation per key, however
many ask, and at most ``compute_slots`` such computations at a time (a burst of them must not
starve the readers that the cache can answer). So a stream of writes never makes readers queue behind expensive recomputations, and
the recomputations stay few and spaced. Values are anything with a length (the size counted
against the limits): the API stores ``backend.Payload`` objects, JSON and its gzip form.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

MAX_ENTRIES = 512
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_ENTRY_BYTES = 32 * 1024 * 1024
SYNC_COST_SECONDS = 0.05
COMPUTE_SLOTS = 2
REFRESH_AFTER_SECONDS = 1.0
REFRESH_WORKERS = 1


@dataclass
class _Entry:
    version: int
    value: Any
    at: float  # time.monotonic() when computed
    cost: float  # seconds the computation took


@dataclass
class _Flight:
    done: threading.Event = field(default_factory=threading.Event)
    value: Any | None = None
    error: BaseException | None = None


class ResultCache:
    def __init__(
        self,
        max_entries: int = MAX_ENTRIES,
        max_total_bytes: int = MAX_TOTAL_BYTES,
        sync_cost: float = SYNC_COST_SECONDS,
        refresh_after: float = REFRESH_AFTER_SECONDS,
        refresh_workers: int = REFRESH_WORKERS,
        compute_slots: int = COMPUTE_SLOTS,
    ) -> None:
        self.max_entries = max_entries
        self.max_total_bytes = max_total_bytes
        self.sync_cost = sync_cost
        self.refresh_after = refresh_after
        self.version = 0
        self.counters = {"hits": 0, "misses": 0, "stale": 0, "refreshes": 0}
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._flights: dict[Hashable, _Flight] = {}
        self._bytes = 0
        self._slots = threading.BoundedSemaphore(compute_slots)
        self._refresher = ThreadPoolExecutor(max_workers=refresh_workers, thread_name_prefix="realpolitik-refresh")

    def invalidate(self) -> None:
        """The data changed: every entry is stale from now on."""
        with self._lock:
            self.version += 1

    def lookup(self, key: Hashable, compute: Callable[[], Any]) -> Any | None:
        """The value of ``key`` if it can be answered without waiting (scheduling a background
        refresh when one is due), else None: then call :meth:`get`, which computes."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.version == self.version:
                self._entries.move_to_end(key)
                self.counters["hits"] += 1
                return entry.value
            if key not in self._flights:
                if entry.cost < self.sync_cost:
                    return None  # cheap: recompute before answering
                if time.monotonic() - entry.at >= self.refresh_after:
                    self.counters["refreshes"] += 1
                    self._flights[key] = _Flight()
                    self._refresher.submit(self._compute, key, self.version, compute)
            self.counters["stale"] += 1
            return entry.value

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The value of ``key``, computing it when it cannot be answered at once."""
        value = self.lookup(key, compute)
        if value is not None:
            return value
        with self._lock:
            flight = self._flights.get(key)
            if flight is None:
                self._flights[key] = _Flight()
                self.counters["misses"] += 1
                version = self.version
        if flight is not None:  # someone else computes it: wait for that
            flight.done.wait()
            if flight.error is not None:
                raise flight.error
            return flight.value  # type: ignore[return-value]
        with self._slots:
            return self._compute(key, version, compute)

    def _compute(self, key: Hashable, version: int, compute: Callable[[], Any]) -> Any:
        with self._lock:
            flight = self._flights[key]
        started = time.monotonic()
        try:
            value = compute()
        except BaseException as exc:
            flight.error = exc
            raise
        else:
            flight.value = value
            self._store(key, version, value, time.monotonic() - started)
            return value
        finally:
            with self._lock:
                self._flights.pop(key, None)
            flight.done.set()

    def _store(self, key: Hashable, version: int, value: Any, cost: float) -> None:
        if len(value) > MAX_ENTRY_BYTES:
            return
        with self._lock:
            old = self._entries.get(key)
            if old is not None:
                if old.version > version:
                    return  # a newer computation finished first
                self._bytes -= len(old.value)
            self._entries[key] = _Entry(version, value, time.monotonic(), cost)
            self._entries.move_to_end(key)
            self._bytes += len(value)
            while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_total_bytes):
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.value)

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"version": self.version, "entries": len(self._entries), "bytes": self._bytes, **self.counters}
