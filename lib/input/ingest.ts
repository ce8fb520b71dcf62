// Reading a bureau's input tables into DuckDB: each file's rows checked on their own (CSV as text with
// its lines, Parquet with its own types) into the file's part — a temporary table, or for a claims file a
// Parquet file kept between runs (parts.ts) — then the rule that spans files (a repeated key), typed
// tables (or, over kept parts, views) of the accepted rows, and `rejected` / `quality` / `input_warnings`.
// Counts always reconcile: rows read = rows accepted + rows rejected (input-data.md, "Bad input").
import { sqlIdent, sqlString, type Session } from "../db/session.ts";
import { checkedRowsSql, keyHashesSql, repeatReasonSql, repeatedKeysSql } from "./checks.ts";
import { type InputTableName, type TableSpec } from "./contract.ts";
import { InputError } from "./errors.ts";
import { createEmptyInputTable, nullOf } from "./empty.ts";
import { basename } from "node:path";
import { findInputTables, readCsvHeader, type InputFile, type InputTable } from "./files.ts";
import { dictionaryWarningsSql, loadDictionaries } from "./dictionaries.ts";
import { silent, type Progress } from "../io/progress.ts";
import { sha256File } from "../io/fingerprint.ts";
import type { PartStore } from "./parts.ts";

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
  /** The parts read or written (a PartStore given). */
  parts: string[];
}

/**
 * Row-local work on the sound rows of a claims file, done once per file and kept with its checked rows
 * (the inpatient grouping: lib/cases.ts). After ingest, `output` holds the key column and `columns` of
 * every accepted row.
 */
export interface RowStep {
  readonly table: InputTableName;
  readonly output: string;
  readonly columns: readonly string[];
  /** Writes `target`: `_line` and `columns` for each row of `source` (the contract columns and `_line`). */
  run(session: Session, source: string, target: string): Promise<void>;
}

export interface IngestOptions {
  /** Keeps each claims file's checked rows between runs (lib/input/parts.ts). */
  parts?: PartStore;
  rowSteps?: readonly RowStep[];
  log?: Progress;
}

/**
 * Reads every input table of `dataDir` into `session`. Afterwards each given table exists under
 * its contract name with typed columns (every contract column, NULL where the file lacks it),
 * holding the accepted rows (a view over its kept parts where a PartStore is given); `rejected`,
 * `quality` and `input_warnings` describe the rest.
 */
export async function readInputs(session: Session, dataDir: string, options: IngestOptions = {}): Promise<IngestReport> {
  const log = options.log ?? silent;
  const inputs = findInputTables(dataDir);
  await session.run(`CREATE OR REPLACE TABLE rejected (
    "table" VARCHAR, line BIGINT, claim_id VARCHAR, record_id VARCHAR, reason VARCHAR, file VARCHAR)`);
  await session.run(`CREATE OR REPLACE TABLE quality (
    "table" VARCHAR, file VARCHAR, rows_read BIGINT, rows_accepted BIGINT, rows_rejected BIGINT)`);
  const tables: TableReport[] = [];
  const parts: string[] = [];
  await session.run(`CREATE OR REPLACE TABLE input_file_rows ("table" VARCHAR, file VARCHAR, path VARCHAR, rows_read BIGINT, rows_accepted BIGINT)`);
  for (const input of inputs) {
    const steps = options.rowSteps?.filter((s) => s.table === input.spec.name) ?? [];
    const store = isClaims(input.spec) ? options.parts : undefined;
    tables.push(await log.stage(`ingest ${input.spec.name}`, () => readTable(session, input, { store, steps, parts, log }), (t) => t.rowsRead));
  }
  for (const spec of ["weights", "policy", "dip_catalogue", "claims_outpatient", "insured", "apg_weights"] as const) {
    if (!inputs.some((t) => t.spec.name === spec)) await createEmptyInputTable(session, spec, { replace: true });
  }
  await log.stage("check codes against the ICD dictionaries", async () => {
    await loadDictionaries(session);
    await session.run(`CREATE OR REPLACE TABLE input_warnings AS ${dictionaryWarningsSql(inputs.map((t) => t.spec))}`);
  });
  return { dataDir, tables, parts };
}

const isClaims = (spec: TableSpec) => spec.name.startsWith("claims_");

