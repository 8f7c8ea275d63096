// Highlighting spans in a document. Offsets are Python string indices (code points), so the text
// is split with Array.from, never with UTF-16 String.slice. Spans may overlap or nest: the text is
// cut at every span boundary and each piece carries every span that covers it.

import { el } from "./dom.js";
import { fieldRank, fieldLabel } from "./legend.js";

// [{start, end, spans: [index ...]}] covering the whole text in order.
export function pieces(length, spans) {
  const cuts = new Set([0, length]);
  const clean = spans.map((s) => ({
    start: Math.max(0, Math.min(length, s.start | 0)), end: Math.max(0, Math.min(length, s.end | 0)),
  }));
  for (const s of clean) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const [start, end] = [sorted[i], sorted[i + 1]];
    const covering = [];
    clean.forEach((s, j) => {
      if (s.start <= start && s.end >= end && s.start < s.end) covering.push(j);
    });
    out.push({ start, end, spans: covering });
  }
  return out;
}

// The span that gives a piece its colour: the most important field, then the innermost span.
function leading(indices, spans) {
  return [...indices].sort((a, b) => {
    const rank = fieldRank(spans[a].field) - fieldRank(spans[b].field);
    return rank || (spans[a].end - spans[a].start) - (spans[b].end - spans[b].start);
  })[0];
}

export function highlightText(text, spans) {
  const chars = Array.from(text || "");
  const fragment = document.createDocumentFragment();
  for (const piece of pieces(chars.length, spans)) {
    const words = chars.slice(piece.start, piece.end).join("");
    if (!piece.spans.length) {
      fragment.append(document.createTextNode(words));
      continue;
    }
    const fields = [...new Set(piece.spans.map((j) => spans[j].field))];
    const main = spans[leading(piece.spans, spans)].field;
    fragment.append(el("mark", {
      class: ["hl", ...fields.map((f) => `hl-${f}`), `hl-main-${main}`].join(" "),
      title: fields.map(fieldLabel).join(" + "),
      dataset: {
        field: main, fields: fields.join(" "), spans: piece.spans.join(" "),
        start: String(piece.start), end: String(piece.end),
      },
    }, words));
  }
  return fragment;
}
