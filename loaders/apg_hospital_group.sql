-- apg_hospital_group: per institution and year, its 15 groups with most points (rank 1–15) and the
-- rest as one row (apg_code empty, rank 16): visits, points, cost. The group mix of metrics.md §8.
WITH by_group AS (
    SELECT hospital_id, year, apg_code, sum(visits)::BIGINT AS visits, sum(points) AS points, sum(total_cost) AS total_cost
    FROM apg_visit_totals GROUP BY ALL
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY hospital_id, year ORDER BY points DESC, apg_code NULLS LAST) AS rank FROM by_group
)
SELECT hospital_id, year, CASE WHEN rank <= 15 THEN apg_code END AS apg_code, least(rank, 16)::INTEGER AS rank,
       sum(visits) AS visits, sum(points)::DOUBLE AS points, sum(total_cost) AS total_cost,
       sum(points)::DOUBLE / sum(sum(points)) OVER (PARTITION BY hospital_id, year)::DOUBLE AS points_share
FROM ranked
GROUP BY hospital_id, year, CASE WHEN rank <= 15 THEN apg_code END, least(rank, 16)
ORDER BY hospital_id, year, rank
