// Institutions at a bureau's scale (hundreds to thousands): a chart that ranks them shows the top and
// the bottom ten (a marked gap between), and every institution is in a searchable, sortable table
// under it (Inputs.search + Inputs.table, a scrolling window of rows), so no page grows with the count.
import * as Inputs from "@observablehq/inputs";
import { el, labelMargin } from "./dom.js";
import { formatNumber } from "./format.js";
import { hospitalLink } from "./links.js";

/** How many institutions a ranking chart names at each end. */
export const rankedEnds = 10;

/** The band that stands for the institutions between the top and the bottom ten. */
const gapKey = "\u2026";

/**
 * The rows ranked by value (descending; rows without a value left out): all of them when there are at
 * most 2 × n, else the top n and the bottom n. `omitted`: how many lie between.
 */
export function topAndBottom(rows, value, n = rankedEnds) {
  const ranked = rows.filter((r) => Number.isFinite(value(r))).sort((a, b) => value(b) - value(a));
  if (ranked.length <= 2 * n) return { rows: ranked, top: ranked, bottom: [], omitted: 0, total: ranked.length };
  const top = ranked.slice(0, n);
  const bottom = ranked.slice(-n);
  return { rows: [...top, ...bottom], top, bottom, omitted: ranked.length - 2 * n, total: ranked.length };
}

/** The band key of an institution on a ranking chart (its id: two institutions may share a name). */
export const rankKey = (r) => String(r.hospital_id);

/**
 * The y axis of a ranking bar chart (bars at y: rankKey): the top ten, a gap band naming how many are
 * left out, the bottom ten; a height that holds at most 21 bands; a left margin for the names that
 * leaves the bars at least 60 % of the width (labelMargin: never a plot narrower than its margins).
 */
export function rankedAxis(ranked, t, lang, width) {
  const gap = ranked.omitted ? [gapKey] : [];
  const domain = [...ranked.top.map(rankKey), ...gap, ...ranked.bottom.map(rankKey)];
  const names = new Map(ranked.rows.map((r) => [rankKey(r), r.name ?? rankKey(r)]));
  const label = (key) => (key === gapKey ? t("rankGap", { n: formatNumber(ranked.omitted, 0, lang) }) : truncate(names.get(key)));
  return {
    height: 60 + 22 * domain.length,
    marginLeft: labelMargin(domain.map(label), { width }),
    y: { label: null, domain, tickFormat: label },
  };
}

/** The note under a ranking chart: how many it shows of how many. */
export function rankedNote(ranked, t, lang) {
  return ranked.omitted ? t("rankedNote", { n: rankedEnds, total: formatNumber(ranked.total, 0, lang) }) : null;
}

function truncate(label) {
  const text = String(label ?? "");
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}

/**
 * Every institution in a table readers search (name, id or district, any part of them) and sort (click
 * a column). columns: [{key, label, format?, align?}]; the first column whose key is "name" links to the
 * institution's page. `sort`/`reverse`: the initial order.
 */
export function institutionTable(rows, columns, { t, lang, depth, sort, reverse = true, rows: visible = 15 }) {
  const search = Inputs.search(rows, {
    placeholder: t("searchInstitutions"),
    format: (n) => t("searchCount", { n: formatNumber(n, 0, lang), total: formatNumber(rows.length, 0, lang) }),
    filter: substringFilter(["name", "hospital_id", "district"]),
  });
  const format = Object.fromEntries(columns.map((c) => [c.key, (v, i, data) => {
    const row = data[i];
    if (c.key === "name") return hospitalLink(row.hospital_id, v ?? row.hospital_id, lang, depth);
    return c.format ? c.format(v, row) : v;
  }]));
  const table = () =>
    Inputs.table(search.value, {
      columns: columns.map((c) => c.key),
      header: Object.fromEntries(columns.map((c) => [c.key, c.label])),
      format,
      align: Object.fromEntries(columns.map((c) => [c.key, c.align === "left" ? "left" : "right"])),
      sort,
      reverse,
      rows: visible,
      select: false,
      layout: "auto",
    });
  const holder = el("div", { class: "institution-table-body" }, table());
  search.addEventListener("input", () => holder.replaceChildren(table()));
  return el("div", { class: "institution-table" }, el("div", { class: "filters" }, search), holder);
}

/** Inputs.search's filter, matching any part of the given columns (its own matches word starts only, none inside a Chinese name). */
function substringFilter(keys) {
  return (query) => {
    const terms = String(query).toLowerCase().split(/\s+/).filter(Boolean);
    return (d) => terms.every((term) => keys.some((k) => d[k] != null && String(d[k]).toLowerCase().includes(term)));
  };
}
