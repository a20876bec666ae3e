"""``realpolitik ingest``, ``realpolitik events``, ``realpolitik export``: the event store's commands.

Thin: each translates options and calls ``realpolitik.ingest.pipeline.ingest``,
``Store.events_frame`` or ``realpolitik.export.export``. Heavy imports (the coder, pandas) wait
until a command needs them, so ``events`` answers quickly.
"""

from __future__ import annotations

import json
import math
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.app import app, err, fail, out
from realpolitik.ingest.text import InputError, check_date

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="The store (DuckDB file). Default: $REALPOLITIK_DB, else ./realpolitik.duckdb.", show_default=False),
]
ActorOption = Annotated[str | None, typer.Option("--actor", help="Source or target: a country (RUS) or code prefix (RUSGOV, IGOUNO).")]
DyadOption = Annotated[str | None, typer.Option("--dyad", help="A pair of actors, either direction: RUS:KOR.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="First event date, YYYY-MM-DD (inclusive).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Last event date, YYYY-MM-DD (inclusive).")]
RootOption = Annotated[str | None, typer.Option("--root", help="CAMEO root code, 01-20 (13: THREATEN).")]
CategoryOption = Annotated[str | None, typer.Option("--category", help="PLOVER category, e.g. THREATEN, COERCE, CONSULT.")]
ModalityOption = Annotated[
    str | None, typer.Option("--modality", help="asserted, negated, intended, conditional, hypothetical (or any).")
]
LimitOption = Annotated[int | None, typer.Option("--limit", min=0, help="At most N events.")]

TABLE_ROWS = 50


class EventsFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    plover = "plover"
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


def _store(db: Path | None, read_only: bool):
    from realpolitik.store import Store, StoreError

    try:
        return Store(db, read_only=read_only)
    except StoreError as exc:
        raise fail(str(exc)) from None


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursively) and globs: .txt, .html, RSS/Atom, .jsonl, .csv.")],
    db: DbOption = None,
    date: Annotated[str | None, typer.Option("--date", help="Date YYYY-MM-DD for articles that carry none (else stored as unknown).")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction: a crash loses at most one batch.")] = 64,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Draw a progress bar (on a terminal).")] = True,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print a line for each committed batch.")] = False,
    engine: Annotated[Engine, typer.Option("--engine", help="local: worker processes here; dask: a Dask cluster.")] = Engine.local,
    processes: Annotated[int, typer.Option("--processes", "-j", min=1, max=64, help="Local worker processes (one model each).")] = 1,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (default: start a LocalCluster).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=256, help="Workers of the LocalCluster started without --scheduler.")] = 2,
    parquet_dir: Annotated[Path | None, typer.Option("--parquet-dir", help="Keep the Dask workers' Parquet partitions here (default: a temporary folder).")] = None,
) -> None:
    """Read, de-duplicate, code and store articles. Safe to re-run: stored articles are skipped."""
    from realpolitik.ingest.pipeline import ingest as run_ingest
    from realpolitik.ingest.progress import RichReporter
    from realpolitik.store import StoreError

    try:
        day = check_date(date, "--date") if date else None
    except InputError as exc:
        raise fail(str(exc)) from None
    store = _store(db, read_only=False)
    reporter = RichReporter(console=err, verbose=verbose, bar=progress and err.is_terminal)
    if engine is Engine.dask:
        from realpolitik.engines.dask import DaskEngine

        coder_engine = DaskEngine(scheduler=scheduler, workers=workers, out_dir=parquet_dir)
    else:
        from realpolitik.engines.local import LocalEngine

        coder_engine = LocalEngine(processes=processes)
    try:
        with store, coder_engine:
            summary = run_ingest(paths, store, coder=coder_engine, date=day, batch_size=batch_size, progress=reporter)
            counts = store.counts()
    except StoreError as exc:
        raise fail(f"{exc} (batches committed before this are kept; re-run to finish)") from None
    out.print(
        f"articles: [bold]{summary.new}[/] new, {summary.duplicates} duplicate "
        f"({summary.exact_duplicates} exact, {summary.near_duplicates} near), "
        f"{summary.already_stored} already stored, "
        f"{'[red]' if summary.failed else ''}{summary.failed} failed{'[/]' if summary.failed else ''}; "
        f"events: [bold]{summary.events}[/] (+{summary.mentions_added} mentions from duplicates); "
        f"commitments: {summary.commitments}; {summary.rate:.1f} articles/s in {summary.seconds:.1f} s",
        highlight=False,
    )
    out.print(
        f"store {store.path}: {counts['articles']} articles ({counts['duplicates']} duplicates), "
        f"{counts['events']} events, {counts['commitments']} commitments",
        highlight=False,
        markup=False,
    )
    if not summary.ok:
        raise fail(f"{summary.failed} input(s) failed (listed above as skipped)")


