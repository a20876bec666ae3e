"""Aggregating sentence matches into a report, and showing it as Rich tables or one JSON document.

The numbers:

- **event recall**: gold events matched by an event with the same dyad and the same category;
- **dyad recall**: gold events with an event of the same dyad, whatever its category;
- **category accuracy**: matched / dyad found (how often the category is right once the actors are);
- **no-event precision**: sentences that expect no event on which realpolitik produced no asserted
  event with both a source and a target.

Ratios are None when there is nothing to divide by.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from realpolitik.evaluate.gold import GoldEvent
from realpolitik.evaluate.matching import SentenceResult, event_category
from realpolitik.records import Event

NONE_LABEL = "(none)"
DATE_NOTE = "placeholder dates (date_is_placeholder) are coded as unknown (None): leaders resolve by their latest role"


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass
class Tally:
    """Counts behind the ratios, for the whole file or one group."""

    sentences: int = 0
    gold_events: int = 0
    events_matched: int = 0
    dyads_found: int = 0
    nonasserted_matches: int = 0
    no_event_sentences: int = 0
    no_event_correct: int = 0

    @property
    def event_recall(self) -> float | None:
        return _ratio(self.events_matched, self.gold_events)

    @property
    def dyad_recall(self) -> float | None:
        return _ratio(self.dyads_found, self.gold_events)

    @property
    def category_accuracy(self) -> float | None:
        return _ratio(self.events_matched, self.dyads_found)

    @property
    def no_event_precision(self) -> float | None:
        return _ratio(self.no_event_correct, self.no_event_sentences)

    def add(self, result: SentenceResult) -> None:
        self.sentences += 1
        for match in result.matches:
            self.gold_events += 1
            self.dyads_found += match.dyad_found
            self.events_matched += match.matched
            self.nonasserted_matches += match.nonasserted_only
        if result.no_event_ok is not None:
            self.no_event_sentences += 1
            self.no_event_correct += result.no_event_ok

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "event_recall": _round(self.event_recall),
            "dyad_recall": _round(self.dyad_recall),
            "category_accuracy": _round(self.category_accuracy),
            "no_event_precision": _round(self.no_event_precision),
        }


@dataclass
class CategoryRow:
    """One gold category: how many gold events (support) and how many were found."""

    category: str
    support: int = 0
    dyads_found: int = 0
    events_matched: int = 0

    @property
    def event_recall(self) -> float | None:
        return _ratio(self.events_matched, self.support)

    @property
    def dyad_recall(self) -> float | None:
        return _ratio(self.dyads_found, self.support)

    @property
    def category_accuracy(self) -> float | None:
        return _ratio(self.events_matched, self.dyads_found)

    def to_dict(self) -> dict[str, Any]:
        return {
            "support": self.support,
            "event_recall": _round(self.event_recall),
            "dyad_recall": _round(self.dyad_recall),
            "category_accuracy": _round(self.category_accuracy),
            "events_matched": self.events_matched,
            "dyads_found": self.dyads_found,
        }


@dataclass(frozen=True)
class Miss:
    """A gold event realpolitik missed (``missed_dyad``, ``wrong_category``), or a sentence that
    expects no event and got one (``unexpected_event``); with everything realpolitik produced."""

    id: str
    line: int
    kind: str
    text: str
    gold: GoldEvent | None
    produced: list[Event]
    scheme: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "line": self.line,
            "kind": self.kind,
            "text": self.text,
            "gold": None
            if self.gold is None
            else {
                "source": self.gold.source,
                "target": self.gold.target,
                "code": self.gold.code,
                "category": self.gold.category,
                "source_text": self.gold.source_text,
                "target_text": self.gold.target_text,
            },
            "produced": [_event_summary(e, self.scheme) for e in self.produced],
        }


@dataclass
class Report:
    file: str
    scheme: str
    totals: Tally
    per_category: dict[str, CategoryRow]
    per_dataset: dict[str, Tally]
    confusion: dict[str, dict[str, int]]
    errors: list[Miss]
    misses: int  # all misses, of which ``errors`` lists the first N
    skipped: int = 0
    placeholder_dates: int = 0
    notes: list[str] = field(default_factory=list)

    # the headline numbers, as attributes
    @property
    def sentences(self) -> int:
        return self.totals.sentences

    @property
    def gold_events(self) -> int:
        return self.totals.gold_events

    @property
    def event_recall(self) -> float | None:
        return self.totals.event_recall

    @property
    def dyad_recall(self) -> float | None:
        return self.totals.dyad_recall

    @property
    def category_accuracy(self) -> float | None:
        return self.totals.category_accuracy

    @property
    def no_event_precision(self) -> float | None:
        return self.totals.no_event_precision

    @property
    def no_event_sentences(self) -> int:
        return self.totals.no_event_sentences

    def to_dict(self) -> dict[str, Any]:
        t = self.totals
        return {
            "file": self.file,
            "scheme": self.scheme,
            "sentences": t.sentences,
            "gold_events": t.gold_events,
            "event_recall": _round(t.event_recall),
            "dyad_recall": _round(t.dyad_recall),
            "category_accuracy": _round(t.category_accuracy),
            "no_event_precision": _round(t.no_event_precision),
            "no_event_sentences": t.no_event_sentences,
            "counts": {
                "events_matched": t.events_matched,
                "dyads_found": t.dyads_found,
                "nonasserted_matches": t.nonasserted_matches,
                "no_event_correct": t.no_event_correct,
                "misses": self.misses,
                "skipped_lines": self.skipped,
                "placeholder_dates": self.placeholder_dates,
            },
            "per_category": {name: row.to_dict() for name, row in self.per_category.items()},
            "per_dataset": {name: tally.to_dict() for name, tally in self.per_dataset.items()},
            "confusion": self.confusion,
            "errors": [miss.to_dict() for miss in self.errors],
            "notes": self.notes,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _event_summary(event: Event, scheme: str) -> dict[str, Any]:
    return {
        "source": event.source.code if event.source else None,
        "target": event.target.code if event.target else None,
        "cameo": event.cameo,
        "category": event_category(event, scheme),
        "modality": event.modality,
        "trigger": event.trigger.text,
        "confidence": event.confidence,
    }


def aggregate(
    results: Iterable[SentenceResult],
    file: str,
    scheme: str,
    errors: int = 0,
    skipped: int = 0,
    placeholder_dates: int = 0,
) -> Report:
    """Sum sentence results into a report; keep the first ``errors`` misses in file order."""
    totals = Tally()
    per_dataset: dict[str, Tally] = defaultdict(Tally)
    per_category: dict[str, CategoryRow] = {}
    confusion: dict[str, Counter] = defaultdict(Counter)
    listed: list[Miss] = []
    misses = 0
    for result in results:
        sentence = result.sentence
        totals.add(result)
        per_dataset[sentence.group].add(result)
        for match in result.matches:
            row = per_category.setdefault(match.gold.category, CategoryRow(match.gold.category))
            row.support += 1
            row.dyads_found += match.dyad_found
            row.events_matched += match.matched
            if match.dyad_found:
                confusion[match.gold.category][match.predicted or NONE_LABEL] += 1
            if not match.matched:
                misses += 1
                if len(listed) < errors:
                    kind = "wrong_category" if match.dyad_found else "missed_dyad"
                    listed.append(Miss(sentence.id, sentence.line, kind, sentence.text, match.gold, result.events, scheme))
        if result.no_event_ok is False:
            misses += 1
            if len(listed) < errors:
                listed.append(Miss(sentence.id, sentence.line, "unexpected_event", sentence.text, None, result.events, scheme))
    notes = []
    if placeholder_dates:
        notes.append(DATE_NOTE)
    if skipped:
        notes.append(f'{skipped} line(s) marked "evaluate": false were skipped')
    return Report(
        file=file,
        scheme=scheme,
        totals=totals,
        per_category=dict(sorted(per_category.items(), key=lambda kv: (-kv[1].support, kv[0]))),
        per_dataset=dict(sorted(per_dataset.items())),
        confusion={gold: dict(sorted(row.items())) for gold, row in sorted(confusion.items())},
        errors=listed,
        misses=misses,
        skipped=skipped,
        placeholder_dates=placeholder_dates,
        notes=notes,
    )


# -- rendering ---------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def summary_table(report: Report) -> Table:
    t = report.totals
    table = Table(title=f"{report.file} ({report.scheme}): {t.sentences} sentences, {t.gold_events} gold events")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("of", justify="right")
    table.add_row("event recall", _pct(t.event_recall), f"{t.events_matched}/{t.gold_events}")
    table.add_row("dyad recall", _pct(t.dyad_recall), f"{t.dyads_found}/{t.gold_events}")
    table.add_row("category accuracy (found dyads)", _pct(t.category_accuracy), f"{t.events_matched}/{t.dyads_found}")
    table.add_row("no-event precision", _pct(t.no_event_precision), f"{t.no_event_correct}/{t.no_event_sentences}")
    table.add_row("matches only non-asserted", str(t.nonasserted_matches), f"of {t.events_matched}")
    return table


def category_table(report: Report) -> Table:
    table = Table(title="By gold category")
    for column in ("category", "support", "event recall", "dyad recall", "category accuracy"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for name, row in report.per_category.items():
        table.add_row(name, str(row.support), _pct(row.event_recall), _pct(row.dyad_recall), _pct(row.category_accuracy))
    return table


def dataset_table(report: Report) -> Table:
    table = Table(title="By dataset")
    columns = ("dataset", "sentences", "gold events", "event recall", "dyad recall", "category accuracy", "no-event precision")
    for column in columns:
        table.add_column(column, justify="left" if column == "dataset" else "right")
    for name, tally in report.per_dataset.items():
        table.add_row(
            name,
            str(tally.sentences),
            str(tally.gold_events),
            _pct(tally.event_recall),
            _pct(tally.dyad_recall),
            _pct(tally.category_accuracy),
            f"{_pct(tally.no_event_precision)} ({tally.no_event_correct}/{tally.no_event_sentences})" if tally.no_event_sentences else "—",
        )
    return table


def confusion_table(report: Report) -> Table:
    predicted = sorted({p for row in report.confusion.values() for p in row})
    table = Table(title="Confusion on found dyads (rows: gold, columns: realpolitik)")
    table.add_column("gold \\ realpolitik")
    for name in predicted:
        table.add_column(name, justify="right")
    for gold, row in report.confusion.items():
        cells = []
        for name in predicted:
            count = row.get(name, 0)
            cells.append("" if not count else (f"[bold]{count}[/]" if name == gold else str(count)))
        table.add_row(gold, *cells)
    return table


def _describe_event(event: Event, scheme: str) -> str:
    s = _event_summary(event, scheme)
    return f"{s['source'] or '(none)'} -> {s['target'] or '(none)'} {s['cameo']} {s['category'] or NONE_LABEL} [{s['modality']}] «{s['trigger']}» {s['confidence']}"


def errors_view(report: Report) -> Group:
    parts: list[Any] = [Text(f"First {len(report.errors)} of {report.misses} misses", style="bold")]
    for number, miss in enumerate(report.errors, start=1):
        parts.append(Text(""))
        parts.append(Text.from_markup(f"[bold]#{number}[/] {escape(miss.id)} (line {miss.line}) [yellow]{miss.kind}[/]"))
        parts.append(Text(f"  sentence: {miss.text}"))
        parts.append(Text(f"  gold:     {miss.gold.describe() if miss.gold else 'no event expected'}"))
        if not miss.produced:
            parts.append(Text("  coded:    nothing"))
        for index, event in enumerate(miss.produced):
            parts.append(Text(f"  {'coded:' if index == 0 else '':9} {_describe_event(event, miss.scheme)}"))
    return Group(*parts)


def render_table(report: Report, console: Console, by: str = "category") -> None:
    console.print(summary_table(report))
    console.print(dataset_table(report) if by == "dataset" else category_table(report))
    if report.confusion:
        console.print(confusion_table(report))
    for note in report.notes:
        console.print(Text(f"note: {note}", style="dim"))
    if report.errors:
        console.print(errors_view(report))
