"""Ingest: read inputs, drop duplicates, code first copies, store everything, in batches.

    >>> from realpolitik.store import Store
    >>> from realpolitik.ingest.pipeline import ingest
    >>> with Store("news.duckdb") as store:
    ...     summary = ingest(["feeds/", "wire/*.jsonl"], store)

Each batch of ``batch_size`` articles goes: validate -> default date -> duplicates (already
stored, exact, near; ``dedup``) -> code the first copies -> ONE store transaction. So:

- idempotent: an article whose doc_id is stored is skipped before anything else (its text is
  not even coded), so running the same command twice stores everything once;
- crash-safe: a ``kill -9`` loses at most the batch in flight, which was never committed; the
  same command run again skips what is stored and finishes the job. Inputs are read in a stable
  order and every id is a content hash, so the result equals that of a clean run;
- duplicates are never coded: they add a mention (and a source, for a new outlet) to each
  event of their first copy.

Nothing here prints: progress goes to a ``Reporter`` (``progress=True`` draws a Rich bar on
stderr) and bad inputs are collected as ``Problem``s in the summary.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from realpolitik.ingest.dedup import Deduplicator
from realpolitik.ingest.readers import Entry, read_inputs
from realpolitik.ingest.text import InputError, Problem, check_date, check_text
from realpolitik.records import Article, Record
from realpolitik.store.store import Store, StoredArticle, WriteResult

DEFAULT_BATCH_SIZE = 64
MAX_PROBLEMS_KEPT = 1000
# Test hook: "transaction:SECONDS" sleeps inside each batch's transaction, "coding:SECONDS"
# before coding each batch, so a crash test can reliably kill the process mid-batch.
PAUSE_ENV = "REALPOLITIK_INGEST_PAUSE"


@dataclass
class IngestSummary:
    new: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    already_stored: int = 0
    failed: int = 0
    events: int = 0
    commitments: int = 0
    mentions_added: int = 0
    batches: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates + self.near_duplicates

    @property
    def articles(self) -> int:
        """Articles read (every outcome)."""
        return self.new + self.duplicates + self.already_stored + self.failed

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "new": self.new,
            "duplicates": self.duplicates,
            "exact_duplicates": self.exact_duplicates,
            "near_duplicates": self.near_duplicates,
            "already_stored": self.already_stored,
            "failed": self.failed,
            "events": self.events,
            "commitments": self.commitments,
            "mentions_added": self.mentions_added,
            "batches": self.batches,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 2),
            "problems": [p.message for p in self.problems],
        }


@dataclass(frozen=True)
class ProgressInfo:
    articles: int
    new: int
    duplicates: int
    already_stored: int
    failed: int
    events: int
    commitments: int
    done_bytes: int
    total_bytes: int
    elapsed: float
    batches: int

    @property
    def rate(self) -> float:
        return self.articles / self.elapsed if self.elapsed > 0 else 0.0


class Reporter:
    """Receives progress; the default does nothing. Subclass or pass a callable."""

    def start(self, total_bytes: int) -> None:
        pass

    def update(self, info: ProgressInfo) -> None:
        pass

    def problem(self, problem: Problem) -> None:
        pass

    def committed(self, info: ProgressInfo, result: WriteResult) -> None:
        pass

    def finish(self, summary: IngestSummary) -> None:
        pass


class _Callback(Reporter):
    def __init__(self, fn: Callable[[ProgressInfo], None]) -> None:
        self.fn = fn

    def update(self, info: ProgressInfo) -> None:
        self.fn(info)

    def committed(self, info: ProgressInfo, result: WriteResult) -> None:
        self.fn(info)


def _reporter(progress) -> Reporter:
    if isinstance(progress, Reporter):
        return progress
    if progress is True:
        from realpolitik.ingest.progress import RichReporter

        return RichReporter()
    if callable(progress):
        return _Callback(progress)
    return Reporter()


def _pause() -> tuple[str | None, float]:
    raw = os.environ.get(PAUSE_ENV, "")
    where, _, seconds = raw.partition(":")
    try:
        return (where or None), float(seconds or 0)
    except ValueError:
        return None, 0.0


class Pipeline:
    """One ingest run's state: the store, the coder (loaded on first need), the summary."""

    def __init__(
        self,
        store: Store,
        coder=None,
        date: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        reporter: Reporter | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch size must be at least 1, got {batch_size}")
        self.store = store
        self.day = check_date(date, "--date") if date else None
        self.batch_size = batch_size
        self.reporter = reporter or Reporter()
        self.summary = IngestSummary()
        self._coder = coder
        self._dedup = Deduplicator(store)
        self._dedup.ensure_index()
        self._started = time.monotonic()
        self._done_bytes = 0
        self._total_bytes = 0
        self._pause_where, self._pause_seconds = _pause()

    # -- driving -----------------------------------------------------------------------------

    def coder(self):
        if self._coder is None:
            from realpolitik.coder import default_coder

            self._coder = default_coder()
        return self._coder

    def run(self, entries: Iterable[Entry], total_bytes: int = 0) -> IngestSummary:
        self._total_bytes = total_bytes
        self.reporter.start(total_bytes)
        batch: list[Entry] = []
        try:
            for entry in entries:
                if isinstance(entry.item, Problem):
                    self._fail(entry.item)
                    self._done_bytes = entry.done_bytes
                    self._update()
                    continue
                batch.append(entry)
                if len(batch) >= self.batch_size:
                    self._flush(batch)
                    batch = []
            self._flush(batch)
        finally:
            self.summary.seconds = time.monotonic() - self._started
            self.reporter.finish(self.summary)
        return self.summary

    # -- one batch -----------------------------------------------------------------------------

    def _fail(self, problem: Problem) -> None:
        self.summary.failed += 1
        if len(self.summary.problems) < MAX_PROBLEMS_KEPT:
            self.summary.problems.append(problem)
        self.reporter.problem(problem)

    def _info(self) -> ProgressInfo:
        s = self.summary
        return ProgressInfo(
            articles=s.articles,
            new=s.new,
            duplicates=s.duplicates,
            already_stored=s.already_stored,
            failed=s.failed,
            events=s.events,
            commitments=s.commitments,
            done_bytes=self._done_bytes,
            total_bytes=self._total_bytes,
            elapsed=time.monotonic() - self._started,
            batches=s.batches,
        )

    def _update(self) -> None:
        self.reporter.update(self._info())

    def _valid(self, entry: Entry) -> tuple[Article, str, str | None] | None:
        article = entry.item
        where = f"{entry.origin} [{article.id}]" if entry.origin and entry.origin != article.id else str(article.id)
        try:
            if not isinstance(article.id, str) or not article.id.strip():
                raise InputError(f"{where}: missing id")
            check_text(article.text, where)
            if article.date:
                check_date(article.date, where)
        except InputError as exc:
            self._fail(Problem(where, str(exc)))
            return None
        if article.date:
            return article, "article", entry.origin
        if self.day:
            return replace(article, date=self.day), "option", entry.origin
        return article, "unknown", entry.origin

    def _flush(self, entries: list[Entry]) -> None:
        if not entries:
            return
        valid = [v for v in (self._valid(e) for e in entries) if v is not None]
        date_sources = {a.id: (src, origin) for a, src, origin in valid}
        articles = [a for a, _, _ in valid]
        coded: dict[str, list[Record]] = {}
        while True:
            verdicts = self._dedup.classify(articles)
            todo = [v.article for v in verdicts if v.status == "new" and v.article.id not in coded]
            if self._pause_where == "coding" and todo:
                time.sleep(self._pause_seconds)
            results, errors = self._code(todo)
            coded.update(results)
            if not errors:
                break
            for article in todo:
                if article.id in errors:
                    self._fail(Problem(article.id, f"{date_sources[article.id][1] or article.id} [{article.id}]: {errors[article.id]}"))
            articles = [a for a in articles if a.id not in errors]

        items: list[StoredArticle] = []
        stored = exact = near = 0
        for verdict in verdicts:
            article = verdict.article
            date_source, origin = date_sources[article.id]
            if verdict.status == "stored":
                stored += 1
                continue
            if verdict.status == "conflict":
                self._fail(
                    Problem(article.id, f"{origin or article.id}: id {article.id!r} is already stored with a different text; give the new text another id")
                )
                continue
            sig = verdict.signature
            item = StoredArticle(
                article=article,
                content_hash=verdict.content_hash,
                date_source=date_source,
                origin=origin,
                minhash=sig.to_bytes() if sig is not None else None,
                bands=list(sig.bands) if sig is not None and verdict.status != "exact" else [],
            )
            if verdict.status == "new":
                item.records = coded[article.id]
            else:
                item.duplicate_of = verdict.duplicate_of
                item.duplicate_kind = verdict.status
                item.similarity = verdict.similarity
                if verdict.status == "exact":
                    exact += 1
                else:
                    near += 1
            items.append(item)

        during = None
        if self._pause_where == "transaction":
            seconds = self._pause_seconds

            def during() -> None:
                time.sleep(seconds)

        result = self.store.write_articles(items, during=during)
        s = self.summary
        s.new += len(items) - exact - near
        s.exact_duplicates += exact
        s.near_duplicates += near
        s.already_stored += stored
        s.events += result.events
        s.commitments += result.commitments
        s.mentions_added += result.mentions_added
        s.batches += 1
        self._done_bytes = max(self._done_bytes, entries[-1].done_bytes)
        self.reporter.committed(self._info(), result)

    def _code(self, articles: list[Article]) -> tuple[dict[str, list[Record]], dict[str, str]]:
        """Records per article; an article that makes the coder fail is isolated and reported."""
        results: dict[str, list[Record]] = {}
        errors: dict[str, str] = {}
        if not articles:
            return results, errors
        coder = self.coder()
        try:
            for article, records in coder.code_articles(articles):
                results[article.id] = records
                self._coded_one(records)
        except Exception:
            for article in articles:
                if article.id in results:
                    continue
                try:
                    _, records = next(iter(coder.code_articles([article])))
                    results[article.id] = records
                    self._coded_one(records)
                except Exception as exc:
                    errors[article.id] = f"the coder failed ({type(exc).__name__}: {str(exc)[:120]})"
        return results, errors

    def _coded_one(self, records: list[Record]) -> None:
        # Live numbers for the progress bar; the summary's own counts come from the commit.
        info = self._info()
        self.reporter.update(replace(info, articles=info.articles + 1))


def ingest(
    paths: Iterable[str | os.PathLike],
    store: Store,
    coder=None,
    date: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool | Reporter | Callable[[ProgressInfo], None] = True,
) -> IngestSummary:
    """Ingest files, folders (recursively) and globs of text, HTML, RSS/Atom, JSONL and CSV into
    ``store``. ``date`` (YYYY-MM-DD) is used for articles that carry none. Bad files and records
    are skipped and listed in ``summary.problems``; ``summary.ok`` is False if any failed."""
    total, entries = read_inputs(paths)
    pipeline = Pipeline(store, coder=coder, date=date, batch_size=batch_size, reporter=_reporter(progress))
    return pipeline.run(entries, total)


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    coder=None,
    date: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool | Reporter | Callable[[ProgressInfo], None] = False,
) -> IngestSummary:
    """Ingest Article records (e.g. one posted to the API) with the same duplicate handling,
    batching and transactions as ``ingest``."""

    def entries() -> Iterator[Entry]:
        for article in articles:
            yield Entry(article, "", 0)

    pipeline = Pipeline(store, coder=coder, date=date, batch_size=batch_size, reporter=_reporter(progress))
    return pipeline.run(entries(), 0)
