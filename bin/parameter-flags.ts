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
