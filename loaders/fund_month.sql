-- fund_month: fund expenditure per setting and month, with year-on-year growth (metrics.md §5).
-- A claim belongs to the month of its discharge_date (inpatient) or visit_date (outpatient) (§1).
-- Every claim counts here, excluded cases included (§1: they still count in every fund total).
WITH monthly AS (
    SELECT 'inpatient' AS setting, strftime(discharge_date, '%Y-%m') AS month,
           count(*) AS claims, sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid
    FROM claims_inpatient GROUP BY ALL
    UNION ALL
    SELECT 'outpatient', strftime(visit_date, '%Y-%m'), count(*), sum(total_cost), sum(fund_paid)
    FROM claims_outpatient GROUP BY ALL
)
SELECT this.setting, this.month, this.claims, this.total_cost, this.fund_paid,
       -- yoy = (this period - same period a year before) / same period a year before; empty where undefined
       CASE WHEN before.fund_paid > 0 THEN ((this.fund_paid - before.fund_paid) / before.fund_paid)::DOUBLE END AS yoy
FROM monthly AS this
LEFT JOIN monthly AS before
       ON before.setting = this.setting
      AND before.month = strftime(strptime(this.month || '-01', '%Y-%m-%d') - INTERVAL 1 YEAR, '%Y-%m')
ORDER BY this.setting, this.month
