-- APG weights and points (metrics.md §8). Reads apg_group_years (base_costs.sql), apg_visits,
-- apg_candidates, apg_weights and the variable min_cases. Builds apg_base (the all-visit mean
-- m), apg_groups (every group with its weight), the macros apg_payment_class and apg_points and the
-- view apg_visit_points (each visit's points).
-- Means are exact DECIMAL sums over counts; sums of DOUBLEs are ordered aggregates (same bits every run).

-- m: Σ_y w_y · mean_y / Σ_y w_y of the yearly means of every kept base visit (trimmed in its group).
CREATE OR REPLACE TABLE apg_base AS
WITH yearly AS (
    SELECT year, any_value(year_weight) AS year_weight, sum(visits) AS visits, sum(kept_visits) AS kept_visits,
           sum(kept_cost)::DOUBLE / sum(kept_visits) AS mean_cost
    FROM apg_group_years WHERE basis = 'group'
    GROUP BY year
)
SELECT sum(year_weight * mean_cost ORDER BY year) FILTER (WHERE kept_visits > 0)
           / sum(year_weight ORDER BY year) FILTER (WHERE kept_visits > 0) AS overall_mean,
       list(year ORDER BY year) AS base_years,
       coalesce(sum(visits), 0)::BIGINT AS base_visits,
       coalesce(sum(kept_visits), 0)::BIGINT AS kept_visits
FROM yearly;

-- The group mean: the same weighted average of the group's yearly means, over the years it has visits.
CREATE OR REPLACE TEMP TABLE apg_group_means AS
SELECT basis, grp AS apg_code, sum(visits)::BIGINT AS visits, sum(kept_visits)::BIGINT AS kept_visits,
       sum(year_weight * mean_cost ORDER BY year) / sum(year_weight ORDER BY year) AS mean_cost
FROM apg_group_years GROUP BY ALL;

-- apg_groups: every candidate group (and every upstream code seen in the base period) with its weight.
-- A given table is used as is (weight to 6 decimals); otherwise weight = group mean / m to 4 decimals.
-- avg_cost: the table's, else the group's base-period mean, else weight × m. visits: the group's
-- non-excluded base-period visits (a class group: every base visit of its class). unstable: < min_cases.
CREATE OR REPLACE TABLE apg_groups AS
WITH m AS (SELECT overall_mean FROM apg_base),
codes AS (
    SELECT apg_code, class, key, level FROM apg_candidates
    UNION ALL
    SELECT apg_code, NULL, NULL, 'upstream' FROM apg_group_means
    WHERE basis = 'group' AND apg_code <> '' AND apg_code NOT IN (SELECT apg_code FROM apg_candidates)
),
measured AS (
    SELECT c.*, coalesce(g.visits, 0)::BIGINT AS visits, g.mean_cost
    FROM codes AS c
    LEFT JOIN apg_group_means AS g ON g.apg_code = c.apg_code AND g.basis = CASE c.level WHEN 'class' THEN 'class' ELSE 'group' END
),
weighted AS (
    SELECT x.*, w.weight AS given_weight, w.avg_cost::DOUBLE AS given_avg_cost, m.overall_mean,
           EXISTS (SELECT 1 FROM apg_weights) AS table_given
    FROM measured AS x CROSS JOIN m LEFT JOIN apg_weights AS w USING (apg_code)
)
SELECT apg_code, class, key, level, visits,
       CASE WHEN table_given THEN round(given_weight, 6) ELSE round(mean_cost / overall_mean, 4) END::DECIMAL(18, 6) AS weight_decimal,
       coalesce(given_avg_cost, mean_cost,
                CASE WHEN table_given THEN round(given_weight, 6) ELSE round(mean_cost / overall_mean, 4) END * overall_mean) AS avg_cost,
       CASE WHEN table_given THEN 'given' ELSE 'derived' END AS weight_source,
       NOT table_given AND visits < getvariable('min_cases') AS unstable
FROM weighted
ORDER BY apg_code;

-- Points of every visit (§8): weight × 100, no coefficient, no multipliers, to 4 decimals. An excluded
-- visit (cost under apg_min_cost) and a visit whose group has no weight are paid on their cost, as §6
-- pays QY and unweighted cases: total_cost / m × 100. Macros: apg_visit_totals sums them per cell.
CREATE OR REPLACE MACRO apg_payment_class(excluded, weight) AS
    CASE WHEN excluded THEN 'excluded' WHEN weight IS NULL THEN 'unweighted' ELSE 'weighted' END;
CREATE OR REPLACE MACRO apg_points(excluded, weight, total_cost, m) AS
    round(CASE WHEN NOT excluded AND weight IS NOT NULL THEN weight::DOUBLE * 100 ELSE total_cost::DOUBLE / m * 100 END, 4)::DECIMAL(18, 4);

CREATE OR REPLACE VIEW apg_visit_points AS
SELECT v.claim_id, v.patient_id, v.hospital_id, v.year, v.month, v.class, v.apg_code, v.level, v.excluded,
       v.total_cost, v.fund_paid, v.signed_hospital_id, v.visit_date,
       apg_payment_class(v.excluded, g.weight_decimal) AS payment_class,
       apg_points(v.excluded, g.weight_decimal, v.total_cost, m.overall_mean) AS points
FROM apg_visits AS v
CROSS JOIN apg_base AS m
LEFT JOIN apg_groups AS g USING (apg_code);

DROP TABLE apg_group_years;
DROP TABLE apg_group_means;
