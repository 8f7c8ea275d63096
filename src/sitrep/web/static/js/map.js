// The map: Leaflet with no tiles; the basemap is the world-atlas countries (Natural Earth) drawn
// from the vendored TopoJSON, and the events are server-side grid cells from /v1/map.

import { ACLED_TYPES, OTHER_COLOUR, typeColour, typeSlug } from "./legend.js";
import { debounce, latest, isAbort, getJSON, hold } from "./api.js";
import { el, clear, formatNumber } from "./dom.js";

const L = window.L;
const WORLD = "/static/vendor/world-atlas/countries-50m.json";
const SVG_CELLS = 1500; // more cells than this are drawn on a canvas (no DOM element each)
const LIST_ZOOM = 8; // from this zoom a click on a many-event cell lists its events

const MIN_RADIUS = 4; // a cell with no deaths stays visible
const MAX_RADIUS = 18; // about half a grid cell (cells are ~32 px across at any zoom)

// Area proportional to deaths: radius on a square-root scale up to the largest cell drawn.
export function cellRadius(fatalities, most) {
  const share = most > 0 ? Math.max(0, fatalities || 0) / most : 0;
  return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.min(1, share));
}

function parseView(text) {
  const parts = String(text || "").split("/").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  return { zoom: parts[0], center: [parts[1], parts[2]] };
}

function clampBbox(bounds) {
  const c = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(4);
  return [c(bounds.getWest(), -180, 180), c(bounds.getSouth(), -90, 90),
    c(bounds.getEast(), -180, 180), c(bounds.getNorth(), -90, 90)].join(",");
}

export class EventMap {
  constructor(container, list, hooks) {
    this.hooks = hooks; // { openEvent(id), viewChanged(text), status(msg) }
    this.list = list;
    this.filters = {};
    this.cells = [];
    this.fitted = false;
    this.fetchCells = latest();
    this.map = L.map(container, {
      minZoom: 1, maxZoom: 14, zoomSnap: 1, maxBounds: [[-85, -540], [85, 540]], maxBoundsViscosity: 0.8,
    });
    this.map.attributionControl.addAttribution("Boundaries: Natural Earth");
    this.layer = L.layerGroup().addTo(this.map);
    this.svg = L.svg({ padding: 0.2 });
    this.canvas = L.canvas({ padding: 0.2 });
    const view = parseView(hooks.initialView);
    if (view) {
      this.fitted = true;
      this.map.setView(view.center, view.zoom);
    } else {
      this.map.setView([20, 20], 2);
    }
    this.refreshSoon = debounce(() => this.refresh(), 200);
    this.moving = null;
    this.map.on("movestart zoomstart", () => {
      if (!this.moving) this.moving = hold();
    });
    this.map.on("moveend", () => {
      this.hooks.viewChanged(this.viewText());
      this.refreshSoon();
      if (this.moving) this.moving();
      this.moving = null;
    });
    this.addLegend();
    this.loadBasemap();
  }

  viewText() {
    const c = this.map.getCenter();
    return `${this.map.getZoom()}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}`;
  }

  setView(text) {
    const view = parseView(text);
    if (view && text !== this.viewText()) {
      this.fitted = true;
      this.map.setView(view.center, view.zoom);
    }
  }

  async loadBasemap() {
    try {
      const topo = await getJSON(WORLD);
      const land = window.topojson.feature(topo, topo.objects.countries);
      L.geoJSON(land, {
        renderer: L.canvas({ padding: 0.2 }),
        interactive: false,
        style: { color: "#ffffff", weight: 0.7, fillColor: "#d5d8dc", fillOpacity: 1 },
      }).addTo(this.map).bringToBack();
    } catch (error) {
      this.hooks.status(`The basemap could not be loaded: ${error.message}`);
    }
  }

