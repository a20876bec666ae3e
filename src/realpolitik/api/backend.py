"""What the routes share: the open store, the write lock, the coder and the response cache.

One :class:`Backend` per application (``app.state.backend``). With writes off (no token) the
store is opened **read-only**: nothing the server does can change it. With a token the store is
opened read-write, because DuckDB lets one process hold a file either read-only or read-write,
never both; the read endpoints still only call the store's read methods (each takes its own
cursor, so they run in parallel and see the last committed ingest), and every write goes through
:meth:`Backend.ingest`, one at a time, under a lock.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from realpolitik.api.cache import ResultCache
from realpolitik.records import Article
from realpolitik.store import Store


def _default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _clean(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


@dataclass(frozen=True)
class Payload:
    """A JSON answer, and the same gzip-compressed when that is worth it (compressed once, when
    computed, and served to every client that accepts gzip)."""

    raw: bytes
    gz: bytes | None = None

    def __len__(self) -> int:
        return len(self.raw) + len(self.gz or b"")

    @classmethod
    def of(cls, raw: bytes) -> Payload:
        if len(raw) < GZIP_MIN_BYTES:
            return cls(raw)
        return cls(raw, gzip.compress(raw, compresslevel=6, mtime=0))


#: Answers shorter than this are sent as they are.
GZIP_MIN_BYTES = 2048


def dumps(data: Any) -> bytes:
    """JSON bytes; NaN and infinities become null (JSON has neither)."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, default=_default, separators=(",", ":"))
    except ValueError:
        text = json.dumps(_clean(data), ensure_ascii=False, allow_nan=False, default=_default, separators=(",", ":"))
    return text.encode("utf-8")


@dataclass
class IngestOutcome:
    status: str  # new | duplicate | already_stored | conflict | rejected
    doc_id: str
    message: str | None = None


def article_id(text: str) -> str:
    """The id given to a posted article that has none: a hash of its text (so a repeat post is
    recognised as the same article)."""
    return "api-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class Backend:
    def __init__(self, db_path: str | Path | None, token: str | None = None, coder=None) -> None:
        self.token = token or None
        self.writes = self.token is not None
        self.db_path = db_path
        self.store = Store(db_path, read_only=not self.writes)
        self._open = True
        self.cache = ResultCache()
        self._coder = coder  # None: the real coder, in a worker process (realpolitik.api.coding)
        self._coder_lock = threading.Lock()
        self._write_lock = threading.Lock()

    def open(self) -> None:
        """Reopen the store after :meth:`close` (an application started a second time)."""
        if not self._open:
            self.store = Store(self.db_path, read_only=not self.writes)
            self.cache.invalidate()
            self._open = True

    def close(self) -> None:
        self.store.close()
        self._open = False
        if hasattr(self._coder, "close"):
            self._coder.close()

    # -- reads -----------------------------------------------------------------------------

    def read(self, key: Hashable, compute: Callable[[], Any]) -> bytes:
        """``compute()`` as JSON bytes, cached until the next write."""
        return self.cache.get(key, lambda: Payload.of(dumps(compute()))).raw

    # -- writes ----------------------------------------------------------------------------

    def coder(self):
        """The coder given to ``create_app``, else the real one in a worker process."""
        with self._coder_lock:
            if self._coder is None:
                from realpolitik.api.coding import ProcessCoder

                self._coder = ProcessCoder()
            return self._coder

    def warm_up(self) -> None:
        """Load the coder ahead of the first post (called in a thread at start-up)."""
        try:
            coder = self.coder()
            if hasattr(coder, "warm_up"):
                coder.warm_up()
        except Exception:  # the first post will report it
            pass

    def ingest(self, article: Article) -> IngestOutcome:
        """Ingest one article with the pipeline the CLI uses (duplicates, one transaction)."""
        from realpolitik.ingest.pipeline import ingest_articles

        coder = self.coder()
        with self._write_lock:
            summary = ingest_articles([article], self.store, coder=coder, batch_size=1, progress=False)
            if summary.new or summary.duplicates:
                self.cache.invalidate()
        if summary.new:
            return IngestOutcome("new", article.id)
        if summary.duplicates:
            return IngestOutcome("duplicate", article.id)
        if summary.already_stored:
            return IngestOutcome("already_stored", article.id)
        message = summary.problems[0].message if summary.problems else "the article could not be ingested"
        if "already stored with a different text" in message:
            return IngestOutcome("conflict", article.id, message)
        return IngestOutcome("rejected", article.id, message)
