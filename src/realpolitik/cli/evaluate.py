"""``realpolitik eval``: code a gold file's sentences and report recall, accuracy and misses."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from realpolitik.cli.app import app, fail, out
from realpolitik.ingest.text import InputError


class By(str, Enum):
    category = "category"
    dataset = "dataset"


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold file: one JSON sentence per line (shared/benchmarks/README.md format).")],
    by: Annotated[By, typer.Option("--by", help="Break the numbers down by gold category or by dataset (petr2 'category' field, else id prefix).")] = By.category,
    errors: Annotated[int, typer.Option("--errors", min=0, help="List the first N misses with everything realpolitik produced for them.")] = 0,
    format: Annotated[EvalFormat, typer.Option("--format", help="table: Rich tables; json: one JSON document with all numbers.")] = EvalFormat.table,
) -> None:
    """Measure the coder on a gold file: event recall, dyad recall, category accuracy, no-event precision."""
    from realpolitik.evaluate import evaluate_file
    from realpolitik.evaluate.report import render_json, render_table

    try:
        report = evaluate_file(gold, errors=errors)
    except InputError as exc:
        raise fail(escape(str(exc))) from None
    if format is EvalFormat.json:
        sys.stdout.write(render_json(report) + "\n")
    else:
        render_table(report, out, by=by.value)
