"""The alliance/tension graph, read as documentation.

A small world in June 2025: Russia and North Korea cooperate, the US, Japan and South Korea
cooperate, Russia threatens South Korea; the news reports a Russia-DPRK pact and a Russian threat.
"""

from __future__ import annotations

import io
import json
import math
import re

import networkx as nx
import pandas as pd
import pytest

from realpolitik.analysis.graph import (
    affinity_graph,
    build_graph,
    graph_from_json,
    graph_to_json,
    plot_graph,
    write_graph,
)
from realpolitik.records import Commitment, Pattern, SentenceRef

COLUMNS = [
    "id", "doc_id", "date", "source_code", "source_country", "target_code", "target_country", "cameo", "root",
    "quad_class", "goldstein", "plover_event", "modality", "confidence", "location_country", "sentence_index",
    "sentence_text", "trigger_text", "num_mentions", "num_sources",
]  # fmt: skip


def frame(*rows):
    """rows: (date, source code, source country, target code, target country, cameo, quad, goldstein[, modality[, mentions]])"""
    out = []
    for i, (day, src, sc, tgt, tc, cameo, quad, gold, *rest) in enumerate(rows):
        out.append(
            {
                "id": f"e{i}", "doc_id": "doc", "date": pd.Timestamp(day) if day else pd.NaT,
                "source_code": src, "source_country": sc, "target_code": tgt, "target_country": tc,
                "cameo": cameo, "root": cameo[:2], "quad_class": quad, "goldstein": gold, "plover_event": None,
                "modality": rest[0] if rest else "asserted", "confidence": 0.9, "location_country": None,
                "sentence_index": i, "sentence_text": "…", "trigger_text": "…",
                "num_mentions": rest[1] if len(rest) > 1 else 1, "num_sources": 1,
            }
        )  # fmt: skip
    return pd.DataFrame(out, columns=COLUMNS)


EVENTS = frame(
    ("2025-06-02", "RUSGOV", "RUS", "PRKGOV", "PRK", "057", 1, 8.0, "asserted", 4),
    ("2025-06-03", "PRKGOV", "PRK", "RUSGOV", "RUS", "072", 2, 8.3),
    ("2025-06-03", "RUSMIL", "RUS", "PRKMIL", "PRK", "061", 2, 6.4),
    ("2025-06-04", "USAGOV", "USA", "JPNGOV", "JPN", "040", 1, 1.0),
    ("2025-06-04", "JPNGOV", "JPN", "KORGOV", "KOR", "040", 1, 1.0),
    ("2025-06-05", "USAGOV", "USA", "KORGOV", "KOR", "057", 1, 8.0),
    ("2025-06-05", "RUSGOV", "RUS", "KORGOV", "KOR", "130", 3, -4.4, "asserted", 2),
    ("2025-06-06", "KORGOV", "KOR", "RUSGOV", "RUS", "111", 3, -2.0),
    ("2025-06-06", "KORGOV", "KOR", "RUSGOV", "RUS", "036", 1, 4.0),
    ("2025-06-06", "IGOUNO", None, "RUS", "RUS", "111", 3, -2.0),          # an organisation is a node too
    ("2025-06-06", "RUSGOV", "RUS", "RUSOPP", "RUS", "173", 4, -5.0),       # domestic: activity, no edge
    ("2025-06-06", "RUS", "RUS", "KOR", "KOR", "190", 4, -10.0, "hypothetical"),  # not asserted: left out
    ("2025-01-10", "USA", "USA", "PRK", "PRK", "112", 3, -2.0),             # before the window
)

PACT = Commitment(
    id="pact", doc_id="seed-article", date="2024-06-20", type="mutual_defense", parties=["PRK", "RUS"],
    trigger=Pattern(None, None, None, ["18", "19", "20"], against_party=True),
    response=Pattern(None, None, "072", ["07", "19"]),
    sentence=SentenceRef(2, "... a newly formed pact between Russia and North Korea, which vowed mutual defence ...", 0, 80),
    confidence=0.8,
)  # fmt: skip
THREAT = Commitment(
    id="threat", doc_id="seed-article", date="2024-06-20", type="conditional_threat", parties=["RUS"],
    trigger=Pattern("KOR", "UKR", "072", ["07"]), response=Pattern("RUS", "KOR", "170", ["17"]),
    sentence=SentenceRef(3, "Putin asserted that Moscow would take actions that may displease South Korea ...", 0, 80),
    confidence=0.8,
)  # fmt: skip
LATER = Commitment(
    id="later", doc_id="other", date="2025-09-01", type="conditional_promise", parties=["USA"],
    trigger=Pattern("PRK", "KOR", "190", ["19"]), response=Pattern("USA", "KOR", "072", ["07"]),
    sentence=None, confidence=0.7,
)  # fmt: skip


@pytest.fixture(scope="module")
def g():
    return build_graph(EVENTS, [PACT, THREAT, LATER], since="2025-06-01", until="2025-06-30")


