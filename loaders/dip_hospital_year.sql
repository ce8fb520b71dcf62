-- dip_hospital_year: DIP settlement per hospital and year (metrics.md §9, the pool of §6) beside the DRG
-- settlement of the same year and budget. cases: all accepted cases; core_share: the share of them in
-- core packets; scores: Σ case scores; dip_payment = scores × point value; fund_payable = dip_payment −
-- patient share; settlement_rate = fund_payable / fund_paid; drg_payment and drg_settlement_rate from
-- the point method (dataset settlement); difference = dip_payment − drg_payment.
SELECT d.hospital_id, h.name, h.level::INTEGER AS level, d.year, d.cases,
       d.core_cases::DOUBLE / d.cases AS core_share,
       d.scores::DOUBLE AS scores, d.point_value, d.dip_payment, d.fund_paid, d.fund_payable, d.settlement_rate,
       d.high_cases, d.low_cases,
       s.drg_payment, s.settlement_rate AS drg_settlement_rate,
       d.dip_payment - s.drg_payment AS difference,
       (d.dip_payment - s.drg_payment)::DOUBLE / nullif(s.drg_payment, 0)::DOUBLE AS difference_share,
       d.total_cost, d.patient_share
FROM dip_hospital_years AS d
LEFT JOIN settlement_hospital_years AS s USING (hospital_id, year)
LEFT JOIN hospitals AS h USING (hospital_id)
ORDER BY d.hospital_id, d.year
