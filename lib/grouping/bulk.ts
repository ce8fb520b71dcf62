// Grouping every claim of a table at once, as set work in DuckDB (no per-row JS):
//  1. the scheme's lists and CC/MCC/cce tables go into tables keyed by code (scheme-tables.ts);
//  2. claims become records (the SQL twin of toGrouperRecord, record.ts), numbered in source order,
//     holding only what the walk reads: the principal diagnosis, the code-list cells, sex, and number
//     fields banded by the constants the scheme compares them with (bandSql);
//  3. claims repeat those combinations: each distinct one is grouped once and the claims find it by a
//     checked 64-bit key (where combinations rarely repeat, the records are walked as they are);
//  4. each combination gets its facts: bitmasks of the lists its principal diagnosis / procedure is in
//     (one join each) and of the "any dx / any procedure" lists its other codes are in (each distinct
//     cell split, its codes joined and aggregated once), and has_mcc / has_cc from the secondaries'
//     MCC/CC tables and the principal's exclusion table (README "CC, MCC and exclusions");
//  5. one generated SQL expression walks prechecks, MDCs, ADRGs and splits in order (walk-sql.ts),
//     and its outcome is decoded into drg_code / mdc / adrg / status (result.ts).
import type { Session } from "../db/session.ts";
import { sqlIdent, sqlString } from "../db/session.ts";
import type { ListRegistry, ListRole } from "./lists.ts";
import { FIELD_COLUMNS, recordSql, splitCodesSql } from "./record.ts";
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
  /** Force one way of grouping (tests compare both); default: by the share of distinct combinations. */
  readonly distinct?: boolean;
  /**
   * Keep the scheme tables for the next call on this session with the same scheme (ingest groups each
   * claims file on its own: loading the tables costs ~0.4 s, sixty times over for five years of months).
   */
  readonly keepSchemeTables?: boolean;
}

/** The scheme whose tables each session holds (kept by keepSchemeTables), with its lists' signature. */
const loadedSchemes = new WeakMap<Session, { scheme: Scheme; lists: string }>();
const listsSignature = (lists: ListRegistry) => lists.lists.map((l) => `${l.role}${l.index}:${l.codes.size}`).join(",");

interface Statement {
  readonly step: string;
  readonly sql: string;
}

/** Above this share of distinct combinations, the records are walked as they are. */
export const DISTINCT_SHARE_LIMIT = 0.6;

export interface BulkPlan {
  /** The lists the statements test by their mask bits (to be loaded by loadSchemeTables). */
  readonly lists: ListRegistry;
  /** Statements to run in order once the scheme tables are loaded: the records. */
  readonly statements: readonly Statement[];
  /** Then, where claims repeat their combinations: group each distinct one once, join back. */
  readonly distinctStatements: readonly Statement[];
  /** Or, where they do not: walk every record. */
  readonly perRecordStatements: readonly Statement[];
  /** The share of distinct combinations among the records (HyperLogLog estimate, cheap). */
  readonly distinctShareSql: string;
  readonly workTables: readonly string[];
}

