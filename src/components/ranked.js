// Charts that rank institutions show the top and bottom ten; all of them are in a searchable,
// sortable table below (Inputs.search + Inputs.table, bare imports: nothing loads from a CDN).
import * as Inputs from "@observablehq/inputs";
import { el } from "./dom.js";

/** The first and last `n` of rows already sorted (all of them when there are at most 2n). */
export function topAndBottom(rows, n = 10) {
  return rows.length <= 2 * n ? rows : [...rows.slice(0, n), ...rows.slice(-n)];
}

/**
 * A search box over a table: columns [{key, label, format?}], rows of objects. `format(value, row)`
 * gives text or a node; the table sorts on any column header.
 */
export function searchableTable(rows, columns, { placeholder, sort, reverse = true, rowsShown = 15 } = {}) {
  const search = Inputs.search(rows, { placeholder });
  const holder = el("div", { class: "searchable-table" }, search);
  const table = () =>
    Inputs.table(search.value, {
      columns: columns.map((c) => c.key),
      header: Object.fromEntries(columns.map((c) => [c.key, c.label])),
      format: Object.fromEntries(columns.filter((c) => c.format).map((c) => [c.key, (v, i, data) => c.format(v, data[i])])),
      align: Object.fromEntries(columns.map((c) => [c.key, c.align ?? (c.format ? "right" : "left")])),
      sort,
      reverse,
      rows: rowsShown,
      select: false,
      layout: "auto",
    });
  let current = table();
  holder.append(current);
  search.addEventListener("input", () => {
    const next = table();
    current.replaceWith(next);
    current = next;
  });
  return holder;
}