def edges(g, kind, **attrs):
    return {
        (u, v)
        for u, v, d in g.edges(data=True)
        if d.get("kind") == kind and all(d.get(k) == val for k, val in attrs.items())
    }


def test_states_and_organisations_are_nodes_with_their_activity(g):
    assert set(g.nodes) == {"RUS", "PRK", "USA", "JPN", "KOR", "IGOUNO"}
    assert g.nodes["RUS"]["activity"] == 8  # six dyadic events, the UN's, and the domestic one
    assert g.nodes["IGOUNO"]["kind"] == "organisation" and g.nodes["KOR"]["kind"] == "state"
    assert g.nodes["RUS"]["mentions"] == 12  # weighted by num_mentions


def test_event_edges_carry_the_balance_of_cooperation_and_conflict(g):
    rp = g.edges["RUS", "PRK", "events"]
    assert rp["kind"] == "events" and rp["events"] == 2 and rp["mentions"] == 5
    assert rp["cooperation"] == 5 and rp["conflict"] == 0 and rp["balance"] == 1.0
    assert rp["goldstein_mean"] == pytest.approx((4 * 8.0 + 6.4) / 5)
    kr = g.edges["KOR", "RUS", "events"]
    assert kr["cooperation"] == 1 and kr["conflict"] == 1 and kr["balance"] == 0.0
    rk = g.edges["RUS", "KOR", "events"]
    assert rk["conflict"] == 2 and rk["balance"] == -1.0 and rk["q4"] == 0  # the hypothetical attack is out
    assert not g.has_edge("RUS", "RUS")  # domestic events make no edge
    assert not g.has_edge("USA", "PRK")  # outside the window


def test_news_commitments_are_typed_edges_of_their_own(g):
    assert edges(g, "commitment", type="mutual_defense") == {("RUS", "PRK"), ("PRK", "RUS")}
    assert edges(g, "commitment", type="conditional_threat") == {("RUS", "KOR")}
    d = g.edges["RUS", "KOR", "commitment:threat"]
    assert d["source"] == "news" and d["doc_id"] == "seed-article" and d["trigger"] == "KOR 072 UKR"
    assert "displease South Korea" in d["sentence"]
    # a commitment made after the window end does not count yet
    assert not edges(g, "commitment", type="conditional_promise")


def test_treaty_obligations_in_force_at_the_window_end_between_present_nodes(g):
    treaty = edges(g, "treaty")
    assert {("RUS", "PRK"), ("PRK", "RUS"), ("USA", "JPN"), ("USA", "KOR")} <= treaty
    assert ("JPN", "USA") not in treaty  # the US-Japan treaty is one-sided in effect
    d = g.edges["RUS", "PRK", "treaty:rus-prk-2024"]
    assert d["source"] == "treaty" and d["article"] == "Article 4" and "defense" in d["type"]
    # only between nodes already in the graph: no NATO clique
    assert set(g.nodes) == {"RUS", "PRK", "USA", "JPN", "KOR", "IGOUNO"}


def test_treaties_all_adds_every_obligation_and_none_adds_none():
    every = build_graph(EVENTS, [], since="2025-06-01", until="2025-06-30", treaties="all")
    assert {"FIN", "EST", "CHN"} <= set(every.nodes) and ("FIN", "EST") in edges(every, "treaty")
    assert every.nodes["FIN"]["activity"] == 0
    bare = build_graph(EVENTS, [], since="2025-06-01", until="2025-06-30", treaties="none")
    assert not edges(bare, "treaty")
    with pytest.raises(ValueError):
        build_graph(EVENTS, [], treaties="some")


def test_treaty_obligations_respect_the_window_end():
    before = build_graph(EVENTS, [], since="2024-06-01", until="2024-06-30", treaties="all")
    assert ("RUS", "PRK") not in edges(before, "treaty")  # the 2024 treaty entered into force in December


def test_blocs_from_community_detection_on_cooperation(g):
    bloc = nx.get_node_attributes(g, "bloc")
    assert bloc["RUS"] == bloc["PRK"]
    assert bloc["USA"] == bloc["JPN"] == bloc["KOR"]
    assert bloc["RUS"] != bloc["KOR"]
    # deterministic: the same input gives the same blocs
    again = build_graph(EVENTS, [PACT, THREAT, LATER], since="2025-06-01", until="2025-06-30")
    assert nx.get_node_attributes(again, "bloc") == bloc
    # conflict pulls no one together: Russia and South Korea have no affinity
    assert not affinity_graph(g).has_edge("KOR", "RUS")


