-- settlement_year: the region's settlement per year (metrics.md §6): recorded fund spend, the budget
-- (policy.inpatient_budget; budget_given false: none, so the budget is the recorded spend), balance =
-- budget - recorded (positive: a surplus, negative: an overspend), the share ratio, the fund to
-- distribute F = recorded + ratio × balance, the patient share s, Σ points, point value = (F + s) / Σ
-- points, the region's DRG payment (F + s) and settlement rate F / recorded, the multipliers used, the
-- overall mean m of QY/0000 points, and how many hospitals settle above 100%.
WITH hospitals_above AS (
    SELECT year, count(*) AS hospitals,
           count(*) FILTER (WHERE settlement_rate > 1) AS hospitals_above_one,
           max(settlement_rate) AS max_settlement_rate,
           min(settlement_rate) AS min_settlement_rate
    FROM settlement_hospital_years
    GROUP BY year
)
SELECT s.year, s.cases, s.points::DOUBLE AS points, s.point_value, s.total_cost, s.recorded, s.patient_share,
       s.budget_given, s.budget, s.balance,
       CASE WHEN s.balance > 0 THEN 'surplus' WHEN s.balance < 0 THEN 'overspend' ELSE 'balanced' END AS outcome,
       s.share_ratio, s.fund_to_distribute,
       s.fund_to_distribute + s.patient_share AS drg_payment,
       s.fund_to_distribute::DOUBLE / nullif(s.recorded, 0)::DOUBLE AS settlement_rate,
       s.high_multiplier, s.low_multiplier, s.overall_mean,
       s.high_cases, s.low_cases, s.readmissions,
       h.hospitals, h.hospitals_above_one, h.max_settlement_rate, h.min_settlement_rate
FROM settlement_years AS s
LEFT JOIN hospitals_above AS h USING (year)
ORDER BY s.year
