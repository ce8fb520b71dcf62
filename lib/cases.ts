// The `cases` table: one row per accepted inpatient claim, with its period, length of stay, hospital,
// the group it is reported under and whether it is excluded (metrics.md §1). Every inpatient metric
// selects from it.
//
// Grouping (§1): the project's own grouper groups every claim; where the input carries an upstream
// drg_code, reports use that one and the own group is kept beside it for the concordance dataset.
import { sqlString, type Session } from "./db/session.ts";
import type { Parameters } from "./params.ts";
import { groupClaimsInDuckDB } from "./grouping/bulk.ts";
import { loadScheme } from "./grouping/load.ts";
import { resultSql } from "./grouping/result.ts";
import type { RowStep } from "./input/ingest.ts";

/** A group code given upstream, read as the grouper reads its own results (README "Group codes"). */
const upstream = resultSql("drg_code");

/**
 * Whether an upstream code is one this scheme produces (one of its groups, a QY code of an MDC, or its
 * ungroupable 0000): only those are read by the scheme's result-code rules. Any other code (MS-DRG 300,
 * a local scheme's code) is a group as written: grouped, its own ADRG, no MDC of this scheme.
 */
const schemeCode = `(c.drg_code = '0000' OR regexp_full_match(c.drg_code, '[A-Z]QY') OR s.code IS NOT NULL)`;

/**
 * The grouping as a row step of ingest (lib/input/ingest.ts): each claims file's sound rows are grouped
 * once, and kept with its checked rows, so a month's file already seen is not grouped again. Rows are
 * keyed by their line (a claim_id may repeat within a file until the repeats are set aside).
 */
export function groupingStep(params: Parameters): RowStep {
  const scheme = loadScheme(params.scheme);
  return {
    table: "claims_inpatient",
    output: "own_groups",
    columns: ["drg_code", "mdc", "adrg", "status"],
    async run(session, source, target) {
      await session.run(`CREATE OR REPLACE TEMP VIEW ${target}_lines AS SELECT * REPLACE (_line::VARCHAR AS claim_id) FROM ${source}`);
      await groupClaimsInDuckDB(session, scheme, { source: `${target}_lines`, target: `${target}_groups`, keepSchemeTables: true });
      await session.run(`CREATE OR REPLACE TEMP TABLE ${target} AS
        SELECT claim_id::BIGINT AS _line, drg_code, mdc, adrg, status FROM ${target}_groups`);
      await session.run(`DROP TABLE ${target}_groups; DROP VIEW ${target}_lines`);
    },
  };
}

/** `cases` from the accepted claims and their own groups (`own_groups`, written by ingest's groupingStep). */
export async function buildCases(session: Session, params: Parameters): Promise<void> {
  const scheme = loadScheme(params.scheme);
  await session.run(`CREATE OR REPLACE TEMP TABLE scheme_group_codes (code VARCHAR PRIMARY KEY)`);
  const codes = [...scheme.groups.keys()];
  for (let i = 0; i < codes.length; i += 1000) {
    await session.run(`INSERT INTO scheme_group_codes VALUES ${codes.slice(i, i + 1000).map((c) => `(${sqlString(c)})`).join(", ")}`);
  }
  await session.run(`CREATE OR REPLACE TABLE cases AS
    WITH joined AS (
      SELECT c.*, h.level::INTEGER AS level, h.district, coalesce(h.coefficient, 1)::DOUBLE AS coefficient,
             g.drg_code AS own_drg_code, g.mdc AS own_mdc, g.adrg AS own_adrg, g.status AS own_status,
             ${schemeCode} AS scheme_code
      FROM claims_inpatient AS c
      JOIN hospitals AS h USING (hospital_id)
      JOIN own_groups AS g USING (claim_id)
      LEFT JOIN scheme_group_codes AS s ON s.code = c.drg_code
    )
    , graded AS (
    SELECT claim_id, patient_id, hospital_id, level, district, coefficient, department, insurance_type, sex, age,
           admit_date, discharge_date,
           year(discharge_date)::INTEGER AS year,
           strftime(discharge_date, '%Y-%m') AS month,
           -- LOS = discharge - admit in days; a same-day stay counts as 1 (§1)
           greatest(date_diff('day', admit_date, discharge_date), 1) AS los,
           discharge_status::INTEGER AS discharge_status,
           total_cost, fund_paid, coalesce(self_pay, total_cost - fund_paid) AS self_pay,
           drug_cost, consumable_cost, exam_cost, out_of_catalog_cost,
           drg_code AS upstream_drg_code, own_drg_code, own_mdc, own_status,
           coalesce(drg_code, own_drg_code) AS drg_code,
           CASE WHEN drg_code IS NULL THEN own_status WHEN scheme_code THEN ${upstream.status} ELSE 'SUCCESS' END AS group_status,
           CASE WHEN drg_code IS NULL THEN own_mdc WHEN scheme_code THEN ${upstream.mdc} END AS mdc,
           CASE WHEN drg_code IS NULL THEN own_adrg WHEN scheme_code THEN ${upstream.adrg} ELSE drg_code END AS adrg,
           -- Excluded cases: LOS > max_los or total_cost < min_cost (§1); they still count in fund totals
           (greatest(date_diff('day', admit_date, discharge_date), 1) > getvariable('max_los')
             OR total_cost < getvariable('min_cost')) AS excluded
    FROM joined)
    -- Grouped = not QY, not 0000 (§1)
    SELECT *, group_status = 'SUCCESS' AS grouped FROM graded
    ORDER BY claim_id`);
}
