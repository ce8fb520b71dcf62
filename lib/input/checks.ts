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

/** SQL expressions, one per rule of a column, each a reason text or NULL. */
function columnChecks(column: ColumnSpec): string[] {
  const c = sqlIdent(column.name);
  const name = column.name;
  const shown = `'"' || left(trim(${c}), 40) || '"'`;
  const value = typedValue(column);
  const checks: string[] = [];
  if (column.required) checks.push(`CASE WHEN NOT ${present(c)} THEN '${name} is missing' END`);
  const unparseable = (what: string) => `CASE WHEN ${present(c)} AND ${value} IS NULL THEN '${name} is not ${what}: ' || ${shown} END`;
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
        `CASE WHEN ${present(c)} AND trim(${c}) NOT IN (${values}) THEN '${name} must be one of ${column.values!.join("/")}: ' || ${shown} END`,
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
  const money = (n: string) => `TRY_CAST(nullif(trim(${n}), '') AS DECIMAL(18,2))`;
  const date = (n: string) => `TRY_CAST(nullif(trim(${n}), '') AS DATE)`;
  if (has("fund_paid", "total_cost"))
    checks.push(`CASE WHEN ${money("fund_paid")} > ${money("total_cost")} THEN 'fund_paid exceeds total_cost' END`);
  if (has("admit_date", "discharge_date"))
    checks.push(`CASE WHEN ${date("discharge_date")} < ${date("admit_date")} THEN 'discharge_date is before admit_date' END`);
  if (spec.name === "claims_inpatient" || spec.name === "claims_outpatient")
    checks.push(
      `CASE WHEN ${present("hospital_id")} AND trim(hospital_id) NOT IN (SELECT hospital_id FROM hospitals) THEN 'hospital_id not in hospitals: "' || trim(hospital_id) || '"' END`,
    );
  if (spec.key)
    checks.push(
      `CASE WHEN _first_line IS NOT NULL AND _first_line <> _line THEN '${spec.key} repeats (first at line ' || _first_line || ')' END`,
    );
  return checks;
}

/** A SELECT adding `_reasons` (list of texts, empty when the row is sound) to a raw table. */
export function checkedRowsSql(spec: TableSpec, rawTable: string, columns: Set<string>): string {
  const checks = [
    ...spec.columns.filter((c) => columns.has(c.name)).flatMap(columnChecks),
    ...rowChecks(spec, columns),
  ];
  const key = spec.key ? sqlIdent(spec.key) : null;
  const firstLine = key
    ? `CASE WHEN ${present(key)} THEN min(_line) OVER (PARTITION BY trim(${key})) END AS _first_line`
    : "NULL AS _first_line";
  return `WITH keyed AS (SELECT *, ${firstLine} FROM ${rawTable})
SELECT *, list_filter([${checks.join(",\n  ")}]::VARCHAR[], r -> r IS NOT NULL) AS _reasons FROM keyed`;
}
