-- control_month: CMI, cost per weight and fund paid per hospital and month against the mean ± 3 sd of
-- its trailing 12 months (metrics.md §10; table control_months of lib/metrics/control.sql).
SELECT hospital_id, month, metric, value, center, lower, upper, alert
FROM control_months
ORDER BY hospital_id, month, metric
