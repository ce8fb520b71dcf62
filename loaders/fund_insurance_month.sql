-- fund_insurance_month: fund expenditure per setting, insurance type and month, with year-on-year growth
-- (metrics.md §5; a claim belongs to the month of its discharge_date or visit_date, §1). Inpatient claims
-- carry insurance_type (employee 职工 / resident 城乡居民; empty: 'unknown'); the outpatient contract has
-- no such column, so outpatient claims are 'unknown'. Every claim counts, excluded cases included.
WITH monthly AS (
    SELECT 'inpatient' AS setting, coalesce(insurance_type, 'unknown') AS insurance_type,
           strftime(discharge_date, '%Y-%m') AS month,
           count(*) AS claims, sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid
    FROM claims_inpatient GROUP BY ALL
    UNION ALL
    SELECT 'outpatient', 'unknown', strftime(visit_date, '%Y-%m'), count(*), sum(total_cost), sum(fund_paid)
    FROM claims_outpatient GROUP BY ALL
)
SELECT this.setting, this.insurance_type, this.month, this.claims, this.total_cost, this.fund_paid,
       -- yoy = (this period - same period a year before) / same period a year before; empty where undefined
       CASE WHEN before.fund_paid > 0 THEN ((this.fund_paid - before.fund_paid) / before.fund_paid)::DOUBLE END AS yoy
FROM monthly AS this
LEFT JOIN monthly AS before
       ON before.setting = this.setting
      AND before.insurance_type = this.insurance_type
      AND before.month = strftime(strptime(this.month || '-01', '%Y-%m-%d') - INTERVAL 1 YEAR, '%Y-%m')
ORDER BY this.setting, this.insurance_type, this.month
