-- The claims behind each flag (metrics.md §10), for the bureau's auditors; never published. Reads
-- signal_results and the tables of signal_values.sql, claims_inpatient, case_points, signal_complications
-- and signal_cce; builds signal_cases.

-- The stays of the CC/MCC flags with the secondary codes that give them their severity, apart: in one
-- statement with the other flags' rows its joins ran out of memory now and then under a 64 MB limit.
CREATE OR REPLACE TEMP TABLE signal_cc_mcc_stays AS
WITH flags AS (
    SELECT hospital_id, year, signal FROM signal_results WHERE flagged
),
flagged_cc_mcc AS MATERIALIZED (
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
    -- the secondary codes that give the stay its severity (MCC for digit 1, CC or MCC for 3) that the principal
    -- diagnosis's exclusion table does not cancel
    SELECT d.claim_id, string_agg(DISTINCT d.code, ';' ORDER BY d.code) AS codes
    FROM secondary AS d
    JOIN flagged_cc_mcc AS c USING (claim_id)
    -- an MCC code also gives the digit 3 of an ADRG split only into 3 (with CC or MCC) and 5
    JOIN signal_complications AS x ON x.code = d.code AND (x.kind = c.kind OR (c.kind = 'cc' AND x.kind = 'mcc'))
    LEFT JOIN signal_cce AS e ON e.code = d.principal_dx
    WHERE x.tab IS DISTINCT FROM e.tab
    GROUP BY d.claim_id
),
cc_mcc_stays AS (
    SELECT c.*, g.codes FROM flagged_cc_mcc AS c LEFT JOIN giving AS g USING (claim_id)
)
FROM cc_mcc_stays;

CREATE OR REPLACE TABLE signal_cases AS
WITH flags AS (
    SELECT hospital_id, year, signal, peer_mean FROM signal_results WHERE flagged
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
           'DRG ' || c.drg_code || ' (' || CASE c.kind WHEN 'mcc' THEN 'MCC' ELSE 'CC/MCC' END || ': ' || coalesce(c.codes, '?') || ')'
    FROM signal_cc_mcc_stays AS c JOIN flags AS f ON f.signal IN ('cc_mcc_share', 'cc_mcc_share_change', 'cmi_within_adrg')
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

DROP TABLE signal_cc_mcc_stays;
