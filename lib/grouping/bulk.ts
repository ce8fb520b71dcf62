// Grouping every claim of a table at once, as set work in DuckDB (no per-row JS):
//  1. the scheme's lists and CC/MCC/cce tables go into tables keyed by code (scheme-tables.ts);
//  2. claims become records (the SQL twin of toGrouperRecord, record.ts), numbered in source order;
//  3. each record gets its facts: bitmasks of the lists its principal diagnosis / procedure is in
//     (one join per claim) and of the "any dx / any procedure" lists its codes are in (the other
//     codes exploded once, joined, matching rows aggregated), and has_mcc / has_cc from the
//     secondaries' MCC/CC tables and the principal's exclusion table (README "CC, MCC and
//     exclusions");
//  4. one generated SQL expression walks prechecks, MDCs, ADRGs and splits in order (walk-sql.ts),
//     and its outcome is decoded into drg_code / mdc / adrg / status (result.ts).
import type { Session } from "../db/session.ts";
import { sqlIdent, sqlString } from "../db/session.ts";
import type { ListRegistry, ListRole } from "./lists.ts";
import { FIELD_COLUMNS, recordSql } from "./record.ts";
import { resultSql } from "./result.ts";
import type { Scheme } from "./scheme.ts";
import { loadSchemeTables, SCHEME_TABLES } from "./scheme-tables.ts";
import { FACT_COLUMNS, numberColumn, textColumn, walkSql } from "./walk-sql.ts";

export interface BulkOptions {
  /** Name of a table or view with the claims_inpatient grouping columns (shared/spec/input-data.md). */
  readonly source?: string;
  /** Table written: claim_id, drg_code, mdc, adrg, status; one row per source row, in source order. */
  readonly target?: string;
  /** Keep the work tables (scheme tables, numbered records) for inspection. */
  readonly keepWorkTables?: boolean;
  /** Called after each step with its wall time (for the benchmark). */
  readonly onStep?: (step: string, milliseconds: number) => void;
}

export interface BulkPlan {
  /** The lists the statements test by their mask bits (to be loaded by loadSchemeTables). */
  readonly lists: ListRegistry;
  /** Statements to run in order once the scheme tables are loaded. */
  readonly statements: readonly { readonly step: string; readonly sql: string }[];
  readonly workTables: readonly string[];
}

const NUMBERED = "_grouping_numbered";
const RECORDS = "_grouping_records";
/** The input columns the grouper reads (shared/spec/input-data.md, claims_inpatient). */
const INPUT_COLUMNS = ["claim_id", "principal_dx", "secondary_dx", "procedures", ...Object.values(FIELD_COLUMNS)];

/**
 * The SQL of steps 2–4 (the scheme tables of step 1 are loaded from the plan's lists).
 * `columnTypes` (input column → DuckDB type) lets numeric columns skip the text-to-number path.
 */