/** The line key of a row: its file's index above its line, so that file order then line order is key order. */
const FILE_SHIFT = 2 ** 40;
/** Above this many rows set aside by a repeat across kept parts, the table is written rather than filtered in a view. */
const MAX_FILTERED_REPEATS = 10_000;

interface TableWork {
  store?: PartStore;
  steps: readonly RowStep[];
  /** Collects the parts used. */
  parts: string[];
  log: Progress;
}

async function readTable(session: Session, input: InputTable, work: TableWork): Promise<TableReport> {
  const { spec } = input;
  // Each file is checked on its own (its rows typed, every rule of one row applied) into its part: a
  // temporary table, or a Parquet file kept for later runs. Then the one rule that spans files — a key
  // that repeats — is applied over all parts, and the accepted rows are written once from them, or read
  // through a view of the kept parts (writeAccepted).
  const sources: string[] = [];
  const kept: string[] = [];
  let reused = 0;
  for (const [index, file] of input.files.entries()) {
    const part = await checkFile(session, file, `${spec.name}_${index}`, work);
    sources.push(part.source);
    if (part.kept) kept.push(part.kept);
    if (part.reused) reused += 1;
  }
  if (work.store && input.files.length > 1) {
    work.log.note(`  ${spec.name}: ${reused} of ${input.files.length} files' checked rows reused, ${input.files.length - reused} checked`);
  }
  const names = input.files.map((f) => basename(f.path));
  const union = `(${sources.map((source, i) => `SELECT * REPLACE (_line + ${i * FILE_SHIFT} AS _line) FROM ${source}`).join("\n  UNION ALL ")})`;

  // The rule that spans files: a key that repeats is kept where it comes first in file order.
  const repeated = `_repeated_${spec.name}`;
  let reason = "u._reason";
  let repeats = "";
  if (spec.key) {
    await session.run(`CREATE OR REPLACE TEMP TABLE _key_hashes AS ${keyHashesSql(spec.key, union)}`);
    await session.run(`CREATE OR REPLACE TABLE ${repeated} AS ${repeatedKeysSql(spec.key, union, "_key_hashes")}`);
    await session.run(`DROP TABLE _key_hashes`);
    const lines = input.files.length > 1 ? { fileShift: FILE_SHIFT, files: names } : undefined;
    reason = `CASE WHEN r._first_line <> u._line THEN concat_ws('; ', u._reason, ${repeatReasonSql(spec.key, lines)}) ELSE u._reason END`;
    repeats = `LEFT JOIN ${repeated} AS r ON r._key = u.${sqlIdent(spec.key)}`;
  }
  const rows = `(SELECT u.* EXCLUDE (_reason), ${reason} AS _reason FROM ${union} AS u ${repeats})`;
  const byFile = await session.all<{ file: number; read: string; accepted: string }>(`
    SELECT (_line // ${FILE_SHIFT})::INTEGER AS file, count(*) AS read, count(*) FILTER (WHERE _reason IS NULL) AS accepted
    FROM ${rows} GROUP BY ALL ORDER BY file`);
  const read = byFile.reduce((n, f) => n + Number(f.read), 0);
  if (read === 0) throw new InputError(input.path, "has no rows: the file holds a header only, or nothing");
  const accepted = byFile.reduce((n, f) => n + Number(f.accepted), 0);
  const id = sqlIdent(spec.idColumn);
  const fileName = `${sqlList(names)}[(_line // ${FILE_SHIFT}) + 1]`;
  await session.run(`INSERT INTO rejected
    SELECT ${sqlString(spec.name)}, _line % ${FILE_SHIFT}, ${isClaims(spec) ? id : "NULL"}, ${id}, _reason, ${fileName}
    FROM ${rows} WHERE _reason IS NOT NULL ORDER BY _line`);
  const sound = `FROM ${rows} WHERE _reason IS NULL`;
  const kind = await writeAccepted(session, spec, { sound, kept, union, repeated });
  // A row step's result is narrow: a table, joined to the claims without a second scan of the parts
  // (at 5M stays a view here made the join run out of memory under 2 GB).
  for (const step of work.steps) {
    await session.run(`CREATE OR REPLACE TABLE ${step.output} AS
      SELECT ${id}, ${step.columns.map((c) => `${sqlIdent(stepColumn(step, c))} AS ${sqlIdent(c)}`).join(", ")} ${sound}`);
  }
  // the view over one part reads the repeats (its own file's); the others do not
  if (kind === "TABLE" || kept.length > 1) await session.run(`DROP TABLE IF EXISTS ${repeated}`);
  if (kind === "TABLE") {
    for (const [index] of input.files.entries()) await session.run(`DROP TABLE IF EXISTS part_${spec.name}_${index}`);
  }

  for (const [index, file] of input.files.entries()) {
    const counted = byFile.find((f) => f.file === index);
    await session.run(`INSERT INTO input_file_rows VALUES (${sqlString(spec.name)}, ${sqlString(names[index])}, ${sqlString(file.path)}, ${Number(counted?.read ?? 0)}, ${Number(counted?.accepted ?? 0)})`);
  }
  const report = { table: spec.name, file: input.path, rowsRead: read, rowsAccepted: accepted, rowsRejected: read - accepted };
  await session.run(`INSERT INTO quality VALUES (${sqlString(spec.name)}, ${sqlString(input.path)}, ${read}, ${accepted}, ${read - accepted})`);
  return report;
}

