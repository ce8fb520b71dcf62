-- DIP (metrics.md §9), step 1: every accepted inpatient case with its packet keys.
-- Reads cases, claims_inpatient, dip_procedure_cells (cell, treatment, op_codes: §7, built by
-- cellTreatmentSql), icd10_chapters (category → chapter key, from keys.ts), base_year_weights (§2's base years). Builds dip_base_year_weights
-- (DIP's year weights oldest → newest 1:2:7, two years 1:2, one year 1), dip_case_keys and dip_overall
-- (the all-case mean cost every score divides by).
CREATE OR REPLACE TABLE dip_base_year_weights AS
SELECT year, rank,
       CASE n WHEN 1 THEN 1 WHEN 2 THEN [1, 2][rank] ELSE [1, 2, 7][rank] END::DOUBLE AS year_weight
FROM (SELECT year, rank, count(*) OVER () AS n FROM base_year_weights)
ORDER BY year;

-- dx5 / dx3: the principal diagnosis's first five / three characters (trimmed as the grouper trims);
-- procedures_key: its distinct operation and intervention codes, sorted, '+'-joined ('' when none);
-- base: a non-excluded case of a base year (the cases the catalogue, its means and the scores use).
-- Treatment and procedures_key are a property of the procedures cell: dip_procedure_cells holds them once
-- per distinct cell (a NULL cell, like an empty one, is conservative with no codes).
CREATE OR REPLACE TABLE dip_case_keys AS
WITH dx AS (
    SELECT claim_id, trim(coalesce(principal_dx, ''), ' ' || chr(9) || chr(13) || chr(10)) AS dx, procedures
    FROM claims_inpatient
),
cells AS (
    SELECT cell, treatment, array_to_string(op_codes, '+') AS procedures_key FROM dip_procedure_cells
)
SELECT c.claim_id, c.hospital_id, c.level, c.year, c.excluded, c.total_cost, c.fund_paid, c.coefficient,
       left(d.dx, 5) AS dx5, left(d.dx, 3) AS dx3,
       coalesce(ch.chapter_key, '?') AS chapter_key,
       coalesce(t.treatment, 'conservative') AS treatment, coalesce(t.procedures_key, '') AS procedures_key,
       (b.year IS NOT NULL AND NOT c.excluded) AS base,
       b.year_weight
FROM cases AS c
JOIN dx AS d USING (claim_id)
LEFT JOIN cells AS t ON t.cell = d.procedures
LEFT JOIN icd10_chapters AS ch ON ch.category = upper(left(d.dx, 3))
LEFT JOIN dip_base_year_weights AS b ON b.year = c.year
ORDER BY c.claim_id;

-- The all-case mean: the 1:2:7-weighted average of the base years' mean costs (untrimmed); each yearly
-- mean an exact DECIMAL sum over a count, the weighted sum an ordered aggregate (same bits every run).
CREATE OR REPLACE TABLE dip_overall AS
SELECT sum(year_weight * mean_cost::DOUBLE ORDER BY year) / sum(year_weight ORDER BY year) AS overall_mean,
       sum(cases) AS base_cases
FROM (SELECT year, any_value(year_weight) AS year_weight, count(*) AS cases, sum(total_cost) / count(*) AS mean_cost
      FROM dip_case_keys WHERE base GROUP BY year);
