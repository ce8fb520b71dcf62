// The whole grouping walk (README "Prechecks", "The grouping walk") as one SQL expression over a
// row of per-claim facts. It yields a group code, or `#STATUS` for a refused case; result.ts decodes
// it. Browser-safe: only strings are built here.
//
// Shape: CASE over the prechecks, ELSE coalesce(mdc_1, mdc_2, …, fallback), where each mdc_i is
// CASE WHEN <MDC condition> THEN (CASE WHEN <ADRG condition> THEN <splits> … END) END; an MDC in
// which no ADRG holds yields NULL, and coalesce goes on with the next MDC (walk step 4).
import { ListRegistry } from "./lists.ts";
import { fieldNumberSql } from "./record.ts";
import { REFUSED_PREFIX, RULE_ERROR } from "./result.ts";
import type { Scheme } from "./scheme.ts";
import { conditionSql, type SqlCondition, type SqlContext } from "./sql-conditions.ts";

/** Columns of the facts row the walk reads (built by bulk.ts), besides the list masks (lists.ts). */
export const FACT_COLUMNS = {
  principalDx: "principal_dx",
  dxCount: "dx_count",
  procCount: "proc_count",
  hasMcc: "has_mcc",
  hasCc: "has_cc",
} as const;

/** The facts column holding the text of a scalar field read from the record. */
export function textColumn(field: string): string {
  return `f_${field}`;
}

/** The facts column holding a scalar field read as a number (NULL where it is no number). */
export function numberColumn(field: string): string {
  return `n_${field}`;
}

export interface WalkSql {
  /** The expression yielding a group code or `#STATUS`. */
  readonly outcome: string;
  /** Every list the expression refers to, with its index and role. */
  readonly lists: ListRegistry;
  /** Record fields the walk reads as text, from `f_<field>` columns. */
  readonly textFields: readonly string[];
  /** Record fields the walk reads as numbers, from `n_<field>` columns. */
  readonly numberFields: readonly string[];
  /**
   * The constants each `n_<field>` is compared with, ascending. The walk compares number fields with
   * constants only, so two values on the same side of (or equal to) every constant group alike.
   */
  readonly numberConstants: ReadonlyMap<string, readonly number[]>;
  /** Whether the walk reads the principal diagnosis's text itself (not only its list masks). */
  readonly readsPrincipalText: boolean;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const ruleError = quote(`${REFUSED_PREFIX}${RULE_ERROR}`);

/** CASE arms for an ordered list of (condition → result): the error arm first, then the value arm. */
function arms(entries: readonly { condition: SqlCondition; result: string }[]): string {
  return entries
    .map(({ condition, result }) =>
      condition.err === null
        ? `WHEN ${condition.val} THEN ${result}`
        : `WHEN ${condition.err} THEN ${ruleError} WHEN ${condition.val} THEN ${result}`,
    )
    .join("\n      ");
}

export function walkSql(scheme: Scheme): WalkSql {
  const lists = new ListRegistry();
  const { principalDx, dxCount, procCount } = FACT_COLUMNS;
  // Derived fields (README "Record fields") come from their own columns.
  const derived: Record<string, { text: string; number: string }> = {
    dx_count: { text: `CAST(${dxCount} AS VARCHAR)`, number: `${dxCount}::DOUBLE` },
    proc_count: { text: `CAST(${procCount} AS VARCHAR)`, number: `${procCount}::DOUBLE` },
    principal_dx: { text: principalDx, number: fieldNumberSql(principalDx) },
  };
  const textFields = new Set<string>();
  const numberFields = new Set<string>();
  const constants = new Map<string, Set<number>>();
  let readsPrincipalText = false;
  // A rewrite (prechecks) replaces a field's text for every later step.
  const rewritten = new Map<string, string>();
  const fieldText = (field: string) => {
    if (field === "principal_dx") readsPrincipalText = true;
    const text = rewritten.get(field) ?? derived[field]?.text;
    if (text !== undefined) return text;
    textFields.add(field);
    return textColumn(field);
  };
  const context: SqlContext = {
    lists,
    hasMcc: FACT_COLUMNS.hasMcc,
    hasCc: FACT_COLUMNS.hasCc,
    fieldText,
    fieldNumber: (field) => {
      if (field === "principal_dx") readsPrincipalText = true;
      const text = rewritten.get(field);
      if (text !== undefined) return fieldNumberSql(text);
      if (derived[field]) return derived[field].number;
      numberFields.add(field);
      return numberColumn(field);
    },
    comparedWith: (field, value) => {
      if (!constants.has(field)) constants.set(field, new Set());
      constants.get(field)!.add(value);
    },
  };
  const compile = (c: Parameters<typeof conditionSql>[0]) => conditionSql(c, context);

  const refusals: { condition: SqlCondition; result: string }[] = [];
  for (const step of scheme.prechecks) {
    if (step.kind === "reject") {
      refusals.push({ condition: compile(step.condition), result: quote(`${REFUSED_PREFIX}${step.status}`) });
    } else {
      const before = fieldText(step.field);
      rewritten.set(
        step.field,
        `(CASE WHEN ${before} = ${quote(step.from)} THEN ${quote(step.to)} ELSE ${before} END)`,
      );
    }
  }

  const mdcs = scheme.mdcs.map((m) => {
    const entries = m.entries.flatMap((e) => {
      if (e.kind === "qy") return e.enabled ? [{ condition: compile(e.condition), result: quote(e.code) }] : [];
      const splits = e.splits.map((s) => ({ condition: compile(s.predicate), result: quote(s.drg) }));
      const result = `(CASE ${arms(splits)} ELSE ${quote(e.noSplitResult)} END)`;
      return [{ condition: compile(e.condition), result }];
    });
    const body = entries.length ? `(CASE ${arms(entries)} END)` : "NULL";
    return `-- MDC ${m.mdc}\n    (CASE ${arms([{ condition: compile(m.condition), result: body }])} END)`;
  });
  const walk = `coalesce(\n    ${[...mdcs, quote(scheme.fallback)].join(",\n    ")})`;
  const outcome = refusals.length ? `CASE ${arms(refusals)}\n  ELSE ${walk} END` : walk;
  // Constants of fields that reach the walk as n_<field> (not rewritten or derived ones).
  const numberConstants = new Map([...numberFields].map((f) => [f, [...(constants.get(f) ?? [])].sort((a, b) => a - b)]));
  return { outcome, lists, textFields: [...textFields], numberFields: [...numberFields], numberConstants, readsPrincipalText };
}
