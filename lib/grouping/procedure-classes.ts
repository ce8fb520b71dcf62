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
// page), and `createProcedureClassesTable` + `caseTreatmentSql` for set work in DuckDB. The table holds
// the operation and intervention codes only; a code absent from it is diagnostic.
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

export interface CaseTreatmentOptions {
  /** A table or view with one row per case. */
  readonly source: string;
  /** Its key column. */
  readonly id: string;
  /** Its procedures cell (';'-joined text, as in the input contract). */
  readonly procedures?: string;
  /** The classes table (default procedure_classes). */
  readonly classes?: string;
}

/**
 * A SELECT, one row per source row: `<id>, treatment, op_codes` — the case's treatment type (§7) and
 * its distinct operation and intervention codes, sorted (VARCHAR[], empty when none). Set work: the
 * procedure cells are exploded once, joined to the classes table and aggregated back.
 */
export function caseTreatmentSql({ source, id, procedures = "procedures", classes = PROCEDURE_CLASSES_TABLE }: CaseTreatmentOptions): string {
  return `(WITH _codes AS (
    SELECT ${id} AS _id, unnest(${splitCodesSql(procedures)}) AS code FROM ${source}
  ),
  _classed AS (
    SELECT _codes._id, _codes.code,
           ${treatmentRankSql(`coalesce(pc.class, 'diagnostic')`)} AS rank
    FROM _codes LEFT JOIN ${classes} AS pc ON pc.code = _codes.code
  ),
  _by_case AS (
    SELECT _id, max(rank) AS rank,
           coalesce(list_sort(list_distinct(list(code) FILTER (WHERE rank >= 2))), []::VARCHAR[]) AS op_codes
    FROM _classed GROUP BY _id
  )
  SELECT s.${id}, ${treatmentNameSql(`coalesce(b.rank, 0)`)} AS treatment,
         coalesce(b.op_codes, []::VARCHAR[]) AS op_codes
  FROM ${source} AS s LEFT JOIN _by_case AS b ON b._id = s.${id})`;
}
