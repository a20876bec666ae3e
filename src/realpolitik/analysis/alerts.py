"""Escalation watch list: dyads whose recent behaviour broke from their own past.

For every unordered dyad {A, B} (graph nodes, see :func:`realpolitik.analysis.dyads.node_of`;
both directions pooled), :func:`alerts` compares a recent **window** (the ``window`` days ending
on ``as_of``, inclusive) with the **baseline** (the ``baseline`` days just before the window):

* ``conflict_share`` = conflict / (cooperation + conflict), events of quad classes 3-4 against
  1-4, weighted by mentions;
* ``goldstein`` = the mentions-weighted mean Goldstein score.

A dyad is flagged when, with at least ``min_events`` events in the window,

* its conflict share rose by at least ``share_threshold`` (default **0.20**, i.e. 20 percentage
  points), or
* its mean Goldstein score fell by at least ``goldstein_threshold`` (default **2.0** points on
  the -10..+10 scale).

These are simple differences, not z-scores: news event counts per dyad are small and bursty, and
a difference in share / mean is robust to the volume of coverage changing (weighting by mentions
already accounts for volume). ``severity`` = the larger of ``delta_share / share_threshold`` and
``-delta_goldstein / goldstein_threshold`` (1.0 = just at a threshold); rows are sorted by
severity, most severe first. A dyad with fewer than ``min_baseline`` baseline events has no past
of its own to compare with; it is compared with the **global** baseline (all dyads pooled over
the baseline period) instead and marked ``reference="global"`` — that is how a newly hostile
pair gets on the list. Only asserted events count by default.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from realpolitik.analysis.dyads import add_nodes, event_weights, filter_events

__all__ = ["ALERT_COLUMNS", "alerts", "parse_span"]

ALERT_COLUMNS = [
    "a", "b", "severity", "reasons", "reference", "window_events", "baseline_events",
    "conflict_share_window", "conflict_share_baseline", "delta_share",
    "goldstein_window", "goldstein_baseline", "delta_goldstein", "window_start", "window_end",
]  # fmt: skip

_SPAN = re.compile(r"^\s*(\d+)\s*([dw]?)\s*$", re.IGNORECASE)


def parse_span(value: str | int | timedelta) -> timedelta:
    """"7d" / "2w" / "30" (days) -> timedelta; raises ValueError otherwise."""
    if isinstance(value, timedelta):
        return value
    if isinstance(value, int):
        days = value
    else:
        m = _SPAN.match(str(value))
        if not m:
            raise ValueError(f"bad span {value!r}: expected a number of days or weeks, e.g. 7d or 2w")
        days = int(m.group(1)) * (7 if m.group(2).lower() == "w" else 1)
    if days <= 0:
        raise ValueError(f"span must be positive, got {value!r}")
    return timedelta(days=days)


def _stats(frame: pd.DataFrame) -> pd.DataFrame:
    g = frame.groupby(["a", "b"], sort=True)
    out = pd.DataFrame(
        {
            "events": g["rows"].sum(),
            "coop": g["coop"].sum(),
            "confl": g["confl"].sum(),
            "gw": g["gw"].sum(),
            "gn": g["gn"].sum(),
        }
    )
    return out


def _share(coop: Any, confl: Any) -> Any:
    total = coop + confl
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, confl / np.where(total > 0, total, 1), np.nan)


def _mean(gw: Any, gn: Any) -> Any:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(gn > 0, gw / np.where(gn > 0, gn, 1), np.nan)


def alerts(
    events_df: pd.DataFrame,
    as_of: date | str | None = None,
    window: str | int | timedelta = "7d",
    baseline: str | int | timedelta = "90d",
    *,
    min_events: int = 3,
    min_baseline: int = 3,
    share_threshold: float = 0.20,
    goldstein_threshold: float = 2.0,
    modalities: Sequence[str] | None = ("asserted",),
    weight: str | None = "num_mentions",
    all_dyads: bool = False,
) -> pd.DataFrame:
    """The escalation watch list on ``as_of`` (default: the latest event date). See the module
    docstring for the rules; ``all_dyads=True`` returns every dyad with enough window events,
    flagged or not (``reasons`` empty when not flagged)."""
    win, base = parse_span(window), parse_span(baseline)
    df = filter_events(events_df, modalities=modalities)
    df = df[pd.to_datetime(df["date"]).notna()]
    if as_of is None:
        if df.empty:
            return pd.DataFrame(columns=ALERT_COLUMNS)
        end = pd.to_datetime(df["date"]).max().normalize()
    else:
        end = pd.Timestamp(as_of).normalize()
    win_start = end - pd.Timedelta(win) + pd.Timedelta(days=1)
    base_start = win_start - pd.Timedelta(base)
    df = add_nodes(df)
    df = df[df["source_node"].notna() & df["target_node"].notna() & (df["source_node"] != df["target_node"])]
    dates = pd.to_datetime(df["date"]).dt.normalize()
    df = df[(dates >= base_start) & (dates <= end)]
    if df.empty:
        return pd.DataFrame(columns=ALERT_COLUMNS)
    dates = pd.to_datetime(df["date"]).dt.normalize()
    w = event_weights(df, weight)
    quad = pd.to_numeric(df["quad_class"], errors="coerce")
    gold = pd.to_numeric(df["goldstein"], errors="coerce")
    s, t = df["source_node"].astype(str), df["target_node"].astype(str)
    frame = pd.DataFrame(
        {
            "a": np.where(s <= t, s, t),
            "b": np.where(s <= t, t, s),
            "in_window": dates >= win_start,
            "rows": 1,
            "coop": w.where(quad <= 2, 0.0),
            "confl": w.where(quad >= 3, 0.0),
            "gw": (w * gold).fillna(0.0),
            "gn": w.where(gold.notna(), 0.0),
        },
        index=df.index,
    )
    now = _stats(frame[frame["in_window"]])
    past = _stats(frame[~frame["in_window"]])
    if now.empty:
        return pd.DataFrame(columns=ALERT_COLUMNS)
    before = frame[~frame["in_window"]]
    global_share = float(_share(before["coop"].sum(), before["confl"].sum())) if len(before) else np.nan
    global_gold = float(_mean(before["gw"].sum(), before["gn"].sum())) if len(before) else np.nan

    out = now.join(past, how="left", suffixes=("", "_b")).fillna({"events_b": 0})
    out = out[out["events"] >= min_events]
    if out.empty:
        return pd.DataFrame(columns=ALERT_COLUMNS)
    own = out["events_b"] >= min_baseline
    res = pd.DataFrame(index=out.index)
    res["window_events"] = out["events"].astype("int64")
    res["baseline_events"] = out["events_b"].astype("int64")
    res["conflict_share_window"] = _share(out["coop"], out["confl"])
    res["goldstein_window"] = _mean(out["gw"], out["gn"])
    res["conflict_share_baseline"] = np.where(own, _share(out["coop_b"].fillna(0), out["confl_b"].fillna(0)), global_share)
    res["goldstein_baseline"] = np.where(own, _mean(out["gw_b"].fillna(0), out["gn_b"].fillna(0)), global_gold)
    res["reference"] = np.where(own, "dyad", "global")
    res["delta_share"] = res["conflict_share_window"] - res["conflict_share_baseline"]
    res["delta_goldstein"] = res["goldstein_window"] - res["goldstein_baseline"]
    s_share = (res["delta_share"] / share_threshold).fillna(-np.inf)
    s_gold = (-res["delta_goldstein"] / goldstein_threshold).fillna(-np.inf)
    res["severity"] = np.maximum(s_share, s_gold).replace(-np.inf, np.nan)

    def reasons(r: pd.Series) -> str:
        parts = []
        if r.delta_share >= share_threshold - 1e-9:
            parts.append(
                f"conflict share {r.conflict_share_baseline:.0%} -> {r.conflict_share_window:.0%} "
                f"(+{r.delta_share * 100:.0f} pts)"
            )
        if r.delta_goldstein <= -goldstein_threshold + 1e-9:
            parts.append(f"Goldstein {r.goldstein_baseline:+.1f} -> {r.goldstein_window:+.1f} ({r.delta_goldstein:+.1f})")
        if parts and r.reference == "global":
            parts.append("compared with all dyads (too little history of its own)")
        return "; ".join(parts)

    res["reasons"] = res.apply(reasons, axis=1) if len(res) else pd.Series(dtype="str")
    if not all_dyads:
        res = res[res["reasons"] != ""]
    res = res.reset_index()
    res["window_start"] = win_start.date().isoformat()
    res["window_end"] = end.date().isoformat()
    res = res.sort_values(["severity", "window_events", "a", "b"], ascending=[False, False, True, True], na_position="last")
    return res[ALERT_COLUMNS].reset_index(drop=True)
