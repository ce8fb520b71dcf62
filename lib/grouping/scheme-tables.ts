// The scheme's code lists and CC/MCC/cce tables as DuckDB tables keyed by code, for bulk.ts:
//   _grouping_dx(code, pdx_m0…, adx_m0…, mcc, cc, cce)   every diagnosis code the rules name
//   _grouping_proc(code, pproc_m0…, aproc_m0…)           every procedure code the rules name
// and, for the secondary codes of a claim, the subsets that can matter there:
//   _grouping_dx_secondary  codes in an "any dx" list (or region) or in the MCC / CC tables
//   _grouping_proc_secondary  codes in an "any procedure" list
// pdx_m0… are UBIGINT words of list bits (lists.ts): bit i of pdx_m0 is set when the code is in the
// i-th list read by principal_dx_in. Exclusion table numbers become small integers (same text, same
// integer), which compare faster than text. Rows go in through the appender.
import type { Session } from "../db/session.ts";
import { MASK_BITS, maskColumn, type ListRegistry, type ListRole } from "./lists.ts";
import type { Scheme } from "./scheme.ts";

export const SCHEME_TABLES = {
  listCodes: "_grouping_list_codes",
  complications: "_grouping_complications",
  dx: "_grouping_dx",
  proc: "_grouping_proc",
  dxSecondary: "_grouping_dx_secondary",
  procSecondary: "_grouping_proc_secondary",
} as const;

async function append(session: Session, table: string, rows: Iterable<readonly (string | number)[]>): Promise<void> {
  const appender = await session.connection.createAppender(table, null, "temp");
  for (const row of rows) {
    for (const value of row) {
      if (typeof value === "number") appender.appendInteger(value);
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
}

function* listRows(lists: ListRegistry): Generator<readonly [string, number, string]> {
  for (const { role, index, codes } of lists.lists) for (const code of codes) yield [role, index, code];
}

function* complicationRows(scheme: Scheme): Generator<readonly [string, string, number]> {
  const numbers = new Map<string, number>();
  const number = (table: string) => {
    let n = numbers.get(table);
    if (n === undefined) numbers.set(table, (n = numbers.size + 1));
    return n;
  };
  for (const [kind, table] of [
    ["mcc", scheme.mcc],
    ["cc", scheme.cc],
    ["cce", scheme.cce],
  ] as const) {
    for (const [code, tableText] of table) yield [kind, code, number(tableText)];
  }
}

/** Mask words of a role, aggregated over a code's rows of the list table. */
function masks(lists: ListRegistry, role: ListRole): string[] {
  return Array.from(
    { length: lists.words(role) },
    (_, w) =>
      `coalesce(bit_or(1::UBIGINT << (list_index % ${MASK_BITS})) FILTER (WHERE role = '${role}' AND list_index // ${MASK_BITS} = ${w}), 0) AS ${maskColumn(role, w)}`,
  );
}

/** The SQL "some bit of this role is set" over a code table's mask columns. */
function anyBit(lists: ListRegistry, role: ListRole): string {
  const columns = lists.maskColumns(role);
  return columns.length ? columns.map((m) => `${m} <> 0`).join(" OR ") : "FALSE";
}

export async function loadSchemeTables(session: Session, scheme: Scheme, lists: ListRegistry): Promise<void> {
  const t = SCHEME_TABLES;
  await session.run(`
    CREATE OR REPLACE TEMP TABLE ${t.listCodes} (role VARCHAR, list_index INTEGER, code VARCHAR);
    CREATE OR REPLACE TEMP TABLE ${t.complications} (kind VARCHAR, code VARCHAR, tbl INTEGER);`);
  await append(session, t.listCodes, listRows(lists));
  await append(session, t.complications, complicationRows(scheme));
  const dxColumns = [
    "code",
    ...masks(lists, "pdx"),
    ...masks(lists, "adx"),
    ...["mcc", "cc", "cce"].map((k) => `any_value(tbl) FILTER (WHERE role = '${k}') AS ${k}`),
  ];
  const procColumns = ["code", ...masks(lists, "pproc"), ...masks(lists, "aproc")];
  await session.run(`
    CREATE OR REPLACE TEMP TABLE ${t.dx} AS
    SELECT ${dxColumns.join(",\n      ")}
    FROM (
      SELECT role, list_index, code, NULL::INTEGER AS tbl FROM ${t.listCodes} WHERE role IN ('pdx', 'adx')
      UNION ALL
      SELECT kind, NULL, code, tbl FROM ${t.complications}
    )
    GROUP BY code;
    CREATE OR REPLACE TEMP TABLE ${t.proc} AS
    SELECT ${procColumns.join(",\n      ")}
    FROM ${t.listCodes} WHERE role IN ('pproc', 'aproc')
    GROUP BY code;
    CREATE OR REPLACE TEMP TABLE ${t.dxSecondary} AS
    SELECT * FROM ${t.dx} WHERE ${anyBit(lists, "adx")} OR mcc IS NOT NULL OR cc IS NOT NULL;
    CREATE OR REPLACE TEMP TABLE ${t.procSecondary} AS
    SELECT * FROM ${t.proc} WHERE ${anyBit(lists, "aproc")};`);
}
