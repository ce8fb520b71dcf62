-- dip_drg_drivers: what moves money between DRG and DIP, per hospital, year and kind of case. Each case's
-- payment under either method is its points × the year's DRG point value and its case score × the
-- year's DIP point value (unrounded; a hospital's sums match dip_hospital_year to the cent's rounding).
-- dimension `treatment`: the case's treatment type (§7: operation, intervention, diagnostic,
-- conservative); dimension `rw`: its DRG weight band (rw_lt_0.5, rw_0.5_1, rw_1_2, rw_ge_2; no_rw for
-- QY, 0000 and groups without weight); dimension `deviation`: its DIP cost deviation (low, normal, high).
WITH paid AS (
    SELECT d.hospital_id, d.year, d.treatment, d.deviation,
           CASE WHEN p.payment_class IN ('ungrouped', 'unweighted') THEN 'no_rw'
                WHEN p.base_points < 50 THEN 'rw_lt_0.5' WHEN p.base_points < 100 THEN 'rw_0.5_1'
                WHEN p.base_points < 200 THEN 'rw_1_2' ELSE 'rw_ge_2' END AS rw_band,
           p.points::DOUBLE * s.point_value AS drg_payment,
           d.case_score::DOUBLE * y.point_value AS dip_payment
    FROM dip_case_scores AS d
    JOIN case_points AS p USING (claim_id)
    JOIN settlement_years AS s ON s.year = d.year
    JOIN dip_years AS y ON y.year = d.year
),
long AS (
    SELECT hospital_id, year, 'treatment' AS dimension, treatment AS kind, drg_payment, dip_payment FROM paid
    UNION ALL
    SELECT hospital_id, year, 'rw', rw_band, drg_payment, dip_payment FROM paid
    UNION ALL
    SELECT hospital_id, year, 'deviation', deviation, drg_payment, dip_payment FROM paid
)
SELECT hospital_id, year, dimension, kind, count(*) AS cases,
       round(sum(drg_payment ORDER BY drg_payment), 2) AS drg_payment,
       round(sum(dip_payment ORDER BY dip_payment), 2) AS dip_payment,
       round(sum(dip_payment ORDER BY dip_payment) - sum(drg_payment ORDER BY drg_payment), 2) AS difference
FROM long
GROUP BY hospital_id, year, dimension, kind
ORDER BY hospital_id, year, dimension, kind
