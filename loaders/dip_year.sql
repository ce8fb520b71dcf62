-- dip_year: the region's DIP settlement per year (metrics.md §9 with the pool of §6) beside DRG's:
-- fund to distribute F and point value (F + patient share) / Σ case scores; settlement_rate = F /
-- recorded (exactly 1 with share ratio 1 and no budget); core_share = cases in core packets / cases;
-- hospitals and how many settle above 100 % under DIP and under DRG.
WITH hospitals_above AS (
    SELECT d.year, count(*) AS hospitals,
           count(*) FILTER (WHERE d.settlement_rate > 1) AS hospitals_above_one,
           count(*) FILTER (WHERE s.settlement_rate > 1) AS drg_hospitals_above_one,
           count(*) FILTER (WHERE d.payment > s.drg_payment) AS hospitals_gaining
    FROM (SELECT hospital_id, year, settlement_rate, dip_payment AS payment FROM dip_hospital_years) AS d
    LEFT JOIN settlement_hospital_years AS s USING (hospital_id, year)
    GROUP BY d.year
)
SELECT d.year, d.cases, d.core_cases, d.core_cases::DOUBLE / d.cases AS core_share, d.packets,
       d.scores::DOUBLE AS scores, d.point_value, d.total_cost, d.recorded, d.patient_share,
       d.budget_given, d.budget, d.share_ratio, d.fund_to_distribute,
       d.fund_to_distribute + d.patient_share AS dip_payment,
       d.fund_to_distribute::DOUBLE / nullif(d.recorded, 0)::DOUBLE AS settlement_rate,
       d.high_cases, d.low_cases, d.dip_low, d.dip_high,
       s.point_value AS drg_point_value, s.fund_to_distribute + s.patient_share AS drg_payment,
       h.hospitals, h.hospitals_above_one, h.drg_hospitals_above_one, h.hospitals_gaining
FROM dip_years AS d
LEFT JOIN settlement_years AS s USING (year)
LEFT JOIN hospitals_above AS h USING (year)
ORDER BY d.year
