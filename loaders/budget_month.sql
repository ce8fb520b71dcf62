-- budget_month: budget execution per setting and month. The month's fund spend (metrics.md §5: Σ fund_paid,
-- inpatient by discharge_date, outpatient by visit_date), the year's spend to date, the annual budget of
-- the policy table (inpatient_budget / outpatient_budget; empty where the policy gives none), execution =
-- spend to date / annual budget, and the even pace budget × month / 12 that spend to date is held against.
WITH monthly AS (
    SELECT 'inpatient' AS setting, strftime(discharge_date, '%Y-%m') AS month, sum(fund_paid) AS fund_paid
    FROM claims_inpatient GROUP BY ALL
    UNION ALL
    SELECT 'outpatient', strftime(visit_date, '%Y-%m'), sum(fund_paid)
    FROM claims_outpatient GROUP BY ALL
),
to_date AS (
    SELECT setting, month, left(month, 4)::INTEGER AS year, right(month, 2)::INTEGER AS month_of_year, fund_paid,
           sum(fund_paid) OVER (PARTITION BY setting, left(month, 4) ORDER BY month) AS fund_paid_to_date
    FROM monthly
),
budgeted AS (
    SELECT d.*, CASE d.setting WHEN 'inpatient' THEN p.inpatient_budget ELSE p.outpatient_budget END AS budget
    FROM to_date AS d
    LEFT JOIN policy AS p USING (year)
)
SELECT setting, year, month, fund_paid, fund_paid_to_date, budget,
       (budget * month_of_year / 12)::DOUBLE AS budget_to_date,
       (fund_paid_to_date / nullif(budget, 0))::DOUBLE AS execution
FROM budgeted
ORDER BY setting, month
