// Reading a bureau's input tables into DuckDB: raw rows (all text, with their line), the contract's
// checks in bulk, typed tables of the accepted rows, and `rejected` / `quality` / `input_warnings`.
// Counts always reconcile: rows read = rows accepted + rows rejected (input-data.md, "Bad input").
import { sqlIdent, sqlString, type Session } from "../db/session.ts";
import { checkedRowsSql, repeatedKeysSql, typedName } from "./checks.ts";
import { inputTables, type TableSpec } from "./contract.ts";
import { InputError } from "./errors.ts";
import { createEmptyInputTable, nullOf } from "./empty.ts";
import { basename } from "node:path";
import { findInputTables, readCsvHeader, type InputFile, type InputTable } from "./files.ts";
import { dictionaryWarningsSql, loadDictionaries } from "./dictionaries.ts";
import { silent, type Progress } from "../io/progress.ts";

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
export async function readInputs(session: Session, dataDir: string, log: Progress = silent): Promise<IngestReport> {
  const inputs = findInputTables(dataDir);
  await session.run(`CREATE OR REPLACE TABLE rejected (
    "table" VARCHAR, line BIGINT, claim_id VARCHAR, record_id VARCHAR, reason VARCHAR, file VARCHAR)`);
  await session.run(`CREATE OR REPLACE TABLE quality (
    "table" VARCHAR, file VARCHAR, rows_read BIGINT, rows_accepted BIGINT, rows_rejected BIGINT)`);
  const tables: TableReport[] = [];
  await session.run(`CREATE OR REPLACE TABLE input_file_rows ("table" VARCHAR, file VARCHAR, path VARCHAR, rows_read BIGINT, rows_accepted BIGINT)`);
  for (const input of inputs) tables.push(await log.stage(`ingest ${input.spec.name}`, () => readTable(session, input), (t) => t.rowsRead));
  for (const spec of ["weights", "policy", "dip_catalogue", "claims_outpatient", "insured", "apg_weights"] as const) {
    if (!inputs.some((t) => t.spec.name === spec)) await createEmptyInputTable(session, spec, { replace: true });
  }
  await log.stage("check codes against the ICD dictionaries", async () => {
    await loadDictionaries(session);
    await session.run(`CREATE OR REPLACE TABLE input_warnings AS ${dictionaryWarningsSql(inputs.map((t) => t.spec))}`);
  });
  return { dataDir, tables };
}

/** The line key of a row: its file's index above its line, so that file order then line order is key order. */
const FILE_SHIFT = 2 ** 40;

async function readTable(session: Session, input: InputTable): Promise<TableReport> {
  const { spec } = input;
  // Each file: CSV read as text into a raw table (lines numbered past malformed rows); Parquet checked
  // straight from the file with its own types, with no copy before the checks.
  const parts: RawSource[] = [];
  let malformed = 0;
  for (const [index, file] of input.files.entries()) {
    const raw = `raw_${spec.name}_${index}`;
    const part = file.format === "csv" ? await readCsvRaw(session, file, raw) : await readParquetRaw(session, file);
    if (file.format === "csv") part.malformed = await malformedCsvRows(session, file, index);
    malformed += part.malformed;
    parts.push(part);
  }
  const { columns, types, source } = unionOfParts(parts);
  const names = input.files.map((f) => basename(f.path));

  // The table is written once: every row with its typed values and its reason; the rows set aside are
  // then copied to `rejected` and deleted, and the work columns dropped (no second copy of the rows).
  // Rows keep file order throughout: preserve_insertion_order holds, so no sort is needed.
  const repeated = `repeated_${spec.name}`;
  const firstAt = input.files.length > 1 ? { fileShift: FILE_SHIFT, files: names } : undefined;
  await session.run(`CREATE OR REPLACE TEMP TABLE ${repeated} AS ${repeatedKeysSql(spec, source, columns, types)}`);
  const typed = spec.columns.map((c) => `${columns.has(c.name) ? typedName(c.name) : nullOf(c.type)} AS ${sqlIdent(c.name)}`);
  await session.run(`CREATE OR REPLACE TABLE ${spec.name} AS
    SELECT ${typed.join(", ")}, _line, _reason FROM (${checkedRowsSql(spec, source, columns, types, repeated, firstAt)})`);
  await session.run(`DROP TABLE ${repeated}`);
  for (const part of parts) if (part.rawTable) await session.run(`DROP TABLE ${part.rawTable}`);
  const fileName = `${sqlList(names)}[(_line // ${FILE_SHIFT}) + 1]`;
  const byFile = await session.all<{ file: number; read: string; accepted: string }>(`
    SELECT (_line // ${FILE_SHIFT})::INTEGER AS file, count(*) AS read, count(*) FILTER (WHERE _reason IS NULL) AS accepted
    FROM ${spec.name} GROUP BY ALL ORDER BY file`);
  const read = byFile.reduce((n, f) => n + Number(f.read), 0) + malformed;
  if (read === 0) throw new InputError(input.path, "has no rows: the file holds a header only, or nothing");
  const id = columns.has(spec.idColumn) ? sqlIdent(spec.idColumn) : "NULL";
  const isClaims = spec.name.startsWith("claims_");
  await session.run(`INSERT INTO rejected
    SELECT ${sqlString(spec.name)}, _line % ${FILE_SHIFT}, ${isClaims ? id : "NULL"}, ${id}, _reason, ${fileName}
    FROM ${spec.name} WHERE _reason IS NOT NULL ORDER BY _line`);
  const accepted = byFile.reduce((n, f) => n + Number(f.accepted), 0);
  if (accepted < read - malformed) await session.run(`DELETE FROM ${spec.name} WHERE _reason IS NOT NULL`);
  await session.run(`ALTER TABLE ${spec.name} DROP COLUMN _reason; ALTER TABLE ${spec.name} DROP COLUMN _line`);

  for (const [index, file] of input.files.entries()) {
    const counted = byFile.find((f) => f.file === index);
    const fileRead = Number(counted?.read ?? 0) + parts[index].malformed;
    await session.run(`INSERT INTO input_file_rows VALUES (${sqlString(spec.name)}, ${sqlString(names[index])}, ${sqlString(file.path)}, ${fileRead}, ${Number(counted?.accepted ?? 0)})`);
  }
  const report = { table: spec.name, file: input.path, rowsRead: read, rowsAccepted: accepted, rowsRejected: read - accepted };
  await session.run(`INSERT INTO quality VALUES (${sqlString(spec.name)}, ${sqlString(input.path)}, ${read}, ${accepted}, ${read - accepted})`);
  return report;
}

