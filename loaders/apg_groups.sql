-- apg_groups: one row per APG-like outpatient group (metrics.md §8) with the weight every visit's
-- points use. level: key (class letter + ICD category), chapter (a fold group, P-CH15), class (P, M, A),
-- upstream (a code given upstream that no weight table holds). visits: the group's non-excluded
-- base-period visits (a class group: every base visit of its class); unstable: a derived weight from
-- fewer than min_cases visits. all_visits, total_cost: every visit reported in the group, all years.
WITH seen AS (
    SELECT apg_code, sum(visits)::BIGINT AS all_visits, sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid
    FROM apg_visit_totals WHERE apg_code IS NOT NULL GROUP BY apg_code
)
SELECT g.apg_code, g.class, g.key, g.level, g.visits, g.avg_cost::DOUBLE AS avg_cost,
       g.weight_decimal::DOUBLE AS weight, g.weight_decimal::DOUBLE * 100 AS points, g.weight_source, g.unstable,
       coalesce(s.all_visits, 0) AS all_visits, coalesce(s.total_cost, 0) AS total_cost, coalesce(s.fund_paid, 0) AS fund_paid
FROM apg_groups AS g
LEFT JOIN seen AS s USING (apg_code)
ORDER BY g.apg_code
