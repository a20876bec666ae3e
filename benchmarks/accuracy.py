"""Accuracy on the shared gold benchmarks: runs ``realpolitik eval`` on the three development files
with one coder and writes ``benchmarks/accuracy.md`` (run it as ``make bench-accuracy``).

The gold files are read from ``../shared/benchmarks`` next to the repository, or from
``$REALPOLITIK_SHARED/benchmarks`` (``$REALPOLITIK_SHARED`` may also name the benchmarks folder).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from common import ROOT, git_commit, shared_dir
OUTPUT = ROOT / "benchmarks" / "accuracy.md"
COMMAND = "make bench-accuracy"
FILES = ("plover_gsr.dev.jsonl", "cameo_manual_gsr.dev.jsonl", "petr2_gsr.jsonl")

# (label, file, metric attribute, target) — the targets of the issue
TARGETS = (
    ("PLOVER dev: event recall", "plover_gsr.dev.jsonl", "event_recall", 0.85),
    ("PLOVER dev: category accuracy on found dyads", "plover_gsr.dev.jsonl", "category_accuracy", 0.90),
    ("CAMEO manual: CAMEO root accuracy on found dyads", "cameo_manual_gsr.dev.jsonl", "category_accuracy", 0.85),
    ("PETR-2 GSR: event recall", "petr2_gsr.jsonl", "event_recall", 0.85),
    ("PETR-2 GSR: no-event precision", "petr2_gsr.jsonl", "no_event_precision", 0.80),
)


def shared_benchmarks() -> Path:
    base = shared_dir()
    if (base / "benchmarks").is_dir():
        return base / "benchmarks"
    return base


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def render(reports: dict, seconds: float) -> str:
    today = dt.date.today().isoformat()
    lines = [
        "# Accuracy on the shared gold benchmarks",
        "",
        f"- date: {today}",
        f"- commit: `{git_commit()}`",
        f"- command: `{COMMAND}` (runs `python benchmarks/accuracy.py`; one file: `realpolitik eval FILE --errors 40`)",
        f"- gold files: `../shared/benchmarks/` ({', '.join(FILES)}); coding took {seconds:.0f} s",
        "",
        "## Targets",
        "",
        "| metric | value | target | met |",
        "|---|---|---|---|",
    ]
    for label, name, attribute, target in TARGETS:
        report = reports.get(name)
        value = getattr(report, attribute) if report is not None else None
        met = "—" if value is None else ("yes" if value >= target else "no")
        lines.append(f"| {label} | {fmt(value)} | ≥ {target:.2f} | {met} |")
    lines += [
        "",
        "## All numbers",
        "",
        "| file | scheme | sentences | gold events | event recall | dyad recall | category accuracy (found dyads) | no-event precision | matches only non-asserted |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name in FILES:
        report = reports.get(name)
        if report is None:
            lines.append(f"| {name} | missing | | | | | | | |")
            continue
        t = report.totals
        lines.append(
            f"| {name} | {report.scheme} | {t.sentences} | {t.gold_events} "
            f"| {fmt(t.event_recall)} ({t.events_matched}/{t.gold_events}) "
            f"| {fmt(t.dyad_recall)} ({t.dyads_found}/{t.gold_events}) "
            f"| {fmt(t.category_accuracy)} ({t.events_matched}/{t.dyads_found}) "
            f"| {fmt(t.no_event_precision)} ({t.no_event_correct}/{t.no_event_sentences}) "
            f"| {t.nonasserted_matches} |"
        )
    for name in FILES:
        report = reports.get(name)
        if report is None:
            continue
        lines += ["", f"### {name}: by gold category", "", "| category | support | event recall | dyad recall | category accuracy |", "|---|---|---|---|---|"]
        for category, row in report.per_category.items():
            lines.append(f"| {category} | {row.support} | {fmt(row.event_recall)} | {fmt(row.dyad_recall)} | {fmt(row.category_accuracy)} |")
        if len(report.per_dataset) > 1:
            lines += ["", f"### {name}: by dataset", "", "| dataset | sentences | gold events | event recall | dyad recall | category accuracy | no-event precision |", "|---|---|---|---|---|---|---|"]
            for group, tally in report.per_dataset.items():
                lines.append(
                    f"| {group} | {tally.sentences} | {tally.gold_events} | {fmt(tally.event_recall)} | {fmt(tally.dyad_recall)} "
                    f"| {fmt(tally.category_accuracy)} | {fmt(tally.no_event_precision)} |"
                )
    lines += [
        "",
        "## How it is measured",
        "",
        "- **event recall**: gold events for which realpolitik coded an event in that sentence with the same source and target "
        "country (first three letters; `JAP` = `JPN`; `---`/`***` = any actor; an empty gold side = anything) and the same category "
        "(PLOVER files: `code_plover_current`, FIGHT = ASSAULT; CAMEO files: the CAMEO root).",
        "- **dyad recall**: the same, ignoring the category. **Category accuracy**: event matches / dyads found.",
        "- **no-event precision**: sentences expecting no event on which realpolitik coded no *asserted* event with both a source and a target.",
        "- Events of every modality count for recall; the last column counts matches made only by non-asserted events.",
        "- Placeholder dates (`date_is_placeholder`) are coded as unknown, so leaders resolve by their latest role.",
        "- The gold sets code about one event per sentence, so they measure recall, not precision.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    from realpolitik.coder import Coder
    from realpolitik.evaluate import evaluate_file

    folder = shared_benchmarks()
    missing = [name for name in FILES if not (folder / name).is_file()]
    if len(missing) == len(FILES):
        print(f"error: no gold files in {folder} (set REALPOLITIK_SHARED)", file=sys.stderr)
        return 1
    for name in missing:
        print(f"warning: {folder / name} missing; skipped", file=sys.stderr)
    started = time.perf_counter()
    coder = Coder()
    reports = {}
    for name in FILES:
        if name in missing:
            continue
        report = evaluate_file(folder / name, coder=coder)
        reports[name] = report
        print(
            f"{name}: event recall {fmt(report.event_recall)}, dyad recall {fmt(report.dyad_recall)}, "
            f"category accuracy {fmt(report.category_accuracy)}, no-event precision {fmt(report.no_event_precision)}"
        )
    OUTPUT.write_text(render(reports, time.perf_counter() - started), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
