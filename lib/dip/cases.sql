-- DIP (metrics.md §9), step 1: every accepted inpatient case with its packet keys.
-- Reads cases, claims_inpatient, dip_procedure_cells (cell, treatment, op_codes: §7, built by
-- cellTreatmentSql), icd10_chapters (category → chapter key, from keys.ts), base_year_weights (§2's base
-- years). Builds dip_base_year_weights (DIP's year weights oldest → newest 1:2:7, two years 1:2, one year
-- 1), dip_keys, dip_case_key_ids, the view dip_case_keys and dip_overall (the all-case mean cost every
-- score divides by).
CREATE OR REPLACE TABLE dip_base_year_weights AS
SELECT year, rank,
       CASE n WHEN 1 THEN 1 WHEN 2 THEN [1, 2][rank] ELSE [1, 2, 7][rank] END::DOUBLE AS year_weight
FROM (SELECT year, rank, count(*) OVER () AS n FROM base_year_weights)
ORDER BY year;

-- A case's keys: dx5 / dx3, the principal diagnosis's first five / three characters (trimmed as the
-- grouper trims); chapter_key, its ICD-10 chapter ('?' outside them); treatment (§7) and procedures_key,
-- its distinct operation and intervention codes, sorted, '+'-joined ('' when none). They follow from the
-- principal diagnosis and the procedures cell alone, so they are worked out once per distinct pair
-- (dip_dx_cells) and kept once per distinct combination (dip_keys, numbered key_id in key order); each case
-- carries its key_id (dip_case_key_ids) and dip_case_keys is the view that spells the keys out.
-- (Writing a claim-level string column into the workspace costs more than computing it.)
CREATE OR REPLACE TEMP TABLE dip_dx_cells AS
WITH pairs AS (
    SELECT DISTINCT coalesce(principal_dx, '') AS dx_cell, procedures AS cell FROM claims_inpatient
),
trimmed AS (
    SELECT dx_cell, cell, trim(dx_cell, ' ' || chr(9) || chr(13) || chr(10)) AS dx FROM pairs
)
SELECT d.dx_cell, d.cell, left(d.dx, 5) AS dx5, left(d.dx, 3) AS dx3, coalesce(ch.chapter_key, '?') AS chapter_key,
       coalesce(t.treatment, 'conservative') AS treatment,
       coalesce(array_to_string(t.op_codes, '+'), '') AS procedures_key
FROM trimmed AS d
LEFT JOIN dip_procedure_cells AS t ON t.cell = d.cell
LEFT JOIN icd10_chapters AS ch ON ch.category = upper(left(d.dx, 3));

-- dx3 and chapter_key follow from dx5, so dx5, treatment and procedures_key identify a combination.
CREATE OR REPLACE TABLE dip_keys AS
SELECT row_number() OVER (ORDER BY dx5, treatment, procedures_key)::INTEGER AS key_id,
       dx5, dx3, chapter_key, treatment, procedures_key
FROM (SELECT DISTINCT dx5, dx3, chapter_key, treatment, procedures_key FROM dip_dx_cells)
ORDER BY key_id;

-- base: a non-excluded case of a base year (the cases the catalogue, its means and the scores use).
CREATE OR REPLACE TABLE dip_case_key_ids AS
WITH cell_keys AS (
    SELECT d.dx_cell, d.cell, k.key_id
    FROM dip_dx_cells AS d
    JOIN dip_keys AS k USING (dx5, treatment, procedures_key)
)
SELECT c.claim_id, c.hospital_id, c.level, c.year, c.excluded, c.total_cost, c.fund_paid, c.coefficient,
       ck.key_id,
       (b.year IS NOT NULL AND NOT c.excluded) AS base,
       b.year_weight
FROM cases AS c
JOIN claims_inpatient AS i USING (claim_id)
JOIN cell_keys AS ck ON ck.dx_cell = coalesce(i.principal_dx, '') AND ck.cell IS NOT DISTINCT FROM i.procedures
LEFT JOIN dip_base_year_weights AS b ON b.year = c.year
ORDER BY c.claim_id;

CREATE OR REPLACE VIEW dip_case_keys AS
SELECT c.claim_id, c.hospital_id, c.level, c.year, c.excluded, c.total_cost, c.fund_paid, c.coefficient,
       k.dx5, k.dx3, k.chapter_key, k.treatment, k.procedures_key, c.base, c.year_weight
FROM dip_case_key_ids AS c
JOIN dip_keys AS k USING (key_id);

-- The all-case mean: the 1:2:7-weighted average of the base years' mean costs (untrimmed); each yearly
-- mean an exact DECIMAL sum over a count, the weighted sum an ordered aggregate (same bits every run).
CREATE OR REPLACE TABLE dip_overall AS
SELECT sum(year_weight * mean_cost::DOUBLE ORDER BY year) / sum(year_weight ORDER BY year) AS overall_mean,
       sum(cases) AS base_cases
FROM (SELECT year, any_value(year_weight) AS year_weight, count(*) AS cases, sum(total_cost) / count(*) AS mean_cost
      FROM dip_case_key_ids WHERE base GROUP BY year);
