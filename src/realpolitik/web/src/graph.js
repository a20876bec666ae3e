// The graph of states and organisations (Cytoscape.js): node size = activity, colour = bloc;
// event edges coloured from conflict (red) to cooperation (green); commitments reported in the
// news dashed; treaty obligations dotted, one line per pair of states.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

const BLOC_COLOURS = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
  "#aec7e8", "#ffbb78", "#98df8a", "#c5b0d5", "#c49c94", "#f7b6d2", "#9edae5", "#dbdb8d",
];
export const COMMITMENT_COLOURS = {
  conditional_threat: "#b2182b",
  conditional_promise: "#2166ac",
  mutual_defense: "#5e3c99",
  guarantee: "#5e3c99",
};
const BALANCE_STOPS = [
  [-1, [215, 48, 39]], [-0.5, [252, 141, 89]], [0, [254, 224, 139]], [0.5, [145, 207, 96]], [1, [26, 152, 80]],
];

export function balanceColour(balance) {
  const b = Math.max(-1, Math.min(1, Number.isFinite(balance) ? balance : 0));
  for (let i = 1; i < BALANCE_STOPS.length; i++) {
    const [x1, c1] = BALANCE_STOPS[i];
    const [x0, c0] = BALANCE_STOPS[i - 1];
    if (b <= x1) {
      const t = (b - x0) / (x1 - x0);
      const c = c0.map((v, k) => Math.round(v + t * (c1[k] - v)));
      return `rgb(${c[0]},${c[1]},${c[2]})`;
    }
  }
  return "rgb(26,152,80)";
}

export function blocColour(bloc) {
  return BLOC_COLOURS[(bloc ?? 0) % BLOC_COLOURS.length];
}

// Node-link JSON from /api/graph -> Cytoscape elements, keeping the topN busiest nodes (0: all).
export function toElements(data, { topN = 0, treaties = true } = {}) {
  const nodes = [...data.nodes].sort((a, b) => b.activity - a.activity || a.id.localeCompare(b.id));
  const kept = topN > 0 ? nodes.slice(0, topN) : nodes;
  const ids = new Set(kept.map((n) => n.id));
  const elements = kept.map((n) => ({
    group: "nodes",
    data: { ...n, id: n.id, label: n.id, size: Math.min(90, 16 + 7 * Math.sqrt(n.activity || 0)), colour: blocColour(n.bloc) },
    classes: n.kind === "organisation" ? "organisation" : "state",
  }));
  const treatyPairs = new Map();
  for (const e of data.edges) {
    if (!ids.has(e.from) || !ids.has(e.to)) continue;
    if (e.kind === "events") {
      elements.push({
        group: "edges",
        data: { ...e, id: `ev:${e.from}>${e.to}`, source: e.from, target: e.to, colour: balanceColour(e.balance), width: 1 + 1.6 * Math.log1p(e.events) },
        classes: "events",
      });
    } else if (e.kind === "commitment") {
      elements.push({
        group: "edges",
        data: { ...e, id: `cm:${e.key}:${e.from}>${e.to}`, source: e.from, target: e.to, origin: e.source, colour: COMMITMENT_COLOURS[e.type] || "#555" },
        classes: "commitment",
      });
    } else if (e.kind === "treaty" && treaties) {
      const [a, b] = e.from < e.to ? [e.from, e.to] : [e.to, e.from];
      const key = `${a}|${b}`;
      const entry = treatyPairs.get(key) || { a, b, treaties: new Map() };
      entry.treaties.set(e.treaty, `${e.treaty_name}${e.article ? ", " + e.article : ""}`);
      treatyPairs.set(key, entry);
    }
  }
  for (const [key, t] of treatyPairs) {
    elements.push({
      group: "edges",
      data: { id: `tr:${key}`, source: t.a, target: t.b, kind: "treaty", origin: "treaty", treaties: [...t.treaties.values()] },
      classes: "treaty",
    });
  }
  return elements;
}

