"""The alliance/tension graph: who cooperates with whom, who threatens whom, who is bound to whom.

:func:`build_graph` returns a :class:`networkx.MultiDiGraph` whose nodes are states (ISO3) and
organisations (their actor code, e.g. ``IGOUNO``) and whose directed edges come in three kinds,
told apart by the edge attribute ``kind`` (and by the edge key):

``kind="events"`` (key ``"events"``; at most one per ordered pair)
    What the source did to the target inside the window: ``events`` (rows), ``mentions``
    (weighted), ``cooperation`` / ``conflict`` (weighted counts of quad classes 1-2 / 3-4),
    ``q1``..``q4``, ``goldstein_sum``, ``goldstein_mean`` (weighted by mentions; NaN when no
    event had a score), ``balance`` = (cooperation - conflict) / (cooperation + conflict) in
    [-1, 1] (green to red in the pictures) and ``weight`` = ``events``. Domestic events (both sides
    in the same node) make no edge but count towards the node's activity.
``kind="commitment"`` (key ``"commitment:<id>"``)
    A commitment reported in the news, ``source="news"``, with ``type`` (conditional_threat,
    conditional_promise, mutual_defense, guarantee), ``trigger`` and ``response`` as short text,
    ``doc_id``, ``date``, ``sentence`` and ``confidence``. Threats and promises point from the
    committed actor to the actor its response targets; a mutual-defence pact (or a guarantee with
    no named response target) gives one edge per ordered pair of parties.
``kind="treaty"`` (key ``"treaty:<treaty id>"``)
    A treaty obligation in force at the window end (:func:`~realpolitik.analysis.alliances.obligations_in_force`),
    ``source="treaty"``, from the obliged state to the protected one, with ``type`` (the
    obligation types joined by "+", e.g. ``defense+consultation``), ``treaty``, ``treaty_name``
    and ``article``. With ``treaties="present"`` (default) only obligations between nodes that
    events or news commitments already put in the graph are added, to keep it readable;
    ``"all"`` adds every obligation (and its states); ``"none"`` none.

Node attributes: ``activity`` (events in the window in which the node is source or target),
``mentions`` (the same, weighted), ``kind`` (``state`` or ``organisation``), ``bloc``.

**Blocs** are communities found by Louvain modularity (:func:`networkx.community.louvain_communities`,
fixed seed, so the same input always gives the same blocs) on an undirected *affinity* graph
(:func:`affinity_graph`): for each pair, the positive part of its net cooperation
(cooperation - conflict, both directions, weighted by mentions), plus 2 per news pact, guarantee
or conditional promise between them, plus 1 per defence/offence treaty binding them (0.25 for
consultation-only treaties). Conflict and threats never pull two actors into one bloc; an actor
with no affinity to anyone is a bloc of its own. Blocs are numbered 0, 1, ... by decreasing size.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

import networkx as nx
import numpy as np
import pandas as pd

from realpolitik.analysis.alliances import obligations_in_force
from realpolitik.analysis.dyads import add_nodes, event_weights, filter_events, save_figure, html_table
from realpolitik.records import Commitment

__all__ = [
    "COMMITMENT_AFFINITY",
    "EXPORT_FORMATS",
    "TREATY_AFFINITY",
    "affinity_graph",
    "build_graph",
    "detect_blocs",
    "graph_figure",
    "graph_from_json",
    "graph_to_json",
    "party_node",
    "plot_graph",
    "write_graph",
]

#: affinity added per news commitment of these types between two parties (threats add none)
COMMITMENT_AFFINITY: dict[str, float] = {"mutual_defense": 2.0, "guarantee": 2.0, "conditional_promise": 2.0}
#: affinity added per treaty binding two states: defence/offence, else consultation etc.
TREATY_AFFINITY = {"armed": 1.0, "other": 0.25}
BLOC_SEED = 42
EXPORT_FORMATS = ("json", "graphml", "gexf")
_NONSTATE = ("IGO", "NGO", "IMG", "MNC")


def party_node(code: str | None) -> str | None:
    """The node of a commitment party or pattern actor: ``RUSGOV`` -> ``RUS``, ``IGOUNO`` stays."""
    if not code or not code.strip():
        return None
    code = code.strip().upper()
    if code[:3] in _NONSTATE or len(code) <= 3 or not code[:3].isalpha():
        return code
    return code[:3]


def _node_kind(node: str) -> str:
    return "state" if len(node) == 3 and node.isalpha() and node[:3] not in _NONSTATE else "organisation"


def _pattern_text(p: Any, against_party: bool = False) -> str:
    if p is None:
        return ""
    what = p.cameo or "/".join(p.roots) or "any"
    target = p.target or ("a party" if p.against_party or against_party else "any")
    return f"{p.source or 'any'} {what} {target}"


def _f(x: Any) -> float:
    return float(x) if x is not None and not (isinstance(x, float) and math.isnan(x)) else float("nan")


# ----------------------------------------------------------------------------- building


def _commitment_edges(c: Commitment) -> list[tuple[str, str]]:
    parties = [p for p in (party_node(x) for x in c.parties) if p]
    resp = c.response
    if c.type == "mutual_defense" or (c.type == "guarantee" and (resp is None or not resp.target)):
        return [(a, b) for a in parties for b in parties if a != b]
    sources = [party_node(resp.source)] if resp is not None and resp.source else parties
    target = party_node(resp.target) if resp is not None and resp.target else None
    if target is None:  # a threat aims at whoever would trigger it; a promise at who it would help
        target = party_node(c.trigger.source if c.type == "conditional_threat" else c.trigger.target)
    return [(s, target) for s in sources if s and target and s != target]


def build_graph(
    events_df: pd.DataFrame,
    commitments: Sequence[Commitment] = (),
    since: Any = None,
    until: Any = None,
    treaties: str = "present",
    *,
    modalities: Sequence[str] | None = ("asserted",),
    weight: str | None = "num_mentions",
) -> nx.MultiDiGraph:
    """The alliance/tension graph of the window ``[since, until]`` (see the module docstring).

    Events: only ``modalities`` (asserted by default), weighted by ``weight``; undated events only
    when no bound is given. News commitments count when dated on or before ``until`` (a pact made
    before the window still binds in it; undated ones are kept); commitments whose
    ``source_kind`` is ``"treaty"`` are skipped, the treaty baseline is added by ``treaties``.
    Treaty obligations are those in force at the window end: ``until``, else the latest event
    date, else today.
    """
    if treaties not in ("present", "all", "none"):
        raise ValueError(f"treaties must be present, all or none, got {treaties!r}")
    df = add_nodes(filter_events(events_df, modalities=modalities, since=since, until=until))
    g = nx.MultiDiGraph()
    g.graph.update(
        since=str(pd.Timestamp(since).date()) if since is not None else "",
        until=str(pd.Timestamp(until).date()) if until is not None else "",
        modalities=",".join(modalities) if modalities is not None else "all",
    )

    # nodes and their activity
    w = event_weights(df, weight)
    activity: dict[str, list[float]] = {}
    for src, tgt, wt in zip(df["source_node"], df["target_node"], w):
        for node in {n for n in (src, tgt) if n}:
            acc = activity.setdefault(node, [0, 0.0])
            acc[0] += 1
            acc[1] += float(wt)
    for node in sorted(activity):
        g.add_node(node, activity=int(activity[node][0]), mentions=float(activity[node][1]), kind=_node_kind(node))

    # event edges
    pairs = df[df["source_node"].notna() & df["target_node"].notna() & (df["source_node"] != df["target_node"])]
    if len(pairs):
        pw = w.loc[pairs.index]
        gold = pd.to_numeric(pairs["goldstein"], errors="coerce")
        quad = pd.to_numeric(pairs["quad_class"], errors="coerce")
        frame = pd.DataFrame(
            {
                "s": pairs["source_node"], "t": pairs["target_node"], "rows": 1, "w": pw,
                "gw": (pw * gold).fillna(0.0), "gn": pw.where(gold.notna(), 0.0),
                **{f"q{q}": pw.where(quad == q, 0.0) for q in (1, 2, 3, 4)},
            }
        )  # fmt: skip
        agg = frame.groupby(["s", "t"], sort=True).sum()
        for (s, t), r in agg.iterrows():
            coop, confl = float(r.q1 + r.q2), float(r.q3 + r.q4)
            g.add_edge(
                s, t, key="events", kind="events", events=int(r.rows), weight=int(r.rows), mentions=float(r.w),
                cooperation=coop, conflict=confl, q1=float(r.q1), q2=float(r.q2), q3=float(r.q3), q4=float(r.q4),
                goldstein_sum=float(r.gw), goldstein_mean=float(r.gw / r.gn) if r.gn > 0 else float("nan"),
                balance=(coop - confl) / (coop + confl) if coop + confl > 0 else 0.0,
            )  # fmt: skip

    # news commitments
    end = pd.Timestamp(until).date().isoformat() if until is not None else None
    for c in commitments:
        if c.source_kind == "treaty":
            continue
        if end is not None and c.date and c.date[:10] > end:
            continue
        for s, t in _commitment_edges(c):
            for node in (s, t):
                if node not in g:
                    g.add_node(node, activity=0, mentions=0.0, kind=_node_kind(node))
            g.add_edge(
                s, t, key=f"commitment:{c.id}", kind="commitment", type=c.type, source=c.source_kind or "news",
                commitment_id=c.id, doc_id=c.doc_id or "", date=c.date or "", parties="+".join(c.parties),
                trigger=_pattern_text(c.trigger), response=_pattern_text(c.response),
                sentence=c.sentence.text if c.sentence else "", confidence=float(c.confidence), weight=1,
            )  # fmt: skip

    # treaty baseline
    if until is not None:
        day = pd.Timestamp(until).date()
    elif len(df) and pd.to_datetime(df["date"]).notna().any():
        day = pd.to_datetime(df["date"]).max().date()
    else:
        day = date.today()
    g.graph["treaties_as_of"] = day.isoformat()
    g.graph["treaties"] = treaties
    if treaties != "none":
        present = set(g.nodes)
        for o in obligations_in_force(day):
            if treaties == "present" and not (o.obliged in present and o.protected in present):
                continue
            for node in (o.obliged, o.protected):
                if node not in g:
                    g.add_node(node, activity=0, mentions=0.0, kind=_node_kind(node))
            g.add_edge(
                o.obliged, o.protected, key=f"treaty:{o.treaty}", kind="treaty", type="+".join(o.types),
                source="treaty", treaty=o.treaty, treaty_name=o.treaty_name, article=o.article or "",
                since=o.since.isoformat(), weight=1,
            )  # fmt: skip

    for node, bloc in detect_blocs(g).items():
        g.nodes[node]["bloc"] = bloc
    return g


# ----------------------------------------------------------------------------- blocs


def affinity_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected cooperation-weighted graph used for bloc detection (see the module docstring)."""
    h = nx.Graph()
    h.add_nodes_from(sorted(g.nodes))
    net: dict[tuple[str, str], float] = {}
    extra: dict[tuple[str, str], float] = {}
    seen_treaty: set[tuple[str, str, str]] = set()
    for u, v, d in g.edges(data=True):
        pair = (u, v) if u <= v else (v, u)
        kind = d.get("kind")
        if kind == "events":
            net[pair] = net.get(pair, 0.0) + d.get("cooperation", 0.0) - d.get("conflict", 0.0)
        elif kind == "commitment":
            # a pact gives one edge per direction; count it once per pair
            if d.get("type") == "mutual_defense" and u > v:
                continue
            extra[pair] = extra.get(pair, 0.0) + COMMITMENT_AFFINITY.get(d.get("type", ""), 0.0)
        elif kind == "treaty":
            key = (*pair, d.get("treaty", ""))
            if key in seen_treaty:
                continue
            seen_treaty.add(key)
            types = set(str(d.get("type", "")).split("+"))
            extra[pair] = extra.get(pair, 0.0) + TREATY_AFFINITY["armed" if types & {"defense", "offense"} else "other"]
    for pair in sorted(set(net) | set(extra)):
        wt = max(net.get(pair, 0.0), 0.0) + extra.get(pair, 0.0)
        if wt > 0:
            h.add_edge(*pair, weight=wt)
    return h


