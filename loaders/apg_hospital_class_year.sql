-- apg_hospital_class_year: per institution, year and APG class (procedure, medical, ancillary): visits,
-- points, cost and fund; groups = distinct groups with a visit. The class mix of metrics.md §8.
SELECT v.hospital_id, v.year, v.class, sum(v.visits)::BIGINT AS visits, sum(v.points)::DOUBLE AS points,
       sum(v.total_cost) AS total_cost, sum(v.fund_paid) AS fund_paid, count(DISTINCT v.apg_code) AS groups,
       h.name, h.level::INTEGER AS level
FROM apg_visit_totals AS v
LEFT JOIN hospitals AS h USING (hospital_id)
GROUP BY ALL
ORDER BY v.hospital_id, v.year, v.class
