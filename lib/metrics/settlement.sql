-- Point method (DRG 点数法) and settlement per settlement year (metrics.md §6).
-- Reads case_metrics, cases, weight_base, policy, the pool macros of pool.sql and the variables high_multiplier, low_multiplier,
-- readmit_days, readmit_factor, ungrouped_discount, share_ratio. Builds case_points and settlement_years.
--
-- Every case is paid by points, excluded cases included: they are real stays whose fund_paid is in the
-- recorded fund total (§1), so leaving their points out would hand their money to the other cases.
-- A case's points are rounded to 4 decimals (DECIMAL), so every sum of points is exact and the same
-- on every run; payments are rounded to the cent.
CREATE OR REPLACE TABLE case_points AS
WITH year_rules AS (
    -- high and low multipliers: the policy row of the year where it gives them, else the parameters
    SELECT y.year,
           coalesce(p.high_multiplier, getvariable('high_multiplier'))::DOUBLE AS high_multiplier,
           coalesce(p.low_multiplier, getvariable('low_multiplier'))::DOUBLE AS low_multiplier
    FROM (SELECT DISTINCT year FROM case_metrics) AS y
    LEFT JOIN policy AS p ON p.year = y.year
),
readmissions AS (
    -- the same patient's next stay in the same hospital and DRG begins 0 to readmit_days days after this
    -- discharge: this, the earlier stay, has its points reduced (grouped cases only)
    SELECT claim_id
    FROM (SELECT claim_id, discharge_date,
                 lead(admit_date) OVER (PARTITION BY patient_id, hospital_id, drg_code
                                        ORDER BY admit_date, discharge_date, claim_id) AS next_admit
          FROM cases
          WHERE grouped)
    WHERE date_diff('day', discharge_date, next_admit) BETWEEN 0 AND getvariable('readmit_days')
),
rated AS (
    SELECT c.claim_id, c.hospital_id, c.year, c.drg_code, c.group_status,
           c.total_cost, c.fund_paid, c.coefficient, c.rw,
           c.rw_decimal::DOUBLE * 100 AS base_points,
           c.avg_cost,
           c.total_cost::DOUBLE / nullif(c.avg_cost, 0) AS cost_ratio,
           y.high_multiplier, y.low_multiplier,
           r.claim_id IS NOT NULL AS readmission,
           m.overall_mean
    FROM case_metrics AS c
    JOIN year_rules AS y USING (year)
    CROSS JOIN weight_base AS m
    LEFT JOIN readmissions AS r ON r.claim_id = c.claim_id
),
classed AS (
    SELECT *,
           CASE WHEN group_status <> 'SUCCESS' THEN 'ungrouped'  -- QY and 0000
                WHEN rw IS NULL THEN 'unweighted'                 -- a group the weight table lacks
                WHEN cost_ratio > high_multiplier THEN 'high'
                WHEN cost_ratio < low_multiplier THEN 'low'
                ELSE 'normal' END AS payment_class
    FROM rated
)
SELECT claim_id, hospital_id, year, drg_code, total_cost, fund_paid,
       payment_class, base_points, coefficient, avg_cost, cost_ratio, readmission,
       round(
           CASE payment_class
               WHEN 'normal' THEN base_points * coefficient
               WHEN 'high' THEN base_points * coefficient + (cost_ratio - high_multiplier) * base_points
               WHEN 'low' THEN base_points * coefficient * cost_ratio
               WHEN 'ungrouped' THEN total_cost::DOUBLE / overall_mean * 100 * getvariable('ungrouped_discount')
               -- a grouped case without RW is paid on its cost like QY, without the discount (that is for coding failures)
               WHEN 'unweighted' THEN total_cost::DOUBLE / overall_mean * 100
           END * CASE WHEN readmission THEN getvariable('readmit_factor') ELSE 1 END,
           4)::DECIMAL(18, 4) AS points
FROM classed;

-- Per settlement year: the pool of pool.sql (recorded, patient share, F, point value) with the DRG
-- multipliers and case counts beside it.
CREATE OR REPLACE TABLE settlement_years AS
WITH counts AS (
    SELECT year,
           count(*) FILTER (WHERE payment_class = 'high') AS high_cases,
           count(*) FILTER (WHERE payment_class = 'low') AS low_cases,
           count(*) FILTER (WHERE readmission) AS readmissions
    FROM case_points
    GROUP BY year
)
SELECT pool.year, pool.cases, pool.points, pool.total_cost, pool.recorded, pool.patient_share, pool.budget_given, pool.budget, pool.share_ratio,
       pool.balance, pool.fund_to_distribute, pool.point_value,
       coalesce(pol.high_multiplier, getvariable('high_multiplier'))::DOUBLE AS high_multiplier,
       coalesce(pol.low_multiplier, getvariable('low_multiplier'))::DOUBLE AS low_multiplier,
       c.high_cases, c.low_cases, c.readmissions,
       (SELECT overall_mean FROM weight_base) AS overall_mean
FROM pool_years('case_points') AS pool
JOIN counts AS c USING (year)
LEFT JOIN policy AS pol ON pol.year = pool.year
ORDER BY pool.year;

-- Per hospital and settlement year: DRG payment = Σ points × point value; fund payable = DRG payment -
-- the hospital's patient share; settlement rate = fund payable / its fund_paid (§6, pool.sql).
CREATE OR REPLACE TABLE settlement_hospital_years AS
WITH counts AS (
    SELECT hospital_id, year,
           count(*) FILTER (WHERE payment_class = 'high') AS high_cases,
           count(*) FILTER (WHERE payment_class = 'low') AS low_cases,
           count(*) FILTER (WHERE readmission) AS readmissions,
           count(*) FILTER (WHERE payment_class = 'ungrouped') AS ungrouped_cases,
           count(*) FILTER (WHERE payment_class = 'unweighted') AS unweighted_cases
    FROM case_points
    GROUP BY hospital_id, year
)
SELECT pool.hospital_id, pool.year, pool.cases, pool.points, pool.point_value, pool.payment AS drg_payment, pool.total_cost, pool.fund_paid,
       pool.patient_share, pool.fund_payable, pool.settlement_rate,
       c.high_cases, c.low_cases, c.readmissions, c.ungrouped_cases, c.unweighted_cases
FROM pool_hospital_years('case_points', 'settlement_years') AS pool
JOIN counts AS c USING (hospital_id, year)
ORDER BY pool.hospital_id, pool.year;
