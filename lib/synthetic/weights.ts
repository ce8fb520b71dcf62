// The relative weight behind each group's expected cost: Harbin 2024 local CHS-DRG weights
// (data/weights/harbin-drg-2024.csv), filled in for the CHS-DRG 1.1 codes Harbin does not list.
//
// Harbin's local version names only 430 of the 628 CHS-DRG 1.1 groups. A missing code takes the mean
// rw of the Harbin codes of its ADRG (same first three characters), scaled by its severity digit
// relative to theirs (1 MCC 1.35, 3 CC 1.1, 5 none 0.9, 9 unsplit 1), so that 1 > 3 > 5 still holds
// inside an ADRG Harbin does not split the same way. An ADRG Harbin lacks entirely (7 of 376) takes the
// mean ADRG weight of its MDC and class (surgery / procedure / medical), then of its class.
import { readFileSync } from "node:fs";
import { adrgClass } from "./codes.ts";
import type { SeveritySplit } from "./rules.ts";

const severityFactor: Record<string, number> = { "1": 1.35, "3": 1.1, "5": 0.9, "9": 1 };

export function readHarbinWeights(path: string): Map<string, number> {
  const text = readFileSync(path, "utf8");
  const out = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  if (!/^drg_code,rw/.test(lines[0] ?? "")) throw new Error(`${path}: expected a header drg_code,rw,name`);
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const [code, rw] = line.split(",");
    const value = Number(rw);
    if (!code || !(value > 0)) throw new Error(`${path}: bad row "${line}"`);
    out.set(code, value);
  }
  return out;
}

export interface GroupWeight {
  drg_code: string;
  adrg: string;
  rw: number;
  /** Where rw came from: the Harbin code itself, its ADRG's other splits, or its MDC/class. */
  source: "harbin" | "adrg" | "mdc";
}

/** A weight for every group code of the scheme (each ADRG's severity splits). */
export function groupWeights(splits: SeveritySplit[], harbin: Map<string, number>): GroupWeight[] {
  const byAdrg = new Map<string, [string, number][]>();
  for (const [code, rw] of harbin) {
    const adrg = code.slice(0, 3);
    if (!byAdrg.has(adrg)) byAdrg.set(adrg, []);
    byAdrg.get(adrg)!.push([code, rw]);
  }
  const adrgMean = (adrg: string) => {
    const known = byAdrg.get(adrg);
    if (!known) return null;
    return known.reduce((s, [, rw]) => s + rw, 0) / known.length;
  };
  // Means per MDC+class and per class, over the ADRGs Harbin has.
  const pools = new Map<string, number[]>();
  for (const s of splits) {
    const mean = adrgMean(s.adrg);
    if (mean === null) continue;
    for (const key of [s.adrg[0] + adrgClass(s.adrg), adrgClass(s.adrg)]) {
      if (!pools.has(key)) pools.set(key, []);
      pools.get(key)!.push(mean);
    }
  }
  const poolMean = (key: string) => {
    const values = pools.get(key);
    return values && values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  const out: GroupWeight[] = [];
  for (const s of splits) {
    const codes = [s.mcc, s.cc, s.otherwise].filter((c): c is string => c !== null);
    const known = byAdrg.get(s.adrg);
    for (const code of codes) {
      const own = harbin.get(code);
      if (own !== undefined) {
        out.push({ drg_code: code, adrg: s.adrg, rw: own, source: "harbin" });
      } else if (known) {
        const meanFactor = known.reduce((sum, [c]) => sum + (severityFactor[c[3]] ?? 1), 0) / known.length;
        const rw = (adrgMean(s.adrg)! * (severityFactor[code[3]] ?? 1)) / meanFactor;
        out.push({ drg_code: code, adrg: s.adrg, rw, source: "adrg" });
      } else {
        const base = poolMean(s.adrg[0] + adrgClass(s.adrg)) ?? poolMean(adrgClass(s.adrg)) ?? 1;
        out.push({ drg_code: code, adrg: s.adrg, rw: base * (severityFactor[code[3]] ?? 1), source: "mdc" });
      }
    }
  }
  return out;
}

/** An ADRG's typical weight: the mean over its groups (for case mix and for ungroupable cases' cost). */
export function adrgWeights(weights: GroupWeight[]): Map<string, number> {
  const sums = new Map<string, [number, number]>();
  for (const w of weights) {
    const [s, n] = sums.get(w.adrg) ?? [0, 0];
    sums.set(w.adrg, [s + w.rw, n + 1]);
  }
  return new Map([...sums].map(([adrg, [s, n]]) => [adrg, s / n]));
}
