// An independent implementation of metrics.md §2 (derived weights), §3 (CMI, cost per weight) and §4
// (RW intervals per year) with danfojs and plain JavaScript, written from the spec, not from the SQL.
// It takes plain case rows and returns plain rows, to be compared with the datasets.
import * as dfd from "danfojs";

export interface OracleCase {
  claim_id: string;
  hospital_id: string;
  year: number;
  month: string;
  drg_code: string;
  grouped: boolean;
  excluded: boolean;
  total_cost: number;
  fund_paid: number;
}

export interface OracleOptions {
  trimK: number;
  minCases: number;
  edges: number[];
}

/** R's type 7 quantile of a sorted array: linear interpolation between order statistics at (n − 1)p. */
export function quantile7(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

/** §2 base years: first three years with claims in all 12 months, else as many, else the first three years. */
export function baseYears(cases: OracleCase[]): number[] {
  const months = new Map<number, Set<string>>();
  for (const c of cases) (months.get(c.year) ?? months.set(c.year, new Set()).get(c.year)!).add(c.month);
  const years = [...months.keys()].sort((a, b) => a - b);
  const full = years.filter((y) => months.get(y)!.size === 12);
  return (full.length ? full : years).slice(0, 3);
}

export function derivedWeights(cases: OracleCase[], { trimK, minCases }: OracleOptions) {
  const years = baseYears(cases);
  const yearWeight = new Map(years.map((y, i) => [y, years.length === 3 ? [2, 3, 5][i] : years.length === 2 ? [2, 3][i] : 1]));
  const base = cases.filter((c) => c.grouped && !c.excluded && yearWeight.has(c.year));
  // trimming per group and year (plain JS: danfojs has no grouped quantile)
  const byGroupYear = new Map<string, number[]>();
  for (const c of base) {
    const key = `${c.drg_code}|${c.year}`;
    (byGroupYear.get(key) ?? byGroupYear.set(key, []).get(key)!).push(c.total_cost);
  }
  const fences = new Map<string, [number, number]>();
  for (const [key, costs] of byGroupYear) {
    if (costs.length < minCases) continue;
    const sorted = [...costs].sort((a, b) => a - b);
    const q1 = quantile7(sorted, 0.25);
    const q3 = quantile7(sorted, 0.75);
    fences.set(key, [q1 - trimK * (q3 - q1), q3 + trimK * (q3 - q1)]);
  }
  const kept = base.filter((c) => {
    const f = fences.get(`${c.drg_code}|${c.year}`);
    return !f || (c.total_cost >= f[0] && c.total_cost <= f[1]);
  });
  const frame = new dfd.DataFrame({
    drg_code: kept.map((c) => c.drg_code),
    year: kept.map((c) => c.year),
    total_cost: kept.map((c) => c.total_cost),
  });
  // yearly means of all kept cases, and per group and year
  const overall = dfd.toJSON(frame.groupby(["year"]).agg({ total_cost: "mean" })) as { year: number; total_cost_mean: number }[];
  const weightSum = (ys: number[]) => ys.reduce((s, y) => s + yearWeight.get(y)!, 0);
  const m = overall.reduce((s, r) => s + yearWeight.get(r.year)! * r.total_cost_mean, 0) / weightSum(overall.map((r) => r.year));
  const perGroupYear = dfd.toJSON(frame.groupby(["drg_code", "year"]).agg({ total_cost: "mean" })) as { drg_code: string; year: number; total_cost_mean: number }[];
  const groupYears = new Map<string, { year: number; mean: number }[]>();
  for (const r of perGroupYear) (groupYears.get(r.drg_code) ?? groupYears.set(r.drg_code, []).get(r.drg_code)!).push({ year: r.year, mean: r.total_cost_mean });
  const rw = new Map<string, number>();
  const meanCost = new Map<string, number>();
  for (const [g, ys] of groupYears) {
    const mg = ys.reduce((s, r) => s + yearWeight.get(r.year)! * r.mean, 0) / weightSum(ys.map((r) => r.year));
    meanCost.set(g, mg);
    rw.set(g, Math.round((mg / m) * 1e4) / 1e4);
  }
  return { years, m, rw, meanCost };
}

/** §3: total weight, CMI and cost per weight per hospital and year over grouped, not excluded, weighted cases. */
export function caseMixByHospitalYear(cases: OracleCase[], rw: Map<string, number>) {
  const set = cases.filter((c) => c.grouped && !c.excluded && rw.has(c.drg_code));
  const frame = new dfd.DataFrame({
    hospital_id: set.map((c) => c.hospital_id),
    year: set.map((c) => c.year),
    rw: set.map((c) => rw.get(c.drg_code)!),
    total_cost: set.map((c) => c.total_cost),
  });
  const rows = dfd.toJSON(frame.groupby(["hospital_id", "year"]).agg({ rw: ["sum", "count"], total_cost: "sum" })) as {
    hospital_id: string; year: number; rw_sum: number; rw_count: number; total_cost_sum: number;
  }[];
  return rows
    .map((r) => ({ hospital_id: r.hospital_id, year: r.year, grouped_cases: r.rw_count, total_weight: r.rw_sum, cmi: r.rw_sum / r.rw_count, cost_per_weight: r.total_cost_sum / r.rw_sum }))
    .sort((a, b) => a.hospital_id.localeCompare(b.hospital_id) || a.year - b.year);
}

/** §4: per year and interval, the cases with an RW (excluded ones included): cases, cost, fund, fund share. */
export function rwIntervalTable(cases: OracleCase[], rw: Map<string, number>, edges: number[]) {
  const set = cases.filter((c) => c.grouped && rw.has(c.drg_code));
  const frame = new dfd.DataFrame({
    year: set.map((c) => c.year),
    interval: set.map((c) => edges.filter((e) => e <= rw.get(c.drg_code)!).length),
    claim_id: set.map((c) => c.claim_id),
    total_cost: set.map((c) => c.total_cost),
    fund_paid: set.map((c) => c.fund_paid),
  });
  const rows = dfd.toJSON(frame.groupby(["year", "interval"]).agg({ claim_id: "count", total_cost: "sum", fund_paid: "sum" })) as {
    year: number; interval: number; claim_id_count: number; total_cost_sum: number; fund_paid_sum: number;
  }[];
  const fundOfYear = new Map<number, number>();
  for (const r of rows) fundOfYear.set(r.year, (fundOfYear.get(r.year) ?? 0) + r.fund_paid_sum);
  return rows
    .map((r) => ({ year: r.year, interval: r.interval, cases: r.claim_id_count, total_cost: r.total_cost_sum, fund_paid: r.fund_paid_sum, fund_share: r.fund_paid_sum / fundOfYear.get(r.year)! }))
    .sort((a, b) => a.year - b.year || a.interval - b.interval);
}
