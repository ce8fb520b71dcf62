-- region_year: the whole region's case mix per year (metrics.md §3; table casemix_region_year), the
-- yardstick of hospital_year (its consumption indexes are 1 by definition and left out).
SELECT c.year, c.cases, c.grouped_cases, c.total_weight::DOUBLE AS total_weight, c.cmi,
       c.total_cost, c.fund_paid, c.cost_per_weight, c.alos, c.drg_count,
       c.excluded_cases, c.qy_cases, c.ungroupable_cases, c.unweighted_cases, c.grouping_rate,
       c.low_risk_cases, c.low_risk_deaths, c.low_risk_mortality,
       c.drug_share, c.consumable_share, c.exam_share, c.out_of_catalog_share, c.personal_burden
FROM casemix_region_year AS c
ORDER BY c.year
