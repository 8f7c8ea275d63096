// The filter form: since, until, country (from the unfiltered statistics), type, actor, text.

import { ACLED_TYPES } from "./legend.js";
import { el, clear, formatNumber } from "./dom.js";
import { FILTER_KEYS } from "./state.js";
import { debounce } from "./api.js";

export class FilterForm {
  constructor(form, onChange) {
    this.form = form;
    this.onChange = onChange;
    this.countries = [];
    this.names = {};
    this.emitSoon = debounce(() => this.emit(), 400);
    this.fillTypes();
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.emit();
    });
    form.addEventListener("change", () => this.emit());
    form.addEventListener("input", (e) => {
      if (e.target.type === "search" || e.target.type === "text") this.emitSoon();
    });
    form.addEventListener("reset", (e) => {
      e.preventDefault();
      for (const key of FILTER_KEYS) this.field(key).value = "";
      this.emit();
    });
  }

  field(key) {
    return this.form.elements.namedItem(key);
  }

  fillTypes() {
    const select = this.field("type");
    clear(select).append(el("option", { value: "" }, "all types"));
    for (const [name] of ACLED_TYPES) select.append(el("option", { value: name }, name));
  }

  setCountries(byCountry, names = {}) {
    this.names = names;
    this.countries = byCountry.filter(([iso3]) => iso3);
    this.fillCountries(this.field("country").value);
  }

  fillCountries(selected) {
    const select = this.field("country");
    clear(select).append(el("option", { value: "" }, "all countries"));
    const label = (iso3) => (this.names && this.names[iso3]) || iso3;
    const sorted = [...this.countries].sort((a, b) => label(a[0]).localeCompare(label(b[0])));
    for (const [iso3, events] of sorted) {
      const name = label(iso3) === iso3 ? iso3 : `${label(iso3)} · ${iso3}`;
      select.append(el("option", { value: iso3 }, `${name} (${formatNumber(events)})`));
    }
    if (selected && !sorted.some(([iso3]) => iso3 === selected)) {
      select.append(el("option", { value: selected }, selected));
    }
    select.value = selected || "";
  }

  // Show the filters of a state (after a reload or the back button).
  show(filters) {
    for (const key of FILTER_KEYS) {
      if (key === "country") this.fillCountries(filters.country);
      else if (key === "type") this.showType(filters.type);
      else this.field(key).value = filters[key] || "";
    }
  }

  showType(type) {
    const select = this.field("type");
    if (type && ![...select.options].some((o) => o.value === type)) {
      select.append(el("option", { value: type }, type));
    }
    select.value = type || "";
  }

  values() {
    const out = {};
    for (const key of FILTER_KEYS) out[key] = this.field(key).value.trim();
    return out;
  }

  emit() {
    this.onChange(this.values());
  }
}
