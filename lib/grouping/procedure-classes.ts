// Procedure classes (metrics.md §7), shared by DIP (§9) and outpatient APG (§8): every procedure code
// gets one class, read from the grouping scheme's rules, so it follows the scheme a bureau uses.
//
// An ADRG's **own lists** are the procedure lists its condition names (`principal_proc_in`,
// `any_proc_in`), not the scheme-wide named sets (`sets.valid_procedures`) that some surgical ADRGs
// also test. A code is
//   operation     in an own list of a surgical ADRG: ADRG letter (second character) A–J; in MDC R only
//                 letter A (RA1–RA4: RB–RG are chemotherapy and radiotherapy groups);
//   intervention  otherwise, in an own list of a non-operating-room ADRG (letters K–Q) or of MDC R's
//                 RB–RG;
//   diagnostic    any other procedure code.
// A case or visit without procedure codes is `conservative`; its **treatment type** is the highest
// class among its procedures: operation > intervention > diagnostic > conservative.
//
// Two forms, one rule: `procedureClass(scheme, code)` for one code (browser-safe, the group-a-case
// page), and `createProcedureClassesTable` + `cellTreatmentSql` / `caseTreatmentSql` for set work in
// DuckDB. The table holds the operation and intervention codes only; a code absent from it is diagnostic.
import type { Session } from "../db/session.ts";
import type { Condition, Scheme } from "./scheme.ts";
import { splitCodesSql, trimText } from "./record.ts";

export type ProcedureClass = "operation" | "intervention" | "diagnostic";
export type TreatmentType = ProcedureClass | "conservative";

/** Treatment types from lowest to highest (§7): a case's type is the highest of its procedures'. */
export const TREATMENT_ORDER: readonly TreatmentType[] = ["conservative", "diagnostic", "intervention", "operation"];

/** The class an ADRG's own procedure lists give their codes, from the ADRG code alone; null: none. */
export function adrgProcedureClass(adrg: string): "operation" | "intervention" | null {
  const mdc = adrg.charAt(0);
  const letter = adrg.charAt(1);
  if (mdc === "R") {
    if (letter === "A") return "operation";
    if (letter >= "B" && letter <= "G") return "intervention";
  } else if (letter >= "A" && letter <= "J") {
    return "operation";
  }
  if (letter >= "K" && letter <= "Q") return "intervention";
  return null;
}

export interface ClassedCode {
  readonly code: string;
  readonly class: "operation" | "intervention";
  /** The ADRGs whose own lists name the code and give it this class, sorted. */
  readonly adrgs: readonly string[];
}

/** The procedure lists a condition tree names, scheme-wide named sets left out. */
function ownProcedureLists(scheme: Scheme, condition: Condition, out: Set<ReadonlySet<string>>): void {
  switch (condition.type) {
    case "principal_proc_in":
    case "any_proc_in":
      if (condition.list.name === null || !scheme.sets.has(condition.list.name)) out.add(condition.list.codes);
      return;
    case "all":
    case "any":
      for (const part of condition.of) ownProcedureLists(scheme, part, out);
      return;
    case "not":
      ownProcedureLists(scheme, condition.of, out);
      return;
    default:
      return;
  }
}

const cache = new WeakMap<Scheme, ReadonlyMap<string, ClassedCode>>();

/** Every operation and intervention code of a scheme, with the ADRGs that class it (sorted by code). */
export function procedureClassMap(scheme: Scheme): ReadonlyMap<string, ClassedCode> {
  const cached = cache.get(scheme);
  if (cached) return cached;
  const found = new Map<string, { operation: Set<string>; intervention: Set<string> }>();
  for (const mdc of scheme.mdcs) {
    for (const entry of mdc.entries) {
      if (entry.kind !== "adrg") continue;
      const kind = adrgProcedureClass(entry.adrg);
      if (kind === null) continue;
      const lists = new Set<ReadonlySet<string>>();
      ownProcedureLists(scheme, entry.condition, lists);
      for (const list of lists) {
        for (const code of list) {
          let seen = found.get(code);
          if (!seen) found.set(code, (seen = { operation: new Set(), intervention: new Set() }));
          seen[kind].add(entry.adrg);
        }
      }
    }
  }
  const map = new Map<string, ClassedCode>();
  for (const code of [...found.keys()].sort()) {
    const seen = found.get(code)!;
    // an own list of a surgical ADRG makes it an operation, whatever else names it
    const kind = seen.operation.size > 0 ? "operation" : "intervention";
    map.set(code, { code, class: kind, adrgs: [...seen[kind]].sort() });
  }
  cache.set(scheme, map);
  return map;
}

/** The class of one procedure code (trimmed as a list cell entry is); exact match, as the rules match. */
export function procedureClass(scheme: Scheme, code: string): ProcedureClass {
  return procedureClassMap(scheme).get(trimText(code))?.class ?? "diagnostic";
}

