// Monitoring signals and control limits (intelligent audit, metrics.md §10). The SQL: signal_values.sql
// (each signal per hospital and year), signal_peers.sql (against the peers, flags), signal_cases.sql (the
// claims behind each flag) and control.sql (per hospital and month against its trailing 12 months). The
// datasets: signals, signal_cases (claim-level, never published), control_month.
import type { Session } from "../db/session.ts";
import type { Parameters } from "../params.ts";
import { loadScheme } from "../grouping/load.ts";
import { runSqlFile } from "./sql.ts";
import { createEmptyInputTable } from "../input/empty.ts";

export async function buildSignals(session: Session, params: Parameters): Promise<void> {
  await complicationTables(session, params);
  await ensureClaimTables(session);
  for (const file of ["./signal_values.sql", "./signal_peers.sql", "./signal_cases.sql", "./control.sql"]) {
    await runSqlFile(session, new URL(file, import.meta.url));
  }
}

/** The scheme's CC/MCC codes with their exclusion table, and each principal's exclusion table, to name
 * the code that gives a stay its severity (signal_cases). */
async function complicationTables(session: Session, params: Parameters): Promise<void> {
  const scheme = loadScheme(params.scheme);
  await session.run(`CREATE OR REPLACE TABLE signal_complications (code VARCHAR, kind VARCHAR, tab VARCHAR);
    CREATE OR REPLACE TABLE signal_cce (code VARCHAR, tab VARCHAR)`);
  // through the appender: tens of thousands of rows, which as INSERT text took longer to parse than to store
  const insert = async (table: string, rows: string[][]) => {
    const appender = await session.connection.createAppender(table);
    for (const row of rows) {
      for (const value of row) appender.appendVarchar(value);
      appender.endRow();
    }
    appender.closeSync();
  };
  await insert("signal_complications", [
    ...[...scheme.mcc].map(([code, tab]) => [code, "mcc", tab]),
    ...[...scheme.cc].map(([code, tab]) => [code, "cc", tab]),
  ]);
  await insert("signal_cce", [...scheme.cce].map(([code, tab]) => [code, tab]));
}

/** The claim tables the signals read beyond `cases` (always there after ingest; absent in metric fixtures). */
async function ensureClaimTables(session: Session): Promise<void> {
  await createEmptyInputTable(session, "claims_inpatient");
  await createEmptyInputTable(session, "claims_outpatient");
}
