-- grouping_mdc: per MDC (of the reported group), all years: cases, excluded cases, and among the others
-- grouped, QY and ungroupable (0000) cases; grouping rate = grouped / (all - excluded) (metrics.md §1).
SELECT mdc,
       count(*) AS cases,
       count(*) FILTER (WHERE excluded) AS excluded_cases,
       count(*) FILTER (WHERE grouped AND NOT excluded) AS grouped_cases,
       count(*) FILTER (WHERE group_status = 'QY' AND NOT excluded) AS qy_cases,
       count(*) FILTER (WHERE NOT grouped AND group_status <> 'QY' AND NOT excluded) AS ungroupable_cases,
       count(*) FILTER (WHERE grouped AND NOT excluded) / nullif(count(*) FILTER (WHERE NOT excluded), 0) AS grouping_rate
FROM case_metrics
GROUP BY mdc
ORDER BY mdc NULLS LAST
