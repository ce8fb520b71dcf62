-- DIP (metrics.md §9), step 2 (no dip_catalogue given): the packet catalogue from the region's own
-- base-period cases, and every case's packet. Reads dip_keys, dip_case_key_ids, dip_base_year_weights and
-- the variables dip_core_min, dip_scale. Builds dip_key_packets (each key combination's packet, which
-- scores.sql reads), dip_case_packets (a view: claim_id, packet_code, fold) and dip_packet_catalogue.
--
-- A case's packet, in this order (explainPacket in keys.ts follows the same order):
--   core       its (dx5, procedures_key) has at least dip_core_min base cases;
--   category   else its (dx3, treatment) has at least dip_core_min base cases among the non-core ones;
--   chapter    else its (ICD-10 chapter, treatment) has some base case among the cases that fold there;
--   treatment  else its treatment type alone.
--
-- A case's packet is a property of its keys: the rule runs once per key combination (dip_keys of
-- cases.sql, with its base and all-case counts here), and each case takes its combination's packet.
CREATE OR REPLACE TEMP TABLE dip_key_counts AS
SELECT k.*, n.base_cases, n.cases
FROM dip_keys AS k
JOIN (SELECT key_id, count(*) FILTER (WHERE base) AS base_cases, count(*) AS cases
      FROM dip_case_key_ids GROUP BY key_id) AS n USING (key_id);

CREATE OR REPLACE TABLE dip_key_packets AS
WITH core_keys AS (
    SELECT dx5, procedures_key FROM dip_key_counts
    GROUP BY dx5, procedures_key HAVING sum(base_cases) > 0 AND sum(base_cases) >= getvariable('dip_core_min')
),
cored AS (
    SELECT k.*, ck.dx5 IS NOT NULL AS is_core
    FROM dip_key_counts AS k LEFT JOIN core_keys AS ck USING (dx5, procedures_key)
),
category_keys AS (
    SELECT dx3, treatment FROM cored WHERE NOT is_core
    GROUP BY dx3, treatment HAVING sum(base_cases) > 0 AND sum(base_cases) >= getvariable('dip_core_min')
),
categorized AS (
    SELECT k.*, ck.dx3 IS NOT NULL AS is_category
    FROM cored AS k LEFT JOIN category_keys AS ck USING (dx3, treatment)
),
chapter_keys AS (
    SELECT DISTINCT chapter_key, treatment FROM categorized WHERE base_cases > 0 AND NOT is_core AND NOT is_category
),
folded AS (
    SELECT k.*,
           CASE WHEN is_core THEN 'core' WHEN is_category THEN 'category'
                WHEN ch.chapter_key IS NOT NULL THEN 'chapter' ELSE 'treatment' END AS fold
    FROM categorized AS k
    LEFT JOIN chapter_keys AS ch USING (chapter_key, treatment)
)
SELECT key_id, treatment, base_cases, cases, fold,
       CASE fold WHEN 'core' THEN dx5 WHEN 'category' THEN dx3 WHEN 'chapter' THEN chapter_key ELSE '*' END AS dx_key,
       CASE WHEN fold = 'core' THEN procedures_key ELSE treatment END AS procedures_key,
       CASE fold
           WHEN 'core' THEN CASE WHEN procedures_key = '' THEN dx5 ELSE dx5 || '+' || procedures_key END
           WHEN 'category' THEN dx3 || ':' || treatment
           WHEN 'chapter' THEN chapter_key || ':' || treatment
           ELSE '*:' || treatment
       END AS packet_code
FROM folded
ORDER BY key_id;

-- Every case's packet: a view (the key combination's row, looked up per case, is cheaper than a copy of
-- every case).
CREATE OR REPLACE VIEW dip_case_packets AS
SELECT k.claim_id, p.fold, p.treatment, p.dx_key, p.procedures_key, p.packet_code
FROM dip_case_key_ids AS k
JOIN dip_key_packets AS p USING (key_id);

-- Means: a weighted average of yearly means over the base years, weights 1:2:7 (DIP), untrimmed; each
-- yearly mean an exact DECIMAL sum over a count, each weighted sum an ordered aggregate (same bits on
-- every run). A treatment-alone packet's mean is over all the base cases of its treatment type.
CREATE OR REPLACE TABLE dip_packet_catalogue AS
WITH key_years AS (
    SELECT key_id, year, any_value(year_weight) AS year_weight, count(*) AS cases, sum(total_cost) AS total_cost
    FROM dip_case_key_ids WHERE base GROUP BY key_id, year
),
base AS (
    SELECT y.year, y.year_weight, y.cases, y.total_cost, p.treatment, p.packet_code, p.fold
    FROM key_years AS y
    JOIN dip_key_packets AS p USING (key_id)
),
packet_years AS (
    SELECT packet_code, year, any_value(year_weight) AS year_weight, sum(cases)::BIGINT AS cases,
           sum(total_cost) / sum(cases)::BIGINT AS mean_cost
    FROM base WHERE fold <> 'treatment' GROUP BY packet_code, year
    UNION ALL
    SELECT '*:' || treatment, year, any_value(year_weight), sum(cases)::BIGINT, sum(total_cost) / sum(cases)::BIGINT
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
           sum(cases)::BIGINT AS cases
    FROM dip_key_packets GROUP BY packet_code
),
base_counts AS (
    SELECT packet_code, sum(base_cases)::BIGINT AS base_cases FROM dip_key_packets GROUP BY packet_code
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

