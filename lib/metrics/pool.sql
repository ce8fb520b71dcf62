-- The settlement pool (metrics.md §6), written once for every payment method that shares a fund out
-- by points: DRG points (settlement.sql), DIP case scores (lib/dip/scores.sql) and outpatient points.
-- Two table macros over a table or view named by text (case_table), with one row per case and the columns
-- hospital_id, year, points (DECIMAL), total_cost, fund_paid; the policy table gives budgets and share
-- ratios (the share_ratio variable where it gives none).
--
-- pool_years(cases): per settlement year: recorded = Σ fund_paid, patient share s = Σ (total_cost -
-- fund_paid), F = recorded + ratio × (budget - recorded) (budget: policy.inpatient_budget, absent:
-- recorded), point value = (F + s) / Σ points.
CREATE OR REPLACE MACRO pool_years(case_table) AS TABLE
WITH totals AS (
    SELECT year, count(*) AS cases, sum(points) AS points, sum(total_cost) AS total_cost,
           sum(fund_paid) AS recorded, sum(total_cost - fund_paid) AS patient_share
    FROM query_table(case_table)
    GROUP BY year
),
ruled AS (
    SELECT t.*, pp.inpatient_budget IS NOT NULL AS budget_given,
           coalesce(pp.inpatient_budget, t.recorded) AS budget,
           coalesce(pp.share_ratio, getvariable('share_ratio'))::DOUBLE AS share_ratio
    FROM totals AS t
    LEFT JOIN policy AS pp USING (year)
),
distributed AS (
    SELECT *, round(recorded + share_ratio * (budget - recorded)::DOUBLE, 2)::DECIMAL(18, 2) AS fund_to_distribute
    FROM ruled
)
SELECT year, cases, points, total_cost, recorded, patient_share, budget_given, budget, share_ratio,
       budget - recorded AS balance,
       fund_to_distribute,
       (fund_to_distribute + patient_share)::DOUBLE / nullif(points, 0)::DOUBLE AS point_value
FROM distributed;

-- pool_hospital_years(cases, years): per hospital and year: payment = Σ points × the year's point value
-- (from `years`, a table with year and point_value), rounded to the cent; fund payable = payment - the
-- hospital's patient share; settlement rate = fund payable / its fund_paid.
CREATE OR REPLACE MACRO pool_hospital_years(case_table, year_table) AS TABLE
WITH by_hospital AS (
    SELECT hospital_id, year, count(*) AS cases, sum(points) AS points,
           sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid, sum(total_cost - fund_paid) AS patient_share
    FROM query_table(case_table)
    GROUP BY hospital_id, year
),
paid AS (
    SELECT b.*, s.point_value,
           round(b.points::DOUBLE * s.point_value, 2)::DECIMAL(18, 2) AS payment
    FROM by_hospital AS b
    JOIN query_table(year_table) AS s USING (year)
)
SELECT hospital_id, year, cases, points, point_value, payment, total_cost, fund_paid, patient_share,
       payment - patient_share AS fund_payable,
       (payment - patient_share)::DOUBLE / nullif(fund_paid, 0)::DOUBLE AS settlement_rate
FROM paid;