def _frame(db, actor, dyad, since, until, root, category, modality, limit):
    from realpolitik.store import StoreError

    with _store(db, read_only=True) as store:
        try:
            return store.events_frame(actor=actor, dyad=dyad, since=since, until=until, root=root, category=category, modality=modality, limit=limit)
        except ValueError as exc:
            raise fail(str(exc)) from None
        except StoreError as exc:
            raise fail(str(exc)) from None


def _plain(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        try:
            import pandas as pd

            if value is pd.NaT:
                return None
        except ImportError:
            pass
        return value.date().isoformat() if hasattr(value, "date") else value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


@app.command()
def events(
    db: DbOption = None,
    actor: ActorOption = None,
    dyad: DyadOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    root: RootOption = None,
    category: CategoryOption = None,
    modality: ModalityOption = None,
    format: Annotated[EventsFormat, typer.Option("--format", help="table, jsonl (one event per line) or csv.")] = EventsFormat.table,
    limit: LimitOption = None,
) -> None:
    """List stored events, filtered (same as realpolitik.store.Store.events_frame)."""
    query_limit = limit
    if format is EventsFormat.table and limit is None:
        query_limit = TABLE_ROWS + 1
    frame = _frame(db, actor, dyad, since, until, root, category, modality, query_limit)
    if format is EventsFormat.csv:
        frame.to_csv(sys.stdout, index=False, date_format="%Y-%m-%d", lineterminator="\n")
        return
    if format is EventsFormat.jsonl:
        columns = list(frame.columns)
        for values in frame.itertuples(index=False, name=None):
            sys.stdout.write(json.dumps({c: _plain(v) for c, v in zip(columns, values)}, ensure_ascii=False) + "\n")
        return
    from rich.table import Table

    more = limit is None and len(frame) > TABLE_ROWS
    shown = frame.head(TABLE_ROWS) if more else frame
    table = Table(title=f"{len(shown)} event(s)" + (" (more: use --limit N or --format jsonl)" if more else ""))
    for column in ("date", "source", "event", "target", "modality", "mentions", "sentence"):
        table.add_column(column, overflow="fold")
    for row in shown.itertuples(index=False):
        day = _plain(row.date)
        table.add_row(
            day or "?",
            row.source_code or "",
            f"{row.cameo} {row.plover_event or ''}".strip(),
            row.target_code if isinstance(row.target_code, str) else "",
            row.modality,
            f"{row.num_mentions}/{row.num_sources}",
            (row.sentence_text or "")[:160],
        )
    out.print(table)


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", help="gdelt (TSV), plover (JSONL), parquet, csv or jsonl (spec records).")],
    out_path: Annotated[Path | None, typer.Option("--out", help="Output file (default: stdout; parquet needs a file).")] = None,
    db: DbOption = None,
    actor: ActorOption = None,
    dyad: DyadOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    root: RootOption = None,
    category: CategoryOption = None,
    modality: Annotated[
        str | None, typer.Option("--modality", help="Only this modality (gdelt default: asserted; 'any' for all).")
    ] = None,
    limit: LimitOption = None,
) -> None:
    """Export stored events as GDELT 2.0 event rows, PLOVER records, Parquet, CSV or JSONL."""
    from realpolitik.export import export as run_export
    from realpolitik.store import StoreError

    if format is ExportFormat.parquet and out_path is None:
        raise fail("parquet is binary: give a file with --out events.parquet")
    with _store(db, read_only=True) as store:
        try:
            count = run_export(
                store,
                format.value,
                out_path,
                actor=actor,
                dyad=dyad,
                since=since,
                until=until,
                root=root,
                category=category,
                modality=modality,
                limit=limit,
            )
        except (ValueError, StoreError) as exc:
            raise fail(str(exc)) from None
        except OSError as exc:
            raise fail(f"{out_path}: cannot write ({exc.strerror or exc})") from None
    if out_path is not None:
        err.print(f"wrote {count} record(s) to {out_path}", highlight=False, markup=False)
