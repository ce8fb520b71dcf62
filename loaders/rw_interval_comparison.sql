-- rw_interval_comparison: the RW-interval table of two periods side by side (metrics.md §4, the shape of
-- the Shanghai hospital's Jan–Jun 2019 vs Jan–Jun 2021 table), change = (B - A) / A per interval.
-- Periods are months 'YYYY-MM', both ends inclusive, from the variables comparison_a_from,
-- comparison_a_to, comparison_b_from, comparison_b_to. Where unset: A = Jan–Jun of reform_year and
-- B = Jan–Jun of reform_year + 2 when both half-years have claims in each of their six months; otherwise
-- the first and the last such half-year in the claims.
WITH months AS (
    SELECT DISTINCT year, month FROM case_metrics
),
first_halves AS (
    SELECT year FROM months WHERE month <= year || '-06' GROUP BY year HAVING count(*) = 6
),
default_years AS (
    SELECT CASE WHEN getvariable('reform_year') IN (SELECT year FROM first_halves)
                     AND getvariable('reform_year') + 2 IN (SELECT year FROM first_halves)
                THEN getvariable('reform_year') ELSE min(year) END AS year_a,
           CASE WHEN getvariable('reform_year') IN (SELECT year FROM first_halves)
                     AND getvariable('reform_year') + 2 IN (SELECT year FROM first_halves)
                THEN getvariable('reform_year') + 2 ELSE max(year) END AS year_b
    FROM first_halves
),
periods AS (
    SELECT coalesce(getvariable('comparison_a_from'), year_a || '-01') AS a_from,
           coalesce(getvariable('comparison_a_to'), year_a || '-06') AS a_to,
           coalesce(getvariable('comparison_b_from'), year_b || '-01') AS b_from,
           coalesce(getvariable('comparison_b_to'), year_b || '-06') AS b_to
    FROM default_years
),
sums AS (
    SELECT c.rw_interval,
           count(*) FILTER (WHERE c.month BETWEEN p.a_from AND p.a_to) AS cases_a,
           count(*) FILTER (WHERE c.month BETWEEN p.b_from AND p.b_to) AS cases_b,
           coalesce(sum(c.total_cost) FILTER (WHERE c.month BETWEEN p.a_from AND p.a_to), 0) AS total_cost_a,
           coalesce(sum(c.total_cost) FILTER (WHERE c.month BETWEEN p.b_from AND p.b_to), 0) AS total_cost_b,
           coalesce(sum(c.fund_paid) FILTER (WHERE c.month BETWEEN p.a_from AND p.a_to), 0) AS fund_paid_a,
           coalesce(sum(c.fund_paid) FILTER (WHERE c.month BETWEEN p.b_from AND p.b_to), 0) AS fund_paid_b
    FROM case_metrics AS c
    CROSS JOIN periods AS p
    WHERE c.rw_interval IS NOT NULL
    GROUP BY c.rw_interval
),
filled AS (
    SELECT b.rw_interval, b.interval, b.lower, b.upper,
           p.a_from || '..' || p.a_to AS period_a, p.b_from || '..' || p.b_to AS period_b,
           coalesce(s.cases_a, 0) AS cases_a, coalesce(s.cases_b, 0) AS cases_b,
           coalesce(s.total_cost_a, 0) AS total_cost_a, coalesce(s.total_cost_b, 0) AS total_cost_b,
           coalesce(s.fund_paid_a, 0) AS fund_paid_a, coalesce(s.fund_paid_b, 0) AS fund_paid_b
    FROM rw_interval_bounds AS b
    CROSS JOIN periods AS p
    LEFT JOIN sums AS s USING (rw_interval)
)
SELECT interval, lower, upper, period_a, period_b,
       cases_a, cases_b, total_cost_a, total_cost_b, fund_paid_a, fund_paid_b,
       fund_paid_a::DOUBLE / nullif(sum(fund_paid_a) OVER (), 0)::DOUBLE AS fund_share_a,
       fund_paid_b::DOUBLE / nullif(sum(fund_paid_b) OVER (), 0)::DOUBLE AS fund_share_b,
       (fund_paid_b - fund_paid_a)::DOUBLE / nullif(fund_paid_a, 0)::DOUBLE AS fund_change,
       (cases_b - cases_a) / nullif(cases_a, 0) AS cases_change,
       (total_cost_b - total_cost_a)::DOUBLE / nullif(total_cost_a, 0)::DOUBLE AS cost_change
FROM filled
ORDER BY rw_interval
