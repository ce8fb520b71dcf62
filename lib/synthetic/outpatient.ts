// Outpatient visits: who (a skewed pool of insured persons, 30 % of visits by persons signed with a
// primary hospital), where (signed persons mostly at their own primary hospital), for what (common
// outpatient conditions: J00–J06, I10, E11, K29, M54, Z00 … and a long tail of rare codes), with which
// procedures (examinations 87–89, minor operations from the valid-procedure list) and what it cost.
import { signedShare } from "./profile.ts";
import { Stream as S } from "./random.sql.ts";

export function outpatientClaimsSql({ persons }: { persons: number }): string {
  const pool = Math.max(100, Math.round(persons));
  return `
SELECT
  'OP' || lpad((id + 1)::VARCHAR, 10, '0') AS claim_id,
  -- the same pseudonym scheme as inpatient (costs.ts), persons numbered from 500,000,000 so the two pools stay apart
  'P' || lpad((((person + 500000000) * 387420489 + 7919) % 1000000000)::VARCHAR, 9, '0') AS patient_id,
  hospital_id, visit_date, principal_dx, NULLIF(procedures, '') AS procedures,
  total_cost,
  round(total_cost * fund_share, 2)::DECIMAL(18, 2) AS fund_paid,
  round(total_cost * drug_share, 2)::DECIMAL(18, 2) AS drug_cost,
  round(total_cost * exam_share, 2)::DECIMAL(18, 2) AS exam_cost,
  round(total_cost * consumable_share, 2)::DECIMAL(18, 2) AS consumable_cost,
  signed_hospital_id
FROM (
  SELECT v.*, h.hospital_id, h.level, sh.hospital_id AS signed_hospital_id,
    concat_ws(';', v.operation, v.exam1, CASE WHEN v.exam2 IS DISTINCT FROM v.exam1 THEN v.exam2 END) AS procedures,
    round(greatest(8,
      (CASE v.kind WHEN 'medical' THEN 150 WHEN 'ancillary' THEN 260 ELSE 550 END)
        * (CASE WHEN v.kind = 'medical' AND v.exam1 IS NOT NULL THEN 1.6 ELSE 1 END)
        * (CASE h.level WHEN 3 THEN 1.35 WHEN 1 THEN 0.65 ELSE 1 END) * yp.op_cost_factor
        * exp((CASE v.kind WHEN 'ancillary' THEN 0.5 ELSE 0.65 END) * z(v.id, ${S.opCostZ}))), 2)::DECIMAL(18, 2) AS total_cost,
    CASE v.kind WHEN 'ancillary' THEN 0.01 + 0.04 * u(v.id, ${S.opDrugShare})
                WHEN 'procedure' THEN 0.15 + 0.15 * u(v.id, ${S.opDrugShare})
                ELSE 0.50 + 0.20 * u(v.id, ${S.opDrugShare}) - (CASE WHEN v.exam1 IS NOT NULL THEN 0.2 ELSE 0 END) END AS drug_share,
    CASE v.kind WHEN 'ancillary' THEN 0.82 + 0.10 * u(v.id, ${S.opExamShare})
                WHEN 'procedure' THEN 0.05 + 0.10 * u(v.id, ${S.opExamShare})
                ELSE (CASE WHEN v.exam1 IS NOT NULL THEN 0.25 ELSE 0.05 END) + 0.12 * u(v.id, ${S.opExamShare}) END AS exam_share,
    -- shares sum below 1 in every kind (ancillary at most 0.05 + 0.92 + 0.02)
    CASE v.kind WHEN 'procedure' THEN 0.15 + 0.15 * u(v.id, ${S.opConsumableShare})
                WHEN 'ancillary' THEN 0.005 + 0.015 * u(v.id, ${S.opConsumableShare})
                ELSE 0.01 + 0.04 * u(v.id, ${S.opConsumableShare}) END AS consumable_share,
    least(0.75, (CASE h.level WHEN 1 THEN 0.62 WHEN 2 THEN 0.55 ELSE 0.5 END) + 0.12 * u(v.id, ${S.opFundShare})
      + (CASE WHEN v.signed_hid = v.hid THEN 0.03 ELSE 0 END)) AS fund_share
  FROM (
    SELECT p.*,
      CASE WHEN p.signed_hid IS NOT NULL AND u(p.id, ${S.opAtSigned}) < 0.55 THEN p.signed_hid ELSE p.general_hid END AS hid,
      CASE p.kind
        WHEN 'ancillary' THEN (CASE WHEN u(p.id, ${S.opTail}) < 0.6 THEN pl.op_checkups[1 + pick(p.id, ${S.opDx}, len(pl.op_checkups))]
                                    ELSE pl.op_dx[1 + pick(p.id, ${S.opDx}, len(pl.op_dx))] END)
        ELSE (CASE WHEN u(p.id, ${S.opTail}) < 0.12 THEN pl.op_rare[1 + pick(p.id, ${S.opDx}, len(pl.op_rare))]
                   ELSE pl.op_dx[1 + pick(p.id, ${S.opDx}, len(pl.op_dx))] END) END AS principal_dx,
      CASE WHEN p.kind = 'ancillary' OR u(p.id, ${S.opHasExam}) < (CASE p.kind WHEN 'procedure' THEN 0.3 ELSE 0.25 END)
           THEN pl.op_exams[1 + pick(p.id, ${S.opExam}, len(pl.op_exams))] END AS exam1,
      CASE WHEN p.kind = 'ancillary' AND u(p.id, ${S.opExamCount}) < 0.4
           THEN pl.op_exams[1 + pick(p.id, ${S.opExamCount}, len(pl.op_exams))] END AS exam2,
      CASE WHEN p.kind = 'procedure' THEN pl.op_operations[1 + pick(p.id, ${S.opProcedure}, len(pl.op_operations))] END AS operation
    FROM (
      SELECT r.*, hc.hid AS general_hid,
        CASE WHEN u(r.person, ${S.opSigned}) < ${signedShare}
             THEN pl.primary_hids[1 + pick(r.person, ${S.opSignedHospital}, len(pl.primary_hids))] END AS signed_hid,
        CASE WHEN u(r.id, ${S.opKind}) < 0.12 THEN 'ancillary' WHEN u(r.id, ${S.opKind}) < 0.27 THEN 'procedure' ELSE 'medical' END AS kind
      FROM (
        SELECT x.*, u(x.id, ${S.opHospital}) AS uh,
          -- a skewed pool: a few persons visit often (chronic conditions), most rarely
          floor(${pool} * pow(u(x.id, ${S.opPatient}), 2))::BIGINT AS person
        FROM (SELECT d.d AS visit_date, d.year, unnest(range(d.op_start, d.op_start + d.op_n)) AS id FROM days d WHERE d.op_n > 0) x
      ) r
      ASOF JOIN hosp_op hc ON hc.year = r.year AND r.uh >= hc.lo
      CROSS JOIN pools pl
    ) p CROSS JOIN pools pl
  ) v
  JOIN hospital h ON h.hid = v.hid
  LEFT JOIN hospital sh ON sh.hid = v.signed_hid
  JOIN year_params yp ON yp.year = v.year
) priced_with_procedures
`;
}
