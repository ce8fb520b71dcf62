-- groups: one row per DRG, with the relative weight every metric uses (metrics.md §2) and a_g, the
-- average cost of the point method (§6, `avg_cost`). Rows: the groups of the weight table (given or
-- derived) and every group that cases were reported under; a group without RW ("unweighted", absent
-- from a given table, or seen only outside the base years) has empty rw, avg_cost and rw_source.
-- cases: every case reported under the group, all years, excluded ones included; base_cases: the
-- grouped, not excluded cases of the base years; unstable: a derived RW from fewer than min_cases.
WITH seen AS (
    SELECT drg_code, count(*) AS cases, count(*) FILTER (WHERE excluded) AS excluded_cases,
           sum(total_cost) FILTER (WHERE NOT excluded)::DOUBLE / count(*) FILTER (WHERE NOT excluded) AS mean_cost
    FROM case_metrics
    WHERE grouped
    GROUP BY drg_code
),
all_groups AS (
    SELECT drg_code FROM drg_weights
    UNION
    SELECT drg_code FROM seen
)
SELECT a.drg_code, n.name,
       coalesce(s.cases, 0) AS cases,
       w.avg_cost, w.rw, w.rw_source, w.unstable,
       coalesce(w.base_cases, b.base_cases, 0) AS base_cases,
       coalesce(s.excluded_cases, 0) AS excluded_cases,
       s.mean_cost
FROM all_groups AS a
LEFT JOIN drg_weights AS w USING (drg_code)
LEFT JOIN drg_base AS b USING (drg_code)
LEFT JOIN seen AS s USING (drg_code)
LEFT JOIN drg_names AS n USING (drg_code)
ORDER BY a.drg_code
