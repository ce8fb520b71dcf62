// The CHS-DRG rules as the generator reads them: code lists to draw from, and a walk to the ADRG a
// drawn case reaches (data/schemes/chs-drg-1.1/README.md, "The grouping walk"). The walk only vets the
// code pools so that a drawn case lands in the ADRG it was drawn for; the severity digit is decided in
// SQL (grouping.ts), and the sample is grouped for reports by the project's own grouper (lib/grouping).
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface RawCondition {
  type: string;
  codes?: string[];
  set?: string;
  of?: RawCondition | RawCondition[];
  field?: string;
  op?: string;
  value?: number | string;
  regions?: { name: string; codes: string[] }[];
  min?: number;
}

export interface RawAdrg {
  adrg: string;
  condition: RawCondition;
  drg_splits: { drg: string; predicate: RawCondition }[];
  no_split_result: string;
}

export interface RawMdc {
  mdc: string;
  condition: RawCondition;
  adrg_order: string[];
  qy: { code: string; enabled: boolean; condition: RawCondition };
  adrgs: RawAdrg[];
}

export interface Rules {
  mdc_order: string[];
  mdcs: RawMdc[];
  sets: Record<string, string[]>;
  cc: Record<string, string>;
  mcc: Record<string, string>;
  cce: Record<string, string>;
  drg_names: Record<string, string>;
}

export function readRules(schemeDir: string): Rules {
  const path = join(schemeDir, "rules.json");
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Rules;
  } catch (error) {
    throw new Error(`${path}: cannot read the DRG rules (${(error as Error).message}); the generator needs data/schemes/chs-drg-1.1`);
  }
}

/** The fields of a case the rules read (README "Record fields"). */
export interface Probe {
  dx: string[];
  proc: string[];
  sex: "1" | "2";
  age_years: number;
  age_days: number;
  birth_weight_g: number;
}

/** A code list of a condition, as a Set (cached per condition object). */
export class CodeLists {
  private cache = new WeakMap<RawCondition, Set<string>>();
  private named = new Map<string, Set<string>>();
  constructor(private rules: Rules) {}

  of(condition: RawCondition): Set<string> {
    let set = this.cache.get(condition);
    if (!set) {
      if (condition.set) {
        set = this.named.get(condition.set);
        if (!set) {
          const codes = this.rules.sets[condition.set];
          if (!codes) throw new Error(`rules.json: unknown set "${condition.set}"`);
          set = new Set(codes);
          this.named.set(condition.set, set);
        }
      } else set = new Set(condition.codes ?? []);
      this.cache.set(condition, set);
    }
    return set;
  }

  /** The codes of a list condition in file order (for drawing). */
  codes(condition: RawCondition): string[] {
    return condition.set ? this.rules.sets[condition.set] : (condition.codes ?? []);
  }
}

function field(probe: Probe, name: string): number {
  switch (name) {
    case "age_years":
      return probe.age_years;
    case "age_days":
      return probe.age_days;
    case "birth_weight_g":
      return probe.birth_weight_g;
    case "dx_count":
      return probe.dx.length;
    case "proc_count":
      return probe.proc.length;
    default:
      throw new Error(`rules.json: cmp on unknown field "${name}"`);
  }
}

/** Whether a condition holds for a case. has_mcc / has_cc are not needed by the walk to an ADRG. */
export function holds(condition: RawCondition, probe: Probe, lists: CodeLists): boolean {
  const parts = () => (Array.isArray(condition.of) ? condition.of : [condition.of!]);
  switch (condition.type) {
    case "always":
      return true;
    case "never":
      return false;
    case "all":
      return parts().every((c) => holds(c, probe, lists));
    case "any":
      return parts().some((c) => holds(c, probe, lists));
    case "not":
      return !holds(condition.of as RawCondition, probe, lists);
    case "principal_dx_in":
      return probe.dx.length > 0 && lists.of(condition).has(probe.dx[0]);
    case "any_dx_in":
      return probe.dx.some((d) => lists.of(condition).has(d));
    case "principal_proc_in":
      return probe.proc.length > 0 && lists.of(condition).has(probe.proc[0]);
    case "any_proc_in":
      return probe.proc.some((p) => lists.of(condition).has(p));
    case "cmp": {
      const x = field(probe, condition.field!);
      const v = Number(condition.value);
      switch (condition.op) {
        case "==":
          return x === v;
        case "!=":
          return x !== v;
        case "<":
          return x < v;
        case "<=":
          return x <= v;
        case ">":
          return x > v;
        case ">=":
          return x >= v;
      }
      throw new Error(`rules.json: unknown cmp op "${condition.op}"`);
    }
    case "eq":
      return condition.field === "sex" ? probe.sex === String(condition.value) : false;
    case "nonempty":
      return true;
    case "min_distinct_regions": {
      const hit = new Set<string>();
      for (const region of condition.regions ?? []) {
        if (probe.dx.some((d) => region.codes.includes(d))) hit.add(region.name);
      }
      return hit.size >= (condition.min ?? 0);
    }
    default:
      throw new Error(`rules.json: condition type "${condition.type}" is not expected in an ADRG or MDC condition`);
  }
}

/** The ADRG the walk reaches (README "The grouping walk", steps 2–5), or null for 0000. */
export function walkToAdrg(probe: Probe, rules: Rules, lists: CodeLists): string | null {
  const byMdc = new Map(rules.mdcs.map((m) => [m.mdc, m]));
  for (const letter of rules.mdc_order) {
    const mdc = byMdc.get(letter)!;
    if (!holds(mdc.condition, probe, lists)) continue;
    for (const code of mdc.adrg_order) {
      if (code === mdc.qy.code) {
        if (mdc.qy.enabled && holds(mdc.qy.condition, probe, lists)) return code;
        continue;
      }
      const adrg = mdc.adrgs.find((a) => a.adrg === code)!;
      if (holds(adrg.condition, probe, lists)) return adrg.adrg;
    }
  }
  return null;
}

/** How an ADRG splits by severity: the DRG for an MCC, for a CC (or MCC), and otherwise. */
export interface SeveritySplit {
  adrg: string;
  mcc: string | null;
  cc: string | null;
  otherwise: string;
}

export function severitySplits(rules: Rules): SeveritySplit[] {
  const out: SeveritySplit[] = [];
  for (const mdc of rules.mdcs) {
    for (const a of mdc.adrgs) {
      const split: SeveritySplit = { adrg: a.adrg, mcc: null, cc: null, otherwise: a.no_split_result };
      let stage = 0; // predicates must come in the order has_mcc, any(has_mcc, has_cc), always
      for (const s of a.drg_splits) {
        const p = s.predicate;
        const kind =
          p.type === "has_mcc"
            ? 1
            : p.type === "any" && (p.of as RawCondition[]).map((c) => c.type).sort().join() === "has_cc,has_mcc"
              ? 2
              : p.type === "always"
                ? 3
                : 0;
        if (kind === 0 || kind <= stage) throw new Error(`rules.json: ADRG ${a.adrg} has a split the generator does not expect`);
        stage = kind;
        if (kind === 1) split.mcc = s.drg;
        else if (kind === 2) split.cc = s.drg;
        else split.otherwise = s.drg;
        if (kind === 3) break;
      }
      out.push(split);
    }
  }
  return out;
}
