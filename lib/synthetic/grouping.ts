// Inpatient stage 2: the group each drawn case lands in, which decides its expected cost.
//
// Two paths. "project": the project's own grouper (lib/grouping/bulk.ts, groupClaimsInDuckDB) groups
// the drawn codes, so costs follow the very groups the reports will find. "intended": the ADRG the case
// was drawn for (its template was checked to reach it) with the severity digit from the README's
// rule: a secondary diagnosis counts as MCC (CC) when it is in the mcc (cc) table and the principal
// has no exclusion table or a different one (cce); the ADRG's first split that holds gives the DRG.
// "auto" takes the project's grouper when it loads and works, else the intended groups.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Session } from "../db/session.ts";

export type GroupingPath = "project" | "intended";

/**
 * Intended groups of a table with columns (id, aid, principal_dx, secondary VARCHAR[], ungroupable):
 * writes target(id, drg_code, has_mcc, has_cc).
 */
export async function intendedGroups(session: Session, source: string, target: string): Promise<void> {
  await session.run(`
CREATE OR REPLACE TABLE ${target} AS
WITH secondary AS (
  SELECT s.id, s.principal_dx, unnest(s.secondary) AS code FROM ${source} s WHERE len(s.secondary) > 0
),
severity AS (
  SELECT x.id,
    bool_or(m.tab IS NOT NULL AND (e.tab IS NULL OR e.tab <> m.tab)) AS has_mcc,
    bool_or(c.tab IS NOT NULL AND (e.tab IS NULL OR e.tab <> c.tab)) AS has_cc
  FROM secondary x
  LEFT JOIN mcc_map m ON m.code = x.code
  LEFT JOIN cc_map c ON c.code = x.code
  LEFT JOIN cce_map e ON e.code = x.principal_dx
  GROUP BY x.id
)
SELECT s.id,
  CASE WHEN s.ungroupable THEN '0000'
       WHEN coalesce(v.has_mcc, false) AND a.split_mcc IS NOT NULL THEN a.split_mcc
       WHEN (coalesce(v.has_mcc, false) OR coalesce(v.has_cc, false)) AND a.split_cc IS NOT NULL THEN a.split_cc
       ELSE a.split_other END AS drg_code,
  coalesce(v.has_mcc, false) AS has_mcc,
  coalesce(v.has_cc, false) AS has_cc
FROM ${source} s JOIN adrg_info a USING (aid) LEFT JOIN severity v USING (id)
`);
}

interface ProjectGrouper {
  groupClaimsInDuckDB: (session: Session, scheme: unknown, options: { source: string; target: string }) => Promise<unknown>;
  loadScheme: (dir: string) => unknown | Promise<unknown>;
}

/** The project's grouper, when lib/grouping provides it; null otherwise (with the reason). */
export async function loadProjectGrouper(root: string): Promise<{ grouper: ProjectGrouper | null; reason: string }> {
  const bulk = join(root, "lib/grouping/bulk.ts");
  const load = join(root, "lib/grouping/load.ts");
  if (!existsSync(bulk) || !existsSync(load)) return { grouper: null, reason: "lib/grouping/bulk.ts or load.ts does not exist yet" };
  try {
    const b = await import(bulk);
    const l = await import(load);
    if (typeof b.groupClaimsInDuckDB !== "function") return { grouper: null, reason: "bulk.ts does not export groupClaimsInDuckDB" };
    if (typeof l.loadScheme !== "function") return { grouper: null, reason: "load.ts does not export loadScheme" };
    return { grouper: { groupClaimsInDuckDB: b.groupClaimsInDuckDB, loadScheme: l.loadScheme }, reason: "" };
  } catch (error) {
    return { grouper: null, reason: `lib/grouping failed to load: ${(error as Error).message}` };
  }
}

/**
 * Groups with the project's grouper: a view of the drawn cases in the input contract's shape
 * (claim_id, sex M/F, age, age_days, birth_weight_g, principal_dx, secondary_dx and procedures as
 * ';' lists) goes in; target(id, drg_code) comes out.
 */
export async function projectGroups(
  session: Session,
  grouper: ProjectGrouper,
  schemeDir: string,
  source: string,
  target: string,
): Promise<void> {
  await session.run(`
CREATE OR REPLACE TABLE grouper_input AS
SELECT id::VARCHAR AS claim_id, sex, age, age_days, birth_weight_g, principal_dx,
  NULLIF(array_to_string(secondary, ';'), '') AS secondary_dx, NULLIF(procedures, '') AS procedures
FROM ${source}
`);
  const scheme = await grouper.loadScheme(schemeDir);
  await grouper.groupClaimsInDuckDB(session, scheme, { source: "grouper_input", target: "grouper_output" });
  await session.run(`
CREATE OR REPLACE TABLE ${target} AS
SELECT s.id, g.drg_code FROM ${source} s JOIN grouper_output g ON g.claim_id = s.id::VARCHAR
`);
  const missing = await session.value<string>(`SELECT (SELECT count(*) FROM ${source}) - (SELECT count(*) FROM ${target})`);
  if (Number(missing) !== 0) throw new Error(`the project's grouper returned no group for ${missing} cases`);
}
