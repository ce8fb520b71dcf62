-- DIP (metrics.md §9), step 2 where a dip_catalogue table is given (input-data.md): the catalogue is
-- used as is. Reads dip_catalogue, dip_keys, dip_case_key_ids, dip_overall and the variable dip_scale. Builds
-- dip_key_packets, dip_case_packets (a view) and dip_packet_catalogue, as catalogue.sql does.
--
-- A row's fold follows its dx_key: five characters a core packet (procedures_key: the '+'-joined
-- sorted codes, empty for the diagnosis alone); three a category packet, `*` the treatment type alone,
-- anything else (a chapter range such as K00-K93) a chapter packet (procedures_key: the treatment type).
-- A case takes the first that matches: core, category, chapter, treatment. Where two rows carry the
-- same key, the first packet_code (in text order) is used. A case that matches none gets a
-- treatment-alone packet derived from the claims (source `derived`: its mean over all base cases of
-- the type / the all-case mean × dip_scale), so every case has exactly one packet.
CREATE OR REPLACE TEMP TABLE dip_given AS
SELECT fold, dx_key, procedures_key, min(packet_code) AS packet_code
FROM (
    SELECT packet_code, trim(dx_key) AS dx_key, coalesce(trim(procedures_key), '') AS procedures_key,
           CASE WHEN length(trim(dx_key)) = 5 THEN 'core' WHEN length(trim(dx_key)) = 3 THEN 'category'
                WHEN trim(dx_key) = '*' THEN 'treatment' ELSE 'chapter' END AS fold
    FROM dip_catalogue
)
GROUP BY fold, dx_key, procedures_key;

-- A case's packet is a property of its keys: matched once per key combination (dip_keys of cases.sql,
-- with its base and all-case counts: dip_key_packets), then given to each case.
CREATE OR REPLACE TABLE dip_key_packets AS
WITH keys AS (
    SELECT k.*, n.base_cases, n.cases
    FROM dip_keys AS k
    JOIN (SELECT key_id, count(*) FILTER (WHERE base) AS base_cases, count(*) AS cases
          FROM dip_case_key_ids GROUP BY key_id) AS n USING (key_id)
)
SELECT k.key_id, k.treatment, k.base_cases, k.cases,
       CASE WHEN core.packet_code IS NOT NULL THEN 'core' WHEN cat.packet_code IS NOT NULL THEN 'category'
            WHEN chap.packet_code IS NOT NULL THEN 'chapter' ELSE 'treatment' END AS fold,
       CASE WHEN core.packet_code IS NOT NULL THEN k.dx5 WHEN cat.packet_code IS NOT NULL THEN k.dx3
            WHEN chap.packet_code IS NOT NULL THEN k.chapter_key ELSE '*' END AS dx_key,
       CASE WHEN core.packet_code IS NOT NULL THEN k.procedures_key ELSE k.treatment END AS procedures_key,
       coalesce(core.packet_code, cat.packet_code, chap.packet_code, tr.packet_code, '*:' || k.treatment) AS packet_code
FROM keys AS k
LEFT JOIN dip_given AS core ON core.fold = 'core' AND core.dx_key = k.dx5 AND core.procedures_key = k.procedures_key
LEFT JOIN dip_given AS cat ON cat.fold = 'category' AND cat.dx_key = k.dx3 AND cat.procedures_key = k.treatment
LEFT JOIN dip_given AS chap ON chap.fold = 'chapter' AND chap.dx_key = k.chapter_key AND chap.procedures_key = k.treatment
LEFT JOIN dip_given AS tr ON tr.fold = 'treatment' AND tr.procedures_key = k.treatment
ORDER BY k.key_id;

-- Every case's packet: a view, as in catalogue.sql.
CREATE OR REPLACE VIEW dip_case_packets AS
SELECT k.claim_id, p.fold, p.treatment, p.dx_key, p.procedures_key, p.packet_code
FROM dip_case_key_ids AS k
JOIN dip_key_packets AS p USING (key_id);

CREATE OR REPLACE TABLE dip_packet_catalogue AS
WITH by_treatment AS (
    SELECT packet_code, treatment, sum(cases) AS cases, sum(base_cases) AS base_cases
    FROM dip_key_packets
    GROUP BY packet_code, treatment
),
used AS (
    -- a packet's treatment: the one most of its cases have (a core packet without operations holds both
    -- conservative and diagnostic cases), ties to the last in text order — the same every run
    SELECT packet_code, sum(cases)::BIGINT AS cases, sum(base_cases)::BIGINT AS base_cases,
           arg_max(treatment, {'cases': cases, 'treatment': treatment}) AS treatment
    FROM by_treatment
    GROUP BY packet_code
),
given AS (
    SELECT c.packet_code, g.fold, g.dx_key, g.procedures_key, c.score::DOUBLE AS score, c.avg_cost
    FROM dip_catalogue AS c
    LEFT JOIN dip_given AS g ON g.packet_code = c.packet_code
),
fallback_means AS (
    SELECT '*:' || treatment AS packet_code,
           sum(year_weight * mean_cost::DOUBLE ORDER BY year) / sum(year_weight ORDER BY year) AS mean_cost
    FROM (SELECT p.treatment, y.year, any_value(y.year_weight) AS year_weight,
                 sum(y.total_cost) / sum(y.cases)::BIGINT AS mean_cost
          FROM (SELECT key_id, year, any_value(year_weight) AS year_weight, count(*) AS cases,
                       sum(total_cost) AS total_cost
                FROM dip_case_key_ids WHERE base GROUP BY key_id, year) AS y
          JOIN dip_key_packets AS p USING (key_id)
          GROUP BY p.treatment, y.year)
    GROUP BY treatment
)
SELECT g.packet_code,
       CASE WHEN g.fold = 'core' THEN 'core' ELSE 'comprehensive' END AS kind,
       coalesce(g.fold, 'core') AS fold, g.dx_key, g.procedures_key,
       CASE WHEN g.fold = 'core' THEN u.treatment ELSE g.procedures_key END AS treatment,
       coalesce(u.base_cases, 0) AS base_cases,
       coalesce(g.avg_cost::DOUBLE, g.score / getvariable('dip_scale') * o.overall_mean) AS mean_cost,
       g.score, coalesce(u.cases, 0) AS cases, 'given' AS source
FROM given AS g
CROSS JOIN dip_overall AS o
LEFT JOIN used AS u USING (packet_code)
UNION ALL
SELECT u.packet_code, 'comprehensive', 'treatment', '*', u.treatment, u.treatment, u.base_cases,
       coalesce(f.mean_cost, o.overall_mean),
       round(coalesce(f.mean_cost, o.overall_mean) / o.overall_mean * getvariable('dip_scale'), 4),
       u.cases, 'derived'
FROM used AS u
CROSS JOIN dip_overall AS o
LEFT JOIN fallback_means AS f USING (packet_code)
WHERE u.packet_code NOT IN (SELECT packet_code FROM dip_catalogue)
ORDER BY packet_code;
