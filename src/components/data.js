// Loading a page's published datasets. Pages pass each file as FileAttachment("…").href (a URL on
// this site: reading a member of the attachment keeps Framework from adding its CDN-loaded CSV parser);
// each becomes {rows, url} (rows parsed with parseDataset: numbers as numbers, empty as null) or
// {json, url}.
import { parseDataset } from "./csv.js";

export async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Unable to load ${url}: ${response.status}`);
  return response.text();
}

export async function loadDatasets(files) {
  const entries = await Promise.all(
    Object.entries(files).map(async ([name, url]) => {
      const text = await fetchText(url);
      if (/\.json$/.test(new URL(url, location.href).pathname)) return [name, { json: JSON.parse(text), url }];
      return [name, { rows: parseDataset(text), url }];
    }),
  );
  return Object.fromEntries(entries);
}

/** The value of a parameter of the build (dataset `parameters`), or null. */
export function parameter(rows, name) {
  const value = rows.find((r) => r.name === name)?.value;
  return value === undefined || value === "" ? null : value;
}

/** Distinct values of a column, sorted. */
export function distinct(rows, key) {
  return [...new Set(rows.map((r) => r[key]).filter((v) => v != null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