/** A case's treatment type: the highest class of its procedures; no procedure: conservative. */
export function treatmentType(scheme: Scheme, codes: readonly string[]): TreatmentType {
  let best = 0;
  for (const code of codes) {
    if (trimText(code) === "") continue;
    best = Math.max(best, TREATMENT_ORDER.indexOf(procedureClass(scheme, code)));
  }
  return TREATMENT_ORDER[best];
}

// ---- The same in DuckDB ----

export const PROCEDURE_CLASSES_TABLE = "procedure_classes";

/**
 * Creates `procedure_classes(code VARCHAR, class VARCHAR, adrgs VARCHAR)` (one row per operation or
 * intervention code; `adrgs` space-joined) from the scheme, through the appender.
 */
export async function createProcedureClassesTable(
  session: Session,
  scheme: Scheme,
  table: string = PROCEDURE_CLASSES_TABLE,
): Promise<void> {
  await session.run(`CREATE OR REPLACE TABLE ${table} (code VARCHAR, class VARCHAR, adrgs VARCHAR)`);
  const appender = await session.connection.createAppender(table);
  for (const row of procedureClassMap(scheme).values()) {
    appender.appendVarchar(row.code);
    appender.appendVarchar(row.class);
    appender.appendVarchar(row.adrgs.join(" "));
    appender.endRow();
  }
  appender.closeSync();
}

/** SQL: a treatment type's rank (0 conservative … 3 operation) from its name. */
export function treatmentRankSql(typeSql: string): string {
  return `(CASE ${typeSql} ${TREATMENT_ORDER.map((t, i) => `WHEN '${t}' THEN ${i}`).join(" ")} END)`;
}

/** SQL: the treatment type's name from its rank (0 … 3). */
export function treatmentNameSql(rankSql: string): string {
  return `(CASE ${rankSql} ${TREATMENT_ORDER.map((t, i) => `WHEN ${i} THEN '${t}'`).join(" ")} END)`;
}

export interface CellTreatmentOptions {
  /** A table or view with a procedures cell per row. */
  readonly source: string;
  /** Its procedures cell (';'-joined text, as in the input contract). */
  readonly procedures?: string;
  /** The classes table (default procedure_classes). */
  readonly classes?: string;
}

export interface CaseTreatmentOptions extends CellTreatmentOptions {
  /** Its key column (one row per case). */
  readonly id: string;
}

/**
 * A SELECT, one row per distinct non-NULL procedures cell of the source: `cell, treatment, op_codes` —
 * the cell's treatment type (§7) and its distinct operation and intervention codes, sorted (VARCHAR[],
 * empty when none). Cases repeat their procedure cells, so each distinct cell is exploded, classed and
 * aggregated once; a case takes its cell's row by equality (a NULL cell, like an empty one, is
 * conservative with no codes: join with LEFT JOIN and coalesce, as caseTreatmentSql does).
 */
export function cellTreatmentSql({ source, procedures = "procedures", classes = PROCEDURE_CLASSES_TABLE }: CellTreatmentOptions): string {
  return `(WITH _cells AS (
    SELECT DISTINCT ${procedures} AS cell FROM ${source} WHERE ${procedures} IS NOT NULL
  ),
  _codes AS (
    SELECT cell, unnest(${splitCodesSql("cell")}) AS code FROM _cells
  ),
  _classed AS (
    SELECT _codes.cell, _codes.code,
           ${treatmentRankSql(`coalesce(pc.class, 'diagnostic')`)} AS rank
    FROM _codes LEFT JOIN ${classes} AS pc ON pc.code = _codes.code
  ),
  _by_cell AS (
    SELECT cell, max(rank) AS rank,
           coalesce(list_sort(list_distinct(list(code) FILTER (WHERE rank >= 2))), []::VARCHAR[]) AS op_codes
    FROM _classed GROUP BY cell
  )
  SELECT c.cell, ${treatmentNameSql(`coalesce(b.rank, 0)`)} AS treatment,
         coalesce(b.op_codes, []::VARCHAR[]) AS op_codes
  FROM _cells AS c LEFT JOIN _by_cell AS b ON b.cell = c.cell)`;
}

/**
 * A SELECT, one row per source row: `<id>, treatment, op_codes` — the case's treatment type (§7) and
 * its distinct operation and intervention codes, sorted (VARCHAR[], empty when none): its procedures
 * cell's row of cellTreatmentSql.
 */
export function caseTreatmentSql({ source, id, procedures = "procedures", classes = PROCEDURE_CLASSES_TABLE }: CaseTreatmentOptions): string {
  return `(SELECT s.${id}, coalesce(t.treatment, 'conservative') AS treatment,
         coalesce(t.op_codes, []::VARCHAR[]) AS op_codes
  FROM ${source} AS s LEFT JOIN ${cellTreatmentSql({ source, procedures, classes })} AS t ON t.cell = s.${procedures})`;
}
