-- apg_hospital_year: per institution and year, the outpatient point settlement of metrics.md §8.
-- visits and points: all its accepted visits; signed_visits: visits of persons signed (to any
-- institution) that year, paid from their packages; unsigned_points × the year's point value = APG
-- payment (to the cent); fund_payable = payment − the unsigned visits' patient share; settlement_rate =
-- fund_payable / unsigned_fund_paid (empty without unsigned visits).
SELECT a.hospital_id, a.year, a.visits, a.points::DOUBLE AS points, a.signed_visits, a.unsigned_visits,
       a.unsigned_points::DOUBLE AS unsigned_points, a.total_cost, a.fund_paid, a.point_value, a.apg_payment,
       a.fund_payable, a.settlement_rate,
       h.name, h.level::INTEGER AS level, h.district,
       a.unsigned_fund_paid, a.unsigned_patient_share, a.fund_payable - a.unsigned_fund_paid AS fund_difference,
       a.excluded_visits, a.unweighted_visits
FROM apg_hospital_years AS a
LEFT JOIN hospitals AS h USING (hospital_id)
ORDER BY a.hospital_id, a.year
