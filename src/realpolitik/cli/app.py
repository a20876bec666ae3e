"""The Typer application that every command module registers on."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

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
