-- DIP (metrics.md §9), step 2 (no dip_catalogue given): the packet catalogue from the region's own
-- base-period cases, and every case's packet. Reads dip_case_keys, dip_base_year_weights and the
-- variables dip_core_min, dip_scale. Builds dip_case_packets (claim_id, packet_code, fold) and
-- dip_packet_catalogue.
--
-- A case's packet, in this order (explainPacket in keys.ts follows the same order):
--   core       its (dx5, procedures_key) has at least dip_core_min base cases;
--   category   else its (dx3, treatment) has at least dip_core_min base cases among the non-core ones;
--   chapter    else its (ICD-10 chapter, treatment) has some base case among the cases that fold there;
--   treatment  else its treatment type alone.
CREATE OR REPLACE TEMP TABLE dip_core_keys AS
SELECT dx5, procedures_key FROM dip_case_keys WHERE base
GROUP BY dx5, procedures_key HAVING count(*) >= getvariable('dip_core_min');

CREATE OR REPLACE TEMP TABLE dip_case_core AS
SELECT k.*, ck.dx5 IS NOT NULL AS is_core
FROM dip_case_keys AS k LEFT JOIN dip_core_keys AS ck USING (dx5, procedures_key);

CREATE OR REPLACE TEMP TABLE dip_category_keys AS
SELECT dx3, treatment FROM dip_case_core WHERE base AND NOT is_core
GROUP BY dx3, treatment HAVING count(*) >= getvariable('dip_core_min');

CREATE OR REPLACE TEMP TABLE dip_case_category AS
SELECT k.*, ck.dx3 IS NOT NULL AS is_category
FROM dip_case_core AS k LEFT JOIN dip_category_keys AS ck USING (dx3, treatment);

CREATE OR REPLACE TEMP TABLE dip_chapter_keys AS
SELECT DISTINCT chapter_key, treatment FROM dip_case_category WHERE base AND NOT is_core AND NOT is_category;

CREATE OR REPLACE TABLE dip_case_packets AS
WITH folded AS (
    SELECT k.*,
           CASE WHEN is_core THEN 'core' WHEN is_category THEN 'category'
                WHEN ch.chapter_key IS NOT NULL THEN 'chapter' ELSE 'treatment' END AS fold
    FROM dip_case_category AS k
    LEFT JOIN dip_chapter_keys AS ch USING (chapter_key, treatment)
)
SELECT claim_id, fold, treatment,
       CASE fold WHEN 'core' THEN dx5 WHEN 'category' THEN dx3 WHEN 'chapter' THEN chapter_key ELSE '*' END AS dx_key,
       CASE WHEN fold = 'core' THEN procedures_key ELSE treatment END AS procedures_key,
       CASE fold
           WHEN 'core' THEN CASE WHEN procedures_key = '' THEN dx5 ELSE dx5 || '+' || procedures_key END
           WHEN 'category' THEN dx3 || ':' || treatment
           WHEN 'chapter' THEN chapter_key || ':' || treatment
           ELSE '*:' || treatment
       END AS packet_code
FROM folded
ORDER BY claim_id;

-- Means: a weighted average of yearly means over the base years, weights 1:2:7 (DIP), untrimmed; each
-- yearly mean an exact DECIMAL sum over a count, each weighted sum an ordered aggregate (same bits on
-- every run). A treatment-alone packet's mean is over all the base cases of its treatment type.
CREATE OR REPLACE TABLE dip_packet_catalogue AS
WITH base AS (
    SELECT k.claim_id, k.year, k.year_weight, k.total_cost, k.treatment, p.packet_code, p.fold
    FROM dip_case_keys AS k JOIN dip_case_packets AS p USING (claim_id)
    WHERE k.base
),
packet_years AS (
    SELECT packet_code, year, any_value(year_weight) AS year_weight, count(*) AS cases,
           sum(total_cost) / count(*) AS mean_cost
    FROM base WHERE fold <> 'treatment' GROUP BY packet_code, year
    UNION ALL
    SELECT '*:' || treatment, year, any_value(year_weight), count(*), sum(total_cost) / count(*)
    FROM base GROUP BY treatment, year
),
packet_means AS (
    SELECT packet_code, sum(cases) AS weighted_cases,
           sum(year_weight * mean_cost::DOUBLE ORDER BY year) / sum(year_weight ORDER BY year) AS mean_cost
    FROM packet_years GROUP BY packet_code
),
used AS (
    SELECT packet_code, any_value(fold) AS fold, any_value(dx_key) AS dx_key, any_value(procedures_key) AS procedures_key,
           -- a core packet's treatment: the highest of its cases' (all alike when it names procedures)
           max(CASE treatment WHEN 'operation' THEN 3 WHEN 'intervention' THEN 2 WHEN 'diagnostic' THEN 1 ELSE 0 END) AS rank,
           count(*) AS cases
    FROM dip_case_packets GROUP BY packet_code
),
base_counts AS (
    SELECT packet_code, count(*) AS base_cases FROM base GROUP BY packet_code
)
SELECT u.packet_code,
       CASE WHEN u.fold = 'core' THEN 'core' ELSE 'comprehensive' END AS kind,
       u.fold, u.dx_key, u.procedures_key,
       CASE WHEN u.fold <> 'core' THEN u.procedures_key
            ELSE ['conservative', 'diagnostic', 'intervention', 'operation'][u.rank + 1] END AS treatment,
       coalesce(b.base_cases, 0) AS base_cases,
       -- a treatment-alone packet without any base case of its type: the all-case mean
       coalesce(m.mean_cost, o.overall_mean) AS mean_cost,
       round(coalesce(m.mean_cost, o.overall_mean) / o.overall_mean * getvariable('dip_scale'), 4) AS score,
       u.cases,
       'derived' AS source
FROM used AS u
CROSS JOIN dip_overall AS o
LEFT JOIN packet_means AS m USING (packet_code)
LEFT JOIN base_counts AS b USING (packet_code)
ORDER BY u.packet_code;

