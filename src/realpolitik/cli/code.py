"""``realpolitik code``: code texts and print events and commitments."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from realpolitik.cli.app import app, err, fail, out, sentence_progress
from realpolitik.ingest.text import InputError, Problem, check_date, check_text, decode, read_jsonl, read_text_file
from realpolitik.records import Article, Commitment, Event, Record, stable_id


class Format(str, Enum):
    jsonl = "jsonl"
    table = "table"


def _stdin_bytes() -> bytes:
    return sys.stdin.buffer.read()


def _articles(paths: list[str], jsonl: bool, day: str | None, problems: list[Problem]) -> Iterator[Article]:
    for name in paths or ["-"]:
        if jsonl:
            if name == "-":
                lines = iter(sys.stdin.buffer)
                source = "<stdin>"
            else:
                path = Path(name)
                if not path.is_file():
                    raise InputError(f"{name}: {'is a directory' if path.is_dir() else 'no such file'}")
                lines = open(path, "rb")
                source = name
            for item in read_jsonl(lines, source, default_date=day):
                if isinstance(item, Problem):
                    err.print(f"[yellow]skipped[/] {item.message}", highlight=False)
                    problems.append(item)
                else:
                    yield item
            continue
        if name == "-":
            text = check_text(decode(_stdin_bytes(), "<stdin>"), "<stdin>")
            yield Article(id=stable_id(text)[:12], text=text, date=day)
        else:
            path = Path(name)
            yield Article(id=path.stem, text=read_text_file(path), date=day)


def _table(rows: list[tuple[Article, list[Record]]]) -> Table:
    table = Table(title="Coded events", show_lines=False)
    for column in ("doc", "sent", "source", "event", "target", "modality", "trigger", "where"):
        table.add_column(column, overflow="fold")
    for article, records in rows:
        for record in records:
            if isinstance(record, Event):
                table.add_row(
                    article.id[:24],
                    str(record.sentence.index),
                    record.source.code if record.source else "",
                    f"{record.cameo} {record.plover.event or ''}",
                    record.target.code if record.target else "",
                    record.modality,
                    record.trigger.text,
                    record.location.name if record.location else "",
                )
            elif isinstance(record, Commitment):
                trigger = record.trigger
                when = f"if {trigger.source or 'any'} {trigger.cameo or '/'.join(trigger.roots)} {trigger.target or ('a party' if trigger.against_party else 'any')}"
                table.add_row(article.id[:24], str(record.sentence.index if record.sentence else ""), "+".join(record.parties), record.type, "", "commitment", when, "")
    return table


@app.command()
def code(
    paths: Annotated[list[str] | None, typer.Argument(help="UTF-8 text files; '-' or nothing reads stdin.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Article date YYYY-MM-DD (leaders resolve by role on this date).")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help='Each input line is {"id", "text", "date"?, "title"?}.')] = False,
    format: Annotated[Format, typer.Option("--format", help="jsonl: one spec record per line; table: a readable table.")] = Format.jsonl,
    processes: Annotated[int, typer.Option("--processes", "-j", min=1, max=64, help="Worker processes (one model each).")] = 1,
) -> None:
    """Code news text into events (then commitments), one JSON record per line."""
    day = check_date(date, "--date") if date else None
    from realpolitik.engines.local import code_local

    problems: list[Problem] = []
    rows: list[tuple[Article, list[Record]]] = []
    stats: dict[str, int] = {}
    results = code_local(_articles(paths or [], jsonl, day, problems), processes=processes, stats=stats)
    with sentence_progress(stats) as advance:
        for article, records in results:
            advance(len(records))
            if format is Format.table:
                rows.append((article, records))
                continue
            for record in records:
                sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    if format is Format.table:
        out.print(_table(rows))
    if problems:
        raise fail(f"{len(problems)} input record(s) skipped")
