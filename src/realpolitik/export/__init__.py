"""Exports of the event store: GDELT 2.0 event table, PLOVER JSON, Parquet, CSV, JSONL.

    >>> from realpolitik.store import Store
    >>> from realpolitik.export import export
    >>> with Store("news.duckdb", read_only=True) as store:
    ...     export(store, "parquet", "events.parquet", dyad="RUS:UKR")

A file is written under a temporary name and renamed when complete, so a failed export never
leaves a half-written file behind. Without ``out``, text formats go to stdout.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from realpolitik.export import gdelt, plover, tabular
from realpolitik.store.queries import EventFilter

FORMATS = ("gdelt", "plover", "parquet", "csv", "jsonl")
SUFFIXES = {"gdelt": ".tsv", "plover": ".jsonl", "parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}

_TEXT_WRITERS = {"gdelt": gdelt.write, "plover": plover.write, "csv": tabular.write_csv, "jsonl": tabular.write_jsonl}


def export(store, format: str, out: str | os.PathLike | None = None, **filters) -> int:
    """Write the store's events (filtered like ``Store.events_frame``) in ``format`` to ``out``
    (a path; None: stdout, not allowed for parquet). Returns the number of records written.
    GDELT exports only ``asserted`` events unless ``modality`` is given (``"any"`` for all)."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if format == "gdelt" and not filters.get("modality"):
        filters["modality"] = "asserted"
    flt = EventFilter.of(**filters)
    if out is None or str(out) == "-":
        if format == "parquet":
            raise ValueError("parquet is binary: give a file with --out")
        return _TEXT_WRITERS[format](store, sys.stdout, flt)
    target = Path(out)
    if target.is_dir():
        raise ValueError(f"{target}: is a directory; give a file name")
    if not target.parent.exists():
        raise ValueError(f"{target}: folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        if format == "parquet":
            os.close(fd)
            count = tabular.write_parquet(store, tmp, flt)
        else:
            with open(fd, "w", encoding="utf-8", newline="") as fh:
                count = _TEXT_WRITERS[format](store, fh, flt)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return count


__all__ = ["FORMATS", "SUFFIXES", "export"]
