-- settlement: per hospital and settlement year, the point method of metrics.md §6 (tables case_points,
-- settlement_years, settlement_hospital_years): points, the year's point value, DRG payment = points ×
-- point value (to the cent), fund payable = DRG payment - the patient share of its cases, settlement
-- rate = fund payable / fund_paid, and the high- and low-multiplier cases. Every case is paid by points,
-- excluded ones included.
SELECT s.hospital_id, s.year, s.cases, s.points::DOUBLE AS points, s.point_value, s.drg_payment,
       s.fund_paid, s.fund_payable, s.settlement_rate, s.high_cases, s.low_cases,
       h.name, h.level::INTEGER AS level, s.total_cost, s.patient_share, s.fund_payable - s.fund_paid AS fund_difference,
       s.readmissions, s.ungrouped_cases, s.unweighted_cases
FROM settlement_hospital_years AS s
LEFT JOIN hospitals AS h USING (hospital_id)
ORDER BY s.hospital_id, s.year
