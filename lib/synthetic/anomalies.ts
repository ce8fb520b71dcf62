// The planted anomalies, and the ground truth that lists them (truth/anomalies.csv).
//
// Split admissions (分解住院): from splitAdmissions.fromYear one hospital discharges a share of its
// patients and readmits them 2–10 days later in the same ADRG (same codes), each stay shorter and
// cheaper than one whole stay would be. Upcoding (高套): from upcoding.fromYear another hospital adds an
// MCC or CC secondary diagnosis to a rising share of the cases where that raises the severity digit;
// the care (and so the cost) is that of the group before the added code.
import type { Session } from "../db/session.ts";
import type { AnomalyHospitals } from "./hospitals.ts";
import { costShift, lowStandard, splitAdmissions, upcoding, years } from "./profile.ts";
import { Stream as S } from "./random.sql.ts";

/** Offset added to a first stay's id to key its planted readmission (ids stay below 2^27). */
export const readmissionKeyOffset = 2 ** 27;

/** SQL predicate over ip_drawn rows: this stay is split (its readmission fits before the sample ends). */
export function splitPredicate(hid: number, lastDate: string): string {
  return `(hid = ${hid} AND year >= ${splitAdmissions.fromYear} AND u(id, ${S.split}) < ${splitAdmissions.share}
    AND NOT ungroupable AND mdc NOT IN ('O', 'P')
    AND discharge_date + (${splitAdmissions.gapDays[0]} + pick(id, ${S.splitGap}, ${splitAdmissions.gapDays[1] - splitAdmissions.gapDays[0] + 1}))::INTEGER
        + (2 + pick(id, ${S.splitLos}, 4))::INTEGER <= DATE '${lastDate}')`;
}

/**
 * Adds an upcoded code to the chosen cases of one hospital: writes ip_upcoded(id, code, kind).
 * `groups` holds each drawn case's intended group flags (has_mcc, has_cc).
 */
export async function planUpcoding(session: Session, hid: number, groups: string): Promise<void> {
  const shares = Object.entries(upcoding.share)
    .map(([year, share]) => `WHEN ${year} THEN ${share}`)
    .join(" ");
  await session.run(`
CREATE OR REPLACE TABLE ip_upcoded AS
WITH chosen AS (
  SELECT d.id, d.principal_dx, d.secondary, g.has_mcc, g.has_cc, a.split_mcc, a.split_cc,
    CASE WHEN a.split_mcc IS NOT NULL AND NOT g.has_mcc AND (u(d.id, ${S.upcodeKind}) < ${upcoding.mccShare} OR a.split_cc IS NULL OR g.has_cc) THEN 'MCC'
         WHEN a.split_cc IS NOT NULL AND NOT g.has_mcc AND NOT g.has_cc THEN 'CC' END AS kind
  FROM ip_drawn d JOIN ${groups} g USING (id) JOIN adrg_info a USING (aid)
  WHERE d.hid = ${hid} AND d.year >= ${upcoding.fromYear} AND NOT d.ungroupable
    AND u(d.id, ${S.upcode}) < (CASE d.year ${shares} ELSE 0 END)
),
candidates AS (
  SELECT c.id, c.kind, c.secondary, e.tab AS principal_tab,
    CASE c.kind WHEN 'MCC' THEN pl.mcc_codes[1 + pick(c.id, ${S.upcodePick}, len(pl.mcc_codes))] ELSE pl.cc_codes[1 + pick(c.id, ${S.upcodePick}, len(pl.cc_codes))] END AS code1,
    CASE c.kind WHEN 'MCC' THEN pl.mcc_tabs[1 + pick(c.id, ${S.upcodePick}, len(pl.mcc_codes))] ELSE pl.cc_tabs[1 + pick(c.id, ${S.upcodePick}, len(pl.cc_codes))] END AS tab1,
    CASE c.kind WHEN 'MCC' THEN pl.mcc_codes[1 + pick(c.id, ${S.upcodePick + 1}, len(pl.mcc_codes))] ELSE pl.cc_codes[1 + pick(c.id, ${S.upcodePick + 1}, len(pl.cc_codes))] END AS code2,
    CASE c.kind WHEN 'MCC' THEN pl.mcc_tabs[1 + pick(c.id, ${S.upcodePick + 1}, len(pl.mcc_codes))] ELSE pl.cc_tabs[1 + pick(c.id, ${S.upcodePick + 1}, len(pl.cc_codes))] END AS tab2
  FROM chosen c CROSS JOIN pools pl LEFT JOIN cce_map e ON e.code = c.principal_dx
  WHERE c.kind IS NOT NULL
)
SELECT id, kind,
  CASE WHEN principal_tab IS DISTINCT FROM tab1 AND NOT list_contains(secondary, code1) THEN code1
       WHEN principal_tab IS DISTINCT FROM tab2 AND NOT list_contains(secondary, code2) THEN code2 END AS code
FROM candidates
WHERE (principal_tab IS DISTINCT FROM tab1 AND NOT list_contains(secondary, code1))
   OR (principal_tab IS DISTINCT FROM tab2 AND NOT list_contains(secondary, code2))
`);
}

