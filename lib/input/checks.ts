// Row checks of the input contract as SQL: each yields a reason text or NULL, evaluated in bulk
// over a raw table whose columns are all VARCHAR (see ingest.ts). One reason per broken rule.
import { sqlIdent, sqlString } from "../db/session.ts";
import { earliestDate, type ColumnSpec, type TableSpec } from "./contract.ts";

const present = (c: string) => `nullif(trim(${c}), '') IS NOT NULL`;

/** The typed value of a raw VARCHAR column, NULL when empty or unparseable. */
export function typedValue(column: ColumnSpec): string {
  const c = sqlIdent(column.name);
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
      // ';'-joined, principal first: entries trimmed, empty entries dropped, order kept.
      return `nullif(array_to_string(list_filter(list_transform(string_split(coalesce(${c}, ''), ';'), x -> trim(x)), x -> x <> ''), ';'), '')`;
    case "enum":
    case "text":
      return `nullif(trim(${c}), '')`;
  }
}

/** The column holding a column's typed value in the checked rows. */
export const typedName = (name: string) => sqlIdent(`t_${name}`);

/** SQL expressions, one per rule of a column, each a reason text or NULL (typed values already in t_<name>). */
function columnChecks(column: ColumnSpec): string[] {
  const c = sqlIdent(column.name);
  const name = column.name;
  const shown = `'"' || left(trim(${c}), 40) || '"'`;
  const value = typedName(name);
  const checks: string[] = [];
  if (column.required) checks.push(`CASE WHEN NOT ${present(c)} THEN '${name} is missing' END`);
  const unparseable = (what: string) => `CASE WHEN ${value} IS NULL AND ${present(c)} THEN '${name} is not ${what}: ' || ${shown} END`;
  switch (column.type) {
    case "integer":
      checks.push(unparseable("a whole number"));
      break;
    case "money":
      checks.push(unparseable("an amount in yuan"));
      checks.push(`CASE WHEN ${value} < 0 THEN '${name} is negative: ' || ${shown} END`);
      break;
    case "decimal":
      checks.push(unparseable("a number"));
      break;
    case "date":
      checks.push(unparseable("a date YYYY-MM-DD"));
      checks.push(
        `CASE WHEN ${value} NOT BETWEEN DATE '${earliestDate}' AND current_date THEN '${name} is outside ${earliestDate} to today: ' || ${shown} END`,
      );
      break;
    case "enum": {
      const values = column.values!.map(sqlString).join(", ");
      checks.push(
        `CASE WHEN ${value} NOT IN (${values}) THEN '${name} must be one of ${column.values!.join("/")}: ' || ${shown} END`,
      );
      break;
    }
  }
  if (column.min !== undefined || column.max !== undefined) {
    const lo = column.min ?? -1e308;
    const hi = column.max ?? 1e308;
    checks.push(`CASE WHEN ${value} NOT BETWEEN ${lo} AND ${hi} THEN '${name} is outside ${lo} to ${hi}: ' || ${shown} END`);
  }
  if (column.above !== undefined) {
    checks.push(`CASE WHEN ${value} <= ${column.above} THEN '${name} must be above ${column.above}: ' || ${shown} END`);
  }
  return checks;
}

/** Rules that tie columns of one row together, or a row to another table. */
function rowChecks(spec: TableSpec, columns: Set<string>): string[] {
  const checks: string[] = [];
  const has = (...names: string[]) => names.every((n) => columns.has(n));
  const t = typedName;
  if (has("fund_paid", "total_cost")) checks.push(`CASE WHEN ${t("fund_paid")} > ${t("total_cost")} THEN 'fund_paid exceeds total_cost' END`);
  if (has("admit_date", "discharge_date"))
    checks.push(`CASE WHEN ${t("discharge_date")} < ${t("admit_date")} THEN 'discharge_date is before admit_date' END`);
  if (spec.name === "claims_inpatient" || spec.name === "claims_outpatient")
    checks.push(`CASE WHEN _known_hospital IS NULL AND ${t("hospital_id")} IS NOT NULL THEN 'hospital_id not in hospitals: "' || ${t("hospital_id")} || '"' END`);
  if (spec.key) checks.push(`CASE WHEN _first_line <> _line THEN '${spec.key} repeats (first at line ' || _first_line || ')' END`);
  return checks;
}

/**
 * A SELECT over a raw table (all VARCHAR, with `_line`) giving each contract column's typed value as
 * t_<name>, the row's `_line`, and `_reason`: every broken rule joined with '; ', NULL when the row is sound.
 * One pass: each value is parsed once; repeated keys come from a small aggregate, not a window.
 */
export function checkedRowsSql(spec: TableSpec, rawTable: string, columns: Set<string>): string {
  const present_ = spec.columns.filter((c) => columns.has(c.name));
  const typed = present_.map((c) => `${typedValue(c)} AS ${typedName(c.name)}`);
  const checks = [...present_.flatMap(columnChecks), ...rowChecks(spec, columns)];
  const key = spec.key && columns.has(spec.key) ? typedName(spec.key) : null;
  const isClaims = spec.name === "claims_inpatient" || spec.name === "claims_outpatient";
  return `WITH typed AS (SELECT *, ${typed.join(", ")} FROM ${rawTable}),
repeated AS (${key ? `SELECT ${key} AS _key, min(_line) AS _first_line FROM typed WHERE ${key} IS NOT NULL GROUP BY ALL HAVING count(*) > 1` : "SELECT NULL AS _key, NULL::BIGINT AS _first_line WHERE false"})
SELECT ${present_.map((c) => typedName(c.name)).join(", ")}, _line,
  nullif(concat_ws('; ', ${checks.join(",\n  ")}), '') AS _reason
FROM typed
LEFT JOIN repeated ON ${key ? `repeated._key = typed.${key}` : "false"}
${isClaims ? `LEFT JOIN (SELECT hospital_id AS _known_hospital FROM hospitals) AS h ON h._known_hospital = typed.${typedName("hospital_id")}` : ""}`;
}
