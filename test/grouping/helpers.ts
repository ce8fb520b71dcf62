// Shared by the grouping tests: the two shipped schemes (parsed once per test file) and a way to
// group the same claims through both engines, the single-case one and the bulk SQL one.
import { fileURLToPath } from "node:url";
import { openSession, sqlString, type Session } from "../../lib/db/session.ts";
import { groupClaimsInDuckDB } from "../../lib/grouping/bulk.ts";
import { groupCase, type GroupOutcome } from "../../lib/grouping/engine.ts";
import { loadScheme } from "../../lib/grouping/load.ts";
import { toGrouperRecord, type ClaimForGrouping } from "../../lib/grouping/record.ts";
import type { GroupResult } from "../../lib/grouping/result.ts";
import type { Scheme } from "../../lib/grouping/scheme.ts";

const schemeDir = (name: string) => fileURLToPath(new URL(`../../data/schemes/${name}`, import.meta.url));

let chsScheme: Scheme | undefined;
let zhejiangScheme: Scheme | undefined;
export const chs = (): Scheme => (chsScheme ??= loadScheme(schemeDir("chs-drg-1.1")));
export const zhejiang = (): Scheme => (zhejiangScheme ??= loadScheme(schemeDir("zhejiang-drg-2022")));

/** A claim in the project's input columns; numbers may be given as text to probe "Numbers in text". */
export interface Claim extends ClaimForGrouping {
  readonly claim_id: string;
}

const COLUMNS = [
  "claim_id",
  "principal_dx",
  "secondary_dx",
  "procedures",
  "sex",
  "age",
  "age_days",
  "birth_weight_g",
] as const;

/** Claims as a table of VARCHAR columns (so odd text reaches the bulk grouper as it is). */
export async function writeTextClaims(session: Session, table: string, claims: readonly Claim[]): Promise<void> {
  const cell = (v: unknown) => (v === null || v === undefined ? "NULL" : sqlString(String(v)));
  const rows = claims.map((c) => `(${COLUMNS.map((k) => cell(c[k])).join(", ")})`);
  await session.run(`CREATE OR REPLACE TABLE ${table} (${COLUMNS.map((c) => `${c} VARCHAR`).join(", ")})`);
  if (rows.length) await session.run(`INSERT INTO ${table} VALUES ${rows.join(",\n")}`);
}

export type BulkRow = { claim_id: string; drg_code: string; mdc: string; adrg: string; status: string };

/** Bulk results of a grouped table, by claim_id. */
export async function bulkResults(session: Session, target = "grouped"): Promise<Map<string, GroupResult>> {
  const rows = await session.all<BulkRow>(`SELECT * FROM ${target}`);
  return new Map(rows.map((r) => [r.claim_id, { drg: r.drg_code, mdc: r.mdc, adrg: r.adrg, status: r.status }]));
}

/** The same claims grouped case by case and in bulk. */
export async function groupBothWays(
  scheme: Scheme,
  claims: readonly Claim[],
): Promise<{ single: Map<string, GroupOutcome>; bulk: Map<string, GroupResult> }> {
  const single = new Map(claims.map((c) => [c.claim_id, groupCase(scheme, toGrouperRecord(c))]));
  const session = await openSession();
  try {
    await writeTextClaims(session, "claims_inpatient", claims);
    await groupClaimsInDuckDB(session, scheme);
    return { single, bulk: await bulkResults(session) };
  } finally {
    session.close();
  }
}

/** drg / mdc / adrg / status only (no trace), for comparing the two engines. */
export const resultOf = ({ drg, mdc, adrg, status }: GroupResult): GroupResult => ({ drg, mdc, adrg, status });
