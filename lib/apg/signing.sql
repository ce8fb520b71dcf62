-- Who is signed to whom (metrics.md §8), and the visits summed with their signing, one year at a time.
-- Reads apg_person_years (persons.sql), apg_visit_class, apg_base and apg_claim_years. Builds apg_quotas
-- (year × insurance type), the macro apg_signing (signed person-years), apg_signed, the view
-- apg_visit_settlement (each visit signed to an institution or not), the macro apg_visit_cells_in(year)
-- and the empty table apg_visit_cells, which lib/apg/index.ts fills year by year:
--   INSERT INTO apg_visit_cells FROM apg_visit_cells_in(Y);   -- for each year Y of the claims
-- A visit is joined to its person's signing of the same year: one year's signed persons (~10M at Jinhua
-- scale) are a join that fits in memory; five years' joined to 250M visits spilled over 12 GB.

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

-- One year of apg_visit_settlement summed per institution, year, key, upstream code, exclusion and
-- signing institution (DECIMAL sums, exact in any order): a pass over the year's visits, summed before
-- they are grouped (a cell's visits share their group). capitation.sql gives the cells their group and
-- points as apg_visit_totals, the small table the settlement and the outpatient datasets add up.
-- cost_points: the sum of the visits' cost points (apg_points, the formula of apg_visit_points), for
-- the cells paid on cost.
CREATE OR REPLACE MACRO apg_visit_cells_in(visit_year) AS TABLE
SELECT v.hospital_id, v.year, v.class, v.class_group, v.key, v.upstream_apg_code, v.excluded,
       s.signed_hospital_id AS signed_to,
       count(*) AS visits, sum(v.total_cost) AS total_cost, sum(v.fund_paid) AS fund_paid,
       sum(v.total_cost - v.fund_paid) AS patient_share,
       sum(apg_points(v.excluded, NULL, v.total_cost, m.overall_mean)) AS cost_points
FROM apg_visit_class AS v
CROSS JOIN apg_base AS m
LEFT JOIN (FROM apg_signed WHERE year = visit_year) AS s USING (year, patient_id)
-- a date range, so that the scan skips the other years' row groups
WHERE v.visit_date >= make_date(visit_year, 1, 1) AND v.visit_date < make_date(visit_year + 1, 1, 1)
GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE apg_visit_cells AS FROM apg_visit_cells_in(NULL) LIMIT 0;
