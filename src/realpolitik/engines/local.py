"""The local engine: code articles in this process or on a pool of worker processes.

Work is handed out in chunks with a bounded number in flight, so memory stays flat however long
the input is, and results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from realpolitik.records import Article, Record

Result = tuple[Article, list[Record]]

_worker_coder = None


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
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


def code_local(
    articles: Iterable[Article],
    processes: int = 1,
    chunk_size: int = 32,
    filtering: bool = True,
    stats: dict[str, int] | None = None,
) -> Iterator[Result]:
    """Code articles, in order; ``stats`` (if given) accumulates sentences seen and parsed."""
    totals = stats if stats is not None else {}
    if processes <= 1:
        for chunk in chunks(articles, chunk_size):
            results, delta = code_chunk(chunk, filtering)
            _add(totals, delta)
            yield from results
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        pending: deque = deque()
        for chunk in chunks(articles, chunk_size):
            pending.append(pool.apply_async(code_chunk, (chunk, filtering)))
            if len(pending) >= 2 * processes:
                results, delta = pending.popleft().get()
                _add(totals, delta)
                yield from results
        while pending:
            results, delta = pending.popleft().get()
            _add(totals, delta)
            yield from results


def _add(totals: dict[str, int], delta: dict[str, int]) -> None:
    for key, value in delta.items():
        totals[key] = totals.get(key, 0) + value
