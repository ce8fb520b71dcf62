-- The row-local part of APG-like grouping (metrics.md §8), the bulk twin of classify.ts up to the key:
-- what each visit's own row and the reference tables decide — its treatment, key procedure, class,
-- key and whether it is excluded. Nothing here depends on other visits, so a month's visits can be
-- classified alone; the base-period counts, folding, weights, packages and pool (grouping.sql on)
-- need every visit. Reads claims_outpatient, procedure_classes (§7) and the variable apg_min_cost.
-- Builds apg_top_procedure (each distinct procedure cell's top procedure), apg_visit_parameters and
-- the view apg_visit_class (one row per visit; recomputed per use: cheaper than writing 5M rows).

-- The highest-class procedure of each procedure cell that lists any (operation > intervention >
-- diagnostic, the first listed among equals); a code §7 does not class is diagnostic. Visits repeat
-- their cells (an injection, a dressing): each distinct cell is split and ranked once. A cell's row
-- depends on the cell alone: new visits only add the cells not yet here.
CREATE OR REPLACE TABLE apg_top_procedure AS
WITH cells AS (
    SELECT DISTINCT procedures AS cell FROM claims_outpatient WHERE procedures IS NOT NULL
),
listed AS (
    SELECT cell,
           unnest(list_transform(
               list_filter(list_transform(string_split(cell, ';'), x -> trim(x, ' ' || chr(9) || chr(13) || chr(10))), x -> x <> ''),
               (x, i) -> {'code': x, 'ord': i}), recursive := true)
    FROM cells
),
ranked AS (
    SELECT l.cell, l.code, l.ord,
           CASE p.class WHEN 'operation' THEN 3 WHEN 'intervention' THEN 2 ELSE 1 END AS rank
    FROM listed AS l
    LEFT JOIN procedure_classes AS p USING (code)
)
SELECT cell, top_code, top_rank,
       CASE top_rank WHEN 3 THEN 'operation' WHEN 2 THEN 'intervention' ELSE 'diagnostic' END AS treatment,
       -- a procedure visit's key: the top code's ICD-9-CM-3 category (two digits)
       CASE WHEN regexp_matches(top_code, '^[0-9]{2}') THEN left(top_code, 2) END AS top_key
FROM (SELECT cell, arg_max(code, rank * 1000000 - ord) AS top_code, max(rank) AS top_rank FROM ranked GROUP BY cell)
ORDER BY cell;

-- The parameters the view reads, as a table (a view reads tables, not the build's variables).
CREATE OR REPLACE TABLE apg_visit_parameters AS
SELECT getvariable('apg_min_cost') AS min_cost;

-- Class, key and chapter of every visit. Ancillary: principal_dx in Z00–Z13, or exam_cost ≥ 80 % of
-- total_cost (compared exactly in DECIMAL: exam · 10 ≥ total · 8).
CREATE OR REPLACE VIEW apg_visit_class AS
WITH visits AS (
    SELECT c.claim_id, c.patient_id, c.hospital_id, c.visit_date,
           year(c.visit_date)::INTEGER AS year, strftime(c.visit_date, '%Y-%m') AS month,
           c.total_cost, c.fund_paid, c.exam_cost, c.signed_hospital_id, c.apg_code AS upstream_apg_code,
           coalesce(t.treatment, 'conservative') AS treatment,
           t.top_code AS key_procedure, t.top_key,
           upper(left(ltrim(c.principal_dx, ' ' || chr(9) || chr(13) || chr(10)), 3)) AS dx_category,
           -- Excluded visits: total_cost below apg_min_cost (§8); they count in fund totals only
           c.total_cost < p.min_cost AS excluded
    FROM claims_outpatient AS c
    LEFT JOIN apg_top_procedure AS t ON t.cell = c.procedures
    CROSS JOIN apg_visit_parameters AS p
),
classed AS (
    SELECT *,
           CASE WHEN treatment IN ('operation', 'intervention') THEN 'procedure'
                WHEN dx_category IN ('Z00', 'Z01', 'Z02', 'Z03', 'Z04', 'Z05', 'Z06', 'Z07', 'Z08', 'Z09', 'Z10', 'Z11', 'Z12', 'Z13')
                THEN 'ancillary'
                WHEN exam_cost IS NOT NULL AND exam_cost * 10 >= total_cost * 8 THEN 'ancillary'
                ELSE 'medical' END AS class
    FROM visits
),
keyed AS (
    SELECT *,
           CASE WHEN class = 'procedure' THEN top_key ELSE nullif(dx_category, '') END AS key
    FROM classed
)
SELECT claim_id, patient_id, hospital_id, visit_date, year, month, total_cost, fund_paid, signed_hospital_id,
       upstream_apg_code, treatment, key_procedure, excluded, class,
       CASE class WHEN 'procedure' THEN 'P' WHEN 'medical' THEN 'M' ELSE 'A' END AS class_group, key
FROM keyed;
