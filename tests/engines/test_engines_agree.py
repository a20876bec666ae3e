"""The local engine on 1 or 2 processes and the Dask engine on a 2-worker LocalCluster give the
same records, in the same order."""

import json
from pathlib import Path

from realpolitik.engines.dask import code_dask, code_to_parquet, read_parquet_records
from realpolitik.engines.local import code_local
from realpolitik.records import Article

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _articles(count: int = 24) -> list[Article]:
    out = []
    with open(SHARED / "corpus" / "wikinews.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            out.append(Article(id=record["id"], text=record["text"], date=record.get("date")))
            if len(out) == count:
                return out
    return out


def _flat(results):
    return [(article.id, json.dumps(record.to_dict(), sort_keys=True)) for article, records in results for record in records]


def test_local_two_processes_equal_one_process_record_for_record():
    articles = _articles()
    one = _flat(code_local(articles, processes=1, chunk_size=5))
    two = _flat(code_local(articles, processes=2, chunk_size=5))
    assert one == two and one


def test_dask_local_cluster_equals_the_local_engine_record_for_record(tmp_path):
    articles = _articles()
    local = _flat(code_local(articles, processes=1))
    stats: dict[str, int] = {}
    dask = _flat(code_dask(articles, workers=2, partition_size=6, stats=stats))
    assert dask == local
    assert stats["sentences"] > 0
    paths = code_to_parquet(articles, tmp_path / "out", workers=2, partition_size=6)
    assert [p.name for p in paths] == [f"part-{n:05d}.parquet" for n in range(4)]
    from_parquet = [json.dumps(r.to_dict(), sort_keys=True) for r in read_parquet_records(paths)]
    assert from_parquet == [record for _, record in local]
