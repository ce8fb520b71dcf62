// The grouper's record (README "Record fields") and how a project claim becomes one. Browser-safe.
// Each rule is written twice, side by side: once in JS for the single-case engine, once as SQL for
// the bulk grouper, so the two paths read a claim the same way.

/** Scalar values are text as in a CSV file; numbers are accepted and read as their text. */
export type FieldValue = string | number | null | undefined;

export interface GrouperRecord {
  /** All diagnoses, principal first. */
  readonly dx: readonly string[];
  /** All procedures, principal first (may be empty). */
  readonly proc: readonly string[];
  /** '1' male, '2' female; '' unknown. */
  readonly sex: FieldValue;
  readonly age_years: FieldValue;
  readonly age_days: FieldValue;
  readonly birth_weight_g: FieldValue;
  /** Further scalar fields a scheme may read (its record_fields). */
  readonly [field: string]: FieldValue | readonly string[];
}

/** The project's input columns (shared/spec/input-data.md, claims_inpatient) the grouper reads. */
export interface ClaimForGrouping {
  readonly principal_dx?: string | null;
  readonly secondary_dx?: string | null;
  readonly procedures?: string | null;
  readonly sex?: string | null;
  readonly age?: FieldValue;
  readonly age_days?: FieldValue;
  readonly birth_weight_g?: FieldValue;
}

/** Input sex → record sex (README "Record fields": map M/F or 男/女 to 1/2). Other text is kept. */
export const SEX_CODES: Readonly<Record<string, string>> = { M: "1", F: "2", 男: "1", 女: "2" };

/**
 * A number written in decimal notation. README "Numbers in text": empty text is 0, text that is no
 * number fails every comparison; JS Number() would also take "0x1A" or "Infinity", DuckDB's cast
 * takes "inf" and "1_000", so both engines accept only this pattern, after trimming.
 */
export const NUMBER_PATTERN = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$";
const NUMBER_RE = new RegExp(NUMBER_PATTERN);

/**
 * Trimming removes spaces, tabs, CR and LF only: JS trim() and DuckDB trim() disagree on other
 * whitespace, and both engines must read a claim identically.
 */
const TRIM_RE = /^[ \t\r\n]+|[ \t\r\n]+$/g;
export function trimText(value: string): string {
  return value.replace(TRIM_RE, "");
}

/** A field's text: null/undefined → '', numbers as their decimal text. */
export function fieldText(value: FieldValue | readonly string[]): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return String(value.length);
}

/** A field read as a number: '' → 0, not a number → NaN (so every comparison but != is false). */
export function fieldNumber(value: FieldValue): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : NaN;
  const text = trimText(fieldText(value));
  if (text === "") return 0;
  if (!NUMBER_RE.test(text)) return NaN;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * A ';'-joined cell as a list: entries trimmed, empty entries dropped (`A; ;B ;` → [A, B]). One
 * pattern serves both engines: an entry starts and ends with a character that is neither ';' nor
 * whitespace (RE2 in DuckDB and JS agree on it).
 */
export const CODE_PATTERN = "[^; \\t\\r\\n](?:[^;]*[^; \\t\\r\\n])?";
const CODE_RE = new RegExp(CODE_PATTERN, "g");

export function splitCodes(cell: string | null | undefined): string[] {
  return cell ? (cell.match(CODE_RE) ?? []) : [];
}

function scalar(value: FieldValue): string {
  return trimText(fieldText(value));
}

/**
 * A claim as a grouper record. A claim without a principal diagnosis gets no diagnoses at all
 * (its secondaries cannot stand in for it), which the prechecks refuse (`dx_count == 0`).
 */
export function toGrouperRecord(claim: ClaimForGrouping): GrouperRecord {
  const principal = trimText(claim.principal_dx ?? "");
  const sex = scalar(claim.sex);
  // The SQL twin, recordSql below, reads the same columns (FIELD_COLUMNS).
  return {
    dx: principal === "" ? [] : [principal, ...splitCodes(claim.secondary_dx)],
    proc: splitCodes(claim.procedures),
    sex: SEX_CODES[sex] ?? sex,
    age_years: scalar(claim.age),
    age_days: scalar(claim.age_days),
    birth_weight_g: scalar(claim.birth_weight_g),
  };
}

