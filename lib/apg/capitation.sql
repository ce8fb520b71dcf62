-- Per-capita packages (人头包干, metrics.md §8). Reads apg_visit_cells and apg_signed (signing.sql),
-- apg_grouped, apg_base, apg_groups, policy and the variable share_ratio. Builds apg_visit_totals (the
-- visits summed per institution, year, group, payment class and signing: what the settlement and the
-- datasets add up) and apg_capitation (institution × year).

-- apg_visit_cells with their group, payment class and points: a weighted cell's visits × its group's
-- points, else the sum of its visits' cost points.
CREATE OR REPLACE TABLE apg_visit_totals AS
SELECT v.hospital_id, v.year, v.class, v.key, v.apg_code, v.own_apg_code, v.upstream_apg_code, v.level,
       v.excluded, apg_payment_class(v.excluded, g.weight_decimal) AS payment_class, v.signed_to, v.visits,
       -- sums of a cell's visits, in the visits' own types (their sums are then those of the visits)
       CASE WHEN NOT v.excluded AND g.weight_decimal IS NOT NULL
            THEN v.visits * apg_points(v.excluded, g.weight_decimal, NULL, m.overall_mean)
            ELSE v.cost_points END::DECIMAL(18, 4) AS points,
       v.total_cost::DECIMAL(18, 2) AS total_cost, v.fund_paid::DECIMAL(18, 2) AS fund_paid,
       v.patient_share::DECIMAL(18, 2) AS patient_share
FROM apg_grouped('apg_visit_cells') AS v
CROSS JOIN apg_base AS m
LEFT JOIN apg_groups AS g USING (apg_code)
ORDER BY ALL;
DROP TABLE apg_visit_cells;

-- Per institution and year: package = Σ quota × signed persons (to the cent), package spend = the fund
-- paid for its signed persons' visits of the year at any institution, surplus = package − spend;
-- kept_or_borne = share_ratio × surplus (policy.share_ratio of the year, else the parameter).
CREATE OR REPLACE TABLE apg_capitation AS
WITH by_type AS (
    SELECT year, signed_hospital_id AS hospital_id, insurance_type, any_value(quota) AS quota, count(*) AS persons,
           -- signed persons with a visit that year (at any institution)
           count(*) FILTER (WHERE visits > 0 AND patient_id IS NOT NULL) AS persons_with_visits
    FROM apg_signed GROUP BY ALL
),
package AS (
    SELECT year, hospital_id, sum(persons)::BIGINT AS signed_persons, sum(persons_with_visits) AS persons_with_visits,
           sum(round(quota * persons, 2)::DECIMAL(18, 2)) AS package,
           -- one pool: the year's quota; per type: the persons-weighted mean
           CASE WHEN count(*) = 1 THEN any_value(quota)
                ELSE sum(quota * persons ORDER BY insurance_type) / sum(persons) END AS quota
    FROM by_type GROUP BY ALL
),
spend AS (
    SELECT year, signed_to AS hospital_id, sum(visits) AS signed_visits,
           sum(fund_paid) AS package_spend,
           coalesce(sum(fund_paid) FILTER (WHERE hospital_id = signed_to), 0) AS spend_own,
           coalesce(sum(fund_paid) FILTER (WHERE hospital_id <> signed_to), 0) AS spend_elsewhere
    FROM apg_visit_totals WHERE signed_to IS NOT NULL
    GROUP BY ALL
),
ratio AS (
    SELECT y.year, coalesce(p.share_ratio, getvariable('share_ratio'))::DOUBLE AS share_ratio
    FROM (SELECT DISTINCT year FROM package) AS y LEFT JOIN policy AS p USING (year)
)
SELECT k.hospital_id, k.year, k.signed_persons,
       k.persons_with_visits::BIGINT AS persons_with_visits,
       coalesce(s.signed_visits, 0)::BIGINT AS signed_visits,
       k.quota,
       k.package,
       coalesce(s.package_spend, 0)::DECIMAL(18, 2) AS package_spend,
       coalesce(s.spend_own, 0)::DECIMAL(18, 2) AS spend_own,
       coalesce(s.spend_elsewhere, 0)::DECIMAL(18, 2) AS spend_elsewhere,
       (k.package - coalesce(s.package_spend, 0))::DECIMAL(18, 2) AS surplus,
       r.share_ratio,
       round(r.share_ratio * (k.package - coalesce(s.package_spend, 0))::DOUBLE, 2)::DECIMAL(18, 2) AS kept_or_borne
FROM package AS k
LEFT JOIN spend AS s USING (year, hospital_id)
JOIN ratio AS r USING (year)
ORDER BY k.hospital_id, k.year;

DROP TABLE apg_signed;
DROP TABLE apg_person_years;
DROP TABLE apg_person_year_list;
