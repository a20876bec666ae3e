"""Dyad timelines, read as documentation: how Russia and South Korea treated each other, week by week.

The frames are built by hand with the columns of ``Store.events_frame``.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from realpolitik.analysis.dyads import dyad_timeline, plot_dyad

COLUMNS = [
    "id", "doc_id", "date", "source_code", "source_country", "target_code", "target_country", "cameo", "root",
    "quad_class", "goldstein", "plover_event", "modality", "confidence", "location_country", "sentence_index",
    "sentence_text", "trigger_text", "num_mentions", "num_sources",
]  # fmt: skip


def frame(*rows):
    """rows: (date, source code, target code, cameo, quad, goldstein[, modality[, mentions]])"""
    out = []
    for i, row in enumerate(rows):
        day, src, tgt, cameo, quad, gold, *rest = row
        modality = rest[0] if rest else "asserted"
        mentions = rest[1] if len(rest) > 1 else 1
        out.append(
            {
                "id": f"e{i}", "doc_id": "doc", "date": pd.Timestamp(day) if day else pd.NaT,
                "source_code": src, "source_country": src[:3], "target_code": tgt, "target_country": tgt[:3],
                "cameo": cameo, "root": cameo[:2], "quad_class": quad, "goldstein": gold, "plover_event": None,
                "modality": modality, "confidence": 0.9, "location_country": None, "sentence_index": i,
                "sentence_text": "…", "trigger_text": "…", "num_mentions": mentions, "num_sources": 1,
            }
        )  # fmt: skip
    return pd.DataFrame(out, columns=COLUMNS)


EVENTS = frame(
    ("2024-06-19", "RUSGOV", "KOR", "130", 3, -4.4, "asserted", 3),  # Putin warns Seoul (3 mentions)
    ("2024-06-20", "KORGOV", "RUS", "111", 3, -2.0),                  # Seoul criticises Moscow
    ("2024-06-21", "KORGOV", "RUSGOV", "036", 1, 4.0),                # ... and offers talks
    ("2024-06-21", "RUS", "KOR", "190", 4, -10.0, "hypothetical"),    # speculation: must not count
    ("2024-07-03", "RUS", "KOR", "040", 1, 1.0),                      # two weeks later: consultations
    ("2024-06-20", "RUS", "PRK", "057", 1, 8.0),                      # another dyad: ignored
    (None, "RUS", "KOR", "130", 3, -4.4),                              # undated: cannot be placed
)


def rows_of(timeline, period, direction):
    part = timeline[(timeline["period"] == pd.Timestamp(period)) & (timeline["direction"] == direction)]
    assert len(part) == 1
    return part.iloc[0]


def test_one_row_per_week_and_direction_plus_both():
    t = dyad_timeline(EVENTS, "RUS", "KOR", by="week")
    # weeks start on Monday: 2024-06-17, 06-24 (nothing happened), 07-01
    assert sorted(set(t["period"])) == [pd.Timestamp("2024-06-17"), pd.Timestamp("2024-06-24"), pd.Timestamp("2024-07-01")]
    assert list(t["direction"][:3]) == ["A->B", "B->A", "both"]
    assert len(t) == 9
    assert rows_of(t, "2024-06-24", "both")["rows"] == 0  # gaps are filled with zeros


def test_both_directions_are_kept_apart_and_summed():
    t = dyad_timeline(EVENTS, "RUS", "KOR")
    ab, ba, both = (rows_of(t, "2024-06-17", d) for d in ("A->B", "B->A", "both"))
    assert (ab["source"], ab["target"]) == ("RUS", "KOR")
    assert (ba["source"], ba["target"]) == ("KOR", "RUS")
    # Russia -> Korea: one warning carried by three articles
    assert ab["rows"] == 1 and ab["events"] == 3 and ab["q3"] == 3 and ab["conflict"] == 3
    assert ab["goldstein_sum"] == pytest.approx(-13.2) and ab["goldstein_mean"] == pytest.approx(-4.4)
    # Korea -> Russia: a criticism and an offer of talks
    assert ba["q3"] == 1 and ba["q1"] == 1 and ba["goldstein_sum"] == pytest.approx(2.0)
    assert ba["balance"] == 0
    # both: mentions-weighted mean over the four weighted events
    assert both["events"] == 5 and both["goldstein_sum"] == pytest.approx(-11.2)
    assert both["goldstein_mean"] == pytest.approx(-11.2 / 5)
    assert both["cooperation"] == 1 and both["conflict"] == 4


def test_only_asserted_events_count_unless_asked():
    t = dyad_timeline(EVENTS, "RUS", "KOR")
    assert rows_of(t, "2024-06-17", "A->B")["q4"] == 0  # the hypothetical attack is left out
    t_all = dyad_timeline(EVENTS, "RUS", "KOR", modalities=None)
    assert rows_of(t_all, "2024-06-17", "A->B")["q4"] == 1


def test_unweighted_counts_rows():
    t = dyad_timeline(EVENTS, "RUS", "KOR", weight=None)
    assert rows_of(t, "2024-06-17", "A->B")["events"] == 1


def test_by_month_and_by_day():
    month = dyad_timeline(EVENTS, "RUS", "KOR", by="month")
    assert sorted(set(month["period"])) == [pd.Timestamp("2024-06-01"), pd.Timestamp("2024-07-01")]
    assert rows_of(month, "2024-06-01", "both")["rows"] == 3
    day = dyad_timeline(EVENTS, "KOR", "RUS", by="day", fill=False)
    assert rows_of(day, "2024-06-21", "A->B")["q1"] == 1  # A is now Korea
    with pytest.raises(ValueError, match="by must be"):
        dyad_timeline(EVENTS, "RUS", "KOR", by="year")


def test_actor_codes_narrow_the_match():
    t = dyad_timeline(EVENTS, "RUSGOV", "KOR", fill=False)
    assert rows_of(t, "2024-06-17", "A->B")["rows"] == 1  # the RUSGOV warning
    assert rows_of(t, "2024-06-17", "B->A")["rows"] == 1  # only Seoul's offer to RUSGOV


def test_no_events_gives_an_empty_frame_with_the_columns():
    t = dyad_timeline(EVENTS, "USA", "JPN")
    assert t.empty and {"period", "direction", "goldstein_mean"} <= set(t.columns)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".html"])
def test_plot_cooperation_against_conflict(tmp_path, suffix):
    path = plot_dyad(dyad_timeline(EVENTS, "RUS", "KOR"), tmp_path / f"rus-kor{suffix}")
    assert path.exists() and path.stat().st_size > 1000
    if suffix == ".html":
        text = path.read_text()
        assert "<svg" in text and "<script" not in text and "<link" not in text and "src=" not in text
        assert all(href.startswith("#") for href in re.findall(r'href="([^"]*)"', text))  # self-contained
        assert "RUS – KOR" in text


def test_plot_refuses_unknown_formats(tmp_path):
    with pytest.raises(ValueError, match="unsupported"):
        plot_dyad(dyad_timeline(EVENTS, "RUS", "KOR"), tmp_path / "x.gif")
