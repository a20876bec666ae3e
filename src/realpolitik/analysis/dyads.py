"""Dyad timelines: how two actors treat each other over time.

:func:`dyad_timeline` turns an events frame (the columns of ``Store.events_frame``) into one row
per period and direction — ``A->B``, ``B->A`` and ``both`` — with counts by quad class, the summed
and mean Goldstein score, and the cooperation/conflict balance. :func:`plot_dyad` draws it
(PNG/SVG with matplotlib, or a self-contained HTML page holding the same picture as inline SVG).

Conventions shared by the other analysis modules (and defined here):

* **Which events count.** Only ``asserted`` events by default: an intended, conditional,
  hypothetical or negated event did not happen and must not move the balance. Pass
  ``modalities=None`` to count every modality.
* **Weighting.** Each event counts ``num_mentions`` times (a story carried by ten articles weighs
  more than a passing mention), with missing or non-positive values counted once. Pass
  ``weight=None`` to count rows. ``rows`` always gives the unweighted number of events.
* **Actors.** An actor argument may be a country (``RUS``) or a fuller code (``RUSGOV``): it
  matches an event side whose country equals it or whose actor code starts with it. Graph nodes
  and alert dyads use :func:`node_of`: the country when there is one, else the actor code (so
  organisations such as ``IGOUNO`` are their own nodes). A role of no named state (``---GOV``)
  is no node: governments of unknown states are not one actor.
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from realpolitik.actors.dictionary import UNKNOWN_STATE

__all__ = [
    "FREQUENCIES",
    "QUAD_NAMES",
    "dyad_timeline",
    "event_weights",
    "figure_to_html",
    "html_table",
    "filter_events",
    "node_of",
    "plot_dyad",
    "save_figure",
]

#: ``by`` -> pandas period frequency. A week runs Monday to Sunday and is labelled by its Monday.
FREQUENCIES: dict[str, str] = {"day": "D", "week": "W-SUN", "month": "M"}
QUAD_NAMES: dict[int, str] = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
QUAD_COLUMNS = [f"q{i}" for i in QUAD_NAMES]

TIMELINE_COLUMNS = [
    "period", "direction", "source", "target", "rows", "events", "q1", "q2", "q3", "q4",
    "cooperation", "conflict", "goldstein_sum", "goldstein_mean", "balance",
]  # fmt: skip


# ----------------------------------------------------------------------------- shared helpers


def node_of(code: Any, country: Any = None) -> str | None:
    """The graph node of one event side: its country, else its actor code; None when neither
    or when the actor is a role of no named state."""
    for value in (country, code):
        if isinstance(value, str) and value.strip():
            node = value.strip().upper()
            return None if node.startswith(UNKNOWN_STATE) else node
    return None


def _node_series(df: pd.DataFrame, side: str) -> pd.Series:
    country = df[f"{side}_country"].astype("object")
    code = df[f"{side}_code"].astype("object")
    out = country.where(country.notna() & (country.astype(str).str.strip() != ""), code)
    # A plain list keeps None as None: pandas 3's map turns it into NaN, which is truthy.
    return pd.Series([node_of(v) for v in out], index=df.index, dtype="object")


def add_nodes(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` with ``source_node``/``target_node`` columns (see :func:`node_of`)."""
    out = df.copy()
    out["source_node"] = _node_series(df, "source") if len(df) else pd.Series(dtype="object")
    out["target_node"] = _node_series(df, "target") if len(df) else pd.Series(dtype="object")
    return out


def filter_events(
    df: pd.DataFrame,
    *,
    modalities: Sequence[str] | None = ("asserted",),
    since: Any = None,
    until: Any = None,
) -> pd.DataFrame:
    """Rows of ``df`` with a counted modality and (when a bound is given) a date inside
    ``[since, until]`` (both inclusive, whole days). Undated rows are dropped once any bound is
    given. ``modalities=None`` keeps every modality."""
    out = df
    if modalities is not None and "modality" in out.columns:
        out = out[out["modality"].isin(list(modalities))]
    if since is not None or until is not None:
        dates = pd.to_datetime(out["date"])
        keep = dates.notna()
        if since is not None:
            keep &= dates >= pd.Timestamp(since)
        if until is not None:
            keep &= dates < pd.Timestamp(until) + pd.Timedelta(days=1)
        out = out[keep]
    return out


def event_weights(df: pd.DataFrame, weight: str | None = "num_mentions") -> pd.Series:
    """Per-row weight: the ``weight`` column (missing or < 1 counts as 1), or 1 when ``weight`` is None."""
    if weight is None or weight not in df.columns:
        return pd.Series(1.0, index=df.index)
    w = pd.to_numeric(df[weight], errors="coerce").astype("float64")
    return w.where(w >= 1, 1.0).fillna(1.0)


