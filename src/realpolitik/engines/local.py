"""The local engine: code articles in this process or on a pool of worker processes.

Work is handed out in chunks with a bounded number in flight, so memory stays flat however long
the input is, and results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator

from realpolitik.records import Article, Record

Result = tuple[Article, list[Record]]

_worker_coder = None


# A chunk also ends at this much text, so that long articles do not leave one worker with the
# last big chunk while the others wait (on full-text news that imbalance cost ~10 % of the run).
CHUNK_CHARS = 40_000


def chunks(articles: Iterable[Article], size: int, max_chars: int | None = None) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    chars = 0
    for article in articles:
        chunk.append(article)
        chars += len(article.text)
        if len(chunk) >= size or (max_chars is not None and chars >= max_chars):
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def worker_coder(filtering: bool = True):
    """One Coder per process, built on first use (the model loads once per worker)."""
    global _worker_coder
    if _worker_coder is None or _worker_coder.filtering != filtering:
        from realpolitik.coder import Coder

        _worker_coder = Coder(filtering=filtering)
    return _worker_coder


def code_chunk(articles: list[Article], filtering: bool = True) -> tuple[list[Result], dict[str, int]]:
    coder = worker_coder(filtering)
    before = dict(coder.stats)
    results = list(coder.code_articles(articles))
    stats = {key: coder.stats[key] - before.get(key, 0) for key in coder.stats}
    return results, stats


class LocalEngine:
    """A pool of worker processes, each with its own Coder, kept for a whole run.

    ``code_articles`` has the Coder's interface, so the ingest pipeline can code its batches here.
    With one process everything runs in this process."""

    def __init__(self, processes: int = 1, chunk_size: int = 32, filtering: bool = True) -> None:
        self.processes = processes
        self.chunk_size = chunk_size
        self.filtering = filtering
        self.stats: dict[str, int] = {}
        self._pool = None

    def __enter__(self) -> LocalEngine:
        if self.processes > 1:
            self._pool = multiprocessing.get_context("fork").Pool(self.processes)
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Result]:
        if self._pool is None:
            for chunk in chunks(articles, self.chunk_size, CHUNK_CHARS):
                results, delta = code_chunk(chunk, self.filtering)
                _add(self.stats, delta)
                yield from results
            return
        pending: deque = deque()
        for chunk in chunks(articles, self.chunk_size, CHUNK_CHARS):
            pending.append(self._pool.apply_async(code_chunk, (chunk, self.filtering)))
            if len(pending) >= 2 * self.processes:
                yield from self._collect(pending.popleft())
        while pending:
            yield from self._collect(pending.popleft())

    def _collect(self, handle) -> list[Result]:
        results, delta = handle.get()
        _add(self.stats, delta)
        return results


def code_local(
    articles: Iterable[Article],
    processes: int = 1,
    chunk_size: int = 32,
    filtering: bool = True,
    stats: dict[str, int] | None = None,
) -> Iterator[Result]:
    """Code articles, in order; ``stats`` (if given) accumulates sentences seen and parsed."""
    with LocalEngine(processes, chunk_size, filtering) as engine:
        if stats is not None:
            engine.stats = stats
        yield from engine.code_articles(articles)


def _add(totals: dict[str, int], delta: dict[str, int]) -> None:
    for key, value in delta.items():
        totals[key] = totals.get(key, 0) + value
