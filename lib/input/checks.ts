// Row checks of the input contract as SQL: each yields a reason text or NULL, evaluated in bulk
// over a raw table whose columns are all VARCHAR (see ingest.ts). One reason per broken rule.
import { sqlIdent, sqlString } from "../db/session.ts";
import { earliestDate, type ColumnSpec, type TableSpec } from "./contract.ts";
import { nullOf } from "./empty.ts";

/**
 * The DuckDB type of each column as it arrives: VARCHAR for CSV (read as text so that a bad value gets
 * its reason), the file's own types for Parquet. A value already of a fitting type is not re-parsed
 * through text (issue 8: ingest at the speed of the data).
 */
export type SourceTypes = ReadonlyMap<string, string>;

const integerTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const numericTypes = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/** Whether a column arriving as `sourceType` holds its contract type already (no text parsing needed). */
export function arrivesTyped(column: ColumnSpec, sourceType = "VARCHAR"): boolean {
  switch (column.type) {
    case "integer":
      return integerTypes.test(sourceType);
    case "money":
    case "decimal":
      return numericTypes.test(sourceType);
    case "date":
      return sourceType === "DATE";
    default:
      return false;
  }
}

/** The raw value as text (for the text parsers and for the value shown in a reason). */
function asText(column: ColumnSpec, sourceType = "VARCHAR"): string {
  const c = sqlIdent(column.name);
  if (sourceType === "VARCHAR") return c;
  if (sourceType.endsWith("[]")) return `array_to_string(${c}, ';')`;
  return `${c}::VARCHAR`;
}

const present = (column: ColumnSpec, sourceType?: string) =>
  arrivesTyped(column, sourceType) ? `${sqlIdent(column.name)} IS NOT NULL` : `nullif(trim(${asText(column, sourceType)}), '') IS NOT NULL`;

/** The typed value of a raw column, NULL when empty or unparseable. */
export function typedValue(column: ColumnSpec, sourceType?: string): string {
  const c = asText(column, sourceType);
  if (arrivesTyped(column, sourceType)) {
    const target = { integer: "INTEGER", money: "DECIMAL(18,2)", decimal: "DOUBLE", date: "DATE" }[column.type as "integer"];
    return sourceType === target ? sqlIdent(column.name) : `TRY_CAST(${sqlIdent(column.name)} AS ${target})`;
  }
  switch (column.type) {
    case "integer":
      return `TRY_CAST(nullif(trim(${c}), '') AS INTEGER)`;
    case "money":
      return `TRY_CAST(nullif(trim(${c}), '') AS DECIMAL(18,2))`;
    case "decimal":
      return `TRY_CAST(nullif(trim(${c}), '') AS DOUBLE)`;
    case "date":
      return `CASE WHEN regexp_full_match(trim(${c}), '\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST(trim(${c}) AS DATE) END`;
    case "list":
      // ';'-joined, principal first: entries trimmed, empty entries dropped, order kept. Most lists are
      // clean already (no blank, no empty entry): those are kept as they are without splitting.
      return `CASE WHEN ${c} IS NULL OR ${c} = '' THEN NULL
        WHEN NOT regexp_matches(${c}, '(^;|;;|;$|\\s)') THEN ${c}
        ELSE nullif(array_to_string(list_filter(list_transform(string_split(${c}, ';'), x -> trim(x)), x -> x <> ''), ';'), '') END`;
    case "enum":
    case "text":
      return `nullif(trim(${c}), '')`;
  }
}

/** The column holding a column's typed value in the checked rows. */
export const typedName = (name: string) => sqlIdent(`t_${name}`);

/** A rule: the condition that breaks it and the reason text then (both SQL). */
interface Rule {
  when: string;
  reason: string;
}

/** The rules of a column (typed values already in t_<name>). */
function columnRules(column: ColumnSpec, sourceType?: string): Rule[] {
  const name = column.name;
  const shown = `'"' || left(trim(${asText(column, sourceType)}), 40) || '"'`;
  const value = typedName(name);
  const rules: Rule[] = [];
  const rule = (when: string, reason: string) => rules.push({ when, reason });
  if (column.required) rule(`NOT ${present(column, sourceType)}`, `'${name} is missing'`);
  const typed = arrivesTyped(column, sourceType);
  const unparseable = (what: string) => {
    if (!typed) rule(`${value} IS NULL AND ${present(column, sourceType)}`, `'${name} is not ${what}: ' || ${shown}`);
  };
  switch (column.type) {
    case "integer":
      unparseable("a whole number");
      break;
    case "money":
      unparseable("an amount in yuan");
      rule(`${value} < 0`, `'${name} is negative: ' || ${shown}`);
      break;
    case "decimal":
      unparseable("a number");
      break;
    case "date":
      unparseable("a date YYYY-MM-DD");
      rule(`${value} NOT BETWEEN DATE '${earliestDate}' AND current_date`, `'${name} is outside ${earliestDate} to today: ' || ${shown}`);
      break;
    case "enum": {
      const values = column.values!.map(sqlString).join(", ");
      rule(`${value} NOT IN (${values})`, `'${name} must be one of ${column.values!.join("/")}: ' || ${shown}`);
      break;
    }
  }
  if (column.min !== undefined || column.max !== undefined) {
    const lo = column.min ?? -1e308;
    const hi = column.max ?? 1e308;
    rule(`${value} NOT BETWEEN ${lo} AND ${hi}`, `'${name} is outside ${lo} to ${hi}: ' || ${shown}`);
  }
  if (column.above !== undefined) rule(`${value} <= ${column.above}`, `'${name} must be above ${column.above}: ' || ${shown}`);
  return rules;
}