def detect_blocs(g: nx.MultiDiGraph, seed: int = BLOC_SEED) -> dict[str, int]:
    """Node -> bloc number (0 = largest bloc); deterministic for a given graph."""
    h = affinity_graph(g)
    if h.number_of_edges() == 0:
        communities = [{n} for n in h.nodes]
    else:
        communities = nx.community.louvain_communities(h, weight="weight", seed=seed)
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    return {node: i for i, members in enumerate(ordered) for node in members}


# ----------------------------------------------------------------------------- export


def _json_value(v: Any) -> Any:
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) else float(v)
    return v


def graph_to_json(g: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link JSON (``nodes``/``edges``). Edge endpoints are ``from``/``to`` because ``source``
    is an edge attribute (news or treaty); NaN becomes null. :func:`graph_from_json` reads it back."""
    data = nx.node_link_data(g, source="from", target="to", edges="edges", key="key")
    for item in (*data["nodes"], *data["edges"]):
        for k, v in item.items():
            item[k] = _json_value(v)
    data["graph"] = {k: _json_value(v) for k, v in data.get("graph", {}).items()}
    return data


def graph_from_json(data: dict[str, Any]) -> nx.MultiDiGraph:
    g = nx.node_link_graph(data, directed=True, multigraph=True, source="from", target="to", edges="edges", key="key")
    for _, _, d in g.edges(data=True):
        for k, v in d.items():
            if v is None and k in ("goldstein_mean",):
                d[k] = float("nan")
    return g


def _plain(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy that GraphML/GEXF can hold: no None/NaN values (left out), plain Python scalars."""
    h = nx.MultiDiGraph()
    h.graph.update({k: v for k, v in g.graph.items() if v is not None})

    def clean(d: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for k, v in d.items():
            v = _json_value(v)
            if v is None:
                continue
            if isinstance(v, (list, tuple)):
                v = ";".join(map(str, v))
            out[k] = v
        return out

    for n, d in g.nodes(data=True):
        h.add_node(n, **clean(d))
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **clean(d))
    return h


def write_graph(g: nx.MultiDiGraph, dest: str | Path | IO[Any], fmt: str = "json") -> None:
    """Write ``g`` as node-link ``json``, ``graphml`` or ``gexf`` to a path or an open file
    (text for json, binary for the XML formats)."""
    if fmt == "json":
        text = json.dumps(graph_to_json(g), ensure_ascii=False, indent=1)
        if isinstance(dest, (str, Path)):
            Path(dest).write_text(text + "\n", encoding="utf-8")
        else:
            dest.write(text + "\n")
    elif fmt == "graphml":
        nx.write_graphml(_plain(g), dest)
    elif fmt == "gexf":
        nx.write_gexf(_plain(g), dest)
    else:
        raise ValueError(f"unknown graph format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


# ----------------------------------------------------------------------------- pictures

_COMMITMENT_COLOURS = {
    "conditional_threat": "#b2182b",
    "conditional_promise": "#2166ac",
    "mutual_defense": "#5e3c99",
    "guarantee": "#5e3c99",
}


def graph_figure(g: nx.MultiDiGraph, title: str | None = None) -> Any:
    """A readable picture: node colour = bloc, node size = activity, labels on every node; event
    edges solid and coloured red (conflict) to green (cooperation) by balance, width by count;
    commitment edges dashed (red threat, blue promise, purple pact); treaty ties dotted grey."""
    from matplotlib import colormaps
    from matplotlib.colors import Normalize
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    n = g.number_of_nodes()
    side = min(max(8.0, 2.0 + 0.5 * math.sqrt(max(n, 1)) * 2.5), 24.0)
    fig = Figure(figsize=(side * 1.25, side), layout="constrained")
    ax = fig.subplots()
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    if n == 0:
        ax.text(0.5, 0.5, "no events in the window", ha="center", va="center")
        return fig

    layout = affinity_graph(g)
    for u, v, d in g.edges(data=True):  # keep adversaries near each other too, but loosely
        if d.get("kind") != "treaty" and not layout.has_edge(u, v):
            layout.add_edge(u, v, weight=0.2)
    pos = nx.spring_layout(layout, weight="weight", seed=BLOC_SEED, k=1.5 / math.sqrt(max(n, 1)))

    cmap_blocs = colormaps["tab20"]
    blocs = [g.nodes[x].get("bloc", 0) for x in g.nodes]
    activity = [g.nodes[x].get("activity", 0) for x in g.nodes]
    plain = nx.DiGraph()
    plain.add_nodes_from(g.nodes)
    nx.draw_networkx_nodes(
        plain, pos, ax=ax, node_color=[cmap_blocs(b % 20) for b in blocs],
        node_size=[150 + 60 * math.sqrt(a) for a in activity], edgecolors="#333", linewidths=0.6,
    )  # fmt: skip

    treaty_pairs = sorted({tuple(sorted((u, v))) for u, v, d in g.edges(data=True) if d.get("kind") == "treaty"})
    if treaty_pairs:
        nx.draw_networkx_edges(
            nx.Graph(treaty_pairs), pos, ax=ax, edgelist=treaty_pairs, style="dotted", edge_color="#999999",
            width=0.8, alpha=0.6,
        )  # fmt: skip

    ev = [(u, v, d) for u, v, d in g.edges(data=True) if d.get("kind") == "events"]
    if ev:
        cmap = colormaps["RdYlGn"]
        norm = Normalize(-1, 1)
        nx.draw_networkx_edges(
            plain, pos, ax=ax, edgelist=[(u, v) for u, v, _ in ev],
            edge_color=[cmap(norm(d.get("balance", 0.0))) for _, _, d in ev],
            width=[0.8 + 1.2 * math.log1p(d.get("events", 1)) for _, _, d in ev],
            arrows=True, arrowsize=12, connectionstyle="arc3,rad=0.08",
            node_size=[150 + 60 * math.sqrt(a) for a in activity],
        )  # fmt: skip
    cm = [(u, v, d) for u, v, d in g.edges(data=True) if d.get("kind") == "commitment"]
    if cm:
        nx.draw_networkx_edges(
            plain, pos, ax=ax, edgelist=[(u, v) for u, v, _ in cm], style="dashed",
            edge_color=[_COMMITMENT_COLOURS.get(d.get("type", ""), "#555555") for _, _, d in cm],
            width=1.6, arrows=True, arrowsize=14, connectionstyle="arc3,rad=0.25",
            node_size=[150 + 60 * math.sqrt(a) for a in activity],
        )  # fmt: skip
    ys = [p[1] for p in pos.values()]
    lift = 0.03 * ((max(ys) - min(ys)) or 1.0)
    nx.draw_networkx_labels(
        plain, {k: (x, y + lift) for k, (x, y) in pos.items()}, ax=ax, font_size=9, font_weight="bold",
        verticalalignment="bottom", bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
    )  # fmt: skip

    handles = [
        Line2D([], [], color="#1a9850", lw=2, label="events: mostly cooperation"),
        Line2D([], [], color="#d73027", lw=2, label="events: mostly conflict"),
        Line2D([], [], color=_COMMITMENT_COLOURS["conditional_threat"], lw=1.6, ls="--", label="conditional threat (news)"),
        Line2D([], [], color=_COMMITMENT_COLOURS["conditional_promise"], lw=1.6, ls="--", label="conditional promise (news)"),
        Line2D([], [], color=_COMMITMENT_COLOURS["mutual_defense"], lw=1.6, ls="--", label="defence pact / guarantee (news)"),
        Line2D([], [], color="#999999", lw=1, ls=":", label="treaty obligation"),
    ]
    for b in sorted(set(blocs))[:8]:
        members = sorted(x for x in g.nodes if g.nodes[x].get("bloc") == b)
        text = ", ".join(members[:6]) + (" …" if len(members) > 6 else "")
        handles.append(Line2D([], [], marker="o", ls="", color=cmap_blocs(b % 20), markersize=9, label=f"bloc {b}: {text}"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", frameon=False)
    return fig


def _title(g: nx.MultiDiGraph) -> str:
    since, until = g.graph.get("since") or "…", g.graph.get("until") or "…"
    return f"Alliance and tension graph, {since} to {until}"


def plot_graph(g: nx.MultiDiGraph, path: str | Path, title: str | None = None) -> Path:
    """Draw ``g`` to ``path``: .png/.svg via matplotlib, .html as a self-contained page (inline SVG
    plus tables of the blocs, the commitments and the busiest dyads)."""
    title = title or _title(g)
    fig = graph_figure(g, title)
    blocs: dict[int, list[str]] = {}
    for x, d in g.nodes(data=True):
        blocs.setdefault(d.get("bloc", 0), []).append(x)
    parts = [
        "<h2>Blocs</h2>",
        html_table(((b, ", ".join(sorted(m))) for b, m in sorted(blocs.items())), ["bloc", "members"]),
    ]
    cm = [(u, v, d) for u, v, d in g.edges(data=True) if d.get("kind") == "commitment"]
    if cm:
        parts += [
            "<h2>Commitments reported in the news</h2>",
            html_table(
                ((u, v, d.get("type"), d.get("trigger"), d.get("doc_id"), d.get("date"), d.get("sentence")) for u, v, d in cm),
                ["from", "to", "type", "if", "article", "date", "sentence"],
            ),
        ]
    ev = sorted(
        ((u, v, d) for u, v, d in g.edges(data=True) if d.get("kind") == "events"), key=lambda x: -x[2].get("events", 0)
    )[:30]
    if ev:
        parts += [
            "<h2>Busiest dyads</h2>",
            html_table(
                (
                    (u, v, d["events"], f"{d['cooperation']:g}", f"{d['conflict']:g}",
                     "" if math.isnan(_f(d.get("goldstein_mean"))) else f"{d['goldstein_mean']:.2f}")
                    for u, v, d in ev
                ),
                ["from", "to", "events", "cooperation", "conflict", "mean Goldstein"],
            ),  # fmt: skip
        ]
    tr = sorted({(d.get("treaty_name"), d.get("article")) for _, _, d in g.edges(data=True) if d.get("kind") == "treaty"})
    if tr:
        parts += ["<h2>Treaties drawn</h2>", html_table(tr, ["treaty", "article"])]
    return save_figure(fig, path, title, "\n".join(parts))


def top_dyads(g: nx.MultiDiGraph, n: int = 10) -> pd.DataFrame:
    """The most active directed dyads of the graph, with their cooperation/conflict balance and
    the commitments and treaty obligations that also tie them."""
    rows = []
    for s, t, key, d in g.edges(keys=True, data=True):
        if d.get("kind") != "events":
            continue
        ties = [e.get("type", "") for e in g.get_edge_data(s, t, default={}).values() if e.get("kind") in ("commitment", "treaty")]
        rows.append({
            "source": s, "target": t, "events": d["events"], "cooperation": d["cooperation"], "conflict": d["conflict"],
            "goldstein_mean": d["goldstein_mean"], "balance": d["balance"], "ties": ", ".join(sorted(set(ties))),
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=["source", "target", "events", "cooperation", "conflict", "goldstein_mean", "balance", "ties"])
    return frame.sort_values(["events", "source", "target"], ascending=[False, True, True]).head(n).reset_index(drop=True)


def bloc_members(g: nx.MultiDiGraph) -> dict[int, list[str]]:
    """Bloc number -> its members, most active first."""
    blocs: dict[int, list[str]] = {}
    for node, d in sorted(g.nodes(data=True), key=lambda nd: -nd[1].get("activity", 0)):
        if d.get("bloc") is not None:
            blocs.setdefault(int(d["bloc"]), []).append(node)
    return dict(sorted(blocs.items()))