const sqlList = (values: string[]) => `[${values.map(sqlString).join(", ")}]`;

/**
 * One source over a table's files, each row with `_line` = file index · 2^40 + its line. A column
 * whose type differs between files, or that some files lack, is read as text in all of them.
 */
function unionOfParts(parts: RawSource[]): Omit<RawSource, "rawTable" | "malformed"> {
  if (parts.length === 1) {
    const [part] = parts;
    return { columns: part.columns, types: part.types, source: part.source };
  }
  const columns = new Set(parts.flatMap((p) => [...p.columns]));
  const types = new Map<string, string>();
  for (const name of columns) {
    const seen = new Set(parts.map((p) => p.types.get(name) ?? "missing"));
    types.set(name, seen.size === 1 ? [...seen][0] : "VARCHAR");
  }
  const selects = parts.map((part, index) => {
    const cells = [...columns].map((name) => {
      const c = sqlIdent(name);
      const own = part.types.get(name);
      if (own === undefined) return `NULL::${types.get(name)} AS ${c}`;
      if (own === types.get(name)) return c;
      return `${own.endsWith("[]") ? `array_to_string(${c}, ';')` : `${c}::VARCHAR`} AS ${c}`;
    });
    return `SELECT ${cells.join(", ")}, _line + ${index * FILE_SHIFT} AS _line FROM ${part.source}`;
  });
  return { columns, types, source: `(${selects.join("\n  UNION ALL ")})` };
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

interface RawSource {
  /** The contract columns the file has. */
  columns: Set<string>;
  /** Their DuckDB types as they arrive. */
  types: Map<string, string>;
  /** A table or a parenthesised query with those columns and `_line`. */
  source: string;
  /** The raw table to drop afterwards (CSV). */
  rawTable?: string;
  /** Malformed CSV lines, already in `rejected`. */
  malformed: number;
}

/** CSV: every column as text; rows with the wrong number of fields are kept aside by DuckDB. */
async function readCsvRaw(session: Session, file: InputFile, raw: string): Promise<RawSource> {
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
  const rejectedFields = Number(await session.value(`SELECT count(*) FROM ${rejects}`));
  const shift = rejectedFields === 0 ? "0" : "(SELECT count(*) FROM shifts WHERE below < rowid + 1)";
  await session.run(`CREATE OR REPLACE TEMP TABLE ${raw} AS
    WITH bad AS (SELECT DISTINCT line::BIGINT AS line FROM ${rejects}),
    shifts AS (SELECT line - row_number() OVER (ORDER BY line) - 1 AS below FROM bad)
    SELECT ${renamed}, rowid + 2 + ${shift} AS _line
    FROM ${raw}_read`);
  await session.run(`DROP TABLE ${raw}_read`);
  return { columns: names, types: new Map(header.map((h) => [h, "VARCHAR"])), source: raw, rawTable: raw, malformed: 0 };
}

/** Malformed CSV lines (wrong number of fields, bad quoting) go to `rejected` as they are. */
async function malformedCsvRows(session: Session, file: InputFile, index: number): Promise<number> {
  const rejects = `rejects_${file.spec.name}`;
  await session.run(`INSERT INTO rejected
    SELECT ${sqlString(file.spec.name)}, line::BIGINT, NULL, NULL, 'malformed CSV row: ' || first(error_message ORDER BY column_idx), ${sqlString(basename(file.path))}
    FROM ${rejects} GROUP BY line ORDER BY line`);
  const count = Number(await session.value(`SELECT count(DISTINCT line) FROM ${rejects}`));
  await session.run(`DROP TABLE ${rejects}; DROP TABLE ${rejects}_scan`);
  return count;
}

/** Parquet: the contract columns with the file's own types, the row number as its line. */
async function readParquetRaw(session: Session, file: InputFile): Promise<RawSource> {
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
  const source = `(SELECT ${known.map((d) => sqlIdent(d.column_name)).join(", ")}, file_row_number + 1 AS _line
    FROM read_parquet(${sqlString(file.path)}, file_row_number = true))`;
  return { columns: names, types: new Map(known.map((d) => [d.column_name, d.column_type])), source, malformed: 0 };
}

function firstLine(message: string): string {
  return message.split("\n")[0];
}