/** Rules that tie columns of one row together, or a row to another table. */
function rowRules(spec: TableSpec, columns: Set<string>): Rule[] {
  const rules: Rule[] = [];
  const has = (...names: string[]) => names.every((n) => columns.has(n));
  const t = typedName;
  if (has("fund_paid", "total_cost")) rules.push({ when: `${t("fund_paid")} > ${t("total_cost")}`, reason: `'fund_paid exceeds total_cost'` });
  if (has("admit_date", "discharge_date"))
    rules.push({ when: `${t("discharge_date")} < ${t("admit_date")}`, reason: `'discharge_date is before admit_date'` });
  if (isClaimsTable(spec))
    rules.push({ when: `_known_hospital IS NULL AND ${t("hospital_id")} IS NOT NULL`, reason: `'hospital_id not in hospitals: "' || ${t("hospital_id")} || '"'` });
  return rules;
}

const isClaimsTable = (spec: TableSpec) => spec.name === "claims_inpatient" || spec.name === "claims_outpatient";

/** Where a table has several files: `_line` holds the file index above 2^40, and the files' names. */
export interface FileLines {
  fileShift: number;
  files: string[];
}

/**
 * The keys that repeat (`_key`, `_first_line`) over the checked rows of a table's files (typed columns
 * under their contract names, `_line`), given `hashes`: a table of every non-null key's 64-bit hash
 * (`_hash`, keyHashesSql). The rule spans files, so it is the one rule applied after each file's own
 * checks. Repeats are rare: the hashes are grouped first (a narrow aggregate that spills within the
 * memory limit: 250M keys in ~45 s under 2 GB, where grouping them straight from the files' parts ran out
 * of memory), and only the rows whose hash repeats are grouped by their text, so a hash collision never
 * counts as a repeat.
 */
export function repeatedKeysSql(key: string, source: string, hashes: string): string {
  const k = sqlIdent(key);
  return `WITH candidates AS (
    SELECT _hash FROM ${hashes} GROUP BY ALL HAVING count(*) > 1
  )
  SELECT ${k} AS _key, min(_line) AS _first_line
  FROM ${source}
  WHERE hash(${k}) IN (SELECT _hash FROM candidates) AND ${k} IS NOT NULL
  GROUP BY ALL HAVING count(*) > 1`;
}

/** Every non-null key's hash, for repeatedKeysSql. */
export function keyHashesSql(key: string, source: string): string {
  return `SELECT hash(${sqlIdent(key)}) AS _hash FROM ${source} WHERE ${sqlIdent(key)} IS NOT NULL`;
}

/** The reason of a row whose key came first on an earlier line (`_first_line` from repeatedKeysSql). */
export function repeatReasonSql(key: string, lines?: FileLines): string {
  const first = lines
    ? `(_first_line % ${lines.fileShift}) || ' of ' || [${lines.files.map(sqlString).join(", ")}][(_first_line // ${lines.fileShift}) + 1]`
    : "_first_line";
  return `'${key} repeats (first at line ' || ${first} || ')'`;
}

/**
 * A SELECT over a raw source (a table or query with the file's columns and `_line`) giving every contract
 * column's typed value under its own name (a typed NULL where the file lacks the column), the row's
 * `_line`, and `_reason`: every broken rule of the row joined with '; ', NULL when the row is sound. One
 * pass: each value is parsed once, and the reasons are built only for the rows that break a rule. The
 * key's repeats span files and are checked afterwards (repeatedKeysSql).
 */
export function checkedRowsSql(spec: TableSpec, rawTable: string, columns: Set<string>, types: SourceTypes = new Map()): string {
  const present_ = spec.columns.filter((c) => columns.has(c.name));
  const typed = present_.map((c) => `${typedValue(c, types.get(c.name))} AS ${typedName(c.name)}`);
  const rules = [...present_.flatMap((c) => columnRules(c, types.get(c.name))), ...rowRules(spec, columns)];
  const broken = rules.map((r) => `(${r.when})`).join("\n    OR ");
  const reasons = rules.map((r) => `CASE WHEN ${r.when} THEN ${r.reason} END`).join(",\n    ");
  const out = spec.columns.map((c) => `${columns.has(c.name) ? typedName(c.name) : nullOf(c.type)} AS ${sqlIdent(c.name)}`);
  return `SELECT ${out.join(", ")}, _line,
  CASE WHEN ${broken || "false"}
  THEN nullif(concat_ws('; ', ${reasons || "NULL"}), '') END AS _reason
FROM (SELECT *, ${typed.join(", ")} FROM ${rawTable}) AS typed
${isClaimsTable(spec) ? `LEFT JOIN (SELECT hospital_id AS _known_hospital FROM hospitals) AS h ON h._known_hospital = typed.${typedName("hospital_id")}` : ""}`;
}
