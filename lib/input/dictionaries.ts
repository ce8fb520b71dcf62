// The ICD dictionaries codes are checked against. A code outside them is a data-quality warning,
// never a reason to set aside a row whose money and dates are sound.
import { fileURLToPath } from "node:url";
import { sqlIdent, sqlString, type Session } from "../db/session.ts";
import type { TableSpec } from "./contract.ts";

const dictionaryFiles = {
  icd10: fileURLToPath(new URL("../../data/dictionaries/yb_icd10_v2_diagnoses.csv", import.meta.url)),
  icd9cm3: fileURLToPath(new URL("../../data/dictionaries/yb_icd9cm3_v2_procedures.csv", import.meta.url)),
};

export async function loadDictionaries(session: Session): Promise<void> {
  for (const [name, path] of Object.entries(dictionaryFiles)) {
    await session.run(`CREATE OR REPLACE TABLE dict_${name} AS
      SELECT column0 AS code, column1 AS name FROM read_csv(${sqlString(path)}, header = true, auto_detect = false,
        columns = {'column0': 'VARCHAR', 'column1': 'VARCHAR'}, delim = ',', quote = '"')`);
  }
}

/** One row per (table, column) with codes outside their dictionary: how many rows, and an example. */
export function dictionaryWarningsSql(specs: TableSpec[]): string {
  const parts = specs.flatMap((spec) =>
    spec.columns
      .filter((c) => c.dictionary)
      .map((c) => {
        const col = sqlIdent(c.name);
        const codes = c.type === "list" ? `unnest(string_split(${col}, ';'))` : col;
        return `SELECT ${sqlString(spec.name)} AS "table", ${sqlString(c.name)} AS "column",
          'code not in the ${c.dictionary === "icd10" ? "ICD-10" : "ICD-9-CM-3"} dictionary' AS warning,
          count(*) AS codes, count(DISTINCT code) AS distinct_codes, min(code) AS example
          FROM (SELECT ${codes} AS code FROM ${spec.name}) WHERE code IS NOT NULL
            AND code NOT IN (SELECT code FROM dict_${c.dictionary}) HAVING count(*) > 0`;
      }),
  );
  const empty = `SELECT NULL::VARCHAR AS "table", NULL::VARCHAR AS "column", NULL::VARCHAR AS warning,
    0::BIGINT AS codes, 0::BIGINT AS distinct_codes, NULL::VARCHAR AS example WHERE false`;
  return `SELECT * FROM (${[empty, ...parts].join("\nUNION ALL\n")}) ORDER BY "table", "column"`;
}
