"""The Typer application that every command module registers on."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

app = typer.Typer(
    name="realpolitik",
    help="Turn news text into coded political events: who did what to whom, with modality, commitments and provenance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped output gets a wide console: tables are read in files and pagers, not 80-column terminals.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    return typer.Exit(code)


@app.callback()
def _root() -> None:
    """realpolitik: news text to coded political events."""


@contextmanager
def sentence_progress(stats: dict[str, int]) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for long runs: articles, records and sentences per second.

    ``stats`` is filled by the engine (sentences seen, parsed); the bar reads it as it goes.
    Shown only on a terminal, so pipes and logs stay clean."""
    if not err.is_terminal:
        yield lambda records: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[records]} records"),
        TextColumn("{task.fields[rate]} sentences/s"),
        TimeElapsedColumn(),
    )
    started = time.perf_counter()
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("coding", total=None, records=0, rate="-")
        total = 0

        def advance(records: int) -> None:
            nonlocal total
            total += records
            elapsed = max(time.perf_counter() - started, 1e-6)
            progress.update(task, advance=1, records=total, rate=f"{stats.get('sentences', 0) / elapsed:,.0f}")

        yield advance