def test_json_is_node_link_and_round_trips(g):
    data = graph_to_json(g)
    text = json.dumps(data, allow_nan=False)  # NaN became null
    assert {"nodes", "edges"} <= set(data)
    edge = next(e for e in data["edges"] if e["key"] == "commitment:threat")
    assert edge["from"] == "RUS" and edge["to"] == "KOR" and edge["source"] == "news"
    back = graph_from_json(json.loads(text))
    assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == g.number_of_edges()
    assert back.edges["RUS", "KOR", "commitment:threat"]["type"] == "conditional_threat"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_round_trip(tmp_path, g, fmt):
    path = tmp_path / f"g.{fmt}"
    write_graph(g, path, fmt)
    back = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == g.number_of_edges()
    kinds = sorted(d["kind"] for _, _, d in back.edges(data=True))
    assert kinds == sorted(d["kind"] for _, _, d in g.edges(data=True))
    assert back.nodes["RUS"]["bloc"] == g.nodes["RUS"]["bloc"]


def test_write_graph_to_a_stream(g):
    buf = io.StringIO()
    write_graph(g, buf, "json")
    assert json.loads(buf.getvalue())["nodes"]
    raw = io.BytesIO()
    write_graph(g, raw, "graphml")
    assert raw.getvalue().startswith(b"<?xml")


def test_png_and_html_pictures(tmp_path, g):
    png = plot_graph(g, tmp_path / "g.png")
    assert png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = plot_graph(g, tmp_path / "g.html").read_text()
    assert "<svg" in page and "<script" not in page and "src=" not in page
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))
    assert "Blocs" in page and "displease South Korea" in page


def test_an_empty_window_is_an_empty_graph(tmp_path):
    g = build_graph(EVENTS, [], since="2030-01-01", until="2030-01-31")
    assert g.number_of_nodes() == 0
    assert plot_graph(g, tmp_path / "empty.png").stat().st_size > 0
    assert graph_to_json(g)["nodes"] == []


def test_undated_events_count_only_without_a_window():
    undated = frame((None, "RUS", "RUS", "UKR", "UKR", "190", 4, -10.0))
    assert build_graph(undated, [], treaties="none").has_edge("RUS", "UKR")
    assert not build_graph(undated, [], since="2025-01-01", treaties="none").has_edge("RUS", "UKR")
    assert math.isnan(build_graph(frame(("2025-06-01", "RUS", "RUS", "UKR", "UKR", "190", 4, None)), [],
                                  treaties="none").edges["RUS", "UKR", "events"]["goldstein_mean"])  # fmt: skip


def test_top_dyads_and_blocs_summarise_the_graph():
    from realpolitik.analysis.graph import bloc_members, build_graph, top_dyads

    g = build_graph(_frame_for_summary(), [], since=None, until=None, treaties="none")
    dyads = top_dyads(g, n=2)
    assert list(dyads.columns[:3]) == ["source", "target", "events"]
    assert (dyads.iloc[0]["source"], dyads.iloc[0]["target"], dyads.iloc[0]["events"]) == ("RUS", "UKR", 2)
    assert dyads.iloc[0]["balance"] == -1.0
    members = [m for ms in bloc_members(g).values() for m in ms]
    assert sorted(members) == sorted(g.nodes)


def _frame_for_summary():
    import pandas as pd

    rows = [("RUS", "UKR", "190", 4, -10.0), ("RUS", "UKR", "190", 4, -10.0), ("USA", "UKR", "072", 2, 7.4)]
    return pd.DataFrame(
        {
            "id": [f"e{i}" for i in range(len(rows))], "doc_id": "d", "date": pd.to_datetime(["2024-01-01"] * len(rows)),
            "source_code": [r[0] for r in rows], "source_country": [r[0] for r in rows],
            "target_code": [r[1] for r in rows], "target_country": [r[1] for r in rows],
            "cameo": [r[2] for r in rows], "root": [r[2][:2] for r in rows], "quad_class": [r[3] for r in rows],
            "goldstein": [r[4] for r in rows], "plover_event": "", "modality": "asserted", "confidence": 0.9,
            "location_country": None, "sentence_index": 0, "sentence_text": "", "trigger_text": "",
            "num_mentions": 1, "num_sources": 1,
        }
    )  # fmt: skip


def test_events_with_one_side_count_for_activity_but_make_no_edge():
    from realpolitik.analysis.graph import build_graph

    frame = _frame_for_summary()
    frame.loc[2, ["target_code", "target_country"]] = None
    g = build_graph(frame, [], since=None, until=None, treaties="none")
    assert sorted(g.nodes) == ["RUS", "UKR", "USA"]
    assert g.nodes["USA"]["activity"] == 1
    assert not g.has_edge("USA", "UKR")


def test_roles_of_no_named_state_are_no_node():
    # Governments of unknown states are not one actor: "---GOV" joins no edge and no node.
    g = build_graph(frame(("2025-06-02", "---GOV", None, "CHN", "CHN", "051", 1, 3.4), ("2025-06-02", "RUS", "RUS", "CHN", "CHN", "040", 1, 1.0)), [], since=None, until=None, treaties="none")
    assert sorted(g.nodes) == ["CHN", "RUS"]
    assert g.nodes["CHN"]["activity"] == 2
