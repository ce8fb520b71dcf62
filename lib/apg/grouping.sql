-- APG-like grouping of every accepted outpatient visit (metrics.md §8), the bulk twin of classify.ts.
-- Reads claims_outpatient, procedure_classes (§7), apg_weights, and the macros icd10_chapter(c),
-- icd9cm3_chapter(c) (lib/apg/chapters.ts) and variables base_years, apg_min_visits, apg_min_cost.
-- Builds apg_base_year_weights, apg_keys (every class and key with its chapter and base visits),
-- apg_candidates (the groups a visit may take), apg_key_groups and apg_visits (each visit with its group).

-- The highest-class procedure of each procedure cell that lists any (operation > intervention >
-- diagnostic, the first listed among equals); a code §7 does not class is diagnostic. Visits repeat
-- their cells (an injection, a dressing): each distinct cell is split and ranked once.
CREATE OR REPLACE TEMP TABLE apg_top_procedure AS
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
SELECT cell, arg_max(code, rank * 1000000 - ord) AS top_code, max(rank) AS top_rank
FROM ranked
GROUP BY cell;

-- Class, key and chapter of every visit. Ancillary: principal_dx in Z00–Z13, or exam_cost ≥ 80 % of
-- total_cost (compared exactly in DECIMAL: exam · 10 ≥ total · 8).
CREATE OR REPLACE TEMP TABLE apg_visit_class AS
WITH visits AS (
    SELECT c.claim_id, c.patient_id, c.hospital_id, c.visit_date,
           year(c.visit_date)::INTEGER AS year, strftime(c.visit_date, '%Y-%m') AS month,
           c.total_cost, c.fund_paid, c.exam_cost, c.signed_hospital_id, c.apg_code AS upstream_apg_code,
           CASE coalesce(t.top_rank, 0) WHEN 3 THEN 'operation' WHEN 2 THEN 'intervention' WHEN 1 THEN 'diagnostic'
                ELSE 'conservative' END AS treatment,
           t.top_code AS key_procedure,
           upper(left(ltrim(c.principal_dx, ' ' || chr(9) || chr(13) || chr(10)), 3)) AS dx_category,
           -- Excluded visits: total_cost below apg_min_cost (§8); they count in fund totals only
           c.total_cost < getvariable('apg_min_cost') AS excluded
    FROM claims_outpatient AS c
    LEFT JOIN apg_top_procedure AS t ON t.cell = c.procedures
),
classed AS (
    SELECT *,
           CASE WHEN treatment IN ('operation', 'intervention') THEN 'procedure'
                WHEN regexp_full_match(dx_category, 'Z[0-9]{2}') AND dx_category BETWEEN 'Z00' AND 'Z13' THEN 'ancillary'
                WHEN exam_cost IS NOT NULL AND exam_cost * 10 >= total_cost * 8 THEN 'ancillary'
                ELSE 'medical' END AS class
    FROM visits
),
keyed AS (
    SELECT *,
           CASE WHEN class = 'procedure'
                THEN CASE WHEN regexp_matches(key_procedure, '^[0-9]{2}') THEN left(key_procedure, 2) END
                ELSE nullif(dx_category, '') END AS key
    FROM classed
)
SELECT claim_id, patient_id, hospital_id, visit_date, year, month, total_cost, fund_paid, signed_hospital_id,
       upstream_apg_code, treatment, key_procedure, excluded, class,
       CASE class WHEN 'procedure' THEN 'P' WHEN 'medical' THEN 'M' ELSE 'A' END AS class_group, key
FROM keyed;
DROP TABLE apg_top_procedure;

-- Base years: the base_years parameter; else the first three years of outpatient claims with claims in
-- all twelve months, or as many such years as there are; where none has, the first three years with
-- claims; year weights 2:3:5 (2:3, 1) — §2's rule, over the outpatient claims' own years (§8).
CREATE OR REPLACE TABLE apg_base_year_weights AS
WITH claim_years AS (
    SELECT year, count(DISTINCT month) AS months FROM apg_visit_class GROUP BY year
),
chosen AS (
    -- the macros of lib/metrics/weights.sql: §2's rule written once
    SELECT chosen_base_years(list(year ORDER BY year), list(year ORDER BY year) FILTER (WHERE months = 12)) AS years
    FROM claim_years
),
ranked AS (
    SELECT unnest(years) AS year, generate_subscripts(years, 1) AS rank, len(years) AS n FROM chosen
)
SELECT year::INTEGER AS year, rank::INTEGER AS rank, base_year_weight(n, rank) AS year_weight
FROM ranked
ORDER BY year;

