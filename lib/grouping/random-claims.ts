// Random but realistic claims drawn from a scheme's own lists, for checking groupers against each
// other (as the scheme README's "Fidelity" harness does): principal diagnoses from the MDC / ADRG
// lists, the cce table and junk; 0–8 secondaries from the MCC/CC tables, including codes of the
// principal's own exclusion table, and trauma codes; procedures from the lists; newborns with birth
// weights on and around the limits the rules compare with; both sexes, empty and odd values.
// Seeded, so a run can be repeated. Browser-safe.
import type { Session } from "../db/session.ts";
import { forEachCondition, type Scheme } from "./scheme.ts";

export interface RandomClaim {
  readonly claim_id: string;
  readonly principal_dx: string | null;
  readonly secondary_dx: string | null;
  readonly procedures: string | null;
  readonly sex: string | null;
  readonly age: number | null;
  readonly age_days: number | null;
  readonly birth_weight_g: number | null;
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pools {
  readonly dxLists: readonly (readonly string[])[];
  readonly procLists: readonly (readonly string[])[];
  readonly cceKeys: readonly string[];
  readonly complications: readonly string[];
  /** exclusion table → MCC/CC codes of that table (to draw a principal's own excluded codes). */
  readonly byTable: ReadonlyMap<string, readonly string[]>;
  readonly regionCodes: readonly string[];
  /** Values the rules compare each numeric field with (the limits to probe around). */
  readonly limits: ReadonlyMap<string, readonly number[]>;
}

function pools(scheme: Scheme): Pools {
  const dxLists = new Set<ReadonlySet<string>>();
  const procLists = new Set<ReadonlySet<string>>();
  const regionCodes = new Set<string>();
  const limits = new Map<string, Set<number>>();
  forEachCondition(scheme, (c) => {
    if (c.type === "principal_dx_in" || c.type === "any_dx_in") dxLists.add(c.list.codes);
    else if (c.type === "principal_proc_in" || c.type === "any_proc_in") procLists.add(c.list.codes);
    else if (c.type === "min_distinct_regions")
      for (const r of c.regions) for (const code of r.codes) regionCodes.add(code);
    else if (c.type === "cmp") {
      if (!limits.has(c.field)) limits.set(c.field, new Set());
      limits.get(c.field)!.add(c.value);
    }
  });
  const byTable = new Map<string, string[]>();
  for (const table of [scheme.mcc, scheme.cc]) {
    for (const [code, number] of table) {
      if (!byTable.has(number)) byTable.set(number, []);
      byTable.get(number)!.push(code);
    }
  }
  return {
    dxLists: [...dxLists].map((s) => [...s]),
    procLists: [...procLists].map((s) => [...s]),
    cceKeys: [...scheme.cce.keys()],
    complications: [...scheme.mcc.keys(), ...scheme.cc.keys()],
    byTable,
    regionCodes: [...regionCodes],
    limits: new Map([...limits].map(([field, values]) => [field, [...values]])),
  };
}

const JUNK_DX = ["X99.999", "I21", "", " "];
const JUNK_PROC = ["99.9999", "36.06", ""];
const SEXES = ["M", "F", "M", "F", "M", "F", "M", "F", "M", "F", "", null, "男", "女", "9", " F "];

export function randomClaims(scheme: Scheme, count: number, seed = 1): RandomClaim[] {
  const random = seededRandom(seed);
  const p = pools(scheme);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (probability: number) => random() < probability;
  const around = (field: string, fallback: number) => {
    const values = p.limits.get(field) ?? [fallback];
    return Math.max(0, pick(values) + pick([-1, 0, 0, 1, -500, 300]));
  };

  const principal = (): string | null => {
    const r = random();
    if (r < 0.6) return pick(pick(p.dxLists));
    if (r < 0.75) return pick(p.cceKeys);
    if (r < 0.85) return pick(p.complications);
    if (r < 0.9) return pick(p.regionCodes.length ? p.regionCodes : p.cceKeys);
    if (r < 0.99) return pick(JUNK_DX);
    return null;
  };
  const secondary = (main: string | null): string => {
    const r = random();
    const own = main === null ? undefined : p.byTable.get(scheme.cce.get(main) ?? "");
    if (r < 0.3 && own) return pick(own);
    if (r < 0.65) return pick(p.complications);
    if (r < 0.8 && p.regionCodes.length) return pick(p.regionCodes);
    if (r < 0.95) return pick(pick(p.dxLists));
    return main ?? "";
  };
  const largestProcList = p.procLists.reduce((a, b) => (b.length > a.length ? b : a), [] as readonly string[]);
  const procedure = (): string => {
    const r = random();
    if (r < 0.75) return pick(pick(p.procLists));
    if (r < 0.95 && largestProcList.length) return pick(largestProcList);
    return pick(JUNK_PROC);
  };

  const claims: RandomClaim[] = [];
  for (let i = 0; i < count; i++) {
    const main = principal();
    const secondaries = Array.from({ length: int(9) }, () => secondary(main));
    const procedures = chance(0.45) ? [] : Array.from({ length: 1 + int(4) }, procedure);
    const r = random();
    const age = r < 0.25 ? 0 : r < 0.35 ? 1 + int(17) : r < 0.98 ? 18 + int(83) : null;
    const newborn = age === 0 || age === null;
    claims.push({
      claim_id: `C${String(i + 1).padStart(8, "0")}`,
      principal_dx: main,
      secondary_dx: secondaries.length || chance(0.5) ? secondaries.join(chance(0.05) ? "; " : ";") : null,
      procedures: procedures.length ? procedures.join(";") : chance(0.5) ? "" : null,
      sex: pick(SEXES),
      age,
      age_days: chance(0.05) ? null : newborn ? around("age_days", 28) + int(3) * int(60) : age! * 365 + int(365),
      birth_weight_g: chance(0.1) ? null : newborn || chance(0.1) ? around("birth_weight_g", 2500) : null,
    });
  }
  return claims;
}

/** Writes claims into a new table with the claims_inpatient grouping columns and types. */
export async function writeClaimsTable(session: Session, table: string, claims: Iterable<RandomClaim>): Promise<void> {
  await session.run(`CREATE OR REPLACE TABLE ${table} (claim_id VARCHAR, principal_dx VARCHAR, secondary_dx VARCHAR,
    procedures VARCHAR, sex VARCHAR, age INTEGER, age_days INTEGER, birth_weight_g INTEGER)`);
  const appender = await session.connection.createAppender(table);
  const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
  const integer = (v: number | null) => (v === null ? appender.appendNull() : appender.appendInteger(v));
  for (const c of claims) {
    text(c.claim_id);
    text(c.principal_dx);
    text(c.secondary_dx);
    text(c.procedures);
    text(c.sex);
    integer(c.age);
    integer(c.age_days);
    integer(c.birth_weight_g);
    appender.endRow();
  }
  appender.closeSync();
}
