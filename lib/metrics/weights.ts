// Relative weights (metrics.md §2): the weight table every metric uses (`drg_weights`), the overall mean
// m of the base period (`weight_base`, also needed by the point method, §6), the base years with their
// year weights (`weight_base_years`), and the low-risk groups of §3 (`drg_risk`). The SQL is in weights.sql.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { sqlString, type Session } from "../db/session.ts";
import type { Parameters } from "../params.ts";
import { runSqlFile } from "./sql.ts";

export async function buildRelativeWeights(session: Session, params: Parameters): Promise<void> {
  if (params.baseYears && new Set(params.baseYears).size > 3) {
    throw new Error(`parameter baseYears: at most three base years (metrics.md §2 weighs them 2:3:5); got ${params.baseYears.join(",")}`);
  }
  await runSqlFile(session, new URL("./base_years.sql", import.meta.url));
  await runSqlFile(session, new URL("./weights.sql", import.meta.url));
  if (params.baseYears) {
    const kept = Number(await session.value("SELECT coalesce(kept_cases, 0) FROM weight_base"));
    const grouped = Number(await session.value("SELECT count(*) FROM cases WHERE grouped AND NOT excluded"));
    if (kept === 0 && grouped > 0) {
      throw new Error(`parameter baseYears: no grouped case was discharged in ${params.baseYears.join(", ")}; choose years that have claims`);
    }
  }
  await buildGroupNames(session, params.scheme);
}

/** Group names: the weight table's where it gives them, else the grouping scheme's groups.csv. */
async function buildGroupNames(session: Session, scheme: string): Promise<void> {
  const file = join(scheme, "groups.csv");
  const fromScheme = existsSync(file)
    ? `SELECT drg_code, drg_name AS name FROM read_csv(${sqlString(file)}, header = true, auto_detect = false,
         columns = {'drg_code': 'VARCHAR', 'drg_name': 'VARCHAR'})`
    : "SELECT NULL::VARCHAR AS drg_code, NULL::VARCHAR AS name LIMIT 0";
  await session.run(`CREATE OR REPLACE TABLE drg_names AS
    WITH scheme AS (${fromScheme}),
    given AS (SELECT drg_code, name FROM weights WHERE name IS NOT NULL)
    SELECT drg_code, coalesce(g.name, s.name) AS name
    FROM scheme AS s FULL JOIN given AS g USING (drg_code)
    ORDER BY drg_code`);
}
