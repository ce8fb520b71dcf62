-- Monitoring signals (intelligent audit, metrics.md §10), on the model of PEPPER: each signal's value per
-- hospital and year (signal_peers.sql then compares it with the hospital's peers).
-- Reads cases, case_metrics, case_points, claims_outpatient, policy and the variables readmit_days,
-- low_multiplier. Builds signal_stays (a view), signal_readmissions, signal_low_standard,
-- signal_preadmission, signal_cmi_within and signal_values.
--
-- Fixed rules of §10 (not parameters): the pre-admission window is the 7 days before admission (the
-- admission day itself not included); a value on fewer than 11 cases is not shown (NULL).

-- One row per accepted stay with what the signals need: a view over case_metrics (each signal reads the
-- few columns it needs; cheaper than a copy of every stay).
CREATE OR REPLACE VIEW signal_stays AS
SELECT m.claim_id, m.patient_id, m.hospital_id, m.year, m.adrg, m.drg_code, m.grouped, m.in_casemix,
       m.admit_date, m.discharge_date, m.los, m.discharge_status, m.total_cost, m.fund_paid, m.self_pay,
       m.avg_cost, m.rw_decimal,
       CASE WHEN m.grouped THEN right(m.drg_code, 1) IN ('1', '3') END AS with_cc_mcc,
       coalesce(p.low_multiplier, getvariable('low_multiplier'))::DOUBLE AS low_multiplier
FROM case_metrics AS m
LEFT JOIN policy AS p ON p.year = m.year;

-- readmit_same_adrg: a stay followed, 0 to readmit_days days after its discharge, by the same patient's
-- next admission to the same hospital in the same ADRG (grouped stays)
-- (only a patient's hospital × ADRG with two stays or more has a next one: the others, nearly all, are
-- left out before the window sorts)
CREATE OR REPLACE TABLE signal_readmissions AS
WITH repeated AS (
    SELECT patient_id, hospital_id, adrg FROM signal_stays WHERE grouped
    GROUP BY patient_id, hospital_id, adrg HAVING count(*) > 1
)
SELECT claim_id, hospital_id, year, adrg, next_claim AS related_claim_id,
       date_diff('day', discharge_date, next_admit) AS gap_days
FROM (SELECT claim_id, hospital_id, year, adrg, discharge_date,
             lead(admit_date) OVER w AS next_admit, lead(claim_id) OVER w AS next_claim
      FROM signal_stays AS s
      SEMI JOIN repeated AS r ON r.patient_id IS NOT DISTINCT FROM s.patient_id
                             AND r.hospital_id IS NOT DISTINCT FROM s.hospital_id AND r.adrg IS NOT DISTINCT FROM s.adrg
      WHERE grouped
      WINDOW w AS (PARTITION BY patient_id, hospital_id, adrg ORDER BY admit_date, discharge_date, claim_id))
WHERE date_diff('day', discharge_date, next_admit) BETWEEN 0 AND getvariable('readmit_days')
ORDER BY claim_id;

-- low_standard_admission: LOS ≤ 2, total_cost below low_multiplier × the group's average cost, and a
-- discharge that was neither death (5) nor transfer (2, 3); among the stays whose group has an average cost
CREATE OR REPLACE TABLE signal_low_standard AS
SELECT claim_id, hospital_id, year, drg_code, los, total_cost::DOUBLE / avg_cost AS cost_ratio
FROM signal_stays
WHERE avg_cost IS NOT NULL AND los <= 2 AND total_cost::DOUBLE < low_multiplier * avg_cost
  AND coalesce(discharge_status, 0) NOT IN (2, 3, 5)
ORDER BY claim_id;

-- preadmission_outpatient: each outpatient visit of the same patient at the same hospital in the 7 days
-- before admission (admit - 7 … admit - 1); a visit before two close stays counts for both
CREATE OR REPLACE TABLE signal_preadmission AS
SELECT s.claim_id, s.hospital_id, s.year, o.claim_id AS related_claim_id, o.visit_date,
       date_diff('day', o.visit_date, s.admit_date) AS days_before, o.fund_paid
FROM signal_stays AS s
JOIN claims_outpatient AS o
  ON o.patient_id = s.patient_id AND o.hospital_id = s.hospital_id
 AND o.visit_date >= s.admit_date - 7 AND o.visit_date < s.admit_date
ORDER BY s.claim_id, o.claim_id;

-- cmi_within_adrg: CMI(y) - CMI(y-1) = within + mix, within = Σ over the ADRGs present in both years
-- of share(a, y) × (mean RW in a, y - mean RW in a, y-1); mix is the rest (case-mix set of §3)
CREATE OR REPLACE TABLE signal_cmi_within AS
WITH adrg_year AS (
    SELECT hospital_id, year, adrg, count(*) AS n, sum(rw_decimal) AS rw
    FROM signal_stays WHERE in_casemix GROUP BY ALL
),
shares AS (
    SELECT *, n::DOUBLE / sum(n) OVER (PARTITION BY hospital_id, year) AS share, rw::DOUBLE / n AS mean_rw
    FROM adrg_year
)
SELECT a.hospital_id, a.year,
       sum(a.share * (a.mean_rw - b.mean_rw) ORDER BY a.adrg) AS within
FROM shares AS a
JOIN shares AS b ON b.hospital_id = a.hospital_id AND b.year = a.year - 1 AND b.adrg = a.adrg
GROUP BY ALL
ORDER BY a.hospital_id, a.year;

-- Each signal per hospital and year: cases = the stays it is computed on, value (NULL under 11 cases)
CREATE OR REPLACE TABLE signal_values AS
WITH per_year AS (
    SELECT hospital_id, year,
           count(*) FILTER (WHERE grouped) AS grouped_cases,
           count(*) FILTER (WHERE grouped AND with_cc_mcc) AS cc_mcc_cases,
           count(*) FILTER (WHERE avg_cost IS NOT NULL) AS costed_cases,
           count(*) FILTER (WHERE in_casemix) AS casemix_cases,
           count(*) AS cases,
           sum(self_pay) AS self_pay, sum(total_cost) AS total_cost
    FROM signal_stays GROUP BY ALL
),
counted AS (
    SELECT y.*,
           (SELECT count(*) FROM signal_readmissions AS r WHERE r.hospital_id = y.hospital_id AND r.year = y.year) AS readmissions,
           (SELECT count(*) FROM signal_low_standard AS l WHERE l.hospital_id = y.hospital_id AND l.year = y.year) AS low_standard,
           (SELECT sum(fund_paid) FROM signal_preadmission AS o WHERE o.hospital_id = y.hospital_id AND o.year = y.year) AS preadmission_fund,
           (SELECT count(*) FILTER (WHERE payment_class = 'high') FROM case_points AS p WHERE p.hospital_id = y.hospital_id AND p.year = y.year) AS high_cases,
           (SELECT count(*) FILTER (WHERE payment_class = 'low') FROM case_points AS p WHERE p.hospital_id = y.hospital_id AND p.year = y.year) AS low_cases
    FROM per_year AS y
),
cc_share AS (
    SELECT hospital_id, year, grouped_cases, cc_mcc_cases::DOUBLE / nullif(grouped_cases, 0) AS share FROM per_year
),
long AS (
    SELECT hospital_id, year, 'readmit_same_adrg' AS signal, grouped_cases AS cases, readmissions::DOUBLE / nullif(grouped_cases, 0) AS value FROM counted
    UNION ALL
    SELECT hospital_id, year, 'low_standard_admission', costed_cases, low_standard::DOUBLE / nullif(costed_cases, 0) FROM counted
    UNION ALL
    SELECT hospital_id, year, 'cc_mcc_share', grouped_cases, share FROM cc_share
    UNION ALL
    -- its change from the year before; shown where both years have 11 cases or more
    SELECT a.hospital_id, a.year, 'cc_mcc_share_change', a.grouped_cases,
           CASE WHEN b.grouped_cases >= 11 THEN a.share - b.share END
    FROM cc_share AS a LEFT JOIN cc_share AS b ON b.hospital_id = a.hospital_id AND b.year = a.year - 1
    UNION ALL
    SELECT y.hospital_id, y.year, 'cmi_within_adrg', y.casemix_cases, w.within
    FROM counted AS y LEFT JOIN signal_cmi_within AS w USING (hospital_id, year)
    UNION ALL
    SELECT hospital_id, year, 'preadmission_outpatient', cases, coalesce(preadmission_fund, 0)::DOUBLE / cases FROM counted
    UNION ALL
    SELECT hospital_id, year, 'self_pay_share', cases, self_pay::DOUBLE / nullif(total_cost, 0)::DOUBLE FROM counted
    UNION ALL
    SELECT hospital_id, year, 'high_multiplier_share', cases, high_cases::DOUBLE / cases FROM counted
    UNION ALL
    SELECT hospital_id, year, 'low_multiplier_share', cases, low_cases::DOUBLE / cases FROM counted
)
SELECT hospital_id, year, signal, cases, CASE WHEN cases >= 11 THEN value END AS value
FROM long
ORDER BY signal, year, hospital_id;
