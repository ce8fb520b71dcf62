-- rw_interval_month: per month and RW interval, the same sums as rw_intervals (metrics.md §4), only the
-- cells that have cases: aggregates from which a page compares any two periods in the browser.
SELECT c.month, b.interval, b.lower, b.upper,
       count(*) AS cases, sum(c.total_cost) AS total_cost, sum(c.fund_paid) AS fund_paid
FROM case_metrics AS c
JOIN rw_interval_bounds AS b USING (rw_interval)
GROUP BY c.month, b.rw_interval, b.interval, b.lower, b.upper
ORDER BY c.month, b.rw_interval
