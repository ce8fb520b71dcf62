-- DIP (metrics.md §9), step 3: case scores and settlement. Reads dip_case_key_ids, dip_key_packets,
-- dip_packet_catalogue, policy, the pool macros (lib/metrics/pool.sql) and the variables dip_low,
-- dip_high, min_cases. Builds dip_case_scores, dip_case_points (the pool's view), dip_years and
-- dip_hospital_years (and the temporary dip_key_scores, dip_level_sums).
--
-- Reference cost of a case: its packet's mean cost in the previous year at hospitals of the case's
-- level (at least min_cases non-excluded cases); else at all hospitals (again at least min_cases);
-- else the packet's base-period mean. ratio r = total_cost / reference. Low (r < dip_low): score × r;
-- high (r > dip_high): score × (r − dip_high + 1); otherwise score × the hospital coefficient
-- (deviation cases take no coefficient, as in the national rules). dip_low and dip_high: the policy
-- row of the year where it gives them. Case scores are rounded to 4 decimals (DECIMAL), so every sum
-- is exact and the same on every run.
-- The claim-level pass streams from dip_case_key_ids through joins whose build sides are small (key
-- combinations, packets, packet × level × year sums: the temporary tables below), so no copy of every
-- case is held in memory but the sort's.
CREATE OR REPLACE TEMP TABLE dip_key_scores AS
-- each key combination's packet (dip_key_packets of catalogue.sql) with its score
SELECT p.key_id, p.treatment, p.packet_code, p.fold, c.score, c.mean_cost AS base_mean
FROM dip_key_packets AS p
JOIN dip_packet_catalogue AS c USING (packet_code);

-- exact DECIMAL sums of the non-excluded cases per packet, level and year; the region's are their sums
-- over the levels
CREATE OR REPLACE TEMP TABLE dip_level_sums AS
SELECT p.packet_code, k.level, k.year, count(*) AS n, sum(k.total_cost) AS cost
FROM dip_case_key_ids AS k
JOIN dip_key_scores AS p USING (key_id)
WHERE NOT k.excluded
GROUP BY p.packet_code, k.level, k.year;

CREATE OR REPLACE TABLE dip_case_scores AS
WITH cased AS (
    SELECT k.claim_id, k.hospital_id, k.level, k.year, k.excluded, k.total_cost, k.fund_paid, k.coefficient,
           p.treatment, p.packet_code, p.fold, p.score, p.base_mean
    FROM dip_case_key_ids AS k
    JOIN dip_key_scores AS p USING (key_id)
),
level_means AS (
    SELECT packet_code, level, year, n, cost / n AS mean_cost FROM dip_level_sums
),
region_means AS (
    SELECT packet_code, year, sum(n)::BIGINT AS n, sum(cost) / sum(n)::BIGINT AS mean_cost
    FROM dip_level_sums GROUP BY packet_code, year
),
year_rules AS (
    SELECT y.year,
           coalesce(p.dip_low, getvariable('dip_low'))::DOUBLE AS dip_low,
           coalesce(p.dip_high, getvariable('dip_high'))::DOUBLE AS dip_high
    FROM (SELECT DISTINCT year FROM dip_case_key_ids) AS y
    LEFT JOIN policy AS p ON p.year = y.year
),
referenced AS (
    SELECT c.*,
           CASE WHEN lm.n >= getvariable('min_cases') THEN 'level'
                WHEN rm.n >= getvariable('min_cases') THEN 'region' ELSE 'base' END AS reference,
           CASE WHEN lm.n >= getvariable('min_cases') THEN lm.mean_cost
                WHEN rm.n >= getvariable('min_cases') THEN rm.mean_cost ELSE c.base_mean END::DOUBLE AS reference_cost,
           r.dip_low, r.dip_high
    FROM cased AS c
    JOIN year_rules AS r USING (year)
    LEFT JOIN level_means AS lm ON lm.packet_code = c.packet_code AND lm.level = c.level AND lm.year = c.year - 1
    LEFT JOIN region_means AS rm ON rm.packet_code = c.packet_code AND rm.year = c.year - 1
),
rated AS (
    SELECT *, total_cost::DOUBLE / nullif(reference_cost, 0) AS cost_ratio FROM referenced
),
classed AS (
    SELECT *, CASE WHEN cost_ratio < dip_low THEN 'low' WHEN cost_ratio > dip_high THEN 'high' ELSE 'normal' END AS deviation
    FROM rated
)
SELECT claim_id, hospital_id, level, year, excluded, total_cost, fund_paid, coefficient, treatment,
       packet_code, fold, score, reference, reference_cost, cost_ratio, deviation,
       round(CASE deviation
                 WHEN 'low' THEN score * cost_ratio
                 WHEN 'high' THEN score * (cost_ratio - dip_high + 1)
                 ELSE score * coefficient
             END, 4)::DECIMAL(18, 4) AS case_score
FROM classed
ORDER BY claim_id;

CREATE OR REPLACE VIEW dip_case_points AS
SELECT claim_id, hospital_id, year, case_score AS points, total_cost, fund_paid FROM dip_case_scores;

-- Per settlement year: the pool of pool.sql over case scores, with DIP's counts beside it.
CREATE OR REPLACE TABLE dip_years AS
WITH counts AS (
    SELECT year,
           count(*) FILTER (WHERE fold = 'core') AS core_cases,
           count(*) FILTER (WHERE deviation = 'high') AS high_cases,
           count(*) FILTER (WHERE deviation = 'low') AS low_cases,
           count(DISTINCT packet_code) AS packets
    FROM dip_case_scores
    GROUP BY year
)
SELECT pool.year, pool.cases, pool.points AS scores, pool.total_cost, pool.recorded, pool.patient_share,
       pool.budget_given, pool.budget, pool.share_ratio, pool.balance, pool.fund_to_distribute, pool.point_value,
       c.core_cases, c.high_cases, c.low_cases, c.packets,
       coalesce(pol.dip_low, getvariable('dip_low'))::DOUBLE AS dip_low,
       coalesce(pol.dip_high, getvariable('dip_high'))::DOUBLE AS dip_high
FROM pool_years('dip_case_points') AS pool
JOIN counts AS c USING (year)
LEFT JOIN policy AS pol ON pol.year = pool.year
ORDER BY pool.year;

-- Per hospital and settlement year: DIP payment = Σ case scores × point value; fund payable = DIP payment -
-- the hospital's patient share; settlement rate = fund payable / its fund_paid (pool.sql).
CREATE OR REPLACE TABLE dip_hospital_years AS
WITH counts AS (
    SELECT hospital_id, year,
           count(*) FILTER (WHERE fold = 'core') AS core_cases,
           count(*) FILTER (WHERE deviation = 'high') AS high_cases,
           count(*) FILTER (WHERE deviation = 'low') AS low_cases
    FROM dip_case_scores
    GROUP BY hospital_id, year
)
SELECT pool.hospital_id, pool.year, pool.cases, pool.points AS scores, pool.point_value, pool.payment AS dip_payment,
       pool.total_cost, pool.fund_paid, pool.patient_share, pool.fund_payable, pool.settlement_rate,
       c.core_cases, c.high_cases, c.low_cases
FROM pool_hospital_years('dip_case_points', 'dip_years') AS pool
JOIN counts AS c USING (hospital_id, year)
ORDER BY pool.hospital_id, pool.year;