const STYLE = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)", width: "data(size)", height: "data(size)", label: "data(label)",
      "font-size": 11, "font-weight": 600, color: "#1d232b", "text-valign": "center", "text-halign": "center",
      "text-outline-color": "#fff", "text-outline-width": 2, "border-width": 1, "border-color": "#3a3f45",
    },
  },
  { selector: "node.organisation", style: { shape: "round-rectangle" } },
  {
    selector: "edge.events",
    style: {
      "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
      "arrow-scale": 0.8, "curve-style": "bezier", width: "data(width)", opacity: 0.9,
    },
  },
  {
    selector: "edge.commitment",
    style: {
      "line-style": "dashed", "line-dash-pattern": [7, 4], "line-color": "data(colour)", "target-arrow-color": "data(colour)",
      "target-arrow-shape": "vee", "curve-style": "unbundled-bezier", "control-point-distances": [28], width: 2.6, opacity: 0.95,
    },
  },
  {
    selector: "edge.treaty",
    style: { "line-style": "dotted", "line-color": "#4a6fa5", width: 1.6, opacity: 0.45, "curve-style": "straight" },
  },
  { selector: "edge:selected", style: { width: 5, opacity: 1, "underlay-color": "#ffd400", "underlay-opacity": 0.5, "underlay-padding": 3 } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffb000" } },
  { selector: ".faded", style: { opacity: 0.12 } },
];

function initialPositions(elements) {
  // deterministic start: nodes on a circle, grouped by bloc, busiest first
  const nodes = elements.filter((e) => e.group === "nodes");
  nodes.sort((x, y) => (x.data.bloc ?? 0) - (y.data.bloc ?? 0) || y.data.activity - x.data.activity);
  const r = 60 + 18 * nodes.length;
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length);
    n.position = { x: r * Math.cos(a), y: r * Math.sin(a) };
  });
}

export function drawGraph(container, elements, handlers = {}) {
  initialPositions(elements);
  const cy = cytoscape({
    container, elements, style: STYLE, layout: { name: "preset" },
    minZoom: 0.15, maxZoom: 4, boxSelectionEnabled: false,
    textureOnViewport: true, hideEdgesOnViewport: false,
  });
  const laid = cy.elements().not("edge.treaty");
  // force-directed (fCoSE) on events and news commitments; treaty ties are drawn, not laid out
  laid.layout({
    name: "fcose", quality: "default", randomize: true, animate: false, fit: true, padding: 24,
    nodeRepulsion: () => 9000, idealEdgeLength: () => 90, edgeElasticity: () => 0.3, nodeSeparation: 90,
    gravity: 0.25, numIter: 2500, packComponents: true, nodeDimensionsIncludeLabels: true, uniformNodeDimensions: false,
  }).run();
  cy.fit(undefined, 24);
  cy.on("tap", "edge", (evt) => handlers.onEdge && handlers.onEdge(evt.target.data()));
  cy.on("tap", "node", (evt) => handlers.onNode && handlers.onNode(evt.target.id()));
  cy.on("mouseover", "edge", (evt) => handlers.onHover && handlers.onHover(evt.target.data()));
  cy.on("mouseover", "node", (evt) => handlers.onHover && handlers.onHover({ node: evt.target.data() }));
  return cy;
}

export function describeEdge(d) {
  if (d.node) {
    const n = d.node;
    return `${n.id}: ${n.activity} event(s) in the window, bloc ${n.bloc}`;
  }
  if (d.kind === "events") {
    return `${d.from} → ${d.to}: ${d.events} event(s), cooperation ${d.cooperation}, conflict ${d.conflict}` +
      (d.goldstein_mean !== null && d.goldstein_mean !== undefined ? `, mean Goldstein ${d.goldstein_mean.toFixed(1)}` : "");
  }
  if (d.kind === "commitment") {
    return `news: ${d.type.replace(/_/g, " ")} ${d.from} → ${d.to} (${d.doc_id}, ${d.date}): if ${d.trigger}, then ${d.response}`;
  }
  if (d.kind === "treaty") return `treaty: ${d.source} – ${d.target}: ${d.treaties.join("; ")}`;
  return "";
}
