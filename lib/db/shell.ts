// The researchers' SQL shell (npm run sql): statements run on a session, results printed as a table
// (for reading) or as CSV (for files). CSV is DuckDB's own COPY with the options of loaders/publish.ts,
// so a dataset's .sql run here prints the same bytes as the published file.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sqlString, type Session } from "./session.ts";

export type OutputMode = "table" | "csv";

export interface ShellOptions {
  mode: OutputMode;
  /** Where output goes (process.stdout.write in the command). */
  write: (text: string) => void;
  /** Rows shown in table mode before "… more rows" (CSV prints every row). */
  maxRows?: number;
}

/**
 * Splits SQL text into statements at the semicolons outside quotes and comments; statements that hold
 * only comments or blanks are dropped.
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const statement = text.slice(start, end);
    if (stripComments(statement).trim()) statements.push(statement.trim());
    start = end + 1;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      i = close < 0 ? text.length : close + 1; // a doubled quote ('') reopens at once: same effect
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ";") {
      push(i);
      i++;
    } else i++;
  }
  push(text.length);
  return statements;
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}

/** Whether text ends a statement: its last character outside comments is a semicolon outside quotes. */
export function isComplete(text: string): boolean {
  let i = 0;
  let last = "";
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return false; // an open quote
      i = close + 1;
      last = c;
    } else if (c === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return false; // an open comment
      i = end + 2;
    } else {
      if (!/\s/.test(c)) last = c;
      i++;
    }
  }
  return last === ";";
}

/** Runs every statement of `text`; prints each result in table mode, the last one's in CSV mode. */
export async function runText(session: Session, text: string, options: ShellOptions): Promise<void> {
  const statements = splitStatements(text);
  for (const [i, statement] of statements.entries()) {
    const last = i === statements.length - 1;
    if (options.mode === "csv") {
      if (last) await printCsv(session, statement, options.write);
      else await session.run(statement);
    } else await printTable(session, statement, options);
  }
}

