"""Command line: thin commands over the library, one module per stage.

Each module registers its commands on ``app`` when imported. ``main`` turns the library's
input and data-file errors into one-line messages with a non-zero exit, never a traceback.
"""

from __future__ import annotations

import sys

from realpolitik.cli.app import app, err
from realpolitik.cli import code  # noqa: F401  (registers commands)
from realpolitik.cli import store  # noqa: F401
from realpolitik.cli import evaluate  # noqa: F401
from realpolitik.cli import analysis  # noqa: F401
from realpolitik.cli import serve  # noqa: F401
from realpolitik.datafiles import DataFileError
from realpolitik.ingest.text import InputError


def main() -> None:
    try:
        app(standalone_mode=True)
    except (InputError, DataFileError) as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


__all__ = ["app", "main"]
