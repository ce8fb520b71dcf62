// Monitoring signals and control limits (intelligent audit, metrics.md §10). The SQL is in signals.sql
// (per hospital and year against peers, and the claims behind each flag) and control.sql (per hospital
// and month against its trailing 12 months); the datasets are signals, signal_cases, control_month.
import type { Session } from "../db/session.ts";
import type { Parameters } from "../params.ts";
import { loadScheme } from "../grouping/load.ts";
import { runSqlFile } from "./sql.ts";

export async function buildSignals(session: Session, params: Parameters): Promise<void> {
  await complicationTables(session, params);
  await runSqlFile(session, new URL("./signals.sql", import.meta.url));
  await runSqlFile(session, new URL("./control.sql", import.meta.url));
}

/** The scheme's CC/MCC codes with their exclusion table, and each principal's exclusion table, to name
 * the code that gives a stay its severity (signal_cases). */
async function complicationTables(session: Session, params: Parameters): Promise<void> {
  const scheme = loadScheme(params.scheme);
  await session.run(`CREATE OR REPLACE TABLE signal_complications (code VARCHAR, kind VARCHAR, tab VARCHAR);
    CREATE OR REPLACE TABLE signal_cce (code VARCHAR, tab VARCHAR)`);
  const insert = async (table: string, rows: string[][]) => {
    const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      if (chunk.length) await session.run(`INSERT INTO ${table} VALUES ${chunk.map((r) => `(${r.map(quote).join(", ")})`).join(", ")}`);
    }
  };
  await insert("signal_complications", [
    ...[...scheme.mcc].map(([code, tab]) => [code, "mcc", tab]),
    ...[...scheme.cc].map(([code, tab]) => [code, "cc", tab]),
  ]);
  await insert("signal_cce", [...scheme.cce].map(([code, tab]) => [code, tab]));
}
