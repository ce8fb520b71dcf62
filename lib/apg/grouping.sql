-- APG-like grouping of every accepted outpatient visit (metrics.md §8), the bulk twin of classify.ts.
-- Reads claims_outpatient, procedure_classes (§7), apg_weights, and the macros icd10_chapter(c),
-- icd9cm3_chapter(c) (lib/apg/chapters.ts) and variables base_years, apg_min_visits, apg_min_cost.
-- Builds apg_claim_years, apg_base_year_weights, apg_keys (every class and key with its chapter and
-- base visits), apg_candidates (the groups a visit may take), apg_key_groups, the macro apg_grouped and the view
-- apg_visits (each visit with its group).

-- apg_claim_years: each year of outpatient claims and its number of months with claims.
CREATE OR REPLACE TABLE apg_claim_years AS
SELECT year(visit_date)::INTEGER AS year, count(DISTINCT month(visit_date)) AS months
FROM claims_outpatient GROUP BY ALL ORDER BY year;

-- Base years: the base_years parameter; else the first three years of outpatient claims with claims in
-- all twelve months, or as many such years as there are; where none has, the first three years with
-- claims; year weights 2:3:5 (2:3, 1) — §2's rule, over the outpatient claims' own years (§8).
CREATE OR REPLACE TABLE apg_base_year_weights AS
WITH claim_years AS (FROM apg_claim_years),
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

-- A visit's group: its key's own group; the upstream apg_code where the input gives one (reported, as
-- drg_code is for inpatient cases, §1). Over any table with class_group, key and upstream_apg_code: the
-- visits (apg_visits) or the visits summed per key (apg_visit_totals).
CREATE OR REPLACE MACRO apg_grouped(visit_table) AS TABLE
SELECT v.*, g.chapter, g.own_apg_code, g.own_level,
       coalesce(v.upstream_apg_code, g.own_apg_code) AS apg_code,
       CASE WHEN v.upstream_apg_code IS NOT NULL THEN 'upstream' ELSE g.own_level END AS level
FROM query_table(visit_table) AS v
JOIN apg_key_groups AS g ON g.class_group = v.class_group AND g.key IS NOT DISTINCT FROM v.key;

-- Every visit with its group (a view over apg_visit_class).
CREATE OR REPLACE VIEW apg_visits AS
SELECT claim_id, patient_id, hospital_id, visit_date, year, month, total_cost, fund_paid, signed_hospital_id, excluded,
       treatment, class, key, chapter, key_procedure, own_apg_code, own_level, upstream_apg_code, apg_code, level
FROM apg_grouped('apg_visit_class');
