// Condition trees compiled into SQL boolean expressions over one row of per-claim facts (bulk.ts):
// list memberships as bitmask tests (lists.ts), fields as text / number expressions, has_mcc /
// has_cc as columns. Browser-safe. Semantics as in conditions.ts (README "Condition vocabulary").
//
// SQL evaluates no tree left to right, so each node also gets `err`: true when the JS walk, stopping
// at the first deciding part of `all` / `any`, would reach an `error` / `unexpressed` node. Trees
// without such nodes (all of CHS-DRG 1.1) have err = null and compile to plain boolean SQL.
import type { ListRegistry, ListRole } from "./lists.ts";
import type { CmpOp, Condition } from "./scheme.ts";

export interface SqlCondition {
  /** Never NULL. */
  readonly val: string;
  /** Whether evaluation reaches an error node; null when it cannot. */
  readonly err: string | null;
}

/** Column names of the facts row, and the SQL of each scalar field at this point of the walk. */
export interface SqlContext {
  readonly lists: ListRegistry;
  readonly hasMcc: string;
  readonly hasCc: string;
  /** Text of a field (never NULL). */
  fieldText(field: string): string;
  /** A field read as a number: NULL where the text is no number (README "Numbers in text"). */
  fieldNumber(field: string): string;
  /** Told of every constant a field is compared with (so that bulk grouping can band the field). */
  comparedWith?(field: string, value: number): void;
}

const SQL_OP: Record<CmpOp, string> = { "==": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

const plain = (val: string): SqlCondition => ({ val, err: null });

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function numberLiteral(value: number): string {
  return `${value}::DOUBLE`;
}

/** `err` of a sequence that stops at the first part whose value is `stopAt`. */
function sequenceErr(parts: readonly SqlCondition[], stopAt: boolean): string | null {
  let err: string | null = null;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    const goesOn = stopAt ? `NOT ${part.val}` : part.val;
    const later: string | null = err === null ? null : `(${goesOn} AND ${err})`;
    err = part.err === null ? later : later === null ? part.err : `(${part.err} OR ${later})`;
  }
  return err;
}

export function conditionSql(condition: Condition, context: SqlContext): SqlCondition {
  const compile = (c: Condition) => conditionSql(c, context);
  const contains = (role: ListRole, codes: ReadonlySet<string>) => context.lists.memberSql(role, codes);
  switch (condition.type) {
    case "always":
      return plain("TRUE");
    case "never":
      return plain("FALSE");
    case "all":
    case "any": {
      const parts = condition.of.map(compile);
      if (parts.length === 0) return plain(condition.type === "all" ? "TRUE" : "FALSE");
      const join = condition.type === "all" ? " AND " : " OR ";
      return { val: `(${parts.map((p) => p.val).join(join)})`, err: sequenceErr(parts, condition.type === "any") };
    }
    case "not": {
      const part = compile(condition.of);
      return { val: `(NOT ${part.val})`, err: part.err };
    }
    case "principal_dx_in":
      return plain(contains("pdx", condition.list.codes));
    case "any_dx_in":
      return plain(contains("adx", condition.list.codes));
    case "principal_proc_in":
      return plain(contains("pproc", condition.list.codes));
    case "any_proc_in":
      return plain(contains("aproc", condition.list.codes));
    case "cmp": {
      // A NULL number (no number) fails every comparison but != (README "Numbers in text").
      context.comparedWith?.(condition.field, condition.value);
      const compare = `${context.fieldNumber(condition.field)} ${SQL_OP[condition.op]} ${numberLiteral(condition.value)}`;
      return plain(`coalesce(${compare}, ${condition.op === "!=" ? "TRUE" : "FALSE"})`);
    }
    case "eq":
      return plain(`(${context.fieldText(condition.field)} = ${literal(condition.value)})`);
    case "nonempty":
      return plain(`(${context.fieldText(condition.field)} <> '')`);
    case "min_distinct_regions": {
      if (condition.regions.length === 0) return plain(condition.min <= 0 ? "TRUE" : "FALSE");
      const hit = condition.regions.map((r) => `${contains("adx", r.codes)}::INTEGER`);
      return plain(`((${hit.join(" + ")}) >= ${numberLiteral(condition.min)})`);
    }
    case "has_mcc":
      return plain(context.hasMcc);
    case "has_cc":
      return plain(context.hasCc);
    case "error":
    case "unexpressed":
      return { val: "FALSE", err: "TRUE" };
  }
}