/**
 * Writes the accepted rows as the table's contract name: over kept parts a view, so that the rows are
 * not written again into the workspace (5.3M visits in one file: ~10 s; 250M visits in 60 monthly
 * parts: ~180 s); without kept parts a table. Over many parts the view is one scan of them all (a view
 * over the UNION ALL of 60 scans made later joins run out of memory: DIP on the 10× region under 2 GB),
 * less the rows a repeat sets aside, left out by a filter on their part and line that keeps the rows
 * in file and line order (an anti join would not, and NOT EXISTS was planned as a delim join over the
 * distinct (part, line) of every row: out of memory at 250M visits). Over MAX_FILTERED_REPEATS such
 * rows, a table. Returns what was written.
 */
async function writeAccepted(
  session: Session,
  spec: TableSpec,
  from: { sound: string; kept: string[]; union: string; repeated: string },
): Promise<"VIEW" | "TABLE"> {
  const columns = spec.columns.map((c) => sqlIdent(c.name)).join(", ");
  const write = async (kind: "VIEW" | "TABLE") => {
    await session.run(`CREATE OR REPLACE ${kind} ${spec.name} AS SELECT ${columns} ${from.sound}`);
    return kind;
  };
  const { kept } = from; // with a part store every file has one; without, none
  if (kept.length === 0) return write("TABLE");
  if (kept.length === 1) return write("VIEW");
  if (!spec.key) return write("TABLE");
  // no key repeats (the usual case): nothing to find, and no scan of every part to find it
  const anyRepeat = Number(await session.value(`SELECT count(*) FROM ${from.repeated}`)) > 0;
  const setAside = !anyRepeat ? [] : await session.all<{ part: number; line: string }>(`
    SELECT (u._line // ${FILE_SHIFT})::INTEGER AS part, (u._line % ${FILE_SHIFT})::VARCHAR AS line
    FROM ${from.union} AS u JOIN ${from.repeated} AS r ON r._key = u.${sqlIdent(spec.key)}
    WHERE u._reason IS NULL AND r._first_line <> u._line ORDER BY u._line`);
  if (setAside.length > MAX_FILTERED_REPEATS) return write("TABLE");
  // each such row: its line first (an integer test, false for nearly every row), then its part
  const lines = [...new Set(setAside.map((r) => r.line))].join(", ");
  const pairs = setAside.map((r) => `(${sqlString(kept[r.part])}, ${r.line})`).join(", ");
  const filter = setAside.length ? `AND NOT (p._line IN (${lines}) AND (p.part, p._line) IN (${pairs}))` : "";
  await session.run(`CREATE OR REPLACE VIEW ${spec.name} AS SELECT ${columns}
    FROM read_parquet(${sqlList(kept)}${filter ? ", filename = 'part'" : ""}) AS p WHERE p._reason IS NULL ${filter}`);
  return "VIEW";
}

const sqlList = (values: string[]) => `[${values.map(sqlString).join(", ")}]`;

/** A row step's column in the parts (apart from the contract's columns). */
const stepColumn = (step: RowStep, column: string) => `_${step.output}_${column}`;

