// The spine: input tables → validated DuckDB tables → grouped cases → the metric base tables that
// every published dataset selects from. The compute command and the site's loaders both call prepare().
import { sqlString, type Session } from "./db/session.ts";
import { sha256File } from "./io/fingerprint.ts";
import { readInputs, type IngestReport } from "./input/ingest.ts";
import { parameterRows, setParameterVariables, type Parameters } from "./params.ts";
import { buildCases, groupingStep } from "./cases.ts";
import type { PartStore } from "./input/parts.ts";
import { buildMetrics } from "./metrics/index.ts";
import { silent, type Progress } from "./io/progress.ts";

export interface PrepareReport {
  ingest: IngestReport;
}

/** `parts`: where each claims file's checked and grouped rows are kept between runs (lib/input/parts.ts). */
export async function prepare(session: Session, params: Parameters, log: Progress = silent, parts?: PartStore): Promise<PrepareReport> {
  const ingest = await readInputs(session, params.data, { log, parts, rowSteps: [groupingStep(params)] });
  await log.stage("fingerprint input files", () => recordInputFiles(session));
  await setParameterVariables(session, params);
  const rows = parameterRows(params).map((r) => `(${sqlString(r.name)}, ${sqlString(r.value)}, ${sqlString(r.section)})`);
  await session.run(`CREATE OR REPLACE TABLE parameters (name VARCHAR, value VARCHAR, section VARCHAR);
    INSERT INTO parameters VALUES ${rows.join(", ")}`);
  const inpatient = () => session.value<string>("SELECT count(*) FROM claims_inpatient").then(Number);
  await log.stage("cases from the grouped claims", () => buildCases(session, params), inpatient);
  await buildMetrics(session, params, log);
  return { ingest };
}

/** The input files' fingerprints (rows and a SHA-256 of the bytes), for the methods page. */
async function recordInputFiles(session: Session): Promise<void> {
  const files = await session.all<{ table: string; file: string; path: string; rows_read: string }>(
    `SELECT "table", file, path, rows_read FROM input_file_rows ORDER BY "table", file`,
  );
  await session.run(`CREATE OR REPLACE TABLE input_files ("table" VARCHAR, file VARCHAR, rows_read BIGINT, sha256 VARCHAR)`);
  for (const f of files) {
    await session.run(`INSERT INTO input_files VALUES (${sqlString(f.table)}, ${sqlString(f.file)}, ${f.rows_read}, ${sqlString(sha256File(f.path))})`);
  }
}
