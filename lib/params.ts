// Every parameter of shared/spec/metrics.md in one place: defaults, then the project config file,
// then environment variables, then command-line flags. Per-year values (budgets, share ratio,
// multipliers) may also come from the `policy` table, which wins for its year (metrics.md §6).
// The values used are published (dataset `parameters`) and shown on the methods page.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { sqlString, type Session } from "./db/session.ts";

export interface Parameters {
  /** Folder of input tables (input-data.md). */
  data: string;
  /** Folder of the grouping scheme (rules.json, groups.csv). */
  scheme: string;
  /** Year the payment reform took effect (§5 counterfactual); null: no counterfactual. */
  reformYear: number | null;
  /** Base years for derived weights (§2); null: chosen from the claims. */
  baseYears: number[] | null;
  /** IQR trimming factor k (§2). */
  trimK: number;
  /** Groups with fewer base cases in a year are not trimmed; fewer in the base period are unstable (§2). */
  minCases: number;
  /** Excluded cases: LOS above this (days) (§1). */
  maxLos: number;
  /** Excluded cases: total_cost below this (yuan) (§1). */
  minCost: number;
  /** RW interval edges (§4). */
  rwEdges: number[];
  /** High- and low-multiplier limits, when the policy row for the year gives none (§6). */
  highMultiplier: number;
  lowMultiplier: number;
  /** Readmission window in days and the factor on the earlier stay's points (§6). */
  readmitDays: number;
  readmitFactor: number;
  /** Discount on QY and 0000 cases' points (§6). */
  ungroupedDiscount: number;
  /** Share of a surplus or overspend borne by the hospitals, when the policy row gives none (§6). */
  shareRatio: number;
  /** RW-interval period comparison (§4): months "YYYY-MM..YYYY-MM"; null: H1 of the reform year vs H1 two years on. */
  comparisonA: string | null;
  comparisonB: string | null;
  /** DIP (§9): base-period cases a key needs to be a core packet; score scale; deviation limits. */
  dipCoreMin: number;
  dipScale: number;
  dipLow: number;
  dipHigh: number;
  /** Outpatient (APG) reform year for the outpatient counterfactual (§5); null: reformYear. */
  outpatientReformYear: number | null;
  /** An outpatient key with fewer non-excluded base-period visits folds into its chapter (§8). */
  apgMinVisits: number;
  /** Excluded outpatient visits: total_cost below this (yuan) (§8). */
  apgMinCost: number;
}

export const defaultParameters: Parameters = {
  data: "data/sample",
  scheme: "data/schemes/chs-drg-1.1",
  reformYear: null,
  baseYears: null,
  trimK: 1.5,
  minCases: 5,
  maxLos: 60,
  minCost: 5,
  rwEdges: [0.2, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5],
  highMultiplier: 3,
  lowMultiplier: 0.4,
  readmitDays: 15,
  readmitFactor: 0.5,
  ungroupedDiscount: 1,
  shareRatio: 1,
  comparisonA: null,
  comparisonB: null,
  dipCoreMin: 15,
  dipScale: 1000,
  dipLow: 0.5,
  dipHigh: 2,
  outpatientReformYear: null,
  apgMinVisits: 30,
  apgMinCost: 1,
};

export const configFileName = "drg-monitor.config.json";

/** Where each parameter is documented (metrics.md section), for the methods page. */
export const parameterSections: Record<keyof Parameters, string> = {
  data: "input-data.md",
  scheme: "metrics.md §1",
  reformYear: "metrics.md §5",
  baseYears: "metrics.md §2",
  trimK: "metrics.md §2",
  minCases: "metrics.md §2",
  maxLos: "metrics.md §1",
  minCost: "metrics.md §1",
  rwEdges: "metrics.md §4",
  highMultiplier: "metrics.md §6",
  lowMultiplier: "metrics.md §6",
  readmitDays: "metrics.md §6",
  readmitFactor: "metrics.md §6",
  ungroupedDiscount: "metrics.md §6",
  shareRatio: "metrics.md §6",
  comparisonA: "metrics.md §4",
  comparisonB: "metrics.md §4",
  dipCoreMin: "metrics.md §9",
  dipScale: "metrics.md §9",
  dipLow: "metrics.md §9",
  dipHigh: "metrics.md §9",
  outpatientReformYear: "metrics.md §5, §8",
  apgMinVisits: "metrics.md §8",
  apgMinCost: "metrics.md §8",
};

const envNames: Partial<Record<keyof Parameters, string>> = {
  data: "DRG_DATA",
  scheme: "DRG_SCHEME",
  reformYear: "DRG_REFORM_YEAR",
  baseYears: "DRG_BASE_YEARS",
};

/** Parameters from defaults ← config file ← environment ← overrides (CLI flags). */
export function resolveParameters(overrides: Partial<Parameters> = {}, root = process.cwd()): Parameters {
  const configPath = resolve(root, process.env.DRG_CONFIG ?? configFileName);
  const fromFile = existsSync(configPath) ? (JSON.parse(readFileSync(configPath, "utf8")) as Partial<Parameters>) : {};
  const fromEnv: Partial<Parameters> = {};
  for (const [key, env] of Object.entries(envNames) as [keyof Parameters, string][]) {
    const value = process.env[env];
    if (value !== undefined && value !== "") Object.assign(fromEnv, { [key]: parseParameter(key, value) });
  }
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return checkParameters({ ...defaultParameters, ...fromFile, ...fromEnv, ...defined });
}

