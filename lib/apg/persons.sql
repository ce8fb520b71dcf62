-- Person-years (metrics.md §8), one year at a time. Reads claims_outpatient, insured and apg_claim_years
-- (grouping.sql). Builds the macro apg_persons_in(first_year, last_year), the view apg_persons (every
-- year) and the empty table apg_person_years, which lib/apg/index.ts fills year by year:
--   INSERT INTO apg_person_years FROM apg_persons_in(Y, Y);   -- for each year Y of the claims
-- A region's person-years do not fit in memory at once (Jinhua scale: 31M persons a year, 155M
-- person-years in five years; the grouping of all of them ran out of memory under 6 GB), one year's do.

-- Without an insured table: every person with an outpatient claim that year, signed to the
-- signed_hospital_id of their last visit of the year that carries one (latest date, then the largest
-- claim_id). With an insured table: its persons, signed as it says, and its insurance_type.
CREATE OR REPLACE MACRO apg_persons_in(first_year, last_year) AS TABLE
WITH from_claims AS MATERIALIZED (
    SELECT year(visit_date)::INTEGER AS year, patient_id,
           arg_max(signed_hospital_id, {'date': visit_date, 'claim': claim_id}) FILTER (WHERE signed_hospital_id IS NOT NULL) AS signed_hospital_id,
           count(*) AS visits, sum(fund_paid) AS fund_paid
    FROM claims_outpatient
    -- a date range, so that a scan of monthly parts skips the other years' row groups
    WHERE visit_date >= make_date(first_year, 1, 1) AND visit_date < make_date(last_year + 1, 1, 1)
    GROUP BY ALL
),
from_insured AS (
    -- a person listed twice in a year: the smallest signed_hospital_id, the smallest insurance_type
    SELECT year, patient_id, min(insurance_type) AS insurance_type, min(signed_hospital_id) AS signed_hospital_id
    FROM insured WHERE year BETWEEN first_year AND last_year GROUP BY year, patient_id
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

-- Every year's person-years, for a researcher's query (the build reads apg_person_years). At a region's
-- scale, query one year: FROM apg_persons_in(2021, 2021).
CREATE OR REPLACE VIEW apg_persons AS FROM apg_persons_in(0, 9999);

-- The years the build fills: those of the visits and of the insured table.
CREATE OR REPLACE TEMP TABLE apg_person_year_list AS
SELECT DISTINCT year FROM (
    SELECT year FROM apg_claim_years
    UNION ALL SELECT year::INTEGER FROM insured
) WHERE year IS NOT NULL ORDER BY year;

CREATE OR REPLACE TEMP TABLE apg_person_years AS FROM apg_persons_in(NULL, NULL) LIMIT 0;