export function bulkGroupingPlan(
  scheme: Scheme,
  source: string,
  target: string,
  { columnTypes = new Map(), baseTable = false }: SourceShape = {},
): BulkPlan {
  const walk = walkSql(scheme);
  const { lists } = walk;
  const record = recordSql(columnTypes);
  const { principalDx, dxCount, procCount, hasMcc, hasCc } = FACT_COLUMNS;
  const t = SCHEME_TABLES;

  // Rows are numbered in source order: a table's rowid, or else row_number() materialised first (a
  // window in the record projection would make it serial). A missing optional column reads as NULL.
  const inputColumns = INPUT_COLUMNS.map((c) => (columnTypes.size === 0 || columnTypes.has(c) ? c : `NULL AS ${c}`));
  const numbered = baseTable
    ? null
    : `
    CREATE OR REPLACE TEMP TABLE ${NUMBERED} AS
    SELECT row_number() OVER () AS rid, ${inputColumns.join(", ")}
    FROM ${sqlIdent(source)}`;
  const numberedSource = baseTable
    ? `(SELECT rowid AS rid, ${inputColumns.join(", ")} FROM ${sqlIdent(source)})`
    : NUMBERED;
  // Records: toGrouperRecord in SQL, with the principal codes apart from the others, the counts, and
  // only the fields the walk reads (as text and/or as numbers).
  const recordColumns = [
    "rid",
    "CAST(claim_id AS VARCHAR) AS claim_id",
    `${record.principalDx} AS ${principalDx}`,
    `${record.secondaryDx} AS secondary_dx`,
    `${record.proc} AS proc`,
    ...walk.textFields.map((f) => `${record.fieldText(f)} AS ${textColumn(f)}`),
    ...walk.numberFields.map((f) => `${record.fieldNumber(f)} AS ${numberColumn(f)}`),
  ];
  const records = `
    CREATE OR REPLACE TEMP TABLE ${RECORDS} AS
    SELECT *,
      CASE WHEN ${principalDx} = '' THEN 0 ELSE 1 + len(secondary_dx) END AS ${dxCount},
      len(proc) AS ${procCount}
    FROM (SELECT ${recordColumns.join(",\n      ")} FROM ${numberedSource})`;

  // Facts. The principal codes: one join each, giving their "principal" and "any" list masks and the
  // principal's cce table. The other codes: exploded, joined to the codes that can matter there,
  // matching rows aggregated per claim (bit_or of "any" masks; min/max of MCC and CC tables).
  const bitOr = (role: ListRole) => lists.maskColumns(role).map((m) => `bit_or(c.${m}) AS ${m}`);
  const secondaryDx = [
    "s.rid",
    ...bitOr("adx"),
    ...["mcc", "cc"].flatMap((k) => [`min(c.${k}) AS ${k}_min`, `max(c.${k}) AS ${k}_max`]),
  ];
  const secondaryProc = lists.words("aproc")
    ? `SELECT s.rid, ${bitOr("aproc").join(", ")}
      FROM (SELECT rid, unnest(proc[2:]) AS code FROM ${RECORDS}) s JOIN ${t.procSecondary} c USING (code)
      GROUP BY s.rid`
    : "SELECT NULL::BIGINT AS rid WHERE FALSE";
  // has_mcc (README "CC, MCC and exclusions"): some secondary's table differs from the principal's
  // cce table; over the secondaries' tables that is "min or max differs from it", or any table when
  // the principal has none.
  const hasComplication = (kind: "mcc" | "cc") =>
    `coalesce(sd.${kind}_min IS NOT NULL AND (pd.cce IS NULL OR sd.${kind}_min <> pd.cce OR sd.${kind}_max <> pd.cce), FALSE)`;
  const own = (role: ListRole, alias: string) =>
    lists.maskColumns(role).map((m) => `coalesce(${alias}.${m}, 0) AS ${m}`);
  const union = (role: ListRole, a: string, b: string) =>
    lists.maskColumns(role).map((m) => `coalesce(${a}.${m}, 0) | coalesce(${b}.${m}, 0) AS ${m}`);
  const facts = [
    "k.*",
    ...own("pdx", "pd"),
    ...union("adx", "pd", "sd"),
    ...own("pproc", "pp"),
    ...union("aproc", "pp", "sp"),
    `${hasComplication("mcc")} AS ${hasMcc}`,
    `${hasComplication("cc")} AS ${hasCc}`,
  ];
  const result = resultSql("outcome");
  const grouped = `
    CREATE OR REPLACE TABLE ${sqlIdent(target)} AS
    WITH secondary_dx AS (
      SELECT ${secondaryDx.join(",\n        ")}
      FROM (SELECT rid, unnest(secondary_dx) AS code FROM ${RECORDS}) s JOIN ${t.dxSecondary} c USING (code)
      GROUP BY s.rid
    ),
    secondary_proc AS (
      ${secondaryProc}
    ),
    facts AS (
      SELECT ${facts.join(",\n        ")}
      FROM ${RECORDS} k
      LEFT JOIN ${t.dx} pd ON pd.code = nullif(k.${principalDx}, '') -- '': no diagnoses at all
      LEFT JOIN ${t.proc} pp ON pp.code = k.proc[1]
      LEFT JOIN secondary_dx sd ON sd.rid = k.rid
      LEFT JOIN secondary_proc sp ON sp.rid = k.rid
    ),
    -- Cases with the same principal diagnosis take the same path: walked side by side, most CASE
    -- branches of a vector are empty and skipped. The sort costs less than it saves (bench/grouping.ts).
    walked AS (
      SELECT rid, claim_id, ${walk.outcome} AS outcome FROM (SELECT * FROM facts ORDER BY ${principalDx})
    )
    SELECT claim_id,
      ${result.drg_code} AS drg_code,
      ${result.mdc} AS mdc,
      ${result.adrg} AS adrg,
      ${result.status} AS status
    FROM walked
    ORDER BY rid`;
  return {
    lists,
    statements: [
      ...(numbered ? [{ step: "numbered", sql: numbered }] : []),
      { step: "records", sql: records },
      { step: "facts and walk", sql: grouped },
    ],
    workTables: [NUMBERED, RECORDS, ...Object.values(SCHEME_TABLES)],
  };
}

export interface SourceShape {
  /** Input column → DuckDB type; numeric columns skip the text-to-number path. */
  readonly columnTypes?: ReadonlyMap<string, string>;
  /** A base table (numbered by its rowid) rather than a view or query. */
  readonly baseTable?: boolean;
}

async function sourceShape(session: Session, source: string): Promise<Required<SourceShape>> {
  const rows = await session.all<{ column_name: string; column_type: string }>(`DESCRIBE ${sqlIdent(source)}`);
  const tableType = await session.value<string | null>(
    `SELECT table_type FROM information_schema.tables WHERE table_name = ${sqlString(source)} ORDER BY table_schema LIMIT 1`,
  );
  const baseTable = tableType === "BASE TABLE" || tableType === "LOCAL TEMPORARY";
  return { columnTypes: new Map(rows.map((r) => [r.column_name, r.column_type])), baseTable };
}

export async function groupClaimsInDuckDB(session: Session, scheme: Scheme, options: BulkOptions = {}): Promise<void> {
  const { source = "claims_inpatient", target = "grouped", keepWorkTables = false, onStep } = options;
  let started = performance.now();
  const done = (step: string) => {
    const now = performance.now();
    onStep?.(step, now - started);
    started = now;
  };
  const shape = await sourceShape(session, source);
  const missing = ["claim_id", "principal_dx"].filter((c) => !shape.columnTypes.has(c));
  if (missing.length) {
    throw new Error(
      `${source}: no column ${missing.join(", ")}; the grouper reads the claims_inpatient columns (shared/spec/input-data.md)`,
    );
  }
  const plan = bulkGroupingPlan(scheme, source, target, shape);
  await loadSchemeTables(session, scheme, plan.lists);
  done("scheme tables");
  try {
    for (const { step, sql } of plan.statements) {
      await session.run(sql);
      done(step);
    }
  } finally {
    if (!keepWorkTables) for (const table of plan.workTables) await session.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
