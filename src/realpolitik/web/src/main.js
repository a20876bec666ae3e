// The dashboard: graph of a time window, dyad timelines, event table, article viewer, what-if.
// Everything it shows comes from this server's API; the libraries are bundled at build time.
import { clear, el, eventLabel, getJSON } from "./api.js";
import { ArticleView } from "./article.js";
import { drawDyad } from "./dyad.js";
import { EventTable } from "./events.js";
import { describeEdge, drawGraph, toElements } from "./graph.js";
import { runWhatIf } from "./whatif.js";

const $ = (id) => document.getElementById(id);
const rp = (window.rp = { cy: null, chart: null, graph: null, timings: {}, state: {} });

const article = new ArticleView($("article-meta"), $("article-text"), $("article-events"));

function openArticle(docId, opts = {}) {
  const done = article.show(docId, opts);
  $("article-panel").scrollIntoView({ block: "nearest" });
  return done;
}
rp.openArticle = openArticle;

const table = new EventTable(
  $("events-form"), $("events-table"), { prev: $("prev"), next: $("next"), info: $("page-info") },
  (e) => openArticle(e.doc_id, { eventId: e.id }),
);

function windowParams() {
  return { since: $("since").value, until: $("until").value, all_modalities: $("all-modalities").checked };
}

function renderGraph() {
  if (rp.cy) rp.cy.destroy();
  const elements = toElements(rp.graph, { topN: Number($("top-n").value), treaties: $("show-treaties").checked });
  rp.cy = drawGraph($("graph"), elements, {
    onEdge: (d) => openDyad(d),
    onNode: (id) => {
      const w = windowParams();
      table.set({ actor: id, since: w.since, until: w.until, category: "", modality: "" });
      table.offset = 0;
      table.load(table.read());
    },
    onHover: (d) => { $("edge-info").textContent = describeEdge(d); },
  });
  const shown = rp.cy.nodes().length;
  $("graph-caption").textContent = `${rp.graph.graph.since || "…"} to ${rp.graph.graph.until || "…"}: ${shown} of ${rp.graph.nodes.length} actors`;
}

async function loadGraph() {
  const started = performance.now();
  $("graph-caption").textContent = "loading…";
  try {
    rp.graph = await getJSON("/api/graph", { ...windowParams(), all_modalities: windowParams().all_modalities || "" });
  } catch (err) {
    $("graph-caption").textContent = "";
    clear($("graph"), el("p", { class: "error" }, err.message));
    return;
  }
  renderGraph();
  rp.timings.graphMs = Math.round(performance.now() - started);
  rp.timings.graphReady = Math.round(performance.now());
  document.body.dataset.graph = "ready";
}

async function openDyad(d) {
  const a = d.from || d.source;
  const b = d.to || d.target;
  rp.state.dyad = [a, b];
  $("dyad-title").textContent = `${a} ↔ ${b}`;
  $("dyad-hint").textContent = "loading…";
  const w = windowParams();
  const treaties = d.kind === "treaty" ? d.treaties : [];
  clear($("dyad-treaties"), treaties.length ? el("p", {}, el("span", { class: "basis treaty" }, "treaty"), treaties.join("; ")) : null);
  try {
    const [timeline, events] = await Promise.all([
      getJSON("/api/dyad", { a, b, by: "week", all_modalities: w.all_modalities || "" }),
      getJSON("/api/events", { dyad: `${a}:${b}`, since: w.since, until: w.until, limit: 200 }),
    ]);
    rp.chart = drawDyad($("dyad-chart"), timeline, rp.chart);
    $("dyad-hint").textContent = timeline.rows.length
      ? `${timeline.modalities} events per week, both directions; ${events.items.length}${events.has_more ? "+" : ""} event(s) in the window below.`
      : `no ${timeline.modalities} dated events between ${a} and ${b}.`;
    clear(
      $("dyad-events"),
      events.items.map((e) =>
        el(
          "li", { dataset: { id: e.id, doc: e.doc_id }, onclick: (evt) => {
            for (const li of $("dyad-events").querySelectorAll("li.current")) li.classList.remove("current");
            evt.currentTarget.classList.add("current");
            openArticle(e.doc_id, { eventId: e.id });
          } },
          el("span", { class: "code" }, `${e.date || "?"} ${e.source_code} ${eventLabel(e)} ${e.target_code || "—"} `),
          el("span", { class: `mod ${e.modality}` }, e.modality), " ",
          el("span", { class: "muted" }, (e.sentence_text || "").slice(0, 110)),
        ),
      ),
    );
  } catch (err) {
    $("dyad-hint").textContent = "";
    clear($("dyad-events"), el("li", { class: "error" }, err.message));
  }
}
rp.openDyad = openDyad;

async function whatIf(evt) {
  if (evt) evt.preventDefault();
  const params = {
    source: $("w-source").value.trim().toUpperCase(),
    cameo: $("w-action").value,
    target: $("w-target").value.trim().toUpperCase(),
    as_of: $("w-asof").value,
    depth: $("w-depth").value,
    news: $("w-news").checked,
    treaties: $("w-treaties").checked,
  };
  rp.whatif = await runWhatIf(params, $("whatif-result"), openArticle);
  return rp.whatif;
}
rp.runWhatIf = whatIf;

async function fillActors() {
  try {
    const actors = await getJSON("/api/actors", { limit: 1000 });
    const seen = new Set();
    const options = [];
    for (const a of actors.items) {
      for (const code of [a.country, a.code]) {
        if (code && !seen.has(code)) {
          seen.add(code);
          options.push(el("option", { value: code }, a.name || code));
        }
      }
    }
    clear($("actor-list"), options);
  } catch (_) {
    /* the datalist is a convenience */
  }
}

async function init() {
  const [stats, vocabulary] = await Promise.all([getJSON("/api/stats"), getJSON("/api/vocabulary")]);
  const c = stats.counts;
  $("stats").textContent = `${c.events.toLocaleString()} events, ${c.commitments} commitments from ${c.first_copies.toLocaleString()} articles` +
    (stats.first_date ? `, ${stats.first_date} to ${stats.last_date}` : "");
  $("since").value = stats.window.since;
  $("until").value = stats.window.until;
  $("w-asof").value = stats.window.until;
  clear($("f-category"), el("option", { value: "" }, "any"), vocabulary.categories.map((x) => el("option", { value: x }, x)));
  clear($("f-modality"), el("option", { value: "" }, "any"), vocabulary.modalities.map((x) => el("option", { value: x }, x)));
  clear(
    $("w-action"),
    vocabulary.actions.map((x) => el("option", { value: x.code, selected: x.code === "072" }, `${x.code} ${x.description}`)),
  );
  table.set({ since: $("since").value, until: $("until").value });

  $("window-form").addEventListener("submit", (evt) => {
    evt.preventDefault();
    loadGraph();
    table.set({ since: $("since").value, until: $("until").value });
    table.offset = 0;
    table.load(table.read());
  });
  for (const id of ["top-n", "show-treaties"]) $(id).addEventListener("change", () => rp.graph && renderGraph());
  $("f-reset").addEventListener("click", () => {
    table.set({ actor: "", category: "", modality: "", since: $("since").value, until: $("until").value });
    table.offset = 0;
    table.load(table.read());
  });
  $("whatif-form").addEventListener("submit", whatIf);

  await Promise.all([loadGraph(), table.load(table.read())]);
  document.body.dataset.ready = "true";
  fillActors();
}

init().catch((err) => {
  clear($("stats"), el("span", { class: "error" }, `cannot load: ${err.message}`));
});
