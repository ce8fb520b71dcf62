-- drg_year: per reported group and year. kind: 'drg', 'qy' or 'ungroupable' (0000).
-- cases, total_cost, fund_paid: every case; mean_cost, alos, deaths, mortality: the not excluded ones;
-- total_weight: the case-mix set (metrics.md §3); points, high/low-multiplier cases, readmissions and
-- risk_level: the group's mortality-risk level 0–4 from its base-period mortality (§3);
-- the DRG payment (points × the year's point value, §6) cover every case; gain = DRG payment - total_cost.
WITH by_group AS (
    SELECT drg_code, year,
           CASE WHEN group_status = 'SUCCESS' THEN 'drg' WHEN group_status = 'QY' THEN 'qy' ELSE 'ungroupable' END AS kind,
           max(rw) AS rw,
           count(*) AS cases,
           count(*) FILTER (WHERE excluded) AS excluded_cases,
           sum(total_cost) AS total_cost,
           sum(fund_paid) AS fund_paid,
           sum(total_cost) FILTER (WHERE NOT excluded)::DOUBLE / nullif(count(*) FILTER (WHERE NOT excluded), 0) AS mean_cost,
           sum(los) FILTER (WHERE NOT excluded) / nullif(count(*) FILTER (WHERE NOT excluded), 0) AS alos,
           coalesce(sum(rw_decimal) FILTER (WHERE in_casemix), 0)::DOUBLE AS total_weight,
           count(DISTINCT hospital_id) AS hospitals,
           count(*) FILTER (WHERE died AND NOT excluded) AS deaths,
           count(*) FILTER (WHERE died AND NOT excluded) / nullif(count(*) FILTER (WHERE NOT excluded), 0) AS mortality,
           bool_or(low_risk) AS low_risk
    FROM case_metrics
    GROUP BY ALL
),
paid AS (
    SELECT p.drg_code, p.year, sum(p.points) AS points,
           count(*) FILTER (WHERE p.payment_class = 'high') AS high_cases,
           count(*) FILTER (WHERE p.payment_class = 'low') AS low_cases,
           count(*) FILTER (WHERE p.readmission) AS readmissions,
           round(sum(p.points)::DOUBLE * any_value(s.point_value), 2)::DECIMAL(18, 2) AS drg_payment
    FROM case_points AS p
    JOIN settlement_years AS s USING (year)
    GROUP BY p.drg_code, p.year
)
SELECT g.drg_code, n.name, g.year, g.kind, g.rw, g.cases, g.excluded_cases, g.total_cost, g.fund_paid,
       g.mean_cost, g.alos, g.total_weight, g.hospitals, g.deaths, g.mortality, r.risk_level, g.low_risk,
       p.points::DOUBLE AS points, p.high_cases, p.low_cases, p.readmissions, p.drg_payment,
       p.drg_payment - g.total_cost AS gain
FROM by_group AS g
LEFT JOIN paid AS p USING (drg_code, year)
LEFT JOIN drg_names AS n USING (drg_code)
LEFT JOIN drg_risk AS r USING (drg_code)
ORDER BY g.drg_code, g.year
