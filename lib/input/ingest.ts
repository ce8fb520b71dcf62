// Reading a bureau's input tables into DuckDB: raw rows (all text, with their line), the contract's
// checks in bulk, typed tables of the accepted rows, and `rejected` / `quality` / `input_warnings`.
// Counts always reconcile: rows read = rows accepted + rows rejected (input-data.md, "Bad input").
import { sqlIdent, sqlString, type Session } from "../db/session.ts";
import { checkedRowsSql, typedName } from "./checks.ts";
import { inputTables, type TableSpec } from "./contract.ts";
import { InputError } from "./errors.ts";
import { findInputFiles, readCsvHeader, type InputFile } from "./files.ts";
import { dictionaryWarningsSql, loadDictionaries } from "./dictionaries.ts";

export interface TableReport {
  table: string;
  file: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

export interface IngestReport {
  dataDir: string;
  tables: TableReport[];
}

/**
 * Reads every input table of `dataDir` into `session`. Afterwards each given table exists under
 * its contract name with typed columns (every contract column, NULL where the file lacks it),
 * holding the accepted rows in file order; `rejected`, `quality` and `input_warnings` describe the rest.
 */
export async function readInputs(session: Session, dataDir: string): Promise<IngestReport> {
  const files = findInputFiles(dataDir);
  await session.run(`CREATE OR REPLACE TABLE rejected (
    "table" VARCHAR, line BIGINT, claim_id VARCHAR, record_id VARCHAR, reason VARCHAR)`);
  await session.run(`CREATE OR REPLACE TABLE quality (
    "table" VARCHAR, file VARCHAR, rows_read BIGINT, rows_accepted BIGINT, rows_rejected BIGINT)`);
  const tables: TableReport[] = [];
  for (const file of files) tables.push(await readTable(session, file));
  for (const spec of ["weights", "policy", "claims_outpatient", "insured", "apg_weights"] as const) {
    if (!files.some((f) => f.spec.name === spec)) await createEmptyTable(session, spec);
  }
  await loadDictionaries(session);
  await session.run(`CREATE OR REPLACE TABLE input_warnings AS ${dictionaryWarningsSql(files.map((f) => f.spec))}`);
  return { dataDir, tables };
}

async function readTable(session: Session, file: InputFile): Promise<TableReport> {
  const { spec } = file;
  const raw = `raw_${spec.name}`;
  const columns = file.format === "csv" ? await readCsvRaw(session, file, raw) : await readParquetRaw(session, file, raw);
  const malformed = file.format === "csv" ? await malformedCsvRows(session, spec) : 0;
  const read = Number(await session.value(`SELECT count(*) FROM ${raw}`)) + malformed;
  if (read === 0) throw new InputError(file.path, "has no rows: the file holds a header only, or nothing");

  // Rows keep file order throughout: preserve_insertion_order holds, so no sort is needed.
  await session.run(`CREATE OR REPLACE TEMP TABLE checked_${spec.name} AS ${checkedRowsSql(spec, raw, columns)}`);
  await session.run(`DROP TABLE ${raw}`);
  const id = columns.has(spec.idColumn) ? typedName(spec.idColumn) : "NULL";
  const isClaims = spec.name.startsWith("claims_");
  await session.run(`INSERT INTO rejected
    SELECT ${sqlString(spec.name)}, _line, ${isClaims ? id : "NULL"}, ${id}, _reason
    FROM checked_${spec.name} WHERE _reason IS NOT NULL ORDER BY _line`);
  const typed = spec.columns.map((c) => `${columns.has(c.name) ? typedName(c.name) : nullOf(c.type)} AS ${sqlIdent(c.name)}`);
  await session.run(`CREATE OR REPLACE TABLE ${spec.name} AS
    SELECT ${typed.join(", ")} FROM checked_${spec.name} WHERE _reason IS NULL`);
  await session.run(`DROP TABLE checked_${spec.name}`);

  const accepted = Number(await session.value(`SELECT count(*) FROM ${spec.name}`));
  const report = { table: spec.name, file: file.path, rowsRead: read, rowsAccepted: accepted, rowsRejected: read - accepted };
  await session.run(`INSERT INTO quality VALUES (${sqlString(spec.name)}, ${sqlString(file.path)}, ${read}, ${accepted}, ${read - accepted})`);
  return report;
}

function nullOf(type: string): string {
  return { integer: "NULL::INTEGER", money: "NULL::DECIMAL(18,2)", decimal: "NULL::DOUBLE", date: "NULL::DATE" }[type] ?? "NULL::VARCHAR";
}

function checkRequiredColumns(file: InputFile, found: string[]): Set<string> {
  const names = new Set(found);
  const missing = file.spec.columns.filter((c) => c.required && !names.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new InputError(file.path, `required column${missing.length > 1 ? "s" : ""} missing: ${missing.join(", ")} (the header has: ${found.join(", ") || "nothing"})`);
  }
  const dup = found.find((n, i) => found.indexOf(n) !== i);
  if (dup) throw new InputError(file.path, `column ${dup} appears twice in the header; keep one`);
  return names;
}

/** CSV: every column as text; rows with the wrong number of fields are kept aside by DuckDB. */
async function readCsvRaw(session: Session, file: InputFile, raw: string): Promise<Set<string>> {
  let header: string[];
  try {
    header = readCsvHeader(file.path);
  } catch (error) {
    throw new InputError(file.path, `cannot be read: ${(error as Error).message}`);
  }
  if (header.length === 0) throw new InputError(file.path, "has no header row: the first line must name the columns");
  const names = checkRequiredColumns(file, header);
  const columns = `{${header.map((h, i) => `${sqlString(`c${i}`)}: 'VARCHAR'`).join(", ")}}`;
  const rejects = `rejects_${file.spec.name}`;
  try {
    await session.run(`CREATE OR REPLACE TEMP TABLE ${raw}_read AS SELECT * FROM read_csv(${sqlString(file.path)},
      columns = ${columns}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan', strict_mode = true)`);
  } catch (error) {
    throw new InputError(file.path, `cannot be read as CSV: ${firstLine((error as Error).message)}`);
  }
  // Line of an accepted row (rowid k from 0): the header is line 1, and every malformed line before it shifts it.
  const renamed = header.map((h, i) => `c${i} AS ${sqlIdent(h)}`).join(", ");
  const malformed = Number(await session.value(`SELECT count(*) FROM ${rejects}`));
  const shift = malformed === 0 ? "0" : "(SELECT count(*) FROM shifts WHERE below < rowid + 1)";
  await session.run(`CREATE OR REPLACE TEMP TABLE ${raw} AS
    WITH bad AS (SELECT DISTINCT line::BIGINT AS line FROM ${rejects}),
    shifts AS (SELECT line - row_number() OVER (ORDER BY line) - 1 AS below FROM bad)
    SELECT ${renamed}, rowid + 2 + ${shift} AS _line
    FROM ${raw}_read`);
  await session.run(`DROP TABLE ${raw}_read`);
  return names;
}

/** Malformed CSV lines (wrong number of fields, bad quoting) go to `rejected` as they are. */
async function malformedCsvRows(session: Session, spec: TableSpec): Promise<number> {
  const rejects = `rejects_${spec.name}`;
  await session.run(`INSERT INTO rejected
    SELECT ${sqlString(spec.name)}, line::BIGINT, NULL, NULL, 'malformed CSV row: ' || first(error_message ORDER BY column_idx)
    FROM ${rejects} GROUP BY line ORDER BY line`);
  const count = Number(await session.value(`SELECT count(DISTINCT line) FROM ${rejects}`));
  await session.run(`DROP TABLE ${rejects}; DROP TABLE ${rejects}_scan`);
  return count;
}

/** Parquet: each contract column read as text (lists joined with ';'), the row number as its line. */
async function readParquetRaw(session: Session, file: InputFile, raw: string): Promise<Set<string>> {
  let described: { column_name: string; column_type: string }[];
  try {
    described = await session.all(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file.path)})`);
  } catch (error) {
    throw new InputError(file.path, `cannot be read as Parquet: ${firstLine((error as Error).message)}`);
  }
  const names = checkRequiredColumns(
    file,
    described.map((d) => d.column_name),
  );
  const known = described.filter((d) => file.spec.columns.some((c) => c.name === d.column_name));
  const asText = known.map(({ column_name, column_type }) => {
    const c = sqlIdent(column_name);
    return column_type.endsWith("[]") ? `array_to_string(${c}, ';') AS ${c}` : `${c}::VARCHAR AS ${c}`;
  });
  await session.run(`CREATE OR REPLACE TEMP TABLE ${raw} AS
    SELECT ${asText.join(", ")}, file_row_number + 1 AS _line
    FROM read_parquet(${sqlString(file.path)}, file_row_number = true)`);
  return names;
}

async function createEmptyTable(session: Session, name: "weights" | "policy" | "claims_outpatient" | "insured" | "apg_weights"): Promise<void> {
  const spec = inputTables.find((t) => t.name === name)!;
  await session.run(`CREATE OR REPLACE TABLE ${name} AS SELECT ${spec.columns.map((c) => `${nullOf(c.type)} AS ${sqlIdent(c.name)}`).join(", ")} LIMIT 0`);
}

function firstLine(message: string): string {
  return message.split("\n")[0];
}
