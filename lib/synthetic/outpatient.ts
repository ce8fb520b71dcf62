// Outpatient visits (input table claims_outpatient): who, where, for what, with which procedures, and
// what it cost. Two kinds of rows, drawn day by day from the calendar:
//   - chronic patients (hypertension, diabetes, coronary disease, COPD, schizophrenia, dialysis) who come
//     back about once a month to their usual institution: each month's chronic rows are dealt out to
//     the chronic persons in a random order, so person k has at most one visit a month;
//   - everyone else, from a skewed pool of insured persons (a few visit often, most rarely): common
//     outpatient conditions (J00–J06, I10, K29, M54 …), a long tail of rare codes and a thin tail over
//     every ICD-10 category (rare categories fold to their chapter in APG-like grouping); visits with a
//     procedure drawn from real ICD-9-CM-3 codes (minor surgery, suturing, tooth extraction, foreign
//     bodies, polypectomy), medical visits with an injection, physiotherapy or an endoscopy, and
//     ancillary visits (health checks Z00–Z03, exam-heavy).
// 30 % of persons are signed with a primary institution (family-doctor contract, signed_hospital_id on
// every visit); they visit it more often after the 2020 outpatient reform (profile.ts), when outpatient
// cost per visit and volume growth also slow (Jinhua: outpatient fund growth 19.4 % → 10 %).
import type { Session } from "../db/session.ts";
import { readDictionary } from "./codes.ts";
import { outpatientReformYear, signedShare } from "./profile.ts";
import { Stream as S } from "./random.sql.ts";
import { insertTable } from "./tables.ts";

/** Outpatient procedures: [ICD-9-CM-3 code, weight, cost relative to a 550-yuan procedure visit]. */
export const outpatientProcedures: [string, number, number][] = [
  ["86.2201", 4, 0.6], // debridement of a skin wound
  ["86.5900x006", 5, 0.5], // skin suture
  ["86.0400x011", 3, 0.6], // incision and drainage of skin
  ["86.3x02", 3, 1.0], // excision of a skin lesion
  ["86.3x09", 2, 0.4], // cryotherapy of a skin lesion
  ["98.2100x001", 1, 0.3], // superficial foreign body of the eye
  ["98.2200x005", 1, 0.4], // corneal foreign body
  ["98.1200x001", 1, 0.3], // foreign body in the nose
  ["98.1100x001", 1, 0.3], // foreign body in the ear
  ["23.0900x003", 4, 0.4], // tooth extraction
  ["23.0100", 1, 0.3], // primary tooth extraction
  ["21.0302", 1, 0.5], // electrocoagulation for epistaxis
  ["69.0101", 1, 1.5], // curettage
  ["45.4200x003", 2, 2.6], // colonoscopic polypectomy
];

/** Procedures of medical and ancillary visits (no operation, no intervention): injections, physio, endoscopy. */
export const outpatientMinorProcedures: [string, number, number][] = [
  ["99.2100", 5, 1.3], // antibiotic injection
  ["99.2300", 2, 1.2], // steroid injection
  ["93.3502", 2, 1.4], // short-wave therapy
  ["96.5400x001", 1, 1.3], // dental scaling
  ["45.1300x004", 2, 3.2], // gastroduodenoscopy
  ["45.2302", 1, 3.8], // colonoscopy
];

/** Chronic conditions of monthly visitors: [ICD-10, weight, cost relative to a medical visit, procedure]. */
export const chronicConditions: [string, number, number, string | null][] = [
  ["I10.x00", 36, 1.6, null],
  ["E11.900", 26, 1.9, null],
  ["I25.100", 10, 1.8, null],
  ["J44.900", 8, 1.7, null],
  ["E78.500", 8, 1.4, null],
  ["F20.900", 5, 2.0, null],
  ["N18.500", 5, 28, "39.9500"], // haemodialysis, a month's sessions settled at once
  ["N18.500", 2, 18, "54.9800"], // peritoneal dialysis
];

