// Outpatient visits of inpatients before their admission, appended to claims_outpatient:
//   - the background: about a third of stays are preceded by a visit at the admitting hospital 0–20
//     days before admission (the consultation that led to it), each hospital its own habit;
//   - the planted cost shift (转嫁费用): the stays of one hospital marked `shifted` by costs.ts bill
//     `moved_cost` (examinations, drugs) as one or two visits 1–7 days before admission.
// Claim ids `OA…` (their own range, never an `OP…` id of outpatient.ts). Reads ip_claims (with its
// truth columns shifted, moved_cost, hid), hospital, pools and year_params; writes pre_visits with the
// claims_outpatient columns plus the truth columns inpatient_claim_id and anomaly.
import { background, costShift } from "./profile.ts";
import { Stream as S } from "./random.sql.ts";

export function preadmissionVisitsSql(firstDate: string): string {
  const [d0, d1] = background.preVisitDays;
  const [s0, s1] = costShift.days;
  return `
CREATE OR REPLACE TABLE pre_visits AS
WITH stays AS (
  SELECT c.claim_id, c.key, c.patient_id, c.hospital_id, c.admit_date, c.principal_dx, c.shifted, c.moved_cost,
         h.level, h.previsit_habit
  FROM ip_claims c JOIN hospital h USING (hid)
),
visits AS (
  -- background: one visit, its cost like an outpatient examination visit of the hospital's level
  SELECT s.claim_id AS inpatient_claim_id, s.key * 4 AS vkey, s.patient_id, s.hospital_id, s.principal_dx,
    s.admit_date - (${d0} + pick(s.key, ${S.preVisitDays}, ${d1 - d0 + 1}))::INTEGER AS visit_date,
    greatest(8, 240 * (CASE s.level WHEN 3 THEN 1.35 WHEN 1 THEN 0.65 ELSE 1 END)
      * exp(0.6 * z(s.key, ${S.preVisitCost}) - 0.18)) AS cost,
    NULL AS anomaly
  FROM stays s
  WHERE u(s.key, ${S.preVisit}) < ${background.preVisitShare} * s.previsit_habit
  UNION ALL
  -- planted: the moved part of the stay, over one or two visits in the week before admission
  SELECT s.claim_id, s.key * 4 + 1 + n AS vkey, s.patient_id, s.hospital_id, s.principal_dx,
    s.admit_date - (${s0} + pick(s.key, ${S.shiftDays} + n, ${s1 - s0 + 1}))::INTEGER AS visit_date,
    s.moved_cost::DOUBLE / nv AS cost,
    'cost_shift' AS anomaly
  FROM (SELECT *, CASE WHEN u(key, ${S.shiftVisits}) < 0.5 THEN 2 ELSE 1 END AS nv FROM stays WHERE shifted) s,
       LATERAL (SELECT unnest(range(nv)) AS n)
),
priced AS (
  SELECT v.*, round(v.cost, 2)::DECIMAL(18, 2) AS total_cost,
    -- shares sum below 1 (at most 0.4 + 0.55 + 0.02)
    (CASE WHEN v.anomaly IS NULL THEN 0.25 ELSE 0.3 END) + 0.1 * u(v.vkey, ${S.preVisitExam}) AS drug_share,
    0.45 + 0.1 * u(v.vkey, ${S.preVisitExam} + 1) AS exam_share,
    0.55 + 0.15 * u(v.vkey, ${S.preFundShare}) AS fund_share
  FROM visits v
  WHERE v.visit_date >= DATE '${firstDate}'
)
SELECT
  'OA' || lpad((row_number() OVER (ORDER BY p.visit_date, p.vkey))::VARCHAR, 10, '0') AS claim_id,
  p.patient_id, p.hospital_id, p.visit_date, p.principal_dx,
  pl.op_exams[1 + pick(p.vkey, ${S.preVisitProcedure}, len(pl.op_exams))] AS procedures,
  p.total_cost,
  round(p.total_cost * p.fund_share, 2)::DECIMAL(18, 2) AS fund_paid,
  round(p.total_cost * p.drug_share, 2)::DECIMAL(18, 2) AS drug_cost,
  round(p.total_cost * p.exam_share, 2)::DECIMAL(18, 2) AS exam_cost,
  round(p.total_cost * 0.02, 2)::DECIMAL(18, 2) AS consumable_cost,
  NULL::VARCHAR AS signed_hospital_id,
  -- ground truth, not written to the claims file
  p.inpatient_claim_id, p.anomaly
FROM priced p CROSS JOIN pools pl
`;
}
