-- Monitoring signals (intelligent audit, metrics.md §10), on the model of PEPPER: per hospital and year
-- each signal's value, compared with its peers (the other hospitals of the same level in the same year,
-- itself left out; all the other hospitals of the region where its level has fewer than 5 others).
-- Reads cases, case_metrics, case_points, claims_inpatient, claims_outpatient, hospitals, policy,
-- signal_complications / signal_cce (the scheme's CC/MCC tables, written by signals.ts) and the
-- variables readmit_days, low_multiplier. Builds signal_stays, signal_values, signal_results, signal_cases.
--
-- Fixed rules of §10 (not parameters): the pre-admission window is the 7 days before admission (the
-- admission day itself not included); a share on fewer than 11 cases is not shown; a flag needs a
-- value above the peers' 80th percentile and at least their mean + 2 standard deviations, and not 0.

-- One row per accepted stay with what the signals need.
CREATE OR REPLACE TABLE signal_stays AS
SELECT m.claim_id, m.patient_id, m.hospital_id, m.year, c.adrg, m.drg_code, m.grouped, m.in_casemix,
       m.admit_date, m.discharge_date, m.los, c.discharge_status, m.total_cost, m.fund_paid, m.self_pay,
       m.avg_cost, m.rw_decimal,
       CASE WHEN m.grouped THEN right(m.drg_code, 1) IN ('1', '3') END AS with_cc_mcc,
       coalesce(p.low_multiplier, getvariable('low_multiplier'))::DOUBLE AS low_multiplier
FROM case_metrics AS m
JOIN cases AS c USING (claim_id)
LEFT JOIN policy AS p ON p.year = m.year
ORDER BY m.claim_id;

-- readmit_same_adrg: a stay followed, 0 to readmit_days days after its discharge, by the same patient's
-- next admission to the same hospital in the same ADRG (grouped stays)
CREATE OR REPLACE TABLE signal_readmissions AS
SELECT claim_id, hospital_id, year, adrg, next_claim AS related_claim_id,
       date_diff('day', discharge_date, next_admit) AS gap_days
FROM (SELECT claim_id, hospital_id, year, adrg, discharge_date,
             lead(admit_date) OVER w AS next_admit, lead(claim_id) OVER w AS next_claim
      FROM signal_stays
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
GROUP BY ALL;

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

-- Peers and flags
CREATE OR REPLACE TABLE signal_results AS
WITH shown AS (
    SELECT v.*, h.level::INTEGER AS level
    FROM signal_values AS v JOIN hospitals AS h USING (hospital_id)
    WHERE v.value IS NOT NULL
),
sized AS (
    -- how many other hospitals of the same level show the signal that year
    SELECT *, count(*) OVER (PARTITION BY signal, year, level) - 1 AS same_level_others FROM shown
),
peer_values AS (
    SELECT a.hospital_id, a.year, a.signal, b.hospital_id AS peer_id, b.value
    FROM sized AS a
    JOIN shown AS b ON b.signal = a.signal AND b.year = a.year AND b.hospital_id <> a.hospital_id
                   AND (a.same_level_others < 5 OR b.level = a.level)
),
peer_stats AS (
    SELECT hospital_id, year, signal, count(*) AS peers,
           avg(value ORDER BY peer_id) AS peer_mean,
           stddev_samp(value ORDER BY peer_id) AS peer_sd,
           quantile_cont(value, 0.8) AS peer_p80
    FROM peer_values GROUP BY ALL
),
ranked AS (
    -- rank among the hospital and its peers (1 = the highest value)
    SELECT a.hospital_id, a.year, a.signal, 1 + count(p.peer_id) FILTER (WHERE p.value > a.value) AS peer_rank
    FROM shown AS a LEFT JOIN peer_values AS p USING (hospital_id, year, signal)
    GROUP BY ALL
)
SELECT v.hospital_id, v.year, v.signal, v.cases, v.value, s.peers, s.peer_mean, s.peer_sd, s.peer_p80, r.peer_rank,
       coalesce(v.value <> 0 AND v.value > s.peer_p80 AND v.value >= s.peer_mean + 2 * s.peer_sd, false) AS flagged
FROM signal_values AS v
LEFT JOIN peer_stats AS s USING (hospital_id, year, signal)
LEFT JOIN ranked AS r USING (hospital_id, year, signal)
ORDER BY v.signal, v.year, v.hospital_id;

-- The claims behind each flag (for the bureau's auditors; never published)
CREATE OR REPLACE TABLE signal_cases AS
WITH flags AS (
    SELECT hospital_id, year, signal, peer_mean FROM signal_results WHERE flagged
),
flagged_cc_mcc AS (
    SELECT s.claim_id, s.hospital_id, s.year, s.drg_code,
           CASE right(s.drg_code, 1) WHEN '1' THEN 'mcc' ELSE 'cc' END AS kind
    FROM signal_stays AS s
    JOIN (SELECT DISTINCT hospital_id, year FROM flags WHERE signal IN ('cc_mcc_share', 'cc_mcc_share_change', 'cmi_within_adrg')) AS f USING (hospital_id, year)
    WHERE s.with_cc_mcc
),
secondary AS (
    SELECT i.claim_id, i.principal_dx, unnest(string_split(i.secondary_dx, ';')) AS code
    FROM claims_inpatient AS i JOIN flagged_cc_mcc USING (claim_id)
),
giving AS (
    -- the secondary codes that give the stay its severity (MCC for digit 1, CC for 3) that the principal
    -- diagnosis's exclusion table does not cancel
    SELECT d.claim_id, string_agg(DISTINCT d.code, ';' ORDER BY d.code) AS codes
    FROM secondary AS d
    JOIN flagged_cc_mcc AS c USING (claim_id)
    JOIN signal_complications AS x ON x.code = d.code AND x.kind = c.kind
    LEFT JOIN signal_cce AS e ON e.code = d.principal_dx
    WHERE x.tab IS DISTINCT FROM e.tab
    GROUP BY d.claim_id
),
cc_mcc_stays AS (
    SELECT c.*, g.codes FROM flagged_cc_mcc AS c LEFT JOIN giving AS g USING (claim_id)
),
rows AS (
    SELECT 'readmit_same_adrg' AS signal, r.hospital_id, r.year, r.claim_id, r.related_claim_id,
           'ADRG ' || r.adrg || ', readmitted ' || r.gap_days || ' days after discharge' AS detail
    FROM signal_readmissions AS r JOIN flags AS f ON f.signal = 'readmit_same_adrg' AND f.hospital_id = r.hospital_id AND f.year = r.year
    UNION ALL
    SELECT 'low_standard_admission', l.hospital_id, l.year, l.claim_id, NULL,
           'DRG ' || l.drg_code || ', LOS ' || l.los || ' days, cost ' || round(l.cost_ratio, 2) || ' × the group mean'
    FROM signal_low_standard AS l JOIN flags AS f ON f.signal = 'low_standard_admission' AND f.hospital_id = l.hospital_id AND f.year = l.year
    UNION ALL
    SELECT f.signal, c.hospital_id, c.year, c.claim_id, NULL,
           'DRG ' || c.drg_code || ' (' || upper(c.kind) || ': ' || coalesce(c.codes, '?') || ')'
    FROM cc_mcc_stays AS c JOIN flags AS f ON f.signal IN ('cc_mcc_share', 'cc_mcc_share_change', 'cmi_within_adrg')
                                          AND f.hospital_id = c.hospital_id AND f.year = c.year
    UNION ALL
    SELECT 'preadmission_outpatient', o.hospital_id, o.year, o.claim_id, o.related_claim_id,
           'visit ' || strftime(o.visit_date, '%Y-%m-%d') || ', ' || o.days_before || ' days before admission, fund paid ' || o.fund_paid
    FROM signal_preadmission AS o JOIN flags AS f ON f.signal = 'preadmission_outpatient' AND f.hospital_id = o.hospital_id AND f.year = o.year
    UNION ALL
    -- the stays whose own self-pay share is at least twice the peers' mean share
    SELECT 'self_pay_share', s.hospital_id, s.year, s.claim_id, NULL,
           'self-pay ' || round(s.self_pay::DOUBLE / s.total_cost::DOUBLE, 3) || ' of ' || s.total_cost
    FROM signal_stays AS s JOIN flags AS f ON f.signal = 'self_pay_share' AND f.hospital_id = s.hospital_id AND f.year = s.year
    WHERE s.total_cost > 0 AND s.self_pay::DOUBLE / s.total_cost::DOUBLE >= 2 * f.peer_mean
    UNION ALL
    SELECT f.signal, p.hospital_id, p.year, p.claim_id, NULL,
           'DRG ' || p.drg_code || ', cost ' || round(p.cost_ratio, 2) || ' × the group mean'
    FROM case_points AS p JOIN flags AS f ON f.hospital_id = p.hospital_id AND f.year = p.year
     AND ((f.signal = 'high_multiplier_share' AND p.payment_class = 'high') OR (f.signal = 'low_multiplier_share' AND p.payment_class = 'low'))
)
SELECT signal, hospital_id, year, claim_id, related_claim_id, detail FROM rows
ORDER BY signal, hospital_id, year, claim_id, related_claim_id NULLS FIRST;