/** Share of outpatient rows that are chronic patients' monthly visits. */
export const chronicShare = 0.16;

/** Share of a signed person's visits made at their own institution, before and from the reform year. */
export const atSignedShare = { before: 0.5, after: 0.64 };

const repeat = <T>(entries: [T, number][]): T[] => entries.flatMap(([v, w]) => Array.from({ length: w }, () => v));

/** Share of other visits whose diagnosis is drawn from the thin tail: one code of every ICD-10 category. */
export const thinTailShare = 0.004;

/** Inserts the outpatient code lists (codes absent from the dictionary are left out). */
export async function insertOutpatientLookups(session: Session, proceduresDictionary: string, diagnosesDictionary: string): Promise<void> {
  const known = new Set(readDictionary(proceduresDictionary));
  // the thin tail: the first plain code of each ICD-10 category, so that rare categories fold to their chapter
  const tail = new Map<string, string>();
  for (const code of readDictionary(diagnosesDictionary).sort()) if (/^[A-Z][0-9]{2}\.[0-9x]{3}$/.test(code) && !tail.has(code.slice(0, 3))) tail.set(code.slice(0, 3), code);
  const present = <T extends [string, ...unknown[]]>(rows: T[]) => rows.filter((r) => known.has(r[0]));
  const procedures = present(outpatientProcedures);
  const minor = present(outpatientMinorProcedures);
  const chronic = chronicConditions.filter(([, , , p]) => p === null || known.has(p));
  await insertTable(session, "op_procedure_cost", [["code", "VARCHAR"], ["cost", "DOUBLE"]], [...procedures, ...minor].map(([c, , k]) => [c, k]));
  await insertTable(
    session,
    "op_lists",
    [["procedures", "VARCHAR[]"], ["minor", "VARCHAR[]"], ["chronic", "INTEGER[]"], ["tail", "VARCHAR[]"]],
    [[repeat(procedures.map(([c, w]) => [c, w])), repeat(minor.map(([c, w]) => [c, w])), repeat(chronic.map((_, i) => [i, chronic[i][1]])), [...tail.values()]]],
  );
  await insertTable(
    session,
    "op_chronic",
    [["cno", "INTEGER"], ["dx", "VARCHAR"], ["cost", "DOUBLE"], ["procedure", "VARCHAR"]],
    chronic.map(([dx, , cost, p], i) => [i, dx, cost, p]),
  );
}

/**
 * The outpatient visits (the `OP…` rows). `days`: a predicate on the calendar's days `d` (e.g. one year or month,
 * split.ts) that restricts the rows to those days. Every draw is keyed on the row id or the person, and the
 * chronic slots are dealt within a month, so a whole year's or month's rows are the same as in the full table.
 */
