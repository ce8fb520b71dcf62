// The command-line flags that set parameters (compute, sql): one flag per parameter of lib/params.ts,
// so that `npm run sql` opens the same prepared workspace, with the same variables, as `compute`.
import { parseParameter, type Parameters } from "../lib/params.ts";

export const flagParameters: Record<string, keyof Parameters> = {
  data: "data",
  scheme: "scheme",
  "reform-year": "reformYear",
  "base-years": "baseYears",
  "rw-edges": "rwEdges",
  "trim-k": "trimK",
  "high-multiplier": "highMultiplier",
  "low-multiplier": "lowMultiplier",
  "readmit-days": "readmitDays",
  "readmit-factor": "readmitFactor",
  "share-ratio": "shareRatio",
  "ungrouped-discount": "ungroupedDiscount",
  "compare-a": "comparisonA",
  "compare-b": "comparisonB",
};

/** The parameter a flag sets, parsed; null when the flag is not a parameter. */
export function parameterFlag(flag: string, value: string): Partial<Parameters> | null {
  const key = flagParameters[flag];
  return key ? { [key]: parseParameter(key, value) } : null;
}

/**
 * --memory-limit: how much memory DuckDB may use before it spills to disk (DRG_MEMORY_LIMIT for every
 * session of this process). It changes how fast a run is, never a figure.
 */
export function memoryLimitFlag(value: string): void {
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) throw new Error(`--memory-limit: "${value}" is not a size such as 500MB or 4GB`);
  process.env.DRG_MEMORY_LIMIT = value;
}
