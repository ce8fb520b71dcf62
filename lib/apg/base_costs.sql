-- APG base costs (metrics.md §8), one base year at a time. Reads apg_visit_class, apg_grouped,
-- apg_base_year_weights and the variables trim_k, min_cases. Builds the macro apg_group_years_in(year)
-- and the empty table apg_group_years, which lib/apg/index.ts fills year by year:
--   INSERT INTO apg_group_years FROM apg_group_years_in(Y);   -- for each base year Y
-- Fences are per group and year, so a year's rows need no other year's. Three base years' visits do
-- not fit in memory at once (Jinhua scale: 150M visits' costs held for their quartiles ran out of
-- memory under 2 GB); one year's do.

-- Non-excluded base-period visits, `kept` after trimming per group and year as §2 (Q1 − k·IQR ≤ cost ≤
-- Q3 + k·IQR, type-7 quartiles; not trimmed under min_cases visits). Class groups (P, M, A) take every
-- base visit of their class, trimmed per class and year. Summed per group (basis 'group': apg_code,
-- basis 'class': P, M, A) and year: visits, kept visits and their cost (an exact DECIMAL sum).
CREATE OR REPLACE MACRO apg_group_years_in(base_year) AS TABLE
WITH base AS MATERIALIZED (
    -- a visit the weight table gives no group is still an outpatient visit of the base: it counts in m
    SELECT coalesce(v.apg_code, '') AS apg_code, v.class_group, v.year, v.total_cost, b.year_weight
    FROM apg_grouped('apg_visit_class') AS v
    JOIN apg_base_year_weights AS b USING (year)
    -- a date range, so that the scan skips the other years' row groups
    WHERE NOT v.excluded AND v.visit_date >= make_date(base_year, 1, 1) AND v.visit_date < make_date(base_year + 1, 1, 1)
),
-- the fences of each group-year and each class-year (q: both quartiles from one sort)
group_fences AS (
    SELECT apg_code, year, count(*) < getvariable('min_cases') AS untrimmed,
           quantile_cont(total_cost::DOUBLE, [0.25, 0.75]) AS q,
           q[1] - getvariable('trim_k') * (q[2] - q[1]) AS low, q[2] + getvariable('trim_k') * (q[2] - q[1]) AS high
    FROM base GROUP BY ALL
),
class_fences AS (
    SELECT class_group, year, count(*) < getvariable('min_cases') AS untrimmed,
           quantile_cont(total_cost::DOUBLE, [0.25, 0.75]) AS q,
           q[1] - getvariable('trim_k') * (q[2] - q[1]) AS low, q[2] + getvariable('trim_k') * (q[2] - q[1]) AS high
    FROM base GROUP BY ALL
),
fenced AS (
    SELECT b.*,
           g.untrimmed OR b.total_cost::DOUBLE BETWEEN g.low AND g.high AS kept_in_group,
           c.untrimmed OR b.total_cost::DOUBLE BETWEEN c.low AND c.high AS kept_in_class
    FROM base AS b
    JOIN (SELECT apg_code, year, untrimmed, low, high FROM group_fences) AS g USING (apg_code, year)
    JOIN (SELECT class_group, year, untrimmed, low, high FROM class_fences) AS c USING (class_group, year)
),
summed AS (
    SELECT apg_code, class_group, year, any_value(year_weight) AS year_weight, count(*) AS visits,
           count(*) FILTER (WHERE kept_in_group) AS kept_in_group, sum(total_cost) FILTER (WHERE kept_in_group) AS cost_in_group,
           count(*) FILTER (WHERE kept_in_class) AS kept_in_class, sum(total_cost) FILTER (WHERE kept_in_class) AS cost_in_class
    FROM fenced
    GROUP BY GROUPING SETS ((apg_code, year), (class_group, year))
),
group_years AS (
    SELECT CASE WHEN class_group IS NULL THEN 'group' ELSE 'class' END AS basis, coalesce(apg_code, class_group) AS grp,
           year, year_weight, visits,
           CASE WHEN class_group IS NULL THEN kept_in_group ELSE kept_in_class END AS kept_visits,
           CASE WHEN class_group IS NULL THEN cost_in_group ELSE cost_in_class END AS kept_cost
    FROM summed
)
SELECT basis, grp, year, year_weight, visits, kept_visits, kept_cost, kept_cost::DOUBLE / kept_visits AS mean_cost
FROM group_years
ORDER BY basis, grp, year;

CREATE OR REPLACE TEMP TABLE apg_group_years AS FROM apg_group_years_in(NULL) LIMIT 0;
