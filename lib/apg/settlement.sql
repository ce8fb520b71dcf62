-- The unsigned pool's point settlement (metrics.md §8), per year and per institution. Reads
-- apg_visit_totals (the visits summed), apg_capitation, policy and the variable share_ratio. Builds apg_pool_years,
-- apg_hospital_years and apg_region_years.
--
-- The pool formula is §6's: F = recorded + ratio × (budget − recorded), point value = (F + s) / Σ points,
-- payment = points × point value, payable = payment − patient share (lib/metrics/settlement.sql does the
-- same for DRG cases; the two are meant to become one template).

-- Per year: budget_u = outpatient_budget − Σ packages (no budget: recorded_u); recorded_u = Σ fund_paid of
-- unsigned persons' visits; F_u = recorded_u + share_ratio × (budget_u − recorded_u); s_u = their patient
-- share; point value = (F_u + s_u) / Σ their points.
CREATE OR REPLACE TABLE apg_pool_years AS
WITH unsigned AS (
    SELECT year, sum(visits) AS visits, sum(points) AS points, sum(fund_paid) AS recorded,
           sum(patient_share) AS patient_share
    FROM apg_visit_totals WHERE signed_to IS NULL
    GROUP BY year
),
years AS (SELECT DISTINCT year FROM apg_visit_totals),
packages AS (
    SELECT year, sum(package) AS packages, sum(package_spend) AS package_spend, sum(kept_or_borne) AS kept_or_borne,
           sum(signed_persons)::BIGINT AS signed_persons
    FROM apg_capitation GROUP BY year
),
ruled AS (
    SELECT y.year, coalesce(u.visits, 0)::BIGINT AS visits, coalesce(u.points, 0) AS points,
           coalesce(u.recorded, 0)::DECIMAL(18, 2) AS recorded, coalesce(u.patient_share, 0)::DECIMAL(18, 2) AS patient_share,
           coalesce(k.packages, 0)::DECIMAL(18, 2) AS packages, coalesce(k.package_spend, 0)::DECIMAL(18, 2) AS package_spend,
           coalesce(k.kept_or_borne, 0)::DECIMAL(18, 2) AS kept_or_borne, coalesce(k.signed_persons, 0)::BIGINT AS signed_persons,
           p.outpatient_budget IS NOT NULL AS budget_given, p.outpatient_budget,
           coalesce(p.outpatient_budget - coalesce(k.packages, 0), coalesce(u.recorded, 0))::DECIMAL(18, 2) AS budget,
           coalesce(p.share_ratio, getvariable('share_ratio'))::DOUBLE AS share_ratio
    FROM years AS y
    LEFT JOIN unsigned AS u USING (year)
    LEFT JOIN packages AS k USING (year)
    LEFT JOIN policy AS p USING (year)
),
distributed AS (
    SELECT *, round(recorded + share_ratio * (budget - recorded)::DOUBLE, 2)::DECIMAL(18, 2) AS fund_to_distribute
    FROM ruled
)
SELECT year, visits, points, recorded, patient_share, budget_given, outpatient_budget, packages, package_spend,
       kept_or_borne, signed_persons, budget, share_ratio, budget - recorded AS balance, fund_to_distribute,
       (fund_to_distribute + patient_share)::DOUBLE / nullif(points, 0)::DOUBLE AS point_value
FROM distributed
ORDER BY year;

-- Per institution and year (dataset apg_hospital_year): all its visits and points; its unsigned
-- visits' points × the year's point value = APG payment (to the cent); fund payable = payment − their
-- patient share; settlement rate = payable / their fund_paid.
CREATE OR REPLACE TABLE apg_hospital_years AS
WITH by_hospital AS (
    SELECT hospital_id, year, sum(visits)::BIGINT AS visits, sum(points) AS points,
           coalesce(sum(visits) FILTER (WHERE signed_to IS NOT NULL), 0)::BIGINT AS signed_visits,
           coalesce(sum(visits) FILTER (WHERE signed_to IS NULL), 0)::BIGINT AS unsigned_visits,
           coalesce(sum(points) FILTER (WHERE signed_to IS NULL), 0) AS unsigned_points,
           sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid,
           coalesce(sum(fund_paid) FILTER (WHERE signed_to IS NULL), 0) AS unsigned_fund_paid,
           coalesce(sum(patient_share) FILTER (WHERE signed_to IS NULL), 0) AS unsigned_patient_share,
           coalesce(sum(visits) FILTER (WHERE excluded), 0)::BIGINT AS excluded_visits,
           coalesce(sum(visits) FILTER (WHERE payment_class = 'unweighted'), 0)::BIGINT AS unweighted_visits
    FROM apg_visit_totals GROUP BY hospital_id, year
)
SELECT b.*, p.point_value,
       round(b.unsigned_points::DOUBLE * p.point_value, 2)::DECIMAL(18, 2) AS apg_payment,
       round(b.unsigned_points::DOUBLE * p.point_value, 2)::DECIMAL(18, 2) - b.unsigned_patient_share AS fund_payable,
       (round(b.unsigned_points::DOUBLE * p.point_value, 2)::DECIMAL(18, 2) - b.unsigned_patient_share)::DOUBLE
           / nullif(b.unsigned_fund_paid, 0)::DOUBLE AS settlement_rate
FROM by_hospital AS b
JOIN apg_pool_years AS p USING (year)
ORDER BY hospital_id, year;

-- The region per year: what the fund pays out under the reform = Σ package spend (visits of signed
-- persons, paid as recorded) + Σ kept_or_borne (surplus kept, overspend borne) + F_u (the unsigned pool);
-- settlement rate = that / recorded outpatient fund. With share ratio 1 and budget = recorded it is 1.
CREATE OR REPLACE TABLE apg_region_years AS
WITH totals AS (
    SELECT year, sum(visits)::BIGINT AS visits, sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid, sum(points) AS points,
           coalesce(sum(visits) FILTER (WHERE signed_to IS NOT NULL), 0)::BIGINT AS signed_visits
    FROM apg_visit_totals GROUP BY year
)
SELECT t.year, t.visits, t.total_cost, t.fund_paid, t.points, t.signed_visits, p.signed_persons,
       p.packages, p.package_spend, p.kept_or_borne,
       p.outpatient_budget, p.budget_given, p.budget AS pool_budget, p.recorded AS pool_recorded,
       p.fund_to_distribute AS pool_fund, p.point_value, p.share_ratio,
       p.package_spend + p.kept_or_borne + p.fund_to_distribute AS fund_payable,
       (p.package_spend + p.kept_or_borne + p.fund_to_distribute)::DOUBLE / nullif(t.fund_paid, 0)::DOUBLE AS settlement_rate
FROM totals AS t JOIN apg_pool_years AS p USING (year)
ORDER BY t.year;
