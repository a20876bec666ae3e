"""Coding posted articles in a worker process.

Coding an article is CPU work in Python (spaCy and the coder's own passes); done in the server
process it would hold the interpreter lock and stall every reader. :class:`ProcessCoder` has the
interface the ingest pipeline uses (``code_articles``) and runs the real coder in one worker
process (started with ``spawn``; it loads the model once). The pipeline's duplicate checks and
the store transaction stay in the server, which is the only process that may write the store.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from realpolitik.records import Article, Record

_coder = None


def _load() -> None:
    global _coder
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    from realpolitik.coder import default_coder

    _coder = default_coder()


def _exit_with_parent(parent: int) -> None:
    # a server killed outright (SIGKILL) cannot stop its worker: the worker notices and goes
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _ready() -> bool:
    return _coder is not None


def _code(articles: list[Article]) -> list[tuple[Article, list[Record]]]:
    return list(_coder.code_articles(articles))


class ProcessCoder:
    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._fallback = None

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_load)
            return self._pool

    def warm_up(self) -> None:
        """Start the worker and load the model (blocks until it is loaded)."""
        try:
            self._executor().submit(_ready).result()
        except BrokenProcessPool:
            self.close()

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Record]]]:
        batch = list(articles)
        if self._fallback is not None:
            return self._fallback.code_articles(batch)
        for attempt in (1, 2):
            try:
                return iter(self._executor().submit(_code, batch).result())
            except BrokenProcessPool:  # the worker died (killed, out of memory) or cannot start
                self.close()
        # a worker cannot run here (e.g. a __main__ without its `if __name__ == "__main__"` guard):
        # code in this process rather than refuse every article
        warnings.warn("realpolitik: the coding worker process cannot start; coding in the server process", RuntimeWarning, stacklevel=2)
        from realpolitik.coder import default_coder

        self._fallback = default_coder()
        return self._fallback.code_articles(batch)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