/**
 * One file's checked rows (every contract column typed, `_line`, `_reason`, and the row steps' columns)
 * as a source to select from: its kept part when the store has one for these bytes, else checked now
 * (and kept, given a store).
 */
async function checkFile(session: Session, file: InputFile, name: string, work: TableWork): Promise<{ source: string; reused: boolean; kept?: string }> {
  const kept = work.store?.path(file.spec.name, sha256File(file.path), work.steps.map((s) => s.output));
  if (kept) work.parts.push(kept);
  if (kept && work.store!.has(kept)) return { source: `read_parquet(${sqlString(kept)})`, reused: true, kept };
  const raw = file.format === "csv" ? await readCsvRaw(session, file, `raw_${name}`) : await readParquetRaw(session, file);
  const checked = `${checkedRowsSql(file.spec, raw.source, raw.columns, raw.types)}
    ${raw.malformed ? `UNION ALL ${raw.malformed}` : ""}`;
  const part = `part_${name}`;
  if (work.steps.length === 0 && kept) {
    await copyToPart(session, checked, kept, work.store!);
  } else {
    await session.run(`CREATE OR REPLACE TEMP TABLE ${part} AS ${checked}`);
    if (work.steps.length > 0) await runRowSteps(session, part, work.steps);
    if (kept) await copyToPart(session, `SELECT * FROM ${part}`, kept, work.store!);
  }
  if (raw.rawTable) await session.run(`DROP TABLE ${raw.rawTable}`);
  if (raw.rejects) await session.run(`DROP TABLE ${raw.rejects}; DROP TABLE ${raw.rejects}_scan`);
  if (kept) {
    await session.run(`DROP TABLE IF EXISTS ${part}`);
    return { source: `read_parquet(${sqlString(kept)})`, reused: false, kept };
  }
  return { source: part, reused: false };
}

async function copyToPart(session: Session, query: string, path: string, store: PartStore): Promise<void> {
  const pending = store.pending(path);
  await session.run(`COPY (${query}) TO ${sqlString(pending)} (FORMAT parquet)`);
  store.commit(pending, path);
}

/** Adds each row step's columns to a part (its sound rows worked, the others NULL), rows in line order. */
async function runRowSteps(session: Session, part: string, steps: readonly RowStep[]): Promise<void> {
  for (const step of steps) {
    const sound = `${part}_sound`;
    const done = `${part}_${step.output}`;
    await session.run(`CREATE OR REPLACE TEMP VIEW ${sound} AS SELECT * EXCLUDE (_reason) FROM ${part} WHERE _reason IS NULL`);
    await step.run(session, sound, done);
    const added = step.columns.map((c) => `d.${sqlIdent(c)} AS ${sqlIdent(stepColumn(step, c))}`);
    await session.run(`CREATE OR REPLACE TEMP TABLE ${part}_with AS
      SELECT p.*, ${added.join(", ")} FROM ${part} AS p LEFT JOIN ${done} AS d USING (_line) ORDER BY p._line`);
    await session.run(`DROP VIEW ${sound}; DROP TABLE ${done}; DROP TABLE ${part}`);
    await session.run(`ALTER TABLE ${part}_with RENAME TO ${part}`);
  }
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
  /** Malformed CSV lines as checked rows (typed NULLs, `_line`, `_reason`): a query, or none. */
  malformed?: string;
  /** DuckDB's tables of the malformed lines, to drop afterwards (CSV). */
  rejects?: string;
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
  // Malformed lines (wrong number of fields, bad quoting) are rows set aside as they are.
  const nulls = file.spec.columns.map((c) => `${nullOf(c.type)} AS ${sqlIdent(c.name)}`).join(", ");
  const malformed = rejectedFields === 0 ? undefined : `(SELECT ${nulls}, line::BIGINT AS _line,
    'malformed CSV row: ' || first(error_message ORDER BY column_idx) AS _reason FROM ${rejects} GROUP BY line)`;
  return { columns: names, types: new Map(header.map((h) => [h, "VARCHAR"])), source: raw, rawTable: raw, malformed, rejects };
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
  return { columns: names, types: new Map(known.map((d) => [d.column_name, d.column_type])), source };
}

function firstLine(message: string): string {
  return message.split("\n")[0];
}
