// sitrep web app: map, timeline and table over the same filters, all kept in the URL.

import { getJSON, isIdle, onActivity, isAbort } from "./js/api.js";
import { $ } from "./js/dom.js";
import { readState, stateUrl, apiFilters, sameFilters } from "./js/state.js";
import { FilterForm } from "./js/filters.js";
import { EventMap } from "./js/map.js";
import { Timeline } from "./js/timeline.js";
import { EventTable } from "./js/table.js";
import { EventView } from "./js/event.js";

let state = readState();
let shown = null; // the state the views last loaded
const sitrep = { ready: false, state: () => state, idle: () => sitrep.ready && isIdle() };
window.sitrep = sitrep;

function status(message) {
  const box = $("#status");
  box.textContent = message;
  box.hidden = !message;
}

function go(next, { replace = false } = {}) {
  state = next;
  const url = stateUrl(state);
  if (replace) window.history.replaceState(null, "", url);
  else if (url !== `${location.pathname}${location.search}${location.hash}`) {
    window.history.pushState(null, "", url);
  }
  render();
}

function setFilters(filters) {
  go({ ...state, filters, view: { ...state.view, offset: 0 } });
}

function setView(view) {
  go({ ...state, view: { ...state.view, ...view } });
}

const form = new FilterForm($("#filters"), setFilters);
const map = new EventMap($("#map"), $("#map-cells"), {
  initialView: state.view.map,
  openEvent: (id) => go({ ...state, event: id }),
  viewChanged: (text) => {
    state = { ...state, view: { ...state.view, map: text } };
    window.history.replaceState(null, "", stateUrl(state));
  },
  status,
});
const timeline = new Timeline($("#timeline"), {
  setRange: (since, until) => setFilters({ ...state.filters, since, until }),
  status,
});
const table = new EventTable($("#events"), {
  openEvent: (id) => go({ ...state, event: id }), setView, status,
});
const eventView = new EventView($("#event"), {
  close: () => go({ ...state, event: null }),
  openEvent: (id) => go({ ...state, event: id }),
  status,
});
Object.assign(sitrep, { map, timeline, table, eventView, form });

// Load what changed since the last render: filters reload all three views.
function render() {
  const filters = apiFilters(state);
  const v = state.view;
  const old = shown;
  shown = state;
  status("");
  form.show(state.filters);
  showTimelineControls(v);
  const filtersChanged = !old || !sameFilters(old, state);
  if (filtersChanged) map.setFilters(filters);
  if (filtersChanged || old.view.period !== v.period) timeline.refresh(filters, v.period, v.metric);
  else if (old.view.metric !== v.metric) timeline.setMetric(v.metric);
  if (filtersChanged || old.view.sort !== v.sort || old.view.offset !== v.offset) {
    table.refresh(filters, v.sort, v.offset);
  }
  if (old && old.view.map !== v.map) map.setView(v.map);
  eventView.show(state.event);
}

function showTimelineControls(view) {
  $("#period").value = view.period;
  for (const radio of document.querySelectorAll("input[name=metric]")) {
    radio.checked = radio.value === view.metric;
  }
}

$("#period").addEventListener("change", (e) => setView({ period: e.target.value }));
for (const radio of document.querySelectorAll("input[name=metric]")) {
  radio.addEventListener("change", () => setView({ metric: radio.value }));
}
$("#all-dates").addEventListener("click", () => setFilters({ ...state.filters, since: "", until: "" }));
window.addEventListener("popstate", () => {
  state = readState();
  render();
});
onActivity((idle) => {
  document.body.dataset.busy = idle ? "no" : "yes";
});

async function loadCountries() {
  try {
    const stats = await getJSON("/v1/stats", {});
    form.setCountries(stats.by_country || [], stats.country_names || {});
  } catch (error) {
    if (!isAbort(error)) status(`Countries: ${error.message}`);
  }
}

render();
loadCountries().finally(() => {
  form.show(state.filters);
  sitrep.ready = true;
});
