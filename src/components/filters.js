// The filters readers use on the analysts' pages: selects over values present in the data, with
// "all" as an option where it makes sense. Each is an Inputs element: .value, and an "input" event.
import * as Inputs from "@observablehq/inputs";

export function yearSelect(years, t, value = years.at(-1)) {
  return Inputs.select(years, { label: t("filterYear"), value, format: String });
}

export function levelSelect(levels, t) {
  return Inputs.select([null, ...levels], { label: t("filterLevel"), format: (l) => (l == null ? t("all") : t(`level${l}`)) });
}

export function districtSelect(districts, t) {
  return Inputs.select([null, ...districts], { label: t("filterDistrict"), format: (d) => (d == null ? t("all") : d) });
}

export function choiceSelect(values, t, { label, value, format }) {
  return Inputs.select(values, { label: t(label), value, format: format ?? ((v) => t(v)) });
}

/** Calls `update` whenever any of the inputs changes. */
export function onChange(inputs, update) {
  for (const input of inputs) input.addEventListener("input", update);
}

/** The colour of each hospital level, the same on every chart (tertiary, secondary, primary). */
export function levelColor(t) {
  return { legend: true, domain: [t("level3"), t("level2"), t("level1")], range: ["#4269d0", "#efb118", "#3ca951"] };
}
