// The event view (#/event/ID): the document with every span highlighted by field, the event's
// fields, and links to the other reports of the incident and to linked events.

import { getJSON, isAbort } from "./api.js";
import { el, clear, safeUrl, formatNumber } from "./dom.js";
import { FIELDS } from "./legend.js";
import { highlightText } from "./highlight.js";

function actorText(actor) {
  if (!actor) return null;
  const bits = [actor.country, actor.type, actor.code].filter(Boolean).join(", ");
  const said = actor.text && actor.text !== actor.name ? ` — “${actor.text}”` : "";
  return `${actor.name || actor.text}${bits ? ` (${bits})` : ""}${actor.inferred ? " [inferred]" : ""}${said}`;
}

function placeText(place) {
  if (!place) return null;
  const where = [place.name, place.admin1, place.country].filter(Boolean).join(", ");
  const at = place.lat !== null && place.lat !== undefined ? ` @ ${place.lat}, ${place.lon}` : "";
  return `${where}${at} (precision ${place.geo_precision})`;
}

function dateText(e) {
  if (!e.event_date && !e.date_earliest) return null;
  const range = e.date_earliest && e.date_latest && e.date_earliest !== e.date_latest
    ? ` (between ${e.date_earliest} and ${e.date_latest})` : "";
  const said = e.date_text ? ` — “${e.date_text}”` : "";
  return `${e.event_date || ""}${range}, precision ${e.date_precision || "?"}${said}`;
}

function countText(n, text) {
  if (n === null || n === undefined) return null;
  return text ? `${formatNumber(n)} — “${text}”` : formatNumber(n);
}

export function eventRows(e) {
  return [
    ["ACLED", [e.acled_event_type, e.acled_sub_event_type].filter(Boolean).join(": ")],
    ["CAMEO", `${e.cameo} (root ${e.cameo_root}, quad class ${e.quad_class}, Goldstein ${e.goldstein})`],
    ["PLOVER", [e.plover, e.plover_mode].filter(Boolean).join(" / ")],
    ["actor 1", actorText(e.actor1)],
    ["actor 2", actorText(e.actor2)],
    ["victims", (e.victims || []).map(actorText).join("; ")],
    ["place", placeText(e.location)],
    ["date", dateText(e)],
    ["fatalities", countText(e.fatalities, e.fatalities_text)],
    ["injured", countText(e.injured)],
    ["modality", e.modality],
    ["confidence", String(e.confidence)],
    ["main event", e.main ? "yes" : "no"],
  ].filter(([, value]) => value);
}

export class EventView {
  constructor(panel, hooks) {
    this.panel = panel;
    this.hooks = hooks; // { close(), openEvent(id), status(msg) }
    this.body = panel.querySelector(".event-body");
    this.current = null;
    this.controller = null;
    panel.querySelector("button.close").addEventListener("click", () => this.hooks.close());
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.panel.hidden) this.hooks.close();
    });
  }

  async show(id) {
    if (!id) {
      this.hide();
      return;
    }
    if (id === this.current && !this.panel.hidden) return;
    this.current = id;
    this.panel.hidden = false;
    this.panel.dataset.state = "loading";
    if (this.controller) this.controller.abort();
    this.controller = new AbortController();
    try {
      const body = await getJSON(`/v1/events/${encodeURIComponent(id)}`, {}, this.controller.signal);
      this.draw(body);
      this.panel.dataset.state = "ready";
      this.panel.focus({ preventScroll: true });
      this.showTrigger();
    } catch (error) {
      if (isAbort(error)) return;
      this.panel.dataset.state = "error";
      clear(this.body).append(el("p", { class: "error" }, `Event ${id}: ${error.message}`));
    }
  }

  // Scroll the document box (not the page) so the event's trigger is in view.
  showTrigger() {
    const box = this.body.querySelector(".doc-text");
    const mark = box && box.querySelector("mark[data-field=trigger]");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }

  hide() {
    this.current = null;
    this.panel.hidden = true;
    this.panel.dataset.state = "closed";
    clear(this.body);
  }

  draw(body) {
    const e = body.event;
    const doc = body.document || {};
    this.panel.dataset.eventId = e.id;
    window.sitrep.event = body;
    clear(this.body).append(
      this.header(e, doc),
      el("h3", {}, "Source text"),
      this.legend(body.spans || []),
      el("div", { class: "doc-text" }, highlightText(doc.text || "", body.spans || [])),
      el("h3", {}, "Fields"),
      el("dl", { class: "fields" }, eventRows(e).map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
      this.related(body));
  }

  header(e, doc) {
    const url = safeUrl(doc.url);
    const source = url
      ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, doc.source || url)
      : doc.source || "no link";
    return el("header", {},
      el("h2", { id: "event-title" }, doc.title || "(untitled document)"),
      el("p", { class: "meta" }, `${e.event_date || "undated"} · published ${doc.published || "?"} · `,
        source),
      el("p", { class: "sentence" }, e.sentence || ""));
  }

  legend(spans) {
    const present = new Set(spans.map((s) => s.field));
    return el("ul", { class: "span-legend", "aria-label": "highlight colours" },
      FIELDS.filter(([f]) => present.has(f)).map(([field, label]) =>
        el("li", {}, el("mark", { class: `hl hl-${field} hl-main-${field}` }, label))));
  }

  related(body) {
    const reports = (body.reports || []).filter((id) => id !== body.event.id);
    const links = body.links || [];
    const link = (id, text) => el("a", {
      href: `#/event/${encodeURIComponent(id)}`,
      onclick: (ev) => {
        ev.preventDefault();
        this.hooks.openEvent(id);
      },
    }, text);
    return el("section", { class: "related" },
      el("h3", {}, "Same incident"),
      reports.length
        ? el("ul", {}, reports.map((id) => el("li", {}, link(id, id))))
        : el("p", {}, body.incident_id ? "No other reports of this incident." : "Not part of an incident."),
      el("h3", {}, "Linked events"),
      links.length
        ? el("ul", {}, links.map((l) => el("li", {},
          `${l.relation} (${l.direction}) `, link(l.event_id, l.event_id),
          l.evidence ? el("q", {}, typeof l.evidence === "string" ? l.evidence : JSON.stringify(l.evidence)) : null)))
        : el("p", {}, "None."));
  }
}
