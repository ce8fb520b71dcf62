-- hospital_year: case mix and efficiency per hospital and year (metrics.md §3; table casemix_hospital_year).
-- cases, total_cost, fund_paid and the cost structure (drug … out_of_catalog share, personal burden) cover
-- all the hospital's cases of the year; grouped_cases, total_weight, cmi, cost_per_weight, alos, the
-- consumption indexes (against the region's mean in the same group and year), drg_count and low-risk
-- mortality cover the grouped, not excluded cases whose group has an RW.
SELECT c.hospital_id, c.year, c.cases, c.grouped_cases, c.total_weight::DOUBLE AS total_weight, c.cmi,
       c.total_cost, c.fund_paid, c.cost_per_weight, c.alos, c.cost_index, c.time_index, c.drg_count,
       h.name, h.level::INTEGER AS level, h.district,
       c.excluded_cases, c.qy_cases, c.ungroupable_cases, c.unweighted_cases, c.grouping_rate,
       c.low_risk_cases, c.low_risk_deaths, c.low_risk_mortality,
       c.drug_share, c.consumable_share, c.exam_share, c.out_of_catalog_share, c.personal_burden
FROM casemix_hospital_year AS c
LEFT JOIN hospitals AS h USING (hospital_id)
ORDER BY c.hospital_id, c.year
