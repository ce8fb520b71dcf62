-- Per-capita packages (人头包干, metrics.md §8). Reads claims_outpatient, apg_visit_class, apg_grouped,
-- apg_base, apg_groups, insured, policy and the variable share_ratio. Builds the view apg_persons (person × year: type, signing,
-- spend), apg_quotas (year × insurance type), the macro apg_signing (signed person-years), the view
-- apg_visit_settlement (each visit signed to an institution or not), apg_visit_totals (the visits summed
-- per institution, year, group, payment class and signing: what the settlement and the datasets add up)
-- and apg_capitation (institution × year).

-- Person-years. Without an insured table: every person with an outpatient claim that year, signed to
-- the signed_hospital_id of their last visit of the year that carries one (latest date, then the
-- largest claim_id). With an insured table: its persons, signed as it says, and its insurance_type.
CREATE OR REPLACE VIEW apg_persons AS
WITH from_claims AS MATERIALIZED (
    SELECT year(visit_date)::INTEGER AS year, patient_id,
           arg_max(signed_hospital_id, {'date': visit_date, 'claim': claim_id}) FILTER (WHERE signed_hospital_id IS NOT NULL) AS signed_hospital_id,
           count(*) AS visits, sum(fund_paid) AS fund_paid
    FROM claims_outpatient
    GROUP BY ALL
),
from_insured AS (
    -- a person listed twice in a year: the smallest signed_hospital_id, the smallest insurance_type
    SELECT year, patient_id, min(insurance_type) AS insurance_type, min(signed_hospital_id) AS signed_hospital_id
    FROM insured GROUP BY year, patient_id
)
SELECT year::INTEGER AS year, patient_id, 'all' AS insurance_type, signed_hospital_id, visits::BIGINT AS visits,
       fund_paid, true AS counted
FROM from_claims WHERE NOT EXISTS (SELECT 1 FROM insured)
UNION ALL
-- with the insured table: a claimant absent from it has no type and is never signed (counted = false:
-- not in any quota's denominator; their spend is not in a type's numerator)
SELECT coalesce(i.year, c.year)::INTEGER, coalesce(i.patient_id, c.patient_id), i.insurance_type, i.signed_hospital_id,
       coalesce(c.visits, 0)::BIGINT, coalesce(c.fund_paid, 0), i.patient_id IS NOT NULL
FROM from_insured AS i FULL JOIN from_claims AS c ON c.year = i.year AND c.patient_id = i.patient_id
WHERE EXISTS (SELECT 1 FROM insured);

-- The build reads the person-years three times: once computed.
CREATE OR REPLACE TEMP TABLE apg_person_years AS FROM apg_persons;

-- Quota for year Y and type t = Σ fund_paid of years Y−1 and Y−2 / Σ persons of those years (pooled
-- person-years; persons = claimants, or the insured table's persons). Only prior years with persons
-- count: one such year gives that year's figure, none gives no quota (every person unsigned in Y).
CREATE OR REPLACE TABLE apg_quotas AS
WITH per_year AS (
    SELECT year, insurance_type, count(*) FILTER (WHERE counted) AS persons, sum(fund_paid) FILTER (WHERE counted) AS fund_paid
    FROM apg_person_years GROUP BY ALL
),
years AS (SELECT DISTINCT year FROM apg_person_years),
pooled AS (
    SELECT y.year, p.insurance_type, sum(p.persons)::BIGINT AS prior_persons, sum(p.fund_paid) AS prior_fund_paid,
           list(p.year ORDER BY p.year) AS prior_years
    FROM years AS y JOIN per_year AS p ON p.year IN (y.year - 1, y.year - 2) AND p.persons > 0
    GROUP BY ALL
)
SELECT year, insurance_type, prior_years, prior_persons, prior_fund_paid,
       prior_fund_paid::DOUBLE / prior_persons AS quota
FROM pooled
ORDER BY year, insurance_type;

-- Signed person-years (of a persons table): a quota for their type that year and a signing institution.
CREATE OR REPLACE MACRO apg_signing(persons) AS TABLE
SELECT p.year, p.patient_id, p.insurance_type, p.signed_hospital_id, q.quota, p.visits
FROM query_table(persons) AS p
JOIN apg_quotas AS q USING (year, insurance_type)
WHERE p.signed_hospital_id IS NOT NULL AND p.counted;

CREATE OR REPLACE TEMP TABLE apg_signed AS FROM apg_signing('apg_person_years');

-- Each visit with the institution its person is signed to that year (NULL: unsigned, paid from the pool).
CREATE OR REPLACE VIEW apg_visit_settlement AS
SELECT v.*, s.signed_hospital_id AS signed_to
FROM (SELECT claim_id, patient_id, hospital_id, year, class, apg_code, level, payment_class, excluded, total_cost, fund_paid, points
      FROM apg_visit_points) AS v
LEFT JOIN apg_signing('apg_persons') AS s USING (year, patient_id);

-- apg_visit_settlement summed per institution, year, key, upstream code, exclusion and signing
-- institution, with its group, payment class and points: the small table the settlement and the
-- outpatient datasets add up (DECIMAL sums, exact in any order). One pass over the visits, summed
-- before they are grouped (a cell's visits share their group); points: a weighted cell's visits × its
-- points, else the sum of its visits' cost points (apg_points, the formula of apg_visit_points).
CREATE OR REPLACE TEMP TABLE apg_visit_cells AS
SELECT v.hospital_id, v.year, v.class, v.class_group, v.key, v.upstream_apg_code, v.excluded,
       s.signed_hospital_id AS signed_to,
       count(*) AS visits, sum(v.total_cost) AS total_cost, sum(v.fund_paid) AS fund_paid,
       sum(v.total_cost - v.fund_paid) AS patient_share,
       sum(apg_points(v.excluded, NULL, v.total_cost, m.overall_mean)) AS cost_points
FROM apg_visit_class AS v
CROSS JOIN apg_base AS m
LEFT JOIN apg_signed AS s USING (year, patient_id)
GROUP BY ALL;

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