  addLegend() {
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const box = el("div", { class: "map-legend", role: "list", "aria-label": "event types" });
      for (const [name, colour] of [...ACLED_TYPES, ["other", OTHER_COLOUR]]) {
        box.append(el("div", { role: "listitem" },
          el("span", { class: "swatch", style: `background:${colour}` }), name));
      }
      this.scaleNote = el("div", { class: "note" }, "circle area: deaths");
      box.append(this.scaleNote);
      return box;
    };
    legend.addTo(this.map);
  }

  setFilters(filters) {
    // A new country (after the first filters) re-fits the map to where its events are.
    if (this.filtersSet && (filters.country || "") !== (this.filters.country || "")) this.fitted = false;
    this.filtersSet = true;
    this.filters = filters;
    this.refreshSoon();
  }

  async refresh() {
    const zoom = this.map.getZoom();
    const params = { ...this.filters, zoom };
    if (zoom >= 3 && this.fitted) params.bbox = clampBbox(this.map.getBounds().pad(0.25));
    try {
      const body = await this.fetchCells("/v1/map", params);
      this.draw(body, zoom);
    } catch (error) {
      if (!isAbort(error)) this.hooks.status(`Map: ${error.message}`);
    }
  }

  draw(body, zoom) {
    this.cells = body.cells || [];
    this.total = body.total;
    this.located = body.located;
    this.cellDeg = body.cell_deg || 360 / 2 ** zoom / 8;
    this.zoom = zoom;
    this.layer.clearLayers();
    const renderer = this.cells.length > SVG_CELLS ? this.canvas : this.svg;
    this.most = this.cells.reduce((m, c) => Math.max(m, c.fatalities || 0), 0);
    if (this.scaleNote) {
      this.scaleNote.textContent = `circle area: deaths (largest ${formatNumber(this.most)})`;
    }
    for (const cell of this.cells) this.layer.addLayer(this.marker(cell, renderer));
    this.drawList();
    if (!this.fitted && this.cells.length) this.fitToCells();
  }

  fitToCells() {
    this.fitted = true;
    const bounds = L.latLngBounds(this.cells.map((c) => [c.lat, c.lon]));
    this.map.fitBounds(bounds.pad(0.3), { maxZoom: 7, animate: false });
  }

  marker(cell, renderer) {
    const many = cell.events > 1;
    const marker = L.circleMarker([cell.lat, cell.lon], {
      renderer,
      radius: cellRadius(cell.fatalities, this.most),
      color: many ? "#1b2631" : "#ffffff",
      weight: many ? 2 : 1,
      fillColor: typeColour(cell.type),
      fillOpacity: 0.8,
      className: `cell cell-${typeSlug(cell.type)}`,
    });
    marker.bindTooltip(this.describe(cell));
    marker.on("click", () => this.openCell(cell, marker));
    marker.on("add", () => {
      const path = marker.getElement();
      if (path) Object.assign(path.dataset, this.cellData(cell));
    });
    return marker;
  }

  cellData(cell) {
    return {
      lat: String(cell.lat), lon: String(cell.lon), events: String(cell.events),
      fatalities: String(cell.fatalities), type: cell.type || "", eventId: cell.event_id || "",
    };
  }

  describe(cell) {
    const n = cell.events === 1 ? "1 event" : `${formatNumber(cell.events)} events`;
    const deaths = cell.fatalities === 1 ? "1 death" : `${formatNumber(cell.fatalities || 0)} deaths`;
    return `${n}, ${deaths} (${cell.type || "other"})`;
  }

  // One event: open it. Many: zoom in, or list them once zoomed in far (they may share a place).
  openCell(cell, marker = null) {
    if (cell.event_id) this.hooks.openEvent(cell.event_id);
    else if (this.map.getZoom() < LIST_ZOOM) this.zoomTo([cell.lat, cell.lon], this.map.getZoom() + 2);
    else this.listCell(cell, marker);
  }

  // Leaflet starts an animated zoom on the next frame: count it as busy from now until moveend.
  zoomTo(center, zoom) {
    if (!this.moving) this.moving = hold();
    const release = this.moving;
    setTimeout(() => {
      if (this.moving === release) {
        release();
        this.moving = null;
      }
    }, 3000);
    this.map.setView(center, Math.min(this.map.getMaxZoom(), zoom));
  }

  async listCell(cell, marker) {
    const d = this.cellDeg;
    const bbox = [cell.lon - d, cell.lat - d, cell.lon + d, cell.lat + d].map((v) => v.toFixed(5)).join(",");
    const box = el("div", { class: "cell-list" }, el("strong", {}, this.describe(cell)));
    const popup = L.popup().setLatLng([cell.lat, cell.lon]).setContent(box);
    popup.openOn(this.map);
    try {
      const body = await getJSON("/v1/events", { ...this.filters, bbox, limit: 10, sort: "-fatalities" });
      box.append(el("ul", {}, (body.events || []).map((e) => el("li", {}, el("a", {
        href: `#/event/${encodeURIComponent(e.id)}`,
        onclick: (ev) => {
          ev.preventDefault();
          this.hooks.openEvent(e.id);
        },
      }, `${e.event_date || "undated"} · ${e.acled_event_type || e.cameo} · ${e.location?.name || ""}`)))));
      if (body.total > 10) box.append(el("p", {}, `and ${formatNumber(body.total - 10)} more nearby`));
    } catch (error) {
      if (!isAbort(error)) box.append(el("p", { class: "error" }, error.message));
    }
    if (marker) marker.closeTooltip();
  }

  // The same cells as a list of buttons: for keyboards, screen readers and tests.
  drawList() {
    clear(this.list);
    const count = document.getElementById("map-count");
    if (count) count.textContent = String(this.cells.length);
    for (const cell of this.cells) {
      const where = `${cell.lat.toFixed(2)}, ${cell.lon.toFixed(2)}`;
      const label = `${this.describe(cell)} at ${where}`;
      this.list.append(el("li", { dataset: this.cellData(cell) },
        el("button", { type: "button", onclick: () => this.openCell(cell) }, label)));
    }
  }
}
