// The input contract of shared/spec/input-data.md as data: the tables a bureau hands over, their
// columns, types and the row checks. Validation (ingest.ts) is generated from these specs as SQL.

export type ColumnType =
  | "text"
  | "integer"
  | "money" // yuan, decimal, two places, >= 0
  | "decimal"
  | "date" // YYYY-MM-DD
  | "list" // ';'-joined codes, principal first
  | "enum";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  /** For enum columns: the accepted values. */
  values?: readonly string[];
  /** Inclusive numeric range for integer / decimal columns. */
  min?: number;
  max?: number;
  /** Strictly greater than this (decimal coefficients, weights). */
  above?: number;
  /** Dictionary a code column is checked against (a warning, never a rejection). */
  dictionary?: "icd10" | "icd9cm3";
}

export interface TableSpec {
  name: InputTableName;
  /** Whether a bureau must provide the file. */
  required: boolean;
  /** The column whose repeats are set aside as duplicates (first row in file order kept). */
  key?: string;
  /** Column identifying a row in the `rejected` dataset (claim_id for claims). */
  idColumn: string;
  columns: readonly ColumnSpec[];
}

export type InputTableName = "claims_inpatient" | "claims_outpatient" | "hospitals" | "weights" | "policy" | "dip_catalogue" | "insured" | "apg_weights";

const money = (name: string, required = false): ColumnSpec => ({ name, type: "money", required });
const text = (name: string, required = false): ColumnSpec => ({ name, type: "text", required });

/** Who and where: the first columns of both claims tables. */
const claimParties = [text("claim_id", true), text("patient_id", true), text("hospital_id", true)];
const principalDiagnosis: ColumnSpec = { name: "principal_dx", type: "text", required: true, dictionary: "icd10" };
const procedureList: ColumnSpec = { name: "procedures", type: "list", required: false, dictionary: "icd9cm3" };
/** A claim table: keyed by claim_id, which also names its rejected rows. */
const claimTable = (name: InputTableName, required: boolean, columns: ColumnSpec[]): TableSpec => ({
  name,
  required,
  key: "claim_id",
  idColumn: "claim_id",
  columns,
});

export const claimsInpatient = claimTable("claims_inpatient", true, [
  ...claimParties,
  text("department"),
  { name: "insurance_type", type: "enum", required: false, values: ["employee", "resident"] },
  { name: "sex", type: "enum", required: false, values: ["M", "F"] },
  { name: "age", type: "integer", required: true, min: 0, max: 130 },
  { name: "age_days", type: "integer", required: false, min: 0, max: 47500 },
  { name: "birth_weight_g", type: "integer", required: false, min: 0, max: 9999 },
  { name: "admit_date", type: "date", required: true },
  { name: "discharge_date", type: "date", required: true },
  { name: "discharge_status", type: "enum", required: false, values: ["1", "2", "3", "4", "5", "9"] },
  principalDiagnosis,
  { name: "secondary_dx", type: "list", required: false, dictionary: "icd10" },
  procedureList,
  money("total_cost", true),
  money("fund_paid", true),
  money("self_pay"),
  money("drug_cost"),
  money("consumable_cost"),
  money("exam_cost"),
  money("out_of_catalog_cost"),
  text("drg_code"),
]);

export const claimsOutpatient = claimTable("claims_outpatient", false, [
  ...claimParties,
  { name: "visit_date", type: "date", required: true },
  principalDiagnosis,
  procedureList,
  money("total_cost", true),
  money("fund_paid", true),
  money("drug_cost"),
  money("exam_cost"),
  money("consumable_cost"),
  text("signed_hospital_id"),
  text("apg_code"),
]);

export const hospitals: TableSpec = {
  name: "hospitals",
  required: true,
  key: "hospital_id",
  idColumn: "hospital_id",
  columns: [
    { name: "hospital_id", type: "text", required: true },
    { name: "name", type: "text", required: true },
    { name: "level", type: "enum", required: true, values: ["1", "2", "3"] },
    { name: "district", type: "text", required: false },
    { name: "coefficient", type: "decimal", required: false, above: 0 },
  ],
};

export const weights: TableSpec = {
  name: "weights",
  required: false,
  key: "drg_code",
  idColumn: "drg_code",
  columns: [
    { name: "drg_code", type: "text", required: true },
    { name: "rw", type: "decimal", required: true, above: 0 },
    { name: "name", type: "text", required: false },
    { name: "avg_cost", type: "money", required: false },
  ],
};

export const policy: TableSpec = {
  name: "policy",
  required: false,
  key: "year",
  idColumn: "year",
  columns: [
    { name: "year", type: "integer", required: true, min: 1990, max: 2100 },
    money("inpatient_budget"),
    money("outpatient_budget"),
    { name: "share_ratio", type: "decimal", required: false, min: 0, max: 1 },
    { name: "high_multiplier", type: "decimal", required: false, above: 0 },
    { name: "low_multiplier", type: "decimal", required: false, min: 0 },
    { name: "dip_low", type: "decimal", required: false, min: 0 },
    { name: "dip_high", type: "decimal", required: false, above: 0 },
  ],
};

/** An official DIP packet table (metrics.md §9): where given, used as is. */
export const dipCatalogue: TableSpec = {
  name: "dip_catalogue",
  required: false,
  key: "packet_code",
  idColumn: "packet_code",
  columns: [
    { name: "packet_code", type: "text", required: true },
    { name: "dx_key", type: "text", required: true },
    { name: "procedures_key", type: "text", required: false },
    { name: "score", type: "decimal", required: true, above: 0 },
    money("avg_cost"),
  ],
};

/** The insured population per year (optional): per-capita quotas count its persons (metrics.md §8). */
export const insured: TableSpec = {
  name: "insured",
  required: false,
  idColumn: "patient_id",
  columns: [
    { name: "year", type: "integer", required: true, min: 1990, max: 2100 },
    text("patient_id", true),
    text("insurance_type", true),
    text("signed_hospital_id"),
  ],
};

/** An official outpatient group table (optional): apg_code, weight (points = weight × 100), avg_cost. */
export const apgWeights: TableSpec = {
  name: "apg_weights",
  required: false,
  key: "apg_code",
  idColumn: "apg_code",
  columns: [
    { name: "apg_code", type: "text", required: true },
    { name: "weight", type: "decimal", required: true, above: 0 },
    { name: "avg_cost", type: "money", required: false },
  ],
};

/** In dependency order: hospitals first (claims refer to them). */
export const inputTables: readonly TableSpec[] = [hospitals, weights, policy, dipCatalogue, claimsInpatient, claimsOutpatient, insured, apgWeights];

export const inputTableNames: readonly string[] = inputTables.map((t) => t.name);

/** Dates must fall within this range (the upper bound is the day of the run). */
export const earliestDate = "1990-01-01";
