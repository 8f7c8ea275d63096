// The event table: one page of /v1/events at a time, sortable by date and fatalities.

import { latest, isAbort } from "./api.js";
import { el, clear, formatNumber } from "./dom.js";

export const PAGE = 50;
const SENTENCE_CHARS = 140;

function truncate(text, n) {
  const chars = Array.from(text || "");
  return chars.length > n ? `${chars.slice(0, n - 1).join("")}…` : chars.join("");
}

function actorName(actor) {
  return actor ? actor.name || actor.text || "" : "";
}

function typeText(event) {
  const type = event.acled_event_type || "";
  const sub = event.acled_sub_event_type;
  return sub && sub !== type ? `${type}: ${sub}` : type;
}

export class EventTable {
  constructor(root, hooks) {
    this.root = root;
    this.hooks = hooks; // { openEvent(id), setView({sort, offset}), status(msg) }
    this.body = root.querySelector("tbody");
    this.range = root.querySelector(".table-range");
    this.prev = root.querySelector("button.prev");
    this.next = root.querySelector("button.next");
    this.fetchPage = latest();
    this.total = 0;
    this.offset = 0;
    this.sort = "-date";
    this.prev.addEventListener("click", () => this.page(-1));
    this.next.addEventListener("click", () => this.page(1));
    for (const button of root.querySelectorAll("th button[data-sort]")) {
      button.addEventListener("click", () => this.sortBy(button.dataset.sort));
    }
  }

  async refresh(filters, sort, offset) {
    this.sort = sort;
    this.offset = offset;
    this.showSort();
    try {
      const body = await this.fetchPage("/v1/events", { ...filters, limit: PAGE, offset, sort });
      this.total = body.total;
      this.draw(body.events || []);
    } catch (error) {
      if (!isAbort(error)) this.hooks.status(`Events: ${error.message}`);
    }
  }

  draw(events) {
    clear(this.body);
    for (const event of events) this.body.append(this.row(event));
    if (!events.length) {
      this.body.append(el("tr", {}, el("td", { colspan: 8, class: "empty" }, "No events match.")));
    }
    const first = events.length ? this.offset + 1 : 0;
    const last = this.offset + events.length;
    this.range.textContent = `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(this.total)}`;
    this.root.dataset.total = String(this.total);
    this.prev.disabled = this.offset <= 0;
    this.next.disabled = last >= this.total;
  }

  row(event) {
    const place = event.location || {};
    const open = () => this.hooks.openEvent(event.id);
    return el("tr", {
      tabindex: 0, dataset: { eventId: event.id, country: place.country || "" },
      onclick: open,
      onkeydown: (e) => {
        if (e.key === "Enter") open();
      },
    },
    el("td", { class: "date" }, event.event_date || ""),
    el("td", {}, typeText(event)),
    el("td", {}, actorName(event.actor1)),
    el("td", {}, actorName(event.actor2)),
    el("td", {}, place.name || ""),
    el("td", {}, place.country || ""),
    el("td", { class: "num" }, event.fatalities ?? ""),
    el("td", { class: "sentence", title: event.sentence || "" }, truncate(event.sentence, SENTENCE_CHARS)));
  }

  showSort() {
    for (const th of this.root.querySelectorAll("th[data-column]")) {
      const column = th.dataset.column;
      const state = this.sort === column ? "ascending" : this.sort === `-${column}` ? "descending" : null;
      if (state) th.setAttribute("aria-sort", state);
      else th.removeAttribute("aria-sort");
    }
  }

  sortBy(column) {
    const sort = this.sort === `-${column}` ? column : `-${column}`;
    this.hooks.setView({ sort, offset: 0 });
  }

  page(step) {
    const offset = Math.max(0, this.offset + step * PAGE);
    if (offset < this.total || step < 0) this.hooks.setView({ sort: this.sort, offset });
  }
}
