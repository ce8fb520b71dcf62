-- rw_intervals: per year and RW interval (metrics.md §4; edges from the variable rw_edges, lower bound
-- inclusive): cases, total_cost and fund_paid of the cases with an RW, excluded ones included (they
-- count in every fund total, §1), and each as a share of the year's cases with an RW. Every interval is
-- listed for every year, empty ones with zeros. QY, 0000 and unweighted cases have no RW and no interval.
WITH years AS (
    SELECT DISTINCT year FROM case_metrics
),
by_interval AS (
    SELECT year, rw_interval, count(*) AS cases, sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid
    FROM case_metrics
    WHERE rw_interval IS NOT NULL
    GROUP BY year, rw_interval
),
filled AS (
    SELECT y.year, b.rw_interval, b.interval, b.lower, b.upper,
           coalesce(i.cases, 0) AS cases,
           coalesce(i.total_cost, 0) AS total_cost,
           coalesce(i.fund_paid, 0) AS fund_paid
    FROM years AS y
    CROSS JOIN rw_interval_bounds AS b
    LEFT JOIN by_interval AS i ON i.year = y.year AND i.rw_interval = b.rw_interval
)
SELECT year, interval, lower, upper, cases, total_cost, fund_paid,
       fund_paid::DOUBLE / nullif(sum(fund_paid) OVER (PARTITION BY year), 0)::DOUBLE AS fund_share,
       cases / nullif(sum(cases) OVER (PARTITION BY year), 0) AS case_share,
       total_cost::DOUBLE / nullif(sum(total_cost) OVER (PARTITION BY year), 0)::DOUBLE AS cost_share
FROM filled
ORDER BY year, rw_interval
