-- The benchmark's DuckDB side of the danfojs comparison (bench/scale.ts): what test/metrics/oracle.ts
-- computes, over the table bench_cases, as plain SQL: §2 derived weights (base years, IQR trimming per
-- group and year, 2:3:5 year weights), §3 CMI and cost per weight per hospital-year, §4 RW intervals per year.
CREATE OR REPLACE TEMP TABLE bench_weights AS
WITH months AS (SELECT year, count(DISTINCT month) AS n FROM bench_cases GROUP BY year),
chosen AS (SELECT coalesce((list(year ORDER BY year) FILTER (WHERE n = 12))[1:3], (list(year ORDER BY year))[1:3]) AS years FROM months),
years AS (SELECT unnest(years) AS year, generate_subscripts(years, 1) AS i, len(years) AS k FROM chosen),
weighted AS (SELECT year, CASE k WHEN 3 THEN [2, 3, 5][i] WHEN 2 THEN [2, 3][i] ELSE 1 END::DOUBLE AS w FROM years),
base AS (SELECT c.drg_code, c.year, c.total_cost, w.w FROM bench_cases c JOIN weighted w USING (year) WHERE c.grouped AND NOT c.excluded),
fences AS (
  SELECT drg_code, year, quantile_cont(total_cost, 0.25) AS q1, quantile_cont(total_cost, 0.75) AS q3, count(*) AS n
  FROM base GROUP BY ALL
),
kept AS (
  SELECT b.* FROM base b JOIN fences f USING (drg_code, year)
  WHERE f.n < 5 OR b.total_cost BETWEEN f.q1 - 1.5 * (f.q3 - f.q1) AND f.q3 + 1.5 * (f.q3 - f.q1)
),
overall AS (SELECT sum(w * mean) / sum(w) AS m FROM (SELECT year, any_value(w) AS w, avg(total_cost) AS mean FROM kept GROUP BY year)),
groups AS (SELECT drg_code, sum(w * mean) / sum(w) AS mg FROM (SELECT drg_code, year, any_value(w) AS w, avg(total_cost) AS mean FROM kept GROUP BY ALL) GROUP BY drg_code)
SELECT drg_code, round(mg / m, 4) AS rw FROM groups, overall;

SELECT c.hospital_id, c.year, count(*) AS grouped_cases, sum(w.rw) AS total_weight, sum(w.rw) / count(*) AS cmi,
       sum(c.total_cost) / sum(w.rw) AS cost_per_weight
FROM bench_cases c JOIN bench_weights w USING (drg_code)
WHERE c.grouped AND NOT c.excluded
GROUP BY ALL;

SELECT c.year, len(list_filter([{edges}], e -> e <= w.rw)) AS interval, count(*) AS cases, sum(c.total_cost) AS total_cost, sum(c.fund_paid) AS fund_paid
FROM bench_cases c JOIN bench_weights w USING (drg_code)
WHERE c.grouped
GROUP BY ALL;
