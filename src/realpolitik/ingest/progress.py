"""A Rich progress bar for ingest: input bytes read, articles/s, events found, problems as lines."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from realpolitik.ingest.pipeline import IngestSummary, ProgressInfo, Reporter
from realpolitik.ingest.text import Problem
from realpolitik.store.store import WriteResult


class RichReporter(Reporter):
    """Draws the bar on ``console`` (stderr by default); with ``verbose`` also one line per
    committed batch (what a log, or a test waiting for the first commit, reads)."""

    def __init__(self, console: Console | None = None, verbose: bool = False, bar: bool = True) -> None:
        self.console = console or Console(stderr=True)
        self.verbose = verbose
        self.bar = bar
        self._progress: Progress | None = None
        self._task = None

    def start(self, total_bytes: int) -> None:
        if not self.bar:
            return
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[articles]} articles · {task.fields[rate]:.1f}/s · {task.fields[events]} events · {task.fields[dups]} dup · {task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
        )
        self._task = self._progress.add_task("ingest", total=total_bytes or None, articles=0, rate=0.0, events=0, dups=0, failed=0)
        self._progress.start()

    def update(self, info: ProgressInfo) -> None:
        if self._progress is not None:
            self._progress.update(
                self._task,
                completed=info.done_bytes,
                articles=info.articles,
                rate=info.rate,
                events=info.events,
                dups=info.duplicates,
                failed=info.failed,
            )

    def problem(self, problem: Problem) -> None:
        self.console.print(f"[yellow]skipped[/] {escape(problem.message)}", highlight=False, markup=True, soft_wrap=True)

    def committed(self, info: ProgressInfo, result: WriteResult) -> None:
        self.update(info)
        if self.verbose:
            self.console.print(
                f"committed batch {info.batches}: {result.articles} article(s), {result.events} event(s); "
                f"{info.articles} read so far",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )

    def finish(self, summary: IngestSummary) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
