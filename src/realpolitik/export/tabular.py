"""Parquet, CSV and JSONL exports, streamed from the store in Arrow batches.

Parquet and CSV carry the columns of ``Store.events_frame`` (``queries.FRAME_COLUMNS``), so
``pandas.read_parquet`` gives the same frame as the Python API (date as datetime64, counts as
int64). JSONL carries the full spec record of each event plus ``num_mentions``/``num_sources``.
"""

from __future__ import annotations

import csv
import json
from typing import BinaryIO, TextIO

import pyarrow as pa

from realpolitik.store.queries import FRAME_COLUMNS, FRAME_SELECT, INT_COLUMNS, EventFilter

JSONL_SELECT = "e.record, e.num_mentions, e.num_sources"


def _frame_schema(schema: pa.Schema) -> pa.Schema:
    fields = []
    for f in schema:
        if f.name in INT_COLUMNS:
            fields.append(pa.field(f.name, pa.int64(), nullable=False))
        elif f.name == "date":
            fields.append(pa.field("date", pa.timestamp("us")))
        else:
            fields.append(f)
    return pa.schema(fields)


def write_parquet(store, out: BinaryIO | str, flt: EventFilter) -> int:
    import pyarrow.parquet as pq

    reader = store.events_batches(flt, FRAME_SELECT)
    schema = _frame_schema(reader.schema)
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for batch in reader:
            table = pa.Table.from_batches([batch]).cast(schema)
            writer.write_table(table)
            count += batch.num_rows
    return count


def write_csv(store, out: TextIO, flt: EventFilter) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FRAME_COLUMNS)
    count = 0
    for batch in store.events_batches(flt, FRAME_SELECT):
        for row in batch.to_pylist():
            day = row["date"]
            row["date"] = day.date().isoformat() if day is not None else ""
            writer.writerow(["" if row[c] is None else row[c] for c in FRAME_COLUMNS])
            count += 1
    return count


def write_jsonl(store, out: TextIO, flt: EventFilter) -> int:
    count = 0
    for batch in store.events_batches(flt, JSONL_SELECT):
        for row in batch.to_pylist():
            record = json.loads(row["record"])
            record["num_mentions"] = row["num_mentions"]
            record["num_sources"] = row["num_sources"]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
