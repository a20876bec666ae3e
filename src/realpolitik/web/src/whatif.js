// The what-if panel: who does what to whom -> the chain of commitments it would trigger, each
// step with what it rests on, a treaty article or a sentence of a news report.
import { clear, el, getJSON } from "./api.js";

const CUTS = {
  cycle: "cycle: already on this path, cut",
  repeat: "already expanded above",
  depth: "depth limit",
  limit: "size limit",
};

function basisItem(b, openArticle) {
  if (b.kind === "treaty") {
    return el(
      "li", { class: "treaty" },
      el("span", { class: "basis treaty" }, "treaty"),
      el("b", {}, b.treaty_name || b.treaty || "treaty"), b.article ? `, ${b.article}` : "",
      ` — ${b.type}: ${b.actor} bound${b.protected ? " to " + b.protected : ""}${b.since ? " since " + b.since : ""}`,
    );
  }
  return el(
    "li", { class: "news" },
    el("span", { class: "basis news" }, "news"),
    `${(b.type || "").replace(/_/g, " ")} by ${(b.parties || []).join("+") || b.actor}`,
    b.date ? ` (${b.date})` : "", ": ",
    b.sentence ? el("q", {}, b.sentence) : "",
    b.doc_id
      ? el("a", { class: "open-article", href: "#article-panel", onclick: (evt) => { evt.preventDefault(); openArticle(b.doc_id, { commitmentId: b.commitment_id }); } }, "open article")
      : "",
  );
}

const SHOWN_CHILDREN = 8;

function children(node, openArticle) {
  if (!node.children.length) return "";
  const list = el("ul", {}, node.children.slice(0, SHOWN_CHILDREN).map((c) => stepItem(c, openArticle)));
  const rest = node.children.slice(SHOWN_CHILDREN);
  if (rest.length) {
    const more = el("li", {}, el("button", { type: "button", class: "more", onclick: () => {
      more.replaceWith(...rest.map((c) => stepItem(c, openArticle)));
    } }, `show ${rest.length} more response(s)`));
    list.append(more);
  }
  return list;
}

function stepItem(node, openArticle) {
  return el(
    "li", { dataset: { event: node.event } },
    el("span", { class: "step" }, el("span", { class: "code" }, node.event), " ", el("span", { class: "action" }, node.action ? `(${node.action})` : "")),
    node.cut ? el("span", { class: "cut" }, `[${CUTS[node.cut] || node.cut}${node.more ? `, ${node.more} more` : ""}]`) : "",
    node.basis.length ? el("ul", { class: "bases" }, node.basis.map((b) => basisItem(b, openArticle))) : "",
    children(node, openArticle),
  );
}

export async function runWhatIf(params, target, openArticle) {
  clear(target, el("span", { class: "muted" }, "walking…"));
  let tree;
  try {
    tree = await getJSON("/api/whatif", params);
  } catch (err) {
    clear(target, el("span", { class: "error" }, err.message));
    return null;
  }
  const steps = [];
  (function count(n) { for (const c of n.children) { steps.push(c); count(c); } })(tree);
  const treaty = steps.filter((s) => s.basis.some((b) => b.kind === "treaty")).length;
  const news = steps.filter((s) => s.basis.some((b) => b.kind === "news")).length;
  clear(
    target,
    el("p", {}, `What if `, el("b", { class: "code" }, tree.event), ` (${tree.action || "?"}) on ${tree.as_of}? `,
      steps.length ? `${steps.length} response(s): ${news} resting on news reports, ${treaty} on treaties.` : "No commitment or treaty obligation is triggered."),
    el("ul", { class: "whatif-tree" }, stepItem(tree, openArticle)),
  );
  return tree;
}
