"""The Dask engine: partitions of articles coded on Dask workers, one model per worker.

Without a scheduler address a ``LocalCluster`` is started; with one, an existing cluster is used
(its workers need realpolitik installed). Each partition can be written as a Parquet file
(``code_to_parquet``) so a large job leaves its results on shared storage, to be loaded into the
store afterwards; results are identical to the local engine's.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from realpolitik.engines.local import CHUNK_CHARS, Result, chunks, code_chunk
from realpolitik.records import Article, record_from_dict


@contextmanager
def dask_client(scheduler: str | None = None, workers: int = 2):
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


def code_dask(
    articles: Iterable[Article],
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 64,
    filtering: bool = True,
    stats: dict[str, int] | None = None,
) -> Iterator[Result]:
    """Code articles on Dask workers; results come back in input order, a bounded number of
    partitions in flight."""
    totals = stats if stats is not None else {}
    with dask_client(scheduler, workers) as client:
        window = 2 * max(workers, len(client.scheduler_info().get("workers", {})) or 1)
        pending: deque = deque()
        for partition in chunks(articles, partition_size, CHUNK_CHARS):
            pending.append(client.submit(code_chunk, partition, filtering, pure=False))
            if len(pending) >= window:
                yield from _collect(pending.popleft(), totals)
        while pending:
            yield from _collect(pending.popleft(), totals)


def _collect(future, totals: dict[str, int]) -> list[Result]:
    results, delta = future.result()
    for key, value in delta.items():
        totals[key] = totals.get(key, 0) + value
    return results


def write_partition(articles: list[Article], path: str, filtering: bool = True) -> str:
    """Code one partition on a worker and write its records to ``path`` as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    results, _ = code_chunk(articles, filtering)
    rows = {"doc_id": [], "kind": [], "record": []}
    for article, records in results:
        for record in records:
            rows["doc_id"].append(article.id)
            rows["kind"].append(record.kind)
            rows["record"].append(json.dumps(record.to_dict(), ensure_ascii=False))
    pq.write_table(pa.table(rows), path)
    return path


def code_to_parquet(
    articles: Iterable[Article],
    out_dir: Path,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 64,
    filtering: bool = True,
) -> list[Path]:
    """Code on Dask, one Parquet file per partition under ``out_dir``; returns the paths in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    with dask_client(scheduler, workers) as client:
        futures = []
        for number, partition in enumerate(chunks(articles, partition_size)):
            path = out_dir / f"part-{number:05d}.parquet"
            futures.append(client.submit(write_partition, partition, str(path), filtering, pure=False))
            paths.append(path)
        client.gather(futures)
    return paths


def read_parquet_records(paths: Iterable[Path]):
    """Records written by ``code_to_parquet``, partition by partition."""
    import pyarrow.parquet as pq

    for path in paths:
        table = pq.read_table(path)
        for data in table.column("record").to_pylist():
            yield record_from_dict(json.loads(data))


class DaskEngine:
    """Codes batches on Dask workers through Parquet partitions, with the Coder's interface.

    The ingest pipeline hands it one batch at a time: the batch is split into partitions, each
    worker codes its partition and writes ``part-NNNNN.parquet`` under ``out_dir``, and the
    records are read back from those files in input order. Identical to the local engine."""

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int = 2,
        partition_size: int = 16,
        out_dir: Path | None = None,
        filtering: bool = True,
    ) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.partition_size = partition_size
        self.out_dir = out_dir
        self.filtering = filtering
        self.paths: list[Path] = []
        self._stack = ExitStack()
        self._client = None

    def __enter__(self) -> DaskEngine:
        self._client = self._stack.enter_context(dask_client(self.scheduler, self.workers))
        if self.out_dir is None:
            self.out_dir = Path(self._stack.enter_context(tempfile.TemporaryDirectory(prefix="realpolitik-parts-")))
        self.out_dir.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()
        self._client = None

    def code_articles(self, articles: Iterable[Article]) -> Iterator[Result]:
        articles = list(articles)
        futures = []
        for partition in chunks(articles, self.partition_size):
            path = self.out_dir / f"part-{len(self.paths):05d}.parquet"
            self.paths.append(path)
            futures.append(self._client.submit(write_partition, partition, str(path), self.filtering, pure=False))
        written = [Path(p) for p in self._client.gather(futures)]
        by_doc: dict[str, list] = defaultdict(list)
        for record in read_parquet_records(written):
            by_doc[record.doc_id].append(record)
        for article in articles:
            yield article, by_doc.get(article.id, [])