// ---- The same mapping in SQL, over a table with the claims_inpatient columns ----

function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** SQL for trimText. */
export function trimSql(textSql: string): string {
  return `trim(${textSql}, ' ' || chr(9) || chr(13) || chr(10))`;
}

/**
 * SQL for splitCodes over a VARCHAR column or expression. A cell without whitespace, empty entries
 * or an empty end splits as is; only the others go through the (slower) pattern.
 */
export function splitCodesSql(cell: string): string {
  const needsPattern = `regexp_matches(${cell}, '^$|^;|;;|;$|[ \\t\\r\\n]')`;
  return `(CASE WHEN ${cell} IS NULL THEN []::VARCHAR[] WHEN ${needsPattern} THEN regexp_extract_all(${cell}, ${sqlLiteral(CODE_PATTERN)}) ELSE string_split(${cell}, ';') END)`;
}

/** SQL for the scalar text of a column of any type (fieldText + trim). */
export function scalarSql(column: string): string {
  return `coalesce(${trimSql(`CAST(${column} AS VARCHAR)`)}, '')`;
}

/** The input column each scalar record field is read from (README "Record fields"). */
export const FIELD_COLUMNS: Readonly<Record<string, string>> = {
  sex: "sex",
  age_years: "age",
  age_days: "age_days",
  birth_weight_g: "birth_weight_g",
};

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

/** toGrouperRecord in SQL, over a table with the claims_inpatient columns. */
export interface RecordSql {
  /** The principal diagnosis; '' when there is none (then the record has no diagnoses at all). */
  readonly principalDx: string;
  /** The secondary diagnoses, VARCHAR[]; empty when there is no principal. */
  readonly secondaryDx: string;
  /** All procedures, principal first, VARCHAR[]. */
  readonly proc: string;
  /** Text of a scalar field ('' for a field with no input column). */
  fieldText(field: string): string;
  /** A scalar field read as a number; NULL where it is no number. */
  fieldNumber(field: string): string;
}

/**
 * `columnTypes` (column → DuckDB type) lets a numeric column be read as a number directly: its
 * text always is one, so the text path (trim, pattern, cast) would give the same value, slower.
 */
export function recordSql(columnTypes: ReadonlyMap<string, string> = new Map()): RecordSql {
  const principal = trimSql(`coalesce(principal_dx, '')`);
  const fieldText = (field: string) => {
    const column = FIELD_COLUMNS[field];
    if (column === undefined) return "''";
    const text = scalarSql(column);
    if (field !== "sex") return text;
    const cases = Object.entries(SEX_CODES).map(([from, to]) => `WHEN ${sqlLiteral(from)} THEN ${sqlLiteral(to)}`);
    return `(CASE ${text} ${cases.join(" ")} ELSE ${text} END)`;
  };
  return {
    principalDx: principal,
    secondaryDx: `(CASE WHEN ${principal} = '' THEN []::VARCHAR[] ELSE ${splitCodesSql("secondary_dx")} END)`,
    proc: splitCodesSql("procedures"),
    fieldText,
    fieldNumber(field) {
      const column = FIELD_COLUMNS[field];
      if (column !== undefined && NUMERIC_TYPE.test(columnTypes.get(column) ?? "")) {
        return `(CASE WHEN ${column} IS NULL THEN 0::DOUBLE WHEN isfinite(${column}::DOUBLE) THEN ${column}::DOUBLE END)`;
      }
      return fieldNumberSql(fieldText(field));
    },
  };
}

/** SQL for fieldNumber over a text expression: NULL where JS gives NaN. */
export function fieldNumberSql(textSql: string): string {
  const t = trimSql(textSql);
  const n = `TRY_CAST(${t} AS DOUBLE)`;
  return `(CASE WHEN ${t} = '' THEN 0::DOUBLE WHEN regexp_full_match(${t}, ${sqlLiteral(NUMBER_PATTERN)}) AND isfinite(${n}) THEN ${n} END)`;
}
