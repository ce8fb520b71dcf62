// Point method and settlement (metrics.md §6): each case's points (`case_points`) and, per settlement
// year, the fund to distribute and the point value (`settlement_years`). The SQL is in settlement.sql;
// the per-hospital payments are in the `settlement` dataset (loaders/settlement.sql).
import type { Session } from "../db/session.ts";
import { runSqlFile } from "./sql.ts";

/** The pool macros (pool.sql) that DRG, DIP and outpatient settlement share. */
export async function definePoolMacros(session: Session): Promise<void> {
  await runSqlFile(session, new URL("./pool.sql", import.meta.url));
}

export async function buildSettlement(session: Session): Promise<void> {
  await definePoolMacros(session);
  await runSqlFile(session, new URL("./settlement.sql", import.meta.url));
}
