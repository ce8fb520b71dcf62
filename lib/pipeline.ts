// The spine: input tables → validated DuckDB tables → grouped cases → the metric base tables that
// every published dataset selects from. The compute command and the site's loaders both call prepare().
import { basename } from "node:path";
import { sqlString, type Session } from "./db/session.ts";
import { sha256File } from "./io/fingerprint.ts";
import { readInputs, type IngestReport } from "./input/ingest.ts";
import { parameterRows, setParameterVariables, type Parameters } from "./params.ts";
import { buildCases } from "./cases.ts";
import { buildMetrics } from "./metrics/index.ts";

export interface PrepareReport {
  ingest: IngestReport;
}

export async function prepare(session: Session, params: Parameters): Promise<PrepareReport> {
  const ingest = await readInputs(session, params.data);
  await recordInputFiles(session, ingest);
  await setParameterVariables(session, params);
  const rows = parameterRows(params).map((r) => `(${sqlString(r.name)}, ${sqlString(r.value)}, ${sqlString(r.section)})`);
  await session.run(`CREATE OR REPLACE TABLE parameters (name VARCHAR, value VARCHAR, section VARCHAR);
    INSERT INTO parameters VALUES ${rows.join(", ")}`);
  await buildCases(session, params);
  await buildMetrics(session, params);
  return { ingest };
}

/** The input files' fingerprints (rows and a SHA-256 of the bytes), for the methods page. */
async function recordInputFiles(session: Session, ingest: IngestReport): Promise<void> {
  await session.run(`CREATE OR REPLACE TABLE input_files ("table" VARCHAR, file VARCHAR, rows_read BIGINT, sha256 VARCHAR)`);
  for (const t of ingest.tables) {
    await session.run(`INSERT INTO input_files VALUES (${sqlString(t.table)}, ${sqlString(basename(t.file))}, ${t.rowsRead}, ${sqlString(sha256File(t.file))})`);
  }
}