const NUMBERED = "_grouping_numbered";
const RECORDS = "_grouping_records";
const COMBOS = "_grouping_combinations";
const SECONDARY_CELLS = "_grouping_secondary_cells";
const PROCEDURE_CELLS = "_grouping_procedure_cells";
const OUTCOMES = "_grouping_outcomes";
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
  // Records: toGrouperRecord in SQL, with the principal diagnosis apart, the code lists as their cell
  // text (split once per distinct cell below), and only the fields the walk reads, number fields banded
  // by the constants the walk compares them with (bandSql).
  const recordColumns = [
    "rid",
    "CAST(claim_id AS VARCHAR) AS claim_id",
    `${record.principalDx} AS ${principalDx}`,
    // A record without a principal diagnosis has no diagnoses at all: its secondaries are not read.
    `CASE WHEN ${record.principalDx} <> '' THEN CAST(secondary_dx AS VARCHAR) END AS secondary_cell`,
    "CAST(procedures AS VARCHAR) AS procedures_cell",
    ...walk.textFields.map((f) => `${record.fieldText(f)} AS ${textColumn(f)}`),
    ...walk.numberFields.map((f) => `${bandSql(record.fieldNumber(f), walk.numberConstants.get(f) ?? [])} AS ${numberColumn(f)}`),
  ];
  // Claims repeat what the scheme reads of them (codes, sex, age band): each distinct combination is
  // grouped once (COMBOS) and the claims find their group by a 64-bit hash of it. A collision between
  // two distinct combinations (about 1e-9 at 100k of them) is detected, and then every column is compared.
  const comboColumns = [
    principalDx,
    "secondary_cell",
    "procedures_cell",
    ...walk.textFields.map(textColumn),
    ...walk.numberFields.map(numberColumn),
  ];
  const comboKey = `hash(${comboColumns.join(", ")})`;
  const records = `
    CREATE OR REPLACE TEMP TABLE ${RECORDS} AS
    SELECT *, ${comboKey} AS _combo FROM (SELECT ${recordColumns.join(",\n      ")} FROM ${numberedSource})`;
  const combos = `
    CREATE OR REPLACE TEMP TABLE ${COMBOS} AS
    SELECT *, ${comboKey} AS _combo FROM (SELECT DISTINCT ${comboColumns.join(", ")} FROM ${RECORDS});
    SET VARIABLE grouping_combo_collision = (SELECT count(*) > count(DISTINCT _combo) FROM ${COMBOS})`;

  // The code lists: claims repeat their secondary-diagnosis and procedure cells, so each distinct cell
  // is split, its codes joined to the codes that can matter there, and its facts aggregated once: the
  // count, the bit_or of the "any" list masks, min/max of the secondaries' MCC and CC tables; for the
  // procedures also the principal (first) code.
  const bitOr = (role: ListRole) => lists.maskColumns(role).map((m) => `bit_or(c.${m}) AS ${m}`);
  const secondaryCells = `
    CREATE OR REPLACE TEMP TABLE ${SECONDARY_CELLS} AS
    WITH cells AS (
      SELECT cell, ${splitCodesSql("cell")} AS codes FROM (SELECT DISTINCT secondary_cell AS cell FROM ${COMBOS} WHERE secondary_cell IS NOT NULL)
    ),
    matched AS (
      SELECT s.cell, ${[...bitOr("adx"), ...["mcc", "cc"].flatMap((k) => [`min(c.${k}) AS ${k}_min`, `max(c.${k}) AS ${k}_max`])].join(", ")}
      FROM (SELECT cell, unnest(codes) AS code FROM cells) s JOIN ${t.dxSecondary} c USING (code)
      GROUP BY s.cell
    )
    SELECT cells.cell, len(cells.codes) AS codes, matched.* EXCLUDE (cell) FROM cells LEFT JOIN matched USING (cell)`;
  const procedureCells = `
    CREATE OR REPLACE TEMP TABLE ${PROCEDURE_CELLS} AS
    WITH cells AS (
      SELECT cell, ${splitCodesSql("cell")} AS codes FROM (SELECT DISTINCT procedures_cell AS cell FROM ${COMBOS} WHERE procedures_cell IS NOT NULL)
    ),
    matched AS (
      ${
        lists.words("aproc")
          ? `SELECT s.cell, ${bitOr("aproc").join(", ")}
      FROM (SELECT cell, unnest(codes[2:]) AS code FROM cells) s JOIN ${t.procSecondary} c USING (code)
      GROUP BY s.cell`
          : "SELECT NULL::VARCHAR AS cell WHERE FALSE"
      }
    )
    SELECT cells.cell, len(cells.codes) AS codes, cells.codes[1] AS first_code, matched.* EXCLUDE (cell) FROM cells LEFT JOIN matched USING (cell)`;

  // Facts. The principal codes: one join each, giving their "principal" and "any" list masks and the
  // principal's cce table; the other codes: their cell's facts.
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
  const factsSql = `
    SELECT ${facts.join(",\n        ")},
      CASE WHEN k.${principalDx} = '' THEN 0 ELSE 1 + coalesce(sd.codes, 0) END AS ${dxCount},
      coalesce(sp.codes, 0) AS ${procCount}
    FROM ${COMBOS} k
    LEFT JOIN ${t.dx} pd ON pd.code = nullif(k.${principalDx}, '') -- '': no diagnoses at all
    LEFT JOIN ${SECONDARY_CELLS} sd ON sd.cell = k.secondary_cell
    LEFT JOIN ${PROCEDURE_CELLS} sp ON sp.cell = k.procedures_cell
    LEFT JOIN ${t.proc} pp ON pp.code = sp.first_code`;
  // Cases with the same principal diagnosis take the same path: walked side by side, most CASE
  // branches of a vector are empty and skipped. The sort costs less than it saves (bench/grouping.ts).
  const outcomes = `
    CREATE OR REPLACE TEMP TABLE ${OUTCOMES} AS
    SELECT ${comboColumns.join(", ")}, _combo, ${walk.outcome} AS outcome
    FROM (${factsSql} ORDER BY k.${principalDx})`;
  const sameCombo = `r._combo = o._combo AND (NOT getvariable('grouping_combo_collision') OR (${comboColumns
    .map((c) => `r.${c} IS NOT DISTINCT FROM o.${c}`)
    .join(" AND ")}))`;
  // Where most claims are combinations of their own (a region whose secondary diagnoses rarely repeat),
  // deduplicating costs more than it saves: the same walk then runs on the records themselves.
  const perRecord = `
    CREATE OR REPLACE TABLE ${sqlIdent(target)} AS
    SELECT claim_id,
      ${result.drg_code} AS drg_code,
      ${result.mdc} AS mdc,
      ${result.adrg} AS adrg,
      ${result.status} AS status
    FROM (SELECT rid, claim_id, ${walk.outcome} AS outcome FROM (${factsSql.replace(`FROM ${COMBOS} k`, `FROM ${RECORDS} k`)} ORDER BY k.${principalDx}))
    ORDER BY rid`;
  const grouped = `
    CREATE OR REPLACE TABLE ${sqlIdent(target)} AS
    SELECT r.claim_id,
      ${result.drg_code} AS drg_code,
      ${result.mdc} AS mdc,
      ${result.adrg} AS adrg,
      ${result.status} AS status
    FROM ${RECORDS} r JOIN ${OUTCOMES} o ON ${sameCombo}
    ORDER BY r.rid`;
  return {
    lists,
    statements: [
      ...(numbered ? [{ step: "numbered", sql: numbered }] : []),
      { step: "records", sql: records },
    ],
    distinctStatements: [
      { step: "distinct combinations", sql: combos },
      { step: "code lists", sql: `${secondaryCells};\n${procedureCells}` },
      { step: "facts and walk", sql: outcomes },
      { step: "join back", sql: grouped },
    ],
    perRecordStatements: [
      { step: "code lists", sql: `${secondaryCells};\n${procedureCells}`.replaceAll(`FROM ${COMBOS} WHERE`, `FROM ${RECORDS} WHERE`) },
      { step: "facts and walk", sql: perRecord },
    ],
    distinctShareSql: `SELECT approx_count_distinct(_combo) / count(*) FROM ${RECORDS}`,
    workTables: [NUMBERED, RECORDS, COMBOS, SECONDARY_CELLS, PROCEDURE_CELLS, OUTCOMES, ...Object.values(SCHEME_TABLES)],
  };
}

