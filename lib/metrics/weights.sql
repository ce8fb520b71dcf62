-- Relative weights (metrics.md §2) and the overall mean m that the point method needs (§6).
-- Reads the tables cases and weights and the variables base_years, trim_k, min_cases.
-- Builds base_year_weights, weight_base_years, weight_base, drg_base, drg_weights and drg_risk.
-- Every mean is an exact DECIMAL sum over a count, and every sum of DOUBLEs is an ordered aggregate,
-- so the same claims give the same bits on every run, whatever the threads do.

-- Base years: the base_years parameter; else the first three calendar years with claims in all twelve
-- months, or as many such years as there are; where none has, the first three years with claims.
-- Year weights oldest → newest 2:3:5 (two years 2:3, one year 1).
-- (the rule's two macros: base_years.sql)
CREATE OR REPLACE TABLE base_year_weights AS
WITH claim_years AS (
    SELECT year, count(DISTINCT month) AS months FROM cases GROUP BY year
),
chosen AS (
    SELECT chosen_base_years(list(year ORDER BY year), list(year ORDER BY year) FILTER (WHERE months = 12)) AS years
    FROM claim_years
),
ranked AS (
    SELECT unnest(years) AS year, generate_subscripts(years, 1) AS rank, len(years) AS n FROM chosen
)
SELECT year::INTEGER AS year, rank::INTEGER AS rank, base_year_weight(n, rank) AS year_weight
FROM ranked
ORDER BY year;

-- The base cases: grouped, not excluded, discharged in a base year; `kept` after trimming per group and
-- year at Q1 - k·IQR ≤ total_cost ≤ Q3 + k·IQR (quantile_cont = R's type 7); groups with fewer than
-- min_cases cases in that year are not trimmed.
CREATE OR REPLACE TEMP TABLE weight_base_cases AS
WITH base AS (
    SELECT c.claim_id, c.drg_code, c.year, c.total_cost, c.discharge_status, b.year_weight
    FROM cases AS c
    JOIN base_year_weights AS b ON b.year = c.year
    WHERE c.grouped AND NOT c.excluded
),
fences AS (
    SELECT drg_code, year, count(*) AS n,
           quantile_cont(total_cost::DOUBLE, 0.25) AS q1,
           quantile_cont(total_cost::DOUBLE, 0.75) AS q3
    FROM base
    GROUP BY drg_code, year
)
SELECT base.*,
       f.n < getvariable('min_cases')
           OR base.total_cost::DOUBLE BETWEEN f.q1 - getvariable('trim_k') * (f.q3 - f.q1)
                                          AND f.q3 + getvariable('trim_k') * (f.q3 - f.q1) AS kept
FROM base
JOIN fences AS f USING (drg_code, year);

-- Per base year: cases, kept cases and the mean cost of all grouped, kept cases.
CREATE OR REPLACE TABLE weight_base_years AS
SELECT b.year, b.year_weight,
       count(c.claim_id) AS cases,
       count(c.claim_id) FILTER (WHERE c.kept) AS kept_cases,
       count(c.claim_id) FILTER (WHERE NOT c.kept) AS trimmed_cases,
       sum(c.total_cost) FILTER (WHERE c.kept)::DOUBLE / count(c.claim_id) FILTER (WHERE c.kept) AS mean_cost
FROM base_year_weights AS b
LEFT JOIN weight_base_cases AS c USING (year)
GROUP BY b.year, b.year_weight
ORDER BY b.year;

-- m: Σ_y w_y · mean_y / Σ_y w_y over the base years that have kept cases (§2). Computed from the claims
-- whether or not a weight table is given: §6 needs it for QY and 0000 points.
CREATE OR REPLACE TABLE weight_base AS
SELECT sum(year_weight * mean_cost ORDER BY year) FILTER (WHERE kept_cases > 0)
           / sum(year_weight ORDER BY year) FILTER (WHERE kept_cases > 0) AS overall_mean,
       list(year ORDER BY year) AS base_years,
       sum(cases)::BIGINT AS base_cases,
       sum(kept_cases)::BIGINT AS kept_cases
FROM weight_base_years;

-- m_g: the same weighted average of the group's yearly means, over the base years in which g has cases.
CREATE OR REPLACE TABLE drg_base AS
WITH group_years AS (
    SELECT drg_code, year, any_value(year_weight) AS year_weight, count(*) AS cases,
           count(*) FILTER (WHERE kept) AS kept_cases,
           sum(total_cost) FILTER (WHERE kept)::DOUBLE / count(*) FILTER (WHERE kept) AS mean_cost
    FROM weight_base_cases
    GROUP BY drg_code, year
)
SELECT drg_code,
       sum(cases)::BIGINT AS base_cases,
       sum(kept_cases)::BIGINT AS kept_cases,
       sum(year_weight * mean_cost ORDER BY year) / sum(year_weight ORDER BY year) AS mean_cost
FROM group_years
GROUP BY drg_code
ORDER BY drg_code;

-- The weights every metric uses. A given table is used as is (to 6 decimals, the DECIMAL that sums
-- exactly; published tables carry 4). Otherwise RW_g = m_g / m, rounded to 4 decimals as official
-- tables are, and that rounded RW is the one used everywhere. avg_cost is §6's a_g: the table's
-- avg_cost, else m_g, else RW_g × m. Unstable: fewer than min_cases base cases (derived weights only).
CREATE OR REPLACE TABLE drg_weights AS
WITH m AS (
    SELECT overall_mean FROM weight_base
),
given AS (
    SELECT w.drg_code, round(w.rw, 6)::DECIMAL(18, 6) AS rw_decimal, w.avg_cost::DOUBLE AS given_avg_cost
    FROM weights AS w
    WHERE w.drg_code IS NOT NULL
),
from_table AS (
    SELECT g.drg_code, g.rw_decimal,
           coalesce(g.given_avg_cost, d.mean_cost, g.rw_decimal::DOUBLE * m.overall_mean) AS avg_cost,
           coalesce(d.base_cases, 0)::BIGINT AS base_cases,
           'given' AS rw_source,
           false AS unstable
    FROM given AS g
    CROSS JOIN m
    LEFT JOIN drg_base AS d USING (drg_code)
),
from_claims AS (
    SELECT d.drg_code, round(d.mean_cost / m.overall_mean, 4)::DECIMAL(18, 6) AS rw_decimal,
           d.mean_cost AS avg_cost,
           d.base_cases,
           'derived' AS rw_source,
           d.base_cases < getvariable('min_cases') AS unstable
    FROM drg_base AS d
    CROSS JOIN m
    WHERE NOT EXISTS (SELECT 1 FROM given)
)
SELECT drg_code, rw_decimal::DOUBLE AS rw, rw_decimal, avg_cost, base_cases, rw_source, unstable
FROM (SELECT * FROM from_table UNION ALL SELECT * FROM from_claims)
ORDER BY drg_code;

-- Low-risk groups (§3): base-period mortality (deaths = discharge_status 5) per group, as a z-score over
-- all groups with base cases (sample standard deviation); low risk below -1.
CREATE OR REPLACE TABLE drg_risk AS
WITH mortality AS (
    SELECT drg_code, count(*) AS base_cases,
           count(*) FILTER (WHERE discharge_status = 5) AS base_deaths,
           count(*) FILTER (WHERE discharge_status = 5) / count(*) AS mortality
    FROM weight_base_cases
    GROUP BY drg_code
),
-- §3: the z-score of ln(mortality) over the groups with at least one death (ln 0 is undefined)
spread AS (
    SELECT avg(ln(mortality) ORDER BY drg_code) AS mean, stddev_samp(ln(mortality) ORDER BY drg_code) AS sd
    FROM mortality WHERE base_deaths > 0
),
scored AS (
    -- z is rounded to 1e-9 so that a group on a level's boundary by arithmetic (z = -1 exactly) lands on it
    SELECT m.*, round(CASE WHEN base_deaths > 0 THEN (ln(mortality) - spread.mean) / nullif(spread.sd, 0) END, 9) AS z
    FROM mortality AS m CROSS JOIN spread
)
-- Levels: 0 no death; 1 z < -1; 2 -1 <= z < 0; 3 0 <= z < 1; 4 z >= 1. Low risk: levels 0 and 1.
-- A single group with deaths has no spread (sd undefined): it is level 2, the middle.
SELECT drg_code, base_cases, base_deaths, mortality, z,
       CASE WHEN base_deaths = 0 THEN 0 WHEN z < -1 THEN 1 WHEN z < 0 OR z IS NULL THEN 2 WHEN z < 1 THEN 3 ELSE 4 END AS risk_level,
       risk_level <= 1 AS low_risk
FROM scored
ORDER BY drg_code;
