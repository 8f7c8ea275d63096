// The page state lives in the URL: filters and view options in the query string, the open event
// in the hash (#/event/ID). Changing it pushes a history entry, so reload and back both work.

export const FILTER_KEYS = ["since", "until", "country", "type", "actor", "text"];
const VIEW_KEYS = ["sort", "offset", "period", "metric", "map"];
const DEFAULTS = { sort: "-date", offset: "0", period: "month", metric: "events", map: "" };

export function readState(location = window.location) {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const key of FILTER_KEYS) filters[key] = params.get(key) || "";
  const view = {};
  for (const key of VIEW_KEYS) view[key] = params.get(key) || DEFAULTS[key];
  view.offset = Math.max(0, parseInt(view.offset, 10) || 0);
  const match = /^#\/event\/(.+)$/.exec(location.hash);
  return { filters, view, event: match ? decodeURIComponent(match[1]) : null };
}

export function stateUrl(state) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (state.filters[key]) params.set(key, state.filters[key]);
  for (const key of VIEW_KEYS) {
    const value = String(state.view[key] ?? "");
    if (value && value !== DEFAULTS[key]) params.set(key, value);
  }
  const search = params.toString();
  const hash = state.event ? `#/event/${encodeURIComponent(state.event)}` : "";
  return `${window.location.pathname}${search ? `?${search}` : ""}${hash}`;
}

// The filters as API parameters (the same for the map, the timeline and the table).
export function apiFilters(state) {
  const out = {};
  for (const key of FILTER_KEYS) if (state.filters[key]) out[key] = state.filters[key];
  return out;
}

export function sameFilters(a, b) {
  return FILTER_KEYS.every((key) => (a.filters[key] || "") === (b.filters[key] || ""));
}