/**
 * A number field's band: a value standing for every value on the same side of, or equal to, each
 * constant the walk compares the field with (the constant itself, a midpoint, or one beyond the ends).
 * NULL (no number) stays NULL.
 */
export function bandSql(column: string, constants: readonly number[]): string {
  if (constants.length === 0) return `CASE WHEN ${column} IS NULL THEN NULL ELSE 0::DOUBLE END`;
  const arms = [`WHEN ${column} IS NULL THEN NULL`];
  for (const c of constants) arms.push(`WHEN ${column} = ${c} THEN ${c}::DOUBLE`);
  arms.push(`WHEN ${column} < ${constants[0]} THEN ${constants[0] - 1}::DOUBLE`);
  for (let i = 1; i < constants.length; i++) arms.push(`WHEN ${column} < ${constants[i]} THEN ${(constants[i - 1] + constants[i]) / 2}::DOUBLE`);
  return `(CASE ${arms.join(" ")} ELSE ${constants[constants.length - 1] + 1}::DOUBLE END)`;
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
  const { source = "claims_inpatient", target = "grouped", keepWorkTables = false, onStep, distinct, keepSchemeTables = false } = options;
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
  const loaded = loadedSchemes.get(session);
  const signature = listsSignature(plan.lists);
  if (loaded?.scheme !== scheme || loaded.lists !== signature) {
    await loadSchemeTables(session, scheme, plan.lists);
    loadedSchemes.set(session, { scheme, lists: signature });
  }
  done("scheme tables");
  try {
    for (const { step, sql } of plan.statements) {
      await session.run(sql);
      done(step);
    }
    const share = Number(await session.value(plan.distinctShareSql));
    const rest = (distinct ?? share <= DISTINCT_SHARE_LIMIT) ? plan.distinctStatements : plan.perRecordStatements;
    onStep?.(`distinct combinations ${(share * 100).toFixed(0)} %: ${rest === plan.distinctStatements ? "grouped once each" : "records walked"}`, 0);
    for (const { step, sql } of rest) {
      await session.run(sql);
      done(step);
    }
  } finally {
    const schemeTables = new Set<string>(Object.values(SCHEME_TABLES));
    if (!keepSchemeTables) loadedSchemes.delete(session);
    const dropped = plan.workTables.filter((t) => !(keepSchemeTables && schemeTables.has(t)));
    if (!keepWorkTables) for (const table of dropped) await session.run(`DROP TABLE IF EXISTS ${table}`);
  }
}
