-- department_year: case mix per hospital, discharging department and year (metrics.md §3; table
-- casemix_department_year); the same two case sets as hospital_year. An empty department is a claim
-- without one. The consumption indexes compare with the whole region in the same group and year.
SELECT c.hospital_id, c.department, c.year, c.cases, c.grouped_cases, c.total_weight::DOUBLE AS total_weight,
       c.cmi, c.total_cost, c.fund_paid, c.cost_per_weight, c.alos, c.cost_index, c.time_index, c.drg_count,
       c.excluded_cases, c.qy_cases, c.ungroupable_cases, c.unweighted_cases, c.grouping_rate,
       c.low_risk_cases, c.low_risk_deaths, c.low_risk_mortality,
       c.drug_share, c.consumable_share, c.exam_share, c.out_of_catalog_share, c.personal_burden
FROM casemix_department_year AS c
ORDER BY c.hospital_id, c.department NULLS LAST, c.year
