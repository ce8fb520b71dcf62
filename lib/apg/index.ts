// Outpatient payment (metrics.md §8): APG-like groups, their weights and points, per-capita packages
// for signed persons and the point settlement of the unsigned pool. Built once per prepared session
// from claims_outpatient, procedure_classes (§7), policy, insured and apg_weights; the apg_* datasets
// select from the tables below.
//   visit_class.sql apg_top_procedure, apg_visit_class (view): the row-local part, each visit on its own
//   grouping.sql    apg_base_year_weights, apg_keys, apg_candidates, apg_key_groups, apg_visits (view)
//   weights.sql     apg_base (m), apg_groups, apg_visit_points (view)
//   capitation.sql  apg_persons (view), apg_quotas, apg_visit_settlement (view), apg_visit_totals, apg_capitation
//   settlement.sql  apg_pool_years, apg_hospital_years, apg_region_years
import type { Session } from "../db/session.ts";
import { createEmptyInputTable } from "../input/empty.ts";
import { runSqlFile } from "../metrics/sql.ts";
import { chapterSql } from "./chapters.ts";

/** The chapter macros the SQL files call (stored in the workspace, so the files run as is in the CLI). */
export function chapterMacrosSql(): string {
  return `CREATE OR REPLACE MACRO icd10_chapter(c) AS ${chapterSql("icd10", "c")};
CREATE OR REPLACE MACRO icd9cm3_chapter(c) AS ${chapterSql("icd9cm3", "c")};`;
}

export const apgStages = ["visit_class", "grouping", "weights", "capitation", "settlement"] as const;

/** The optional inputs §8 reads, as empty tables of the contract's columns where a session lacks them. */
async function ensureInputs(session: Session): Promise<void> {
  for (const name of ["claims_outpatient", "insured", "apg_weights", "policy"] as const) await createEmptyInputTable(session, name);
}

/** Builds every APG table; `procedure_classes` must exist (lib/grouping/procedure-classes.ts). */
export async function buildApg(session: Session, log: (stage: string, ms: number) => void = () => {}): Promise<void> {
  await ensureInputs(session);
  await session.run(chapterMacrosSql());
  await runSqlFile(session, new URL("../metrics/base_years.sql", import.meta.url));
  for (const stage of apgStages) {
    const started = performance.now();
    await runSqlFile(session, new URL(`./${stage}.sql`, import.meta.url));
    log(stage, performance.now() - started);
  }
}
