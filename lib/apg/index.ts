// Outpatient payment (metrics.md §8): APG-like groups, their weights and points, per-capita packages
// for signed persons and the point settlement of the unsigned pool. Built once per prepared session
// from claims_outpatient, procedure_classes (§7), policy, insured and apg_weights; the apg_* datasets
// select from the tables below.
//   visit_class.sql apg_top_procedure, apg_visit_class (view): the row-local part, each visit on its own
//   grouping.sql    apg_base_year_weights, apg_keys, apg_candidates, apg_key_groups, apg_visits (view)
//   base_costs.sql  apg_group_years_in(year), apg_group_years (filled one base year at a time here)
//   weights.sql     apg_base (m), apg_groups, apg_visit_points (view)
//   persons.sql     apg_persons_in(first, last), apg_persons (view), apg_person_years (filled one year at a time here)
//   signing.sql     apg_quotas, apg_signed, apg_visit_settlement (view), apg_visit_cells (filled one year at a time here)
//   capitation.sql  apg_visit_totals, apg_capitation
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

export const apgStages = ["visit_class", "grouping", "base_costs", "weights", "persons", "signing", "capitation", "settlement"] as const;

/**
 * The tables a stage leaves empty, filled here one year at a time: a region's five years of visits do
 * not fit in memory at once in these aggregates, one year's do (the .sql files say why).
 */
export const yearByYear: Partial<Record<(typeof apgStages)[number], { years: string; fill: (year: number) => string }>> = {
  base_costs: {
    years: "SELECT year FROM apg_base_year_weights ORDER BY year",
    fill: (year) => `INSERT INTO apg_group_years FROM apg_group_years_in(${year})`,
  },
  persons: {
    years: "SELECT year FROM apg_person_year_list ORDER BY year",
    fill: (year) => `INSERT INTO apg_person_years FROM apg_persons_in(${year}, ${year})`,
  },
  signing: {
    years: "SELECT year FROM apg_claim_years ORDER BY year",
    fill: (year) => `INSERT INTO apg_visit_cells FROM apg_visit_cells_in(${year})`,
  },
};

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
    const each = yearByYear[stage];
    if (each) {
      for (const { year } of await session.all<{ year: number }>(each.years)) await session.run(each.fill(Number(year)));
    }
    log(stage, performance.now() - started);
  }
}