def _matches(df: pd.DataFrame, side: str, actor: str) -> pd.Series:
    actor = actor.strip().upper()
    country = df[f"{side}_country"].astype("object").fillna("").astype(str).str.upper()
    code = df[f"{side}_code"].astype("object").fillna("").astype(str).str.upper()
    return (country == actor) | code.str.startswith(actor)


def _aggregate(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Sum weights per quad class and Goldstein over ``keys``; ``frame`` has w, quad_class, goldstein."""
    g = frame.assign(
        rows=1,
        events=frame["w"],
        gw=frame["w"] * frame["goldstein"].astype("float64"),
        gn=frame["w"].where(frame["goldstein"].notna(), 0.0),
        **{f"q{q}": frame["w"].where(frame["quad_class"] == q, 0.0) for q in QUAD_NAMES},
    )
    agg = g.groupby(keys, sort=True, dropna=False)[["rows", "events", *QUAD_COLUMNS, "gw", "gn"]].sum()
    return agg.reset_index()


def _finish(agg: pd.DataFrame) -> pd.DataFrame:
    agg["cooperation"] = agg["q1"] + agg["q2"]
    agg["conflict"] = agg["q3"] + agg["q4"]
    agg["goldstein_sum"] = agg["gw"]
    with np.errstate(invalid="ignore", divide="ignore"):
        agg["goldstein_mean"] = (agg["gw"] / agg["gn"]).where(agg["gn"] > 0)
        total = agg["cooperation"] + agg["conflict"]
        agg["balance"] = ((agg["cooperation"] - agg["conflict"]) / total).where(total > 0)
    return agg.drop(columns=["gw", "gn"])


# ----------------------------------------------------------------------------- timeline


def dyad_timeline(
    events_df: pd.DataFrame,
    a: str,
    b: str,
    by: str = "week",
    *,
    modalities: Sequence[str] | None = ("asserted",),
    weight: str | None = "num_mentions",
    fill: bool = True,
) -> pd.DataFrame:
    """Per ``by`` period (day|week|month): what ``a`` did to ``b``, what ``b`` did to ``a``, and both.

    Returns a frame with one row per period and ``direction`` (``"A->B"``, ``"B->A"``, ``"both"``,
    in that order within a period) and the columns ``period`` (start of the period), ``source``,
    ``target`` (``a``/``b``, or ``"A+B"`` for both), ``rows`` (events, unweighted), ``events``
    (weighted), ``q1``..``q4`` (weighted counts by quad class: verbal/material cooperation,
    verbal/material conflict), ``cooperation`` (q1+q2), ``conflict`` (q3+q4), ``goldstein_sum``
    (weighted sum), ``goldstein_mean`` (weighted mean; NaN without events) and ``balance``
    ((cooperation - conflict) / (cooperation + conflict), in [-1, 1]).

    Undated events cannot be placed and are left out. With ``fill`` every period between the first
    and last one with an event is present (zeros where nothing happened), so plots show the gaps.
    """
    if by not in FREQUENCIES:
        raise ValueError(f"by must be one of {', '.join(FREQUENCIES)}, got {by!r}")
    a, b = a.strip().upper(), b.strip().upper()
    labels = {"A->B": (a, b), "B->A": (b, a), "both": (a, b)}
    df = filter_events(events_df, modalities=modalities)
    ab = _matches(df, "source", a) & _matches(df, "target", b)
    ba = _matches(df, "source", b) & _matches(df, "target", a)
    df = df[(ab | ba)]
    direction = np.where(ab.loc[df.index], "A->B", "B->A")
    dates = pd.to_datetime(df["date"])
    frame = pd.DataFrame(
        {
            "direction": direction,
            "date": dates,
            "w": event_weights(df, weight),
            "quad_class": pd.to_numeric(df["quad_class"], errors="coerce"),
            "goldstein": pd.to_numeric(df["goldstein"], errors="coerce"),
        },
        index=df.index,
    )
    frame = frame[frame["date"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS).astype({"period": "datetime64[ns]"})
    freq = FREQUENCIES[by]
    frame["period"] = frame["date"].dt.to_period(freq).dt.start_time
    both = frame.assign(direction="both")
    agg = _finish(_aggregate(pd.concat([frame, both]), ["period", "direction"]))
    periods = (
        pd.period_range(frame["period"].min(), frame["period"].max(), freq=freq).start_time
        if fill
        else pd.DatetimeIndex(sorted(agg["period"].unique()))
    )
    index = pd.MultiIndex.from_product([periods, ["A->B", "B->A", "both"]], names=["period", "direction"])
    agg = agg.set_index(["period", "direction"]).reindex(index).reset_index()
    zero = ["rows", "events", *QUAD_COLUMNS, "cooperation", "conflict", "goldstein_sum"]
    agg[zero] = agg[zero].fillna(0.0)
    agg["rows"] = agg["rows"].astype("int64")
    agg["source"] = agg["direction"].map(lambda d: labels[d][0] if d != "both" else f"{a}+{b}")
    agg["target"] = agg["direction"].map(lambda d: labels[d][1] if d != "both" else f"{a}+{b}")
    return agg[TIMELINE_COLUMNS].reset_index(drop=True)


# ----------------------------------------------------------------------------- pictures


def figure_to_html(fig: Any, title: str, body: str = "") -> str:
    """A self-contained HTML page with ``fig`` as inline SVG (no scripts, no external links)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buf.getvalue()
    start = svg.find("<svg")  # drop the XML prologue and DOCTYPE: not allowed inside HTML
    svg = svg[start:] if start >= 0 else svg
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
        "svg{max-width:100%;height:auto}table{border-collapse:collapse;margin-top:1em}"
        "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;font-size:90%}</style>\n"
        f"</head>\n<body>\n<h1>{html.escape(title)}</h1>\n{svg}\n{body}\n</body>\n</html>\n"
    )


