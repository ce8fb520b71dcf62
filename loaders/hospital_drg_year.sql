-- hospital_drg_year: each hospital's ten groups with the largest gain and the ten with the largest loss
-- per settlement year under DRG payment (metrics.md §6): DRG payment = Σ points × the year's point value,
-- gain = DRG payment - total_cost of the same cases (negative: a loss). gain_rank ranks the groups with a
-- gain (1 = largest), loss_rank those with a loss (1 = largest loss); a group is listed if either is ≤ 10.
WITH by_group AS (
    SELECT hospital_id, year, drg_code, count(*) AS cases,
           sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid, sum(points) AS points,
           count(*) FILTER (WHERE payment_class = 'high') AS high_cases,
           count(*) FILTER (WHERE payment_class = 'low') AS low_cases
    FROM case_points
    GROUP BY hospital_id, year, drg_code
),
gained AS (
    SELECT b.*, round(b.points::DOUBLE * s.point_value, 2)::DECIMAL(18, 2) AS drg_payment,
           round(b.points::DOUBLE * s.point_value, 2)::DECIMAL(18, 2) - b.total_cost AS gain
    FROM by_group AS b
    JOIN settlement_years AS s USING (year)
),
ranked AS (
    SELECT *,
           CASE WHEN gain > 0 THEN row_number() OVER (PARTITION BY hospital_id, year, gain > 0 ORDER BY gain DESC, drg_code) END AS gain_rank,
           CASE WHEN gain < 0 THEN row_number() OVER (PARTITION BY hospital_id, year, gain < 0 ORDER BY gain, drg_code) END AS loss_rank
    FROM gained
)
SELECT r.hospital_id, r.year, r.drg_code, n.name, r.cases, r.total_cost, r.fund_paid, r.points::DOUBLE AS points,
       r.drg_payment, r.gain, r.gain::DOUBLE / r.cases AS gain_per_case,
       r.drg_payment::DOUBLE / nullif(r.total_cost, 0)::DOUBLE AS payment_to_cost,
       r.high_cases, r.low_cases, r.gain_rank, r.loss_rank
FROM ranked AS r
LEFT JOIN drg_names AS n USING (drg_code)
WHERE r.gain_rank <= 10 OR r.loss_rank <= 10
ORDER BY r.hospital_id, r.year, r.gain DESC, r.drg_code
