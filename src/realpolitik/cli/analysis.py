"""Analysis commands: ``dyad``, ``graph``, ``whatif``, ``alerts``, ``alliances``.

Thin glue: read the store (read-only), call ``realpolitik.analysis``, print. Commands that read
the store take ``--db FILE`` (default ``$REALPOLITIK_DB``, else ``./realpolitik.duckdb``) and
stop with a one-line error when it is missing or unreadable.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterator

import typer
from rich.markup import escape
from rich.table import Table

from realpolitik.cli.app import app, err, fail, out

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="The event store (DuckDB file). Default: $REALPOLITIK_DB, else ./realpolitik.duckdb."),
]
AllModalities = Annotated[
    bool,
    typer.Option("--all-modalities", help="Count negated, intended, conditional and hypothetical events too (default: asserted only)."),
]


# ----------------------------------------------------------------------------- helpers


def _date(value: str | None, option: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise fail(f"{option}: bad date {value!r}, expected YYYY-MM-DD") from None


@contextmanager
def _store(db: Path | None) -> Iterator[Any]:
    """Open the store read-only, or stop with a one-line error."""
    try:
        from realpolitik.store import Store, StoreError, default_path
    except ImportError as exc:  # pragma: no cover - the store ships with the package
        raise fail(f"the event store is not available: {exc}") from None
    path = Path(db) if db is not None else default_path()
    if not path.exists():
        raise fail(
            f"no event store at {path}: give --db FILE or set $REALPOLITIK_DB "
            "(create one with `realpolitik ingest`)"
        )
    try:
        store = Store(path, read_only=True)
    except StoreError as exc:
        raise fail(escape(str(exc))) from None
    try:
        with store:
            yield store
    except StoreError as exc:
        raise fail(escape(str(exc))) from None


def _json_default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def _records(frame: Any) -> list[dict[str, Any]]:
    rows = []
    for row in frame.to_dict(orient="records"):
        rows.append({k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()})
    return rows


def _write_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1, default=_json_default) + "\n")


def _write_csv(frame: Any) -> None:
    frame.to_csv(sys.stdout, index=False, lineterminator="\n")


def _num(value: Any, fmt: str = "g") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format(value, fmt)


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


# ----------------------------------------------------------------------------- dyad


class By(str, Enum):
    day = "day"
    week = "week"
    month = "month"


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor: a country (RUS) or an actor code (RUSGOV).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    by: Annotated[By, typer.Option("--by", help="Period length.")] = By.week,
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw cooperation vs conflict over time: FILE.png, .svg or .html (self-contained).")] = None,
    format: Annotated[TableFormat, typer.Option("--format", help="table, csv or json.")] = TableFormat.table,
    all_modalities: AllModalities = False,
    db: DbOption = None,
) -> None:
    """How two actors treat each other over time, period by period.

    Per period and direction: events by quad class, summed and mean Goldstein, weighted by
    mentions; asserted events only unless --all-modalities.
    """
    from realpolitik.analysis.dyads import dyad_timeline, plot_dyad

    if plot is not None and plot.suffix.lower() not in (".png", ".svg", ".html", ".htm"):
        raise fail(f"--plot {plot}: use a .png, .svg or .html file name")
    with _store(db) as store:
        frame = store.events_frame(dyad=f"{a.upper()}:{b.upper()}")
    timeline = dyad_timeline(frame, a, b, by=by.value, modalities=None if all_modalities else ("asserted",))
    if timeline.empty:
        raise fail(f"no {'' if all_modalities else 'asserted '}dated events between {a.upper()} and {b.upper()} in the store")
    if plot is not None:
        plot_dyad(timeline, plot)
    if format is TableFormat.json:
        _write_json(_records(timeline))
    elif format is TableFormat.csv:
        _write_csv(timeline)
    else:
        table = Table(title=f"{a.upper()} – {b.upper()} by {by.value} ({'all modalities' if all_modalities else 'asserted events'}, weighted by mentions)")
        for col in ("period", "direction", "events", "verb coop", "mat coop", "verb confl", "mat confl", "Goldstein sum", "mean"):
            table.add_column(col, justify="left" if col in ("period", "direction") else "right")
        for r in timeline.itertuples():
            if not r.rows and r.direction != "both":
                continue
            direction = f"{r.source}→{r.target}" if r.direction != "both" else "both"
            style = "bold" if r.direction == "both" else None
            table.add_row(
                str(r.period.date()), direction, _num(r.events), _num(r.q1), _num(r.q2), _num(r.q3), _num(r.q4),
                _num(r.goldstein_sum, ".1f"), _num(r.goldstein_mean, ".2f"), style=style,
            )  # fmt: skip
        out.print(table)
    if plot is not None:
        err.print(f"wrote {plot}", highlight=False)


# ----------------------------------------------------------------------------- graph


class GraphFormat(str, Enum):
    table = "table"
    json = "json"
    graphml = "graphml"
    gexf = "gexf"
    png = "png"
    svg = "svg"
    html = "html"


def _graph_tables(g) -> None:
    from realpolitik.analysis.graph import bloc_members, top_dyads

    blocs = Table(title=f"Blocs ({g.number_of_nodes()} actors)")
    blocs.add_column("bloc", justify="right")
    blocs.add_column("members (most active first)")
    for number, members in bloc_members(g).items():
        blocs.add_row(str(number), ", ".join(members))
    out.print(blocs)
    dyads = Table(title="Top dyads")
    for column in ("source", "target", "events", "coop", "conflict", "mean Goldstein", "balance", "also tied by"):
        dyads.add_column(column)
    for row in top_dyads(g).itertuples():
        colour = "green" if row.balance > 0 else "red" if row.balance < 0 else "white"
        dyads.add_row(
            row.source, row.target, str(row.events), f"{row.cooperation:g}", f"{row.conflict:g}",
            _num(row.goldstein_mean, ".1f"), f"[{colour}]{row.balance:+.2f}[/]", escape(row.ties),
        )  # fmt: skip
    out.print(dyads)


class TreatyMode(str, Enum):
    present = "present"
    all = "all"
    none = "none"


@app.command()
def graph(
    since: Annotated[str | None, typer.Option("--since", help="First day of the window (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day of the window; treaty obligations in force on it are drawn.")] = None,
    format: Annotated[GraphFormat | None, typer.Option("--format", help="table (blocs and top dyads), json (node-link), graphml, gexf, png, svg or html. Default: from --out's suffix, else json.")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="Output file (required for png/svg/html; json/graphml/gexf go to stdout without it).")] = None,
    treaties: Annotated[TreatyMode, typer.Option("--treaties", help="present: treaty ties between actors already in the graph; all: every obligation in force; none.")] = TreatyMode.present,
    all_modalities: AllModalities = False,
    db: DbOption = None,
) -> None:
    """The alliance/tension graph of a window, with blocs.

    Event edges carry the balance of cooperation and conflict; news commitments and treaty
    obligations are typed edges of their own; blocs come from community detection.
    """
    from realpolitik.analysis.graph import build_graph, plot_graph, write_graph

    start, end = _date(since, "--since"), _date(until, "--until")
    if start and end and end < start:
        raise fail(f"--until {end} is before --since {start}")
    if format is None:
        suffix = out_file.suffix.lower().lstrip(".") if out_file is not None else "json"
        try:
            format = GraphFormat("html" if suffix == "htm" else suffix)
        except ValueError:
            raise fail(f"--out {out_file}: cannot tell the format from the suffix; give --format") from None
    if format in (GraphFormat.png, GraphFormat.svg, GraphFormat.html) and out_file is None:
        raise fail(f"--format {format.value} needs --out FILE")
    with _store(db) as store:
        frame = store.events_frame(since=start, until=end)
        commitments = store.commitments()
    g = build_graph(
        frame, commitments, since=start, until=end, treaties=treaties.value,
        modalities=None if all_modalities else ("asserted",),
    )  # fmt: skip
    if format is GraphFormat.table:
        _graph_tables(g)
        return
    if format in (GraphFormat.png, GraphFormat.svg, GraphFormat.html):
        assert out_file is not None
        path = out_file
        if path.suffix.lower() != f".{format.value}" and not (format is GraphFormat.html and path.suffix.lower() == ".htm"):
            path = path.with_suffix(f".{format.value}")
        plot_graph(g, path)
        out.print(f"wrote {path}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", highlight=False)
        return
    if out_file is not None:
        write_graph(g, out_file, format.value)
        out.print(f"wrote {out_file}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges", highlight=False)
    elif format is GraphFormat.json:
        write_graph(g, sys.stdout, "json")
    else:
        sys.stdout.flush()
        write_graph(g, sys.stdout.buffer, format.value)
        sys.stdout.buffer.flush()


# ----------------------------------------------------------------------------- whatif


class TreeFormat(str, Enum):
    tree = "tree"
    json = "json"


@app.command()
def whatif(
    event: Annotated[str, typer.Argument(help='The hypothetical event, "SOURCE CAMEO TARGET", e.g. "KOR 072 UKR".')],
    depth: Annotated[int, typer.Option("--depth", min=0, max=10, help="How many rounds of responses to follow.")] = 3,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Date of the event (YYYY-MM-DD; default today): treaties and news commitments count only from their dates.")] = None,
    format: Annotated[TreeFormat, typer.Option("--format", help="tree: a Rich tree; json: the same as JSON.")] = TreeFormat.tree,
    news: Annotated[bool, typer.Option("--news/--no-news", help="Use the commitments reported in the news (read from the store).")] = True,
    treaties: Annotated[bool, typer.Option("--treaties/--no-treaties", help="Use the alliance-treaty baseline.")] = True,
    max_nodes: Annotated[int, typer.Option("--max-nodes", min=1, help="Stop the walk after this many steps.")] = 300,
    db: DbOption = None,
) -> None:
    """What would this event set off? Walk the commitments it triggers.

    Each step says what it rests on: a treaty article, or the article and sentence of a
    commitment reported in the news. Cycles are cut and the depth is bounded.
    """
    from realpolitik.analysis.whatif import parse_event, render_tree, to_json
    from realpolitik.analysis.whatif import whatif as walk

    try:
        parsed = parse_event(event)
    except ValueError as exc:
        raise fail(escape(str(exc))) from None
    day = _date(as_of, "--as-of") or date.today()
    commitments = []
    if news:
        with _store(db) as store:
            commitments = store.commitments()
    tree = walk(parsed, commitments, day, depth=depth, treaties=treaties, max_nodes=max_nodes)
    if format is TreeFormat.json:
        _write_json(to_json(tree))
    else:
        out.print(render_tree(tree), soft_wrap=False)


# ----------------------------------------------------------------------------- alerts


@app.command()
def alerts(
    window: Annotated[str, typer.Option("--window", help="Recent window ending on --as-of: days (7d) or weeks (2w).")] = "7d",
    baseline: Annotated[str, typer.Option("--baseline", help="Baseline period just before the window.")] = "90d",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Last day of the window (default: the latest event in the store).")] = None,
    min_events: Annotated[int, typer.Option("--min-events", min=1, help="Events a dyad needs in the window to be judged.")] = 3,
    share_threshold: Annotated[float, typer.Option("--share-threshold", help="Flag a rise in conflict share of at least this much (0.20 = 20 points).")] = 0.20,
    goldstein_threshold: Annotated[float, typer.Option("--goldstein-threshold", help="Flag a fall in mean Goldstein of at least this much.")] = 2.0,
    format: Annotated[TableFormat, typer.Option("--format", help="table, csv or json.")] = TableFormat.table,
    all_modalities: AllModalities = False,
    db: DbOption = None,
) -> None:
    """The escalation watch list: dyads turning hostile, most severe first.

    A dyad is flagged when its conflict share rose, or its mean Goldstein score fell, beyond a
    threshold against its own baseline (or against all dyads when it has no history).
    """
    from realpolitik.analysis.alerts import alerts as watch
    from realpolitik.analysis.alerts import parse_span

    try:
        win, base = parse_span(window), parse_span(baseline)
    except ValueError as exc:
        raise fail(f"{escape(str(exc))}") from None
    end = _date(as_of, "--as-of")
    with _store(db) as store:
        if end is not None:
            frame = store.events_frame(since=end - win - base, until=end)
        else:
            frame = store.events_frame()
    result = watch(
        frame, end, win, base, min_events=min_events, share_threshold=share_threshold,
        goldstein_threshold=goldstein_threshold, modalities=None if all_modalities else ("asserted",),
    )  # fmt: skip
    if format is TableFormat.json:
        _write_json(_records(result))
    elif format is TableFormat.csv:
        _write_csv(result)
    elif result.empty:
        out.print("no dyad moved beyond the thresholds", highlight=False)
    else:
        first = result.iloc[0]
        table = Table(title=f"Escalation watch {first.window_start} to {first.window_end} (baseline {base.days} days before)")
        for col in ("dyad", "severity", "events", "conflict share", "mean Goldstein", "why"):
            table.add_column(col, overflow="fold")
        for r in result.itertuples():
            table.add_row(
                f"{r.a}–{r.b}", f"{r.severity:.1f}", f"{r.window_events} (vs {r.baseline_events})",
                f"{_num(r.conflict_share_baseline, '.0%')} → {_num(r.conflict_share_window, '.0%')}",
                f"{_num(r.goldstein_baseline, '+.1f')} → {_num(r.goldstein_window, '+.1f')}", r.reasons,
            )  # fmt: skip
        out.print(table)


# ----------------------------------------------------------------------------- alliances


class AllianceFormat(str, Enum):
    table = "table"
    json = "json"
    atop = "atop"


@app.command()
def alliances(
    as_of: Annotated[str | None, typer.Option("--as-of", help="The day (YYYY-MM-DD; default today). For --format atop: the last year.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only obligations where this country (or actor code) is obliged or protected.")] = None,
    format: Annotated[AllianceFormat, typer.Option("--format", help="table; json; atop: ATOP-style directed dyad-year rows as CSV.")] = AllianceFormat.table,
    from_year: Annotated[int, typer.Option("--from-year", help="First year of the atop rows.")] = 1946,
) -> None:
    """Treaty obligations in force on a date (the alliance-treaty baseline; no store needed)."""
    from realpolitik.analysis.alliances import ATOP_FLAGS, TreatyDataError, atop_rows, obligations_in_force

    day = _date(as_of, "--as-of") or date.today()
    who = actor.strip().upper()[:3] if actor else None
    try:
        if format is AllianceFormat.atop:
            rows = atop_rows(from_year, day.year)
        else:
            obligations = obligations_in_force(day, actor)
    except TreatyDataError as exc:
        raise fail(escape(str(exc).splitlines()[0] + " " + "; ".join(exc.errors[:3]))) from None
    if format is AllianceFormat.atop:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["stateA", "stateB", "year", *ATOP_FLAGS.values(), "treaties"])
        for r in rows:
            if who and who not in (r["stateA"], r["stateB"]):
                continue
            writer.writerow([r["stateA"], r["stateB"], r["year"], *(r[c] for c in ATOP_FLAGS.values()), ";".join(r["treaties"])])
        return
    if format is AllianceFormat.json:
        _write_json({"as_of": day.isoformat(), "actor": actor, "obligations": [o.to_dict() for o in obligations]})
        return
    if not obligations:
        out.print(f"no treaty obligations in force on {day.isoformat()}" + (f" for {actor.upper()}" if actor else ""), highlight=False)
        return
    table = Table(title=f"Treaty obligations in force on {day.isoformat()}" + (f" involving {actor.upper()}" if actor else ""))
    for col in ("obliged", "protected", "types", "treaty", "article", "since"):
        table.add_column(col, overflow="fold")
    for o in obligations:
        table.add_row(o.obliged, o.protected, "+".join(o.types), o.treaty_name, o.article or "", o.since.isoformat())
    out.print(table)
    out.print(f"{len(obligations)} directed obligation(s) under {len({o.treaty for o in obligations})} treaty(ies)", highlight=False)
