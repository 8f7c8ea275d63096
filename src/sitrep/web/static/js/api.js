// JSON requests to the sitrep API (same origin only), with a pending-request count so the page
// (and the browser tests) can tell when everything on screen is up to date.

let pending = 0;
let scheduled = 0;
const listeners = new Set();

function changed() {
  for (const fn of listeners) fn(isIdle());
}

export function isIdle() {
  return pending === 0 && scheduled === 0;
}

export function onActivity(fn) {
  listeners.add(fn);
}

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function getJSON(path, params = {}, signal = undefined) {
  pending += 1;
  changed();
  try {
    const response = await fetch(`${path}${query(params)}`, {
      signal, headers: { Accept: "application/json" },
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (body && body.error) || {};
      throw new ApiError(error.message || response.statusText, response.status, error.code);
    }
    return body;
  } finally {
    pending -= 1;
    changed();
  }
}

export function isAbort(error) {
  return error && error.name === "AbortError";
}

// A debounced call that counts as "work scheduled" until it has run.
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    if (timer === null) scheduled += 1;
    else clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      scheduled -= 1;
      try {
        fn(...args);
      } finally {
        changed();
      }
    }, ms);
    changed();
  };
}

// Work in progress that is not a request (a map animation): call the returned function when done.
export function hold() {
  scheduled += 1;
  changed();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    scheduled -= 1;
    changed();
  };
}

// One in-flight request per view: a new one cancels the old one.
export function latest() {
  let controller = null;
  return (path, params) => {
    if (controller) controller.abort();
    controller = new AbortController();
    return getJSON(path, params, controller.signal);
  };
}
