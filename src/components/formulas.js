// The few formulas the pages apply in the browser to published aggregates, when a reader picks the
// rows (a level, a district, two periods). Each is the same formula as the SQL that computes the
// published figures, applied to sums; the spec section is named beside it. Nothing here reads a case.

const finite = (x) => x != null && Number.isFinite(x);

export function sum(rows, key) {
  let total = 0;
  for (const row of rows) if (finite(row[key])) total += row[key];
  return total;
}

/** metrics.md §5: growth = (this period − same period a year before) / same period a year before. */
export function growth(current, previous) {
  return finite(current) && finite(previous) && previous > 0 ? (current - previous) / previous : null;
}

/** metrics.md §4: change of a figure between period A and period B = (B − A) / A. */
export function periodChange(a, b) {
  return finite(a) && finite(b) && a !== 0 ? (b - a) / a : null;
}

/**
 * metrics.md §3 over a set of units (hospitals of a level, a district): CMI = Σ total weight / Σ cases
 * of the case-mix set, cost per weight = Σ cost / Σ total weight. A unit's case-mix cost is its
 * cost per weight × its total weight, so the set's figures are exact ratios of sums.
 */
export function caseMixOf(rows) {
  const weight = sum(rows, "total_weight");
  const grouped = sum(rows, "grouped_cases");
  let cost = 0;
  for (const r of rows) if (finite(r.cost_per_weight) && finite(r.total_weight)) cost += r.cost_per_weight * r.total_weight;
  return {
    cases: sum(rows, "cases"),
    grouped_cases: grouped,
    total_weight: weight,
    cmi: grouped > 0 ? weight / grouped : null,
    cost_per_weight: weight > 0 ? cost / weight : null,
    fund_paid: sum(rows, "fund_paid"),
    total_cost: sum(rows, "total_cost"),
  };
}

/** Quantile by linear interpolation between order statistics (R type 7, as metrics.md §2 trims). */
export function quantile(values, p) {
  const sorted = values.filter(finite).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
}

export function quartiles(values) {
  return { q1: quantile(values, 0.25), median: quantile(values, 0.5), q3: quantile(values, 0.75) };
}

/** Mean of the defined values (e.g. the mean annual growth of a run of years, as §5's g0). */
export function mean(values) {
  const defined = values.filter(finite);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
}

/** Sums of a monthly dataset over the months from..to (inclusive, "YYYY-MM"), per key. */
export function sumPeriod(rows, from, to, keyOf, fields) {
  const out = new Map();
  for (const row of rows) {
    if (row.month < from || row.month > to) continue;
    const key = keyOf(row);
    const acc = out.get(key) ?? Object.fromEntries(fields.map((f) => [f, 0]));
    for (const f of fields) if (finite(row[f])) acc[f] += row[f];
    out.set(key, acc);
  }
  return out;
}

/**
 * Year to date (metrics.md §5 YoY over a part year): the months of the latest year that has claims,
 * against the same months a year before; for the figures of a year still under way.
 */
export function yearToDate(monthRows) {
  const months = monthRows.map((r) => r.month).filter(Boolean).sort();
  if (!months.length) return null;
  const last = months.at(-1);
  const year = Number(last.slice(0, 4));
  const through = last.slice(5);
  const inSpan = (r, y) => r.month >= `${y}-01` && r.month <= `${y}-${through}`;
  const current = sum(monthRows.filter((r) => inSpan(r, year)), "fund_paid");
  const before = monthRows.filter((r) => inSpan(r, year - 1));
  const previous = before.length ? sum(before, "fund_paid") : null;
  return { year, from: `${year}-01`, to: last, fund_paid: current, previous, growth: growth(current, previous) };
}
