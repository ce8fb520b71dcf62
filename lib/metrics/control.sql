-- Control limits per hospital and month (metrics.md §10): CMI, cost per weight and fund_paid against the
-- mean ± 3 standard deviations of the same hospital's trailing 12 months (the 12 calendar months before,
-- the month itself left out); a month outside the limits is an alert. Limits need all 12 months.
-- Reads casemix_hospital_month; builds control_months.
CREATE OR REPLACE TABLE control_months AS
WITH long AS (
    SELECT hospital_id, month, year * 12 + CAST(right(month, 2) AS INTEGER) AS month_index, 'cmi' AS metric, cmi::DOUBLE AS value FROM casemix_hospital_month
    UNION ALL
    SELECT hospital_id, month, year * 12 + CAST(right(month, 2) AS INTEGER), 'cost_per_weight', cost_per_weight::DOUBLE FROM casemix_hospital_month
    UNION ALL
    SELECT hospital_id, month, year * 12 + CAST(right(month, 2) AS INTEGER), 'fund_paid', fund_paid::DOUBLE FROM casemix_hospital_month
),
windowed AS (
    SELECT *,
           count(value) OVER w AS n,
           avg(value) OVER w AS mean,
           stddev_samp(value) OVER w AS sd
    FROM long
    WINDOW w AS (PARTITION BY hospital_id, metric ORDER BY month_index RANGE BETWEEN 12 PRECEDING AND 1 PRECEDING)
)
SELECT hospital_id, month, metric, value,
       CASE WHEN n = 12 THEN mean END AS center,
       CASE WHEN n = 12 THEN mean - 3 * sd END AS lower,
       CASE WHEN n = 12 THEN mean + 3 * sd END AS upper,
       coalesce(n = 12 AND value IS NOT NULL AND (value > mean + 3 * sd OR value < mean - 3 * sd), false) AS alert
FROM windowed
ORDER BY hospital_id, month, metric;
