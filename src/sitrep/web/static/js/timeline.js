// The timeline: events or deaths per day, week or month from /v1/stats (by_period), drawn as
// uPlot bars. Dragging across it (a brush) sets the since/until filters.

import { latest, isAbort, debounce } from "./api.js";
import { formatNumber } from "./dom.js";

const uPlot = window.uPlot;
const DAY = 86400;

export function isoToSeconds(iso) {
  return Date.parse(`${String(iso).slice(0, 10)}T00:00:00Z`) / 1000;
}

export function secondsToIso(s) {
  return new Date(s * 1000).toISOString().slice(0, 10);
}

// The start of the period after `iso`.
export function nextPeriod(iso, period) {
  const d = new Date(`${String(iso).slice(0, 10)}T00:00:00Z`);
  if (period === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (period === "week" ? 7 : 1));
  return d.toISOString().slice(0, 10);
}

// Every period from the first to the last row, with zeros where the store has no events.
export function densify(rows, period, limit = 5000) {
  if (!rows.length) return [];
  const byStart = new Map(rows.map((r) => [String(r[0]).slice(0, 10), r]));
  const keys = [...byStart.keys()].sort();
  const last = keys[keys.length - 1];
  const out = [];
  for (let p = keys[0]; p <= last && out.length < limit; p = nextPeriod(p, period)) {
    const row = byStart.get(p);
    out.push([p, row ? row[1] : 0, row ? row[2] || 0 : 0]);
  }
  return out.length < limit ? out : rows.map((r) => [String(r[0]).slice(0, 10), r[1], r[2] || 0]);
}

export class Timeline {
  constructor(root, hooks) {
    this.root = root; // holds .timeline-plot and .timeline-summary
    this.hooks = hooks; // { setRange(since, until), status(msg) }
    this.plotBox = root.querySelector(".timeline-plot");
    this.summary = root.querySelector(".timeline-summary");
    this.fetchStats = latest();
    this.rows = [];
    this.period = "month";
    this.metric = "events";
    this.plot = null;
    window.addEventListener("resize", debounce(() => this.resize(), 150));
  }

  async refresh(filters, period, metric) {
    this.period = period;
    this.metric = metric;
    try {
      const body = await this.fetchStats("/v1/stats", { ...filters, period });
      this.period = body.period || period;
      this.rows = densify(body.by_period || [], this.period);
      this.totals = { events: body.events, fatalities: body.fatalities };
      this.draw();
    } catch (error) {
      if (!isAbort(error)) this.hooks.status(`Timeline: ${error.message}`);
    }
  }

  setMetric(metric) {
    this.metric = metric;
    this.draw();
  }

  values() {
    return this.rows.map((r) => (this.metric === "fatalities" ? r[2] : r[1]));
  }

  draw() {
    const data = [this.rows.map((r) => isoToSeconds(r[0])), this.values()];
    if (this.plot) this.plot.destroy();
    this.plot = new uPlot(this.options(), data, this.plotBox);
    this.root.dataset.periods = String(this.rows.length);
    this.root.dataset.first = this.rows.length ? this.rows[0][0] : "";
    this.root.dataset.last = this.rows.length ? this.rows[this.rows.length - 1][0] : "";
    const what = this.metric === "fatalities" ? "deaths" : "events";
    const total = this.values().reduce((a, b) => a + b, 0);
    this.summary.textContent = this.rows.length
      ? `${formatNumber(total)} ${what}, ${this.root.dataset.first} to ${this.root.dataset.last} ` +
        `(by ${this.period}). Drag across the bars to choose dates.`
      : "No dated events match the filters.";
  }

  options() {
    const colour = this.metric === "fatalities" ? "#922b21" : "#2e4053";
    return {
      width: this.width(),
      height: 140,
      legend: { show: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      scales: { x: { time: true, range: (u, min, max) => this.xRange(min, max) } },
      axes: [{}, { size: 50 }],
      series: [{}, {
        label: this.metric, stroke: colour, fill: `${colour}cc`, width: 0,
        paths: uPlot.paths.bars({ size: [0.9, 60], align: 0 }), points: { show: false },
      }],
      hooks: { setSelect: [(u) => this.brushed(u)] },
    };
  }

  xRange(min, max) {
    const pad = this.period === "month" ? 16 * DAY : this.period === "week" ? 4 * DAY : DAY;
    return [min - pad, max + pad];
  }

  width() {
    return Math.max(240, this.plotBox.clientWidth || this.root.clientWidth || 600);
  }

  resize() {
    if (this.plot) this.plot.setSize({ width: this.width(), height: 140 });
  }

  // The periods whose bars lie under the brush become the since/until filters.
  brushed(u) {
    if (!u.select || u.select.width < 2 || !this.rows.length) return;
    const a = u.posToVal(u.select.left, "x");
    const b = u.posToVal(u.select.left + u.select.width, "x");
    let picked = this.rows.filter((r) => {
      const x = isoToSeconds(r[0]);
      return x >= a && x <= b;
    });
    if (!picked.length) picked = [this.nearest((a + b) / 2)];
    const since = picked[0][0];
    const until = secondsToIso(isoToSeconds(nextPeriod(picked[picked.length - 1][0], this.period)) - DAY);
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    this.hooks.setRange(since, until);
  }

  nearest(x) {
    let best = this.rows[0];
    for (const r of this.rows) {
      if (Math.abs(isoToSeconds(r[0]) - x) < Math.abs(isoToSeconds(best[0]) - x)) best = r;
    }
    return best;
  }
}