-- Every (class, key) seen, with its chapter and its non-excluded base-period visits: the small table the
-- folding works on (chapters are computed once per key, not once per visit).
CREATE OR REPLACE TABLE apg_keys AS
SELECT class_group, key, any_value(class) AS class,
       CASE WHEN class_group = 'P' THEN icd9cm3_chapter(key) ELSE icd10_chapter(key) END AS chapter,
       count(*) FILTER (WHERE NOT excluded AND year IN (SELECT year FROM apg_base_year_weights)) AS base_visits,
       count(*) AS visits
FROM apg_visit_class
GROUP BY class_group, key;

-- The groups a visit may take. A given apg_weights table: its codes. Otherwise: key groups with at
-- least apg_min_visits non-excluded base-period visits, the fold groups (class + chapter) of the other
-- keys' base visits, and the class groups (P, M, A) of classes with base visits.
CREATE OR REPLACE TABLE apg_candidates AS
WITH key_groups AS (
    SELECT class_group || key AS apg_code, class, key, 'key' AS level
    FROM apg_keys WHERE key IS NOT NULL AND base_visits >= getvariable('apg_min_visits')
),
fold_groups AS (
    SELECT class_group || '-CH' || chapter AS apg_code, any_value(class) AS class, 'CH' || chapter AS key, 'chapter' AS level
    FROM apg_keys
    WHERE chapter IS NOT NULL AND base_visits > 0 AND NOT (key IS NOT NULL AND base_visits >= getvariable('apg_min_visits'))
    GROUP BY class_group, chapter
),
class_groups AS (
    SELECT class_group AS apg_code, any_value(class) AS class, NULL AS key, 'class' AS level
    FROM apg_keys GROUP BY class_group HAVING sum(base_visits) > 0
),
derived AS (
    SELECT * FROM key_groups UNION ALL SELECT * FROM fold_groups UNION ALL SELECT * FROM class_groups
)
SELECT apg_code, class, key, level FROM derived WHERE NOT EXISTS (SELECT 1 FROM apg_weights)
UNION ALL
SELECT w.apg_code,
       CASE left(w.apg_code, 1) WHEN 'P' THEN 'procedure' WHEN 'M' THEN 'medical' WHEN 'A' THEN 'ancillary' END AS class,
       CASE WHEN w.apg_code LIKE '_-CH%' THEN substr(w.apg_code, 3) WHEN length(w.apg_code) > 1 THEN substr(w.apg_code, 2) END AS key,
       CASE WHEN length(w.apg_code) = 1 THEN 'class' WHEN w.apg_code LIKE '_-CH%' THEN 'chapter' ELSE 'key' END AS level
FROM apg_weights AS w
WHERE w.apg_code IS NOT NULL
ORDER BY apg_code;

-- Each (class, key)'s own group: the first of key group, fold group, class group among the candidates.
CREATE OR REPLACE TABLE apg_key_groups AS
SELECT a.class_group, a.key, a.chapter,
       CASE WHEN k.apg_code IS NOT NULL THEN k.apg_code WHEN f.apg_code IS NOT NULL THEN f.apg_code ELSE c.apg_code END AS own_apg_code,
       CASE WHEN k.apg_code IS NOT NULL THEN 'key' WHEN f.apg_code IS NOT NULL THEN 'chapter'
            WHEN c.apg_code IS NOT NULL THEN 'class' ELSE 'none' END AS own_level
FROM apg_keys AS a
LEFT JOIN apg_candidates AS k ON k.apg_code = a.class_group || a.key
LEFT JOIN apg_candidates AS f ON f.apg_code = a.class_group || '-CH' || a.chapter
LEFT JOIN apg_candidates AS c ON c.apg_code = a.class_group;

-- Every visit's group: its key's own group; the upstream apg_code where the input gives one (reported,
-- as drg_code is for inpatient cases, §1).
CREATE OR REPLACE TABLE apg_visits AS
SELECT v.claim_id, v.patient_id, v.hospital_id, v.visit_date, v.year, v.month,
       v.total_cost, v.fund_paid, v.signed_hospital_id, v.excluded,
       v.treatment, v.class, v.key, g.chapter, v.key_procedure,
       g.own_apg_code, g.own_level, v.upstream_apg_code,
       coalesce(v.upstream_apg_code, g.own_apg_code) AS apg_code,
       CASE WHEN v.upstream_apg_code IS NOT NULL THEN 'upstream' ELSE g.own_level END AS level
FROM apg_visit_class AS v
JOIN apg_key_groups AS g ON g.class_group = v.class_group AND g.key IS NOT DISTINCT FROM v.key;
DROP TABLE apg_visit_class;