def save_figure(fig: Any, path: str | Path, title: str, body: str = "") -> Path:
    """Write ``fig`` to ``path``: .png/.svg/.pdf via matplotlib, .html as :func:`figure_to_html`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        path.write_text(figure_to_html(fig, title, body), encoding="utf-8")
    elif suffix in (".png", ".svg", ".pdf"):
        fig.savefig(path, bbox_inches="tight", dpi=150 if suffix == ".png" else None)
    else:
        raise ValueError(f"{path}: unsupported picture format {suffix or '(none)'}; use .png, .svg or .html")
    return path


def html_table(rows: Iterable[Sequence[Any]], header: Sequence[str]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def dyad_figure(timeline: pd.DataFrame, title: str | None = None) -> Any:
    """Cooperation (up, green) against conflict (down, red) per period, and the mean Goldstein
    score of each direction below it."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 6), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[3, 2])
    both = timeline[timeline["direction"] == "both"]
    x = pd.to_datetime(both["period"])
    if len(x) > 1:
        width = (x.diff().dropna().min() / pd.Timedelta(days=1)) * 0.8
    else:
        width = 0.8
    # each bar covers its period (from its first day); the Goldstein points sit in the middle
    bars = dict(width=width, align="edge")
    top.bar(x, both["q2"], color="#1a9850", label="material cooperation", **bars)
    top.bar(x, both["q1"], bottom=both["q2"], color="#91cf60", label="verbal cooperation", **bars)
    top.bar(x, -both["q4"], color="#d73027", label="material conflict", **bars)
    top.bar(x, -both["q3"], bottom=-both["q4"], color="#fc8d59", label="verbal conflict", **bars)
    top.axhline(0, color="#333", linewidth=0.8)
    top.set_ylabel("events (weighted by mentions)")
    top.legend(loc="best", fontsize="small", ncols=2, framealpha=0.85)
    if title:
        top.set_title(title)
    for direction, style in (("A->B", "-o"), ("B->A", "--s")):
        part = timeline[timeline["direction"] == direction]
        if part.empty:
            continue
        label = f"{part['source'].iloc[0]} → {part['target'].iloc[0]}"
        middle = pd.to_datetime(part["period"]) + pd.Timedelta(days=width / 2)
        bottom.plot(middle, part["goldstein_mean"], style, label=label, markersize=4)
    bottom.axhline(0, color="#333", linewidth=0.8)
    bottom.set_ylim(-10.5, 10.5)
    bottom.set_ylabel("mean Goldstein")
    bottom.legend(loc="lower left", fontsize="small")
    fig.autofmt_xdate()
    return fig


def plot_dyad(timeline: pd.DataFrame, path: str | Path, title: str | None = None) -> Path:
    """Draw :func:`dyad_timeline`'s output to ``path`` (.png, .svg or self-contained .html)."""
    if title is None and len(timeline):
        first = timeline[timeline["direction"] == "A->B"].iloc[0]
        title = f"{first['source']} – {first['target']}: cooperation vs conflict"
    fig = dyad_figure(timeline, title)
    body = html_table(
        (
            (str(pd.Timestamp(r.period).date()), r.direction, f"{r.events:g}", f"{r.cooperation:g}", f"{r.conflict:g}",
             "" if pd.isna(r.goldstein_mean) else f"{r.goldstein_mean:.2f}")
            for r in timeline.itertuples()
            if r.rows
        ),
        ["period", "direction", "events", "cooperation", "conflict", "mean Goldstein"],
    )
    return save_figure(fig, path, title or "dyad", body)
