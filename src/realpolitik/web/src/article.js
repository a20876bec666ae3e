// One article with an event's sentence highlighted and its source, target and trigger marked.
// Offsets from the server count Unicode code points (Python), so the text is split into code
// points before slicing (a JavaScript string counts UTF-16 units).
import { clear, el, eventLabel, getJSON } from "./api.js";

function spanOf(part, chars) {
  if (!part || !Number.isInteger(part.start) || !Number.isInteger(part.end)) return null;
  if (part.start < 0 || part.end > chars.length || part.end <= part.start) return null;
  return [part.start, part.end];
}

function pieces(chars, from, to, marks) {
  // text nodes and <span class="m-..."> for the code points [from, to), cut at every mark edge
  const cuts = new Set([from, to]);
  for (const m of marks) for (const x of m.span) if (x > from && x < to) cuts.add(x);
  const points = [...cuts].sort((x, y) => x - y);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    let node = document.createTextNode(chars.slice(start, end).join(""));
    for (const m of marks) if (m.span[0] <= start && end <= m.span[1]) node = el("span", { class: `m-${m.cls}` }, node);
    nodes.push(node);
  }
  return nodes;
}

export function markedText(text, marks) {
  // marks: [{cls, span: [start, end] | null}]; the sentence becomes one <mark>, the other marks
  // <span class="m-source|m-target|m-trigger"> inside it
  const chars = Array.from(text);
  const sentence = marks.find((m) => m.cls === "sentence" && m.span);
  const others = marks.filter((m) => m.cls !== "sentence" && m.span);
  if (!sentence) return pieces(chars, 0, chars.length, others);
  const [s0, s1] = sentence.span;
  return [
    ...pieces(chars, 0, s0, others),
    el("mark", { class: "sentence" }, pieces(chars, s0, s1, others)),
    ...pieces(chars, s1, chars.length, others),
  ];
}

export class ArticleView {
  constructor(meta, text, list) {
    this.meta = meta;
    this.text = text;
    this.list = list;
    this.article = null;
  }

  async show(docId, { eventId = null, commitmentId = null } = {}) {
    if (!this.article || this.article.doc_id !== docId) {
      try {
        this.article = await getJSON(`/api/articles/${encodeURIComponent(docId)}`);
      } catch (err) {
        clear(this.meta, el("span", { class: "error" }, err.message));
        return;
      }
    }
    const a = this.article;
    clear(
      this.meta,
      el("b", {}, a.title || a.doc_id), " — ", a.date || "undated", a.source ? ` — ${a.source}` : "",
      el("br"), el("span", { class: "code" }, a.doc_id),
      a.duplicate_of ? ` (a copy of ${a.duplicate_of})` : "",
    );
    const event = a.events.find((e) => e.id === eventId) || null;
    const commitment = a.commitments.find((c) => c.id === commitmentId) || null;
    this.render(event, commitment);
    clear(
      this.list,
      a.events.map((e) =>
        el(
          "li",
          { class: event && e.id === event.id ? "current" : "", dataset: { id: e.id }, onclick: () => this.render(e, null) },
          el("span", { class: "code" }, `${e.source ? e.source.code : "?"} ${eventLabel(e)} ${e.target ? e.target.code : "—"} `),
          el("span", { class: `mod ${e.modality}` }, e.modality), " ",
          el("span", { class: "muted" }, (e.sentence && e.sentence.text ? e.sentence.text : "").slice(0, 90)),
        ),
      ),
    );
  }

  render(event, commitment) {
    const a = this.article;
    const chars = Array.from(a.text);
    const marks = [];
    if (event) {
      marks.push({ cls: "sentence", span: spanOf(event.sentence, chars) });
      marks.push({ cls: "source", span: spanOf(event.source, chars) });
      marks.push({ cls: "target", span: spanOf(event.target, chars) });
      marks.push({ cls: "trigger", span: spanOf(event.trigger, chars) });
    } else if (commitment) {
      marks.push({ cls: "sentence", span: spanOf(commitment.sentence, chars) });
    }
    clear(this.text, markedText(a.text, marks));
    for (const li of this.list.querySelectorAll("li")) li.classList.toggle("current", !!event && li.dataset.id === event.id);
    const first = this.text.querySelector("mark.sentence");
    if (first) this.text.scrollTop = Math.max(0, first.offsetTop - this.text.offsetTop - 40);
  }
}