export function outpatientClaimsSql({ persons, days }: { persons: number; days?: string }): string {
  const pool = Math.max(100, Math.round(persons));
  return `
WITH rows AS (
  SELECT d.d AS visit_date, d.year, d.month, unnest(range(d.op_start, d.op_start + d.op_n)) AS id FROM days d WHERE d.op_n > 0${days ? ` AND ${days}` : ""}
),
chronic_slots AS (
  -- each month's chronic rows dealt out to chronic persons 0, 1, 2 … in a random order: one visit a month each
  SELECT id, row_number() OVER (PARTITION BY year, month ORDER BY u(id, ${S.opChronicOrder}), id) - 1 AS slot
  FROM rows WHERE u(id, ${S.opChronic}) < ${chronicShare}
),
persons AS (
  SELECT r.*, c.slot IS NOT NULL AS chronic,
    CASE WHEN c.slot IS NOT NULL THEN ${pool} + c.slot
         -- a skewed pool: a few persons visit often, most rarely
         ELSE floor(${pool} * pow(u(r.id, ${S.opPatient}), 2))::BIGINT END AS person
  FROM rows r LEFT JOIN chronic_slots c USING (id)
),
drawn AS (
  SELECT x.*,
    CASE WHEN u(x.person, ${S.opSigned}) < ${signedShare}
         THEN pl.primary_hids[1 + pick(x.person, ${S.opSignedHospital}, len(pl.primary_hids))] END AS signed_hid,
    CASE WHEN x.chronic THEN ol.chronic[1 + pick(x.person, ${S.opChronicDx}, len(ol.chronic))] END AS cno,
    -- the general hospital of this visit (a chronic person's usual one: drawn on the person)
    CASE WHEN x.chronic THEN u(x.person, ${S.opChronicHospital}) ELSE u(x.id, ${S.opHospital}) END AS uh,
    CASE WHEN x.chronic THEN 'chronic' WHEN u(x.id, ${S.opKind}) < 0.12 THEN 'ancillary'
         WHEN u(x.id, ${S.opKind}) < 0.26 THEN 'procedure' ELSE 'medical' END AS kind
  FROM persons x CROSS JOIN pools pl CROSS JOIN op_lists ol
),
placed AS (
  SELECT p.*, hc.hid AS general_hid, ch.dx AS chronic_dx, ch.cost AS chronic_cost, ch.procedure AS chronic_procedure
  FROM drawn p
  ASOF JOIN hosp_op hc ON hc.year = p.year AND p.uh >= hc.lo
  LEFT JOIN op_chronic ch USING (cno)
),
coded AS (
  SELECT p.*,
    CASE WHEN p.signed_hid IS NOT NULL AND p.chronic_procedure IS NULL
              AND u(p.id, ${S.opAtSigned}) < (CASE WHEN p.year >= ${outpatientReformYear} THEN ${atSignedShare.after} ELSE ${atSignedShare.before} END)
         THEN p.signed_hid ELSE p.general_hid END AS hid,
    CASE WHEN p.kind = 'chronic' THEN p.chronic_dx
      WHEN u(p.id, ${S.opThinTail}) < ${thinTailShare} THEN ol.tail[1 + pick(p.id, ${S.opThinTailPick}, len(ol.tail))]
      ELSE CASE p.kind
      WHEN 'ancillary' THEN (CASE WHEN u(p.id, ${S.opTail}) < 0.6 THEN pl.op_checkups[1 + pick(p.id, ${S.opDx}, len(pl.op_checkups))]
                                  ELSE pl.op_dx[1 + pick(p.id, ${S.opDx}, len(pl.op_dx))] END)
      ELSE (CASE WHEN u(p.id, ${S.opTail}) < 0.12 THEN pl.op_rare[1 + pick(p.id, ${S.opDx}, len(pl.op_rare))]
                 ELSE pl.op_dx[1 + pick(p.id, ${S.opDx}, len(pl.op_dx))] END) END END AS principal_dx,
    CASE WHEN p.kind = 'ancillary' OR u(p.id, ${S.opHasExam}) < (CASE p.kind WHEN 'procedure' THEN 0.3 WHEN 'chronic' THEN 0.15 ELSE 0.25 END)
         THEN pl.op_exams[1 + pick(p.id, ${S.opExam}, len(pl.op_exams))] END AS exam1,
    CASE WHEN p.kind = 'ancillary' AND u(p.id, ${S.opExamCount}) < 0.4
         THEN pl.op_exams[1 + pick(p.id, ${S.opExamCount}, len(pl.op_exams))] END AS exam2,
    CASE WHEN p.kind = 'procedure' THEN ol.procedures[1 + pick(p.id, ${S.opProcedure}, len(ol.procedures))]
         WHEN p.kind = 'chronic' THEN p.chronic_procedure END AS operation,
    -- a fifth of medical visits carry an injection, physiotherapy or an endoscopy
    CASE WHEN p.kind = 'medical' AND u(p.id, ${S.opMinorProcedure}) < 0.2
         THEN ol.minor[1 + pick(p.id, ${S.opMinorPick}, len(ol.minor))] END AS minor
  FROM placed p CROSS JOIN pools pl CROSS JOIN op_lists ol
),
priced AS (
  SELECT v.*, h.hospital_id, h.level, sh.hospital_id AS signed_hospital_id,
    concat_ws(';', v.operation, v.minor, v.exam1, CASE WHEN v.exam2 IS DISTINCT FROM v.exam1 THEN v.exam2 END) AS procedures,
    -- the kind that prices the visit: a dialysis month is a procedure; other chronic visits are medical
    CASE WHEN v.kind = 'chronic' THEN (CASE WHEN v.chronic_procedure IS NOT NULL THEN 'dialysis' ELSE 'medical' END) ELSE v.kind END AS price_kind,
    round(greatest(8,
      (CASE v.kind WHEN 'ancillary' THEN 260 WHEN 'procedure' THEN 550 ELSE 150 END)
        * coalesce(v.chronic_cost, 1) * coalesce(pc.cost, 1) * coalesce(mc.cost, 1)
        * (CASE WHEN v.kind IN ('medical', 'chronic') AND v.exam1 IS NOT NULL THEN 1.6 ELSE 1 END)
        * (CASE h.level WHEN 3 THEN 1.35 WHEN 1 THEN 0.65 ELSE 1 END) * yp.op_cost_factor
        * exp((CASE WHEN v.kind = 'ancillary' THEN 0.5 WHEN v.chronic_procedure IS NOT NULL THEN 0.2 ELSE 0.65 END) * z(v.id, ${S.opCostZ}))), 2)::DECIMAL(18, 2) AS total_cost
  FROM coded v
  JOIN hospital h ON h.hid = v.hid
  LEFT JOIN hospital sh ON sh.hid = v.signed_hid
  JOIN year_params yp ON yp.year = v.year
  LEFT JOIN op_procedure_cost pc ON pc.code = v.operation
  LEFT JOIN op_procedure_cost mc ON mc.code = v.minor
),
shared AS (
  SELECT p.*,
    CASE p.price_kind WHEN 'ancillary' THEN 0.01 + 0.04 * u(p.id, ${S.opDrugShare})
                      WHEN 'procedure' THEN 0.15 + 0.15 * u(p.id, ${S.opDrugShare})
                      WHEN 'dialysis' THEN 0.10 + 0.10 * u(p.id, ${S.opDrugShare})
                      ELSE 0.50 + 0.20 * u(p.id, ${S.opDrugShare}) - (CASE WHEN p.exam1 IS NOT NULL THEN 0.2 ELSE 0 END) END AS drug_share,
    CASE p.price_kind WHEN 'ancillary' THEN 0.82 + 0.10 * u(p.id, ${S.opExamShare})
                      WHEN 'procedure' THEN 0.05 + 0.10 * u(p.id, ${S.opExamShare})
                      WHEN 'dialysis' THEN 0.05 + 0.05 * u(p.id, ${S.opExamShare})
                      ELSE (CASE WHEN p.exam1 IS NOT NULL THEN 0.25 ELSE 0.05 END) + 0.12 * u(p.id, ${S.opExamShare}) END AS exam_share,
    -- shares sum below 1 in every kind (ancillary at most 0.05 + 0.92 + 0.02)
    CASE p.price_kind WHEN 'procedure' THEN 0.15 + 0.15 * u(p.id, ${S.opConsumableShare})
                      WHEN 'dialysis' THEN 0.30 + 0.15 * u(p.id, ${S.opConsumableShare})
                      WHEN 'ancillary' THEN 0.005 + 0.015 * u(p.id, ${S.opConsumableShare})
                      ELSE 0.01 + 0.04 * u(p.id, ${S.opConsumableShare}) END AS consumable_share,
    least(0.75, (CASE p.level WHEN 1 THEN 0.62 WHEN 2 THEN 0.55 ELSE 0.5 END) + 0.12 * u(p.id, ${S.opFundShare})
      + (CASE WHEN p.signed_hid = p.hid THEN 0.03 ELSE 0 END) + (CASE WHEN p.price_kind = 'dialysis' THEN 0.08 ELSE 0 END)) AS fund_share
  FROM priced p
)
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
FROM shared
`;
}
