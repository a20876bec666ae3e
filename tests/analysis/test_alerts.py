"""The escalation watch list, read as documentation.

Three months of quiet (March-May 2024), then a week (June 1-7) in which Russia turns on South
Korea while the US and Japan carry on as before, and India and Pakistan, never reported before,
trade blows.
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import pytest

from realpolitik.analysis.alerts import alerts, parse_span

COLUMNS = [
    "id", "doc_id", "date", "source_code", "source_country", "target_code", "target_country", "cameo", "root",
    "quad_class", "goldstein", "plover_event", "modality", "confidence", "location_country", "sentence_index",
    "sentence_text", "trigger_text", "num_mentions", "num_sources",
]  # fmt: skip

ROWS: list[dict] = []


def ev(day, src, tgt, quad, gold, modality="asserted", mentions=1):
    ROWS.append(
        {
            "id": f"e{len(ROWS)}", "doc_id": "doc", "date": pd.Timestamp(day), "source_code": src,
            "source_country": src, "target_code": tgt, "target_country": tgt, "cameo": "040", "root": "04",
            "quad_class": quad, "goldstein": gold, "plover_event": None, "modality": modality, "confidence": 0.9,
            "location_country": None, "sentence_index": 0, "sentence_text": "…", "trigger_text": "…",
            "num_mentions": mentions, "num_sources": 1,
        }
    )  # fmt: skip


for day in pd.date_range("2024-03-01", "2024-05-31", freq="3D"):
    ev(day, "RUS", "KOR", 1, 1.0)      # polite statements
    ev(day, "USA", "JPN", 1, 3.0)      # steady cooperation ...
    ev(day, "JPN", "USA", 3, -2.0)     # ... with some friction
for day in pd.date_range("2024-06-01", "2024-06-07"):
    ev(day, "RUS", "KOR", 4, -9.0)     # escalation
    ev(day, "USA", "JPN", 1, 3.0)      # the same as ever, if anything friendlier
    ev(day, "JPN", "USA", 3, -2.0)
    ev(day, "USA", "KOR", 1, 1.0, "hypothetical")  # speculation: never counts
ev("2024-06-05", "IND", "PAK", 4, -10.0)
ev("2024-06-06", "PAK", "IND", 4, -10.0)
ev("2024-06-07", "IND", "PAK", 3, -5.0)
ev("2024-06-07", "FRA", "DEU", 4, -10.0)  # a single event: below --min-events
EVENTS = pd.DataFrame(ROWS, columns=COLUMNS)


def test_an_escalating_dyad_is_flagged_and_a_stable_one_is_not():
    watch = alerts(EVENTS, "2024-06-07", "7d", "90d")
    dyads = list(zip(watch["a"], watch["b"]))
    assert ("KOR", "RUS") in dyads
    assert ("JPN", "USA") not in dyads
    rk = watch.iloc[dyads.index(("KOR", "RUS"))]
    assert rk["conflict_share_baseline"] == 0 and rk["conflict_share_window"] == 1
    assert rk["goldstein_baseline"] == 1.0 and rk["goldstein_window"] == -9.0 and rk["delta_goldstein"] == -10.0
    # the baseline is the 90 days before the window, 2024-03-03 to 05-31: 30 of the 31 quiet events
    assert rk["reference"] == "dyad" and rk["window_events"] == 7 and rk["baseline_events"] == 30
    assert "conflict share 0% -> 100%" in rk["reasons"] and "Goldstein +1.0 -> -9.0" in rk["reasons"]


def test_sorted_by_severity_most_severe_first():
    watch = alerts(EVENTS, "2024-06-07")
    assert list(watch["severity"]) == sorted(watch["severity"], reverse=True)
    assert (watch.iloc[0]["a"], watch.iloc[0]["b"]) == ("KOR", "RUS")
    # severity: the larger of share rise / 0.20 and Goldstein fall / 2.0
    assert watch.iloc[0]["severity"] == pytest.approx(max(1.0 / 0.20, 10.0 / 2.0))


def test_a_new_hostile_dyad_is_compared_with_all_dyads():
    watch = alerts(EVENTS, "2024-06-07").set_index(["a", "b"])
    ind = watch.loc[("IND", "PAK")]
    assert ind["reference"] == "global" and ind["baseline_events"] == 0
    assert "compared with all dyads" in ind["reasons"]


def test_too_few_events_in_the_window_are_not_judged():
    watch = alerts(EVENTS, "2024-06-07")
    assert ("DEU", "FRA") not in set(zip(watch["a"], watch["b"]))
    assert ("DEU", "FRA") in set(zip(*[alerts(EVENTS, "2024-06-07", min_events=1)[c] for c in ("a", "b")]))


def test_thresholds_are_adjustable_and_all_dyads_can_be_listed():
    everything = alerts(EVENTS, "2024-06-07", all_dyads=True)
    usa = everything.set_index(["a", "b"]).loc[("JPN", "USA")]
    assert usa["reasons"] == "" and usa["delta_share"] == pytest.approx(0.0)
    strict = alerts(EVENTS, "2024-06-07", share_threshold=2.0, goldstein_threshold=50.0)
    assert strict.empty


def test_before_the_escalation_nothing_is_flagged():
    assert alerts(EVENTS, "2024-05-31", min_events=2).empty


def test_as_of_defaults_to_the_latest_event_and_windows_parse():
    watch = alerts(EVENTS)
    assert watch.iloc[0]["window_end"] == "2024-06-07" and watch.iloc[0]["window_start"] == "2024-06-01"
    assert parse_span("7d") == timedelta(days=7) and parse_span("2w") == timedelta(days=14)
    assert parse_span("30") == timedelta(days=30)
    for bad in ("7m", "-3d", "0d", "week"):
        with pytest.raises(ValueError):
            parse_span(bad)


def test_no_events_no_alerts():
    assert alerts(EVENTS.iloc[0:0], "2024-06-07").empty
    assert alerts(EVENTS, "2030-01-01").empty
