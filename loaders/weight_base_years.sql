-- weight_base_years: the base years of the weights (metrics.md §2) with their year weight, the grouped,
-- not excluded cases, how many trimming kept and removed, the mean cost of the kept cases, and the
-- overall mean m (the same on every row) that RW and the point method divide by.
SELECT y.year, y.year_weight, y.cases, y.kept_cases, y.trimmed_cases, y.mean_cost, b.overall_mean
FROM weight_base_years AS y
CROSS JOIN weight_base AS b
ORDER BY y.year