export interface AnomalyTruth {
  anomaly: string;
  hospital_id: string;
  from_year: number;
  to_year: number;
  /** The monitoring signal (metrics.md §10) that should flag the hospital in each year from_year … to_year. */
  signal: string;
  description: string;
  claim_ids_count: number;
}

export function describeAnomalies(
  hospitals: AnomalyHospitals,
  counts: { readmissions: number; upcoded: number; lowStandard: number; shifted: number },
): AnomalyTruth[] {
  const to_year = years[years.length - 1];
  return [
    {
      anomaly: "split_admissions",
      hospital_id: hospitals.split.hospital_id,
      from_year: splitAdmissions.fromYear,
      to_year,
      signal: "readmit_same_adrg",
      description:
        `${hospitals.split.name}: about ${Math.round(splitAdmissions.share * 100)}% of its stays (not obstetric or newborn) are split in two: ` +
        `the same patient readmitted ${splitAdmissions.gapDays[0]}–${splitAdmissions.gapDays[1]} days after discharge with the same codes (same ADRG and DRG), ` +
        `each stay shorter and about ${Math.round(splitAdmissions.costShare * 100)}% of a whole stay's cost; claim_ids_count = the planted readmissions`,
      claim_ids_count: counts.readmissions,
    },
    {
      anomaly: "upcoding",
      hospital_id: hospitals.upcoding.hospital_id,
      from_year: upcoding.fromYear,
      to_year,
      signal: "cc_mcc_share_change",
      description:
        `${hospitals.upcoding.name}: adds an MCC or CC secondary diagnosis to ` +
        Object.entries(upcoding.share)
          .map(([y, s]) => `${Math.round(s * 100)}% (${y})`)
          .join(", ") +
        ` of its cases where that raises the severity digit (to 1 or 3); costs stay those of the group before the added code; claim_ids_count = the upcoded claims`,
      claim_ids_count: counts.upcoded,
    },
    {
      anomaly: "low_standard_admissions",
      hospital_id: hospitals.lowStandard.hospital_id,
      from_year: lowStandard.fromYear,
      to_year,
      signal: "low_standard_admission",
      description:
        `${hospitals.lowStandard.name}: admits about ${Math.round(lowStandard.share * 100)}% of its stays (medical, not obstetric or newborn) without need: ` +
        `${lowStandard.los[0]}–${lowStandard.los[1]} days, ${lowStandard.costRatio[0]}–${lowStandard.costRatio[1]} × the group's mean cost, discharged home; claim_ids_count = those stays`,
      claim_ids_count: counts.lowStandard,
    },
    {
      anomaly: "cost_shift_preadmission",
      hospital_id: hospitals.costShift.hospital_id,
      from_year: costShift.fromYear,
      to_year,
      signal: "preadmission_outpatient",
      description:
        `${hospitals.costShift.name}: bills ${Math.round(costShift.moved * 100)}% of the care of about ${Math.round(costShift.share * 100)}% of its stays as one or two outpatient visits ` +
        `${costShift.days[0]}–${costShift.days[1]} days before admission (the stay costs that much less); claim_ids_count = those stays (their visits: truth/claims_outpatient_truth, anomaly cost_shift)`,
      claim_ids_count: counts.shifted,
    },
  ];
}
