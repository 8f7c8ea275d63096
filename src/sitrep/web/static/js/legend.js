// Colours and names shared by the map, the timeline and the event view.

export const ACLED_TYPES = [
  ["Battles", "#c0392b"],
  ["Explosions/Remote violence", "#e67e22"],
  ["Violence against civilians", "#8e44ad"],
  ["Protests", "#2471a3"],
  ["Riots", "#17a589"],
  ["Strategic developments", "#707b7c"],
];
export const OTHER_COLOUR = "#b7950b";

export function typeColour(type) {
  const found = ACLED_TYPES.find(([name]) => name === type);
  return found ? found[1] : OTHER_COLOUR;
}

export function typeSlug(type) {
  const found = ACLED_TYPES.find(([name]) => name === type);
  return found ? found[0].toLowerCase().replace(/[^a-z]+/g, "-") : "other";
}

// Span fields in drawing priority (first wins the colour when spans cover the same words).
export const FIELDS = [
  ["trigger", "trigger (the act)"],
  ["actor1", "actor 1 (doer)"],
  ["actor2", "actor 2 (target)"],
  ["victim", "victim"],
  ["fatalities", "fatalities"],
  ["injured", "injured"],
  ["place", "place"],
  ["date", "date"],
  ["mention", "other mention"],
];

export function fieldRank(field) {
  const i = FIELDS.findIndex(([name]) => name === field);
  return i < 0 ? FIELDS.length : i;
}

export function fieldLabel(field) {
  const found = FIELDS.find(([name]) => name === field);
  return found ? found[1] : field;
}