/** CSV of a query, written by DuckDB (the bytes of a published dataset); other statements just run. */
async function printCsv(session: Session, statement: string, write: (text: string) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "drg-sql-"));
  try {
    const file = join(dir, "result.csv");
    let copied = true;
    try {
      await session.run(`COPY (\n${statement}\n) TO ${sqlString(file)} (FORMAT csv, HEADER true, DELIMITER ',')`);
    } catch (error) {
      // Not a query COPY can wrap (SET, PRAGMA…): run it as it is, and print what it returns.
      if (!/syntax error|Parser Error/i.test((error as Error).message)) throw error;
      copied = false;
    }
    if (copied) write(readFileSync(file, "utf8"));
    else {
      const reader = await session.connection.runAndReadAll(statement);
      const names = reader.columnNames();
      if (names.length === 0) return;
      const cell = (v: unknown) => (v == null ? "" : /[",\n\r]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
      write([names.map(cell).join(","), ...reader.getRowsJson().map((row) => row.map(cell).join(","))].join("\n") + "\n");
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const numericType = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

async function printTable(session: Session, statement: string, options: ShellOptions): Promise<void> {
  const maxRows = options.maxRows ?? 100;
  const reader = await session.connection.streamAndReadUntil(statement, maxRows + 1);
  const names = reader.columnNames();
  if (names.length === 0) return; // SET, CREATE…: nothing to show
  const types = reader.columnTypes().map(String);
  const rows = reader.getRowsJson();
  const more = rows.length > maxRows;
  options.write(formatTable(names, types, rows.slice(0, maxRows)));
  options.write(more ? `(first ${maxRows} rows shown; add a LIMIT, or --csv for every row)\n` : `(${rows.length} ${rows.length === 1 ? "row" : "rows"})\n`);
}

/** A plain-text table: a header with the types, numbers aligned right, NULL for missing values. */
export function formatTable(names: string[], types: string[], rows: unknown[][]): string {
  const text = (v: unknown) => (v == null ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v));
  const cells = rows.map((row) => row.map(text));
  const numeric = types.map((t) => numericType.test(t));
  const widths = names.map((name, c) => Math.max(width(name), width(types[c]), ...cells.map((row) => width(row[c]))));
  const pad = (s: string, c: number) => (numeric[c] ? " ".repeat(widths[c] - width(s)) + s : s + " ".repeat(widths[c] - width(s)));
  const line = (values: string[]) => `│ ${values.map((v, c) => pad(v, c)).join(" │ ")} │\n`;
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => "─".repeat(w + 2)).join(m)}${r}\n`;
  return (
    rule("┌", "┬", "┐") + line(names) + line(types) + rule("├", "┼", "┤") + cells.map(line).join("") + rule("└", "┴", "┘")
  );
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

export interface TableInfo {
  name: string;
  /** null for a view: its rows are computed when it is read (counting them could take minutes at a region's scale). */
  rows: number | null;
  columns: { name: string; type: string }[];
}

/** The workspace's tables and views with their columns (and row counts for tables). */
export async function listTables(session: Session): Promise<TableInfo[]> {
  const columns = await session.all<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM duckdb_columns()
     WHERE database_name = current_database() AND NOT internal AND schema_name = 'main'
     ORDER BY table_name, column_index`,
  );
  const tables = await session.all<{ name: string; view: boolean }>(
    `SELECT table_name AS name, false AS view FROM duckdb_tables() WHERE database_name = current_database() AND NOT internal AND schema_name = 'main'
     UNION SELECT view_name, true FROM duckdb_views() WHERE database_name = current_database() AND NOT internal AND schema_name = 'main'
     ORDER BY name`,
  );
  const result: TableInfo[] = [];
  for (const { name, view } of tables) {
    const rows = view ? null : Number(await session.value(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`));
    result.push({ name, rows, columns: columns.filter((c) => c.table_name === name).map((c) => ({ name: c.column_name, type: c.data_type })) });
  }
  return result;
}

/** The table list as text: one paragraph per table, its row count ("view" for a view) and its columns with their types. */
export function formatTables(tables: TableInfo[]): string {
  return tables
    .map((t) => {
      const cols = t.columns.map((c) => `${c.name} ${c.type}`);
      const lines: string[] = [];
      let current = "   ";
      for (const col of cols) {
        if (current.length + col.length > 100 && current.trim()) {
          lines.push(current.replace(/,$/, ","));
          current = "   ";
        }
        current += ` ${col},`;
      }
      lines.push(current.replace(/,$/, ""));
      return `${t.name} (${t.rows === null ? "view" : `${t.rows.toLocaleString("en-US")} rows`})\n${lines.join("\n")}\n`;
    })
    .join("");
}

/**
 * The session's DuckDB variables as SET statements, headed by the database file: run before a dataset's
 * .sql in the DuckDB CLI (`duckdb -readonly FILE -init this`), they give it what the loaders see.
 */
export async function variablesScript(session: Session): Promise<string> {
  const path = await session.value<string>("SELECT path FROM duckdb_databases() WHERE database_name = current_database()");
  const variables = await session.all<{ name: string; value: string | null; type: string }>(
    "SELECT name, value::VARCHAR AS value, type FROM duckdb_variables() ORDER BY name",
  );
  // duckdb_variables() shows a NULL as the text NULL (no parameter is ever that text).
  const set = variables.map((v) => `SET VARIABLE ${v.name} = ${v.value === null || v.value === "NULL" ? `NULL::${v.type}` : `CAST(${sqlString(v.value)} AS ${v.type})`};`);
  return [
    "-- The parameters of drg-monitor's prepared workspace as DuckDB variables, as its loaders see them.",
    `-- duckdb -readonly ${path} -init this-file`,
    ...set,
    "",
  ].join("\n");
}
