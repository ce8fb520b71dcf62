-- apg_grouping: how the outpatient visits were grouped, per year, class and level (metrics.md §8): key
-- (their own group), chapter (folded into class + chapter), class (folded into P, M or A), upstream (an
-- apg_code given in the input), none (no group in the weight table: paid on cost). excluded: total_cost
-- under apg_min_cost (counted in fund totals only). grouping_rate = visits in a key group / visits not
-- excluded, per year (the same on every row of the year).
WITH counted AS (
    SELECT year, class, level, sum(visits)::BIGINT AS visits, coalesce(sum(visits) FILTER (WHERE excluded), 0)::BIGINT AS excluded_visits,
           sum(total_cost) AS total_cost
    FROM apg_visit_totals GROUP BY ALL
)
SELECT year, class, level, visits, excluded_visits, total_cost,
       visits::DOUBLE / sum(visits) OVER (PARTITION BY year)::DOUBLE AS share,
       (sum(visits - excluded_visits) FILTER (WHERE level IN ('key', 'upstream')) OVER (PARTITION BY year))::DOUBLE
           / nullif(sum(visits - excluded_visits) OVER (PARTITION BY year), 0)::DOUBLE AS grouping_rate
FROM counted
ORDER BY year, class, level