/** A parameter's value from text (CLI flag or environment variable). */
export function parseParameter(key: keyof Parameters, text: string): Parameters[keyof Parameters] {
  const fail = (what: string) => new Error(`parameter ${key}: "${text}" is not ${what}`);
  switch (key) {
    case "data":
    case "scheme":
      return text;
    case "comparisonA":
    case "comparisonB":
      if (!/^\d{4}-\d{2}\.\.\d{4}-\d{2}$/.test(text)) throw fail("a period of months YYYY-MM..YYYY-MM");
      return text;
    case "outpatientReformYear":
    case "reformYear": {
      const year = Number(text);
      if (!Number.isInteger(year)) throw fail("a year");
      return year;
    }
    case "baseYears":
    case "rwEdges": {
      const values = text.split(",").map((s) => Number(s.trim()));
      if (values.some((v) => !Number.isFinite(v))) throw fail("a comma-separated list of numbers");
      return values;
    }
    default: {
      const value = Number(text);
      if (!Number.isFinite(value)) throw fail("a number");
      return value;
    }
  }
}

function checkParameters(p: Parameters): Parameters {
  const problems: string[] = [];
  if (p.rwEdges.some((e, i) => e <= 0 || (i > 0 && e <= p.rwEdges[i - 1]))) problems.push("rwEdges must be positive and increasing");
  if (p.shareRatio < 0 || p.shareRatio > 1) problems.push("shareRatio must lie in 0–1");
  if (p.lowMultiplier >= p.highMultiplier) problems.push("lowMultiplier must be below highMultiplier");
  if (!Number.isInteger(p.dipCoreMin) || p.dipCoreMin < 1) problems.push("dipCoreMin must be a whole number ≥ 1");
  if (p.dipScale <= 0) problems.push("dipScale must be positive");
  if (p.dipLow >= p.dipHigh) problems.push("dipLow must be below dipHigh");
  if (p.baseYears && p.baseYears.some((y) => !Number.isInteger(y))) problems.push("baseYears must be whole years");
  if (problems.length) throw new Error(`parameters: ${problems.join("; ")}`);
  return p;
}

/** The parameters as rows (name, value, section) for the `parameters` dataset. */
export function parameterRows(p: Parameters): { name: string; value: string; section: string }[] {
  return (Object.keys(parameterSections) as (keyof Parameters)[])
    .filter((name) => name !== "data")
    .map((name) => ({ name, value: p[name] === null ? "" : Array.isArray(p[name]) ? (p[name] as number[]).join(",") : String(p[name]), section: parameterSections[name] }));
}

/**
 * Makes the parameters visible to SQL as DuckDB variables, so that every dataset's .sql file reads
 * them with getvariable('high_multiplier') and runs as is in the DuckDB CLI after the same SETs.
 */
export async function setParameterVariables(session: Session, p: Parameters): Promise<void> {
  const set = (name: string, value: string) => session.run(`SET VARIABLE ${name} = ${value}`);
  await set("reform_year", p.reformYear === null ? "NULL::INTEGER" : String(p.reformYear));
  await set("trim_k", String(p.trimK));
  await set("min_cases", String(p.minCases));
  await set("max_los", String(p.maxLos));
  await set("min_cost", String(p.minCost));
  await set("rw_edges", `[${p.rwEdges.join(", ")}]::DOUBLE[]`);
  await set("high_multiplier", String(p.highMultiplier));
  await set("low_multiplier", String(p.lowMultiplier));
  await set("readmit_days", String(p.readmitDays));
  await set("readmit_factor", String(p.readmitFactor));
  await set("ungrouped_discount", String(p.ungroupedDiscount));
  await set("share_ratio", String(p.shareRatio));
  await set("base_years", p.baseYears ? `[${p.baseYears.join(", ")}]::INTEGER[]` : "NULL::INTEGER[]");
  await set("scheme", sqlString(p.scheme));
  await set("dip_core_min", String(p.dipCoreMin));
  await set("dip_scale", String(p.dipScale));
  await set("dip_low", String(p.dipLow));
  await set("dip_high", String(p.dipHigh));
  const outpatientReform = p.outpatientReformYear ?? p.reformYear;
  await set("outpatient_reform_year", outpatientReform === null ? "NULL::INTEGER" : String(outpatientReform));
  await set("apg_min_visits", String(p.apgMinVisits));
  await set("apg_min_cost", String(p.apgMinCost));
  for (const [name, period] of [["a", p.comparisonA], ["b", p.comparisonB]] as const) {
    const [from, to] = period ? period.split("..") : [null, null];
    await set(`comparison_${name}_from`, from ? sqlString(from) : "NULL::VARCHAR");
    await set(`comparison_${name}_to`, to ? sqlString(to) : "NULL::VARCHAR");
  }
}
