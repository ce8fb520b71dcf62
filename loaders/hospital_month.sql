-- hospital_month: case mix per hospital and month (metrics.md §3; table casemix_hospital_month); the
-- same two case sets as hospital_year; the consumption indexes compare with the region in the same month.
SELECT c.hospital_id, c.month, c.cases, c.total_weight::DOUBLE AS total_weight, c.cmi,
       c.total_cost, c.fund_paid, c.cost_per_weight,
       c.year, c.grouped_cases, c.alos, c.cost_index, c.time_index, c.drg_count,
       c.excluded_cases, c.qy_cases, c.ungroupable_cases, c.unweighted_cases, c.grouping_rate,
       c.drug_share, c.consumable_share, c.exam_share, c.out_of_catalog_share, c.personal_burden
FROM casemix_hospital_month AS c
ORDER BY c.hospital_id, c.month
