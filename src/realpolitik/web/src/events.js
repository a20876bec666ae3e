// The event table: the API's filters, one page at a time; a click opens the event's article.
import { clear, el, eventLabel, getJSON } from "./api.js";

export class EventTable {
  constructor(form, table, pager, onPick) {
    this.form = form;
    this.body = table.querySelector("tbody");
    this.pager = pager;
    this.onPick = onPick;
    this.offset = 0;
    this.limit = 25;
    this.filters = {};
    form.addEventListener("submit", (evt) => {
      evt.preventDefault();
      this.offset = 0;
      this.load(this.read());
    });
    pager.prev.addEventListener("click", () => this.page(-1));
    pager.next.addEventListener("click", () => this.page(1));
  }

  read() {
    const f = this.form.elements;
    return {
      actor: f.actor.value.trim().toUpperCase(),
      category: f.category.value,
      modality: f.modality.value,
      since: f.since.value,
      until: f.until.value,
    };
  }

  set(filters) {
    const f = this.form.elements;
    for (const [key, value] of Object.entries(filters)) if (f[key]) f[key].value = value ?? "";
  }

  page(step) {
    this.offset = Math.max(0, this.offset + step * this.limit);
    return this.load(this.filters);
  }

  async load(filters) {
    this.filters = filters;
    let page;
    try {
      page = await getJSON("/api/events", { ...filters, limit: this.limit, offset: this.offset });
    } catch (err) {
      clear(this.body, el("tr", {}, el("td", { colspan: 6, class: "error" }, String(err.message))));
      return;
    }
    clear(
      this.body,
      page.items.map((e) =>
        el(
          "tr",
          { dataset: { id: e.id, doc: e.doc_id }, title: e.sentence_text || "", onclick: (evt) => this.pick(evt.currentTarget, e) },
          el("td", {}, e.date || "?"),
          el("td", { class: "code" }, e.source_code || ""),
          el("td", { class: "code" }, eventLabel(e)),
          el("td", { class: "code" }, e.target_code || ""),
          el("td", {}, el("span", { class: `mod ${e.modality}` }, e.modality)),
          el("td", {}, e.sentence_text || ""),
        ),
      ),
    );
    if (!page.items.length) clear(this.body, el("tr", {}, el("td", { colspan: 6, class: "muted" }, "no events match")));
    this.pager.prev.disabled = this.offset === 0;
    this.pager.next.disabled = !page.has_more;
    this.pager.info.textContent = page.items.length
      ? `events ${this.offset + 1}–${this.offset + page.items.length}${page.has_more ? " (more)" : ""}`
      : "";
  }

  pick(row, event) {
    for (const r of this.body.querySelectorAll("tr.current")) r.classList.remove("current");
    row.classList.add("current");
    this.onPick(event);
  }
}
