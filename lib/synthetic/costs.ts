// Inpatient stage 3: length of stay, money and outcome, drawn from the group each case landed in.
//
// Expected cost = rw(group) × yuanPerWeight × the year's cost factor × the level's factor × the
// hospital's efficiency, divided by the mean of the tail multipliers so the group mean stays on target.
// Around it: a log-normal spread, a fat right tail (high-multiplier cases) and some very cheap stays
// (transfers, discharges against advice, early deaths). Length of stay shares the cost's normal draw
// (ρ 0.6). Components (drug, consumable, exam, out-of-catalogue) are shares that sum below the total;
// the fund pays 60–85 %, more for employees than residents.
import { readmissionKeyOffset, splitPredicate } from "./anomalies.ts";
import { background, costShift, costSigma, highTail, levelCostFactor, longStayShare, lowStandard, lowTail, splitAdmissions, yuanPerWeight } from "./profile.ts";
import { Stream as S } from "./random.sql.ts";

/** Mean of the cost multipliers (tails, long stays), divided out so a group's mean cost stays rw × yuan. */
export const tailNormaliser =
  1 - highTail.share - lowTail.share + highTail.share * ((highTail.min + highTail.max) / 2) + lowTail.share * ((lowTail.min + lowTail.max) / 2) + longStayShare * 3;

export interface PlantedHospitals {
  /** hid (row of the hospital table) of each planted anomaly's hospital. */
  splitHid: number;
  lowStandardHid: number;
  costShiftHid: number;
  lastDate: string;
}

/**
 * Builds ip_claims from ip_drawn (codes), ip_cost_group(id, drg_code) (the group the care belongs to),
 * ip_coded(id, secondary) (the secondary diagnoses as reported, upcoding included) and the planted
 * anomalies' hospitals. Besides the planted split admissions, every hospital readmits ~1 % of its
 * stays to the same ADRG 1–15 days after discharge (its readmit_habit): the background that the
 * readmission signal is read against. Each hospital's length of stay follows its los_habit.
 * Truth columns kept for later stages (not written to the claims file): shifted, moved_cost (the
 * part of a cost-shift stay billed as pre-admission outpatient visits, preadmission.ts).
 */
export function inpatientClaimsSql({ splitHid, lowStandardHid, costShiftHid, lastDate }: PlantedHospitals): string {
  const highEnd = highTail.share;
  const lowStart = 1 - lowTail.share;
  return `
CREATE OR REPLACE TABLE ip_claims AS
WITH grouped AS (
  SELECT d.*, g.drg_code AS cost_drg, coalesce(w.rw, d.adrg_rw) AS cost_rw, ${splitPredicate(splitHid, lastDate)} AS split,
    -- background readmission to the same ADRG (a complication, a relapse); one that would end after the
    -- sample's last day is dropped by the year join below
    u(d.id, ${S.readmit}) < ${background.readmitShare} * hr.readmit_habit AND NOT d.ungroupable AND d.mdc NOT IN ('O', 'P') AS readmitted
  FROM ip_drawn d JOIN ip_cost_group g USING (id) LEFT JOIN drg_weight w ON w.drg_code = g.drg_code
  JOIN (SELECT hid AS readmit_hid, readmit_habit FROM hospital) hr ON hr.readmit_hid = d.hid
),
stays_split AS (
  SELECT *, id AS key, CASE WHEN split THEN 'split_first' END AS anomaly, discharge_date AS first_discharge, NULL::INTEGER AS gap FROM grouped
  UNION ALL
  SELECT *, id + ${readmissionKeyOffset} AS key, 'split_readmission' AS anomaly, discharge_date AS first_discharge,
    (${splitAdmissions.gapDays[0]} + pick(id, ${S.splitGap}, ${splitAdmissions.gapDays[1] - splitAdmissions.gapDays[0] + 1}))::INTEGER AS gap
  FROM grouped WHERE split
  UNION ALL
  SELECT *, id + ${2 * readmissionKeyOffset} AS key, NULL AS anomaly, discharge_date AS first_discharge,
    (${background.readmitGapDays[0]} + pick(id, ${S.readmitGap}, ${background.readmitGapDays[1] - background.readmitGapDays[0] + 1}))::INTEGER AS gap
  FROM grouped WHERE readmitted AND NOT split
),
stays AS (
  SELECT s.*,
    -- low-standard admissions (planted): medical stays that needed no admission
    s.hid = ${lowStandardHid} AND s.year >= ${lowStandard.fromYear} AND s.anomaly IS NULL AND s.gap IS NULL
      AND s.class = 'medical' AND s.mdc NOT IN ('O', 'P') AND NOT s.ungroupable
      AND u(s.key, ${S.lowStandard}) < ${lowStandard.share} / 0.6 AS low_standard,
    -- costs moved to pre-admission outpatient visits (planted)
    s.hid = ${costShiftHid} AND s.year >= ${costShift.fromYear} AND s.anomaly IS NULL AND s.gap IS NULL AND NOT s.ungroupable
      AND u(s.key, ${S.costShift}) < ${costShift.share} AS shifted
  FROM stays_split s
),
drawn AS (
  SELECT s.*, h.efficiency, h.hospital_id,
    z(s.key, ${S.costZ}) AS zc,
    0.6 * z(s.key, ${S.costZ}) + 0.8 * z(s.key, ${S.losZ}) AS zl,
    u(s.key, ${S.tail}) AS ut,
    u(s.key, ${S.tailSize}) AS us,
    u(s.key, ${S.longStay}) < ${longStayShare} * (CASE WHEN s.mdc IN ('T', 'X', 'U') THEN 6 ELSE 1 END) AS long_stay,
    CASE s.class WHEN 'medical' THEN ${costSigma.medical} ELSE ${costSigma.surgical} END AS sigma,
    (3.0 + 3.2 * ln(1 + 2.2 * s.cost_rw)) * (1 - 0.12 * s.progress) * h.los_habit AS los_median
  FROM stays s JOIN hospital h USING (hid)
),
shaped AS (
  SELECT d.*,
    CASE WHEN d.ut < ${highEnd} THEN ${highTail.min} + ${highTail.max - highTail.min} * d.us
         WHEN d.ut >= ${lowStart} THEN ${lowTail.min} + ${lowTail.max - lowTail.min} * d.us
         ELSE 1 END AS tail_factor,
    CASE WHEN d.ut < ${highEnd} THEN 'high' WHEN d.ut >= ${lowStart} THEN 'low' ELSE 'normal' END AS tail
  FROM drawn d
),
stayed AS (
  SELECT s.*,
    CASE WHEN s.anomaly = 'split_readmission' THEN (2 + pick(s.id, ${S.splitLos}, 4))::INTEGER
         WHEN s.low_standard THEN (${lowStandard.los[0]} + pick(s.key, ${S.lowStandardLos}, ${lowStandard.los[1] - lowStandard.los[0] + 1}))::INTEGER
         WHEN s.long_stay THEN 61 + pick(s.key, ${S.longStayDays}, 90)::INTEGER
         ELSE greatest(1, least(60, round(
           s.los_median * exp(0.45 * s.zl)
             * (CASE s.tail WHEN 'high' THEN 1.6 + s.us WHEN 'low' THEN 0.25 ELSE 1 END)
             * (CASE WHEN s.anomaly = 'split_first' THEN 0.55 ELSE 1 END))))::INTEGER END AS los
  FROM shaped s
),
priced AS (
  SELECT s.*, yp.cost_factor,
    greatest(5.5,
      s.cost_rw * ${yuanPerWeight} * yp.cost_factor
        * (CASE s.level WHEN 3 THEN ${levelCostFactor[3]} WHEN 2 THEN ${levelCostFactor[2]} ELSE ${levelCostFactor[1]} END)
        * s.efficiency
        * (CASE WHEN s.low_standard
                THEN ${lowStandard.costRatio[0]} + ${lowStandard.costRatio[1] - lowStandard.costRatio[0]} * u(s.key, ${S.lowStandardCost})
                ELSE exp(s.sigma * s.zc - s.sigma * s.sigma / 2) * s.tail_factor / ${tailNormaliser}
                     * (CASE WHEN s.long_stay THEN pow(s.los / s.los_median, 0.6) ELSE 1 END) END)
        * (CASE WHEN s.anomaly IS NOT NULL THEN ${splitAdmissions.costShare} ELSE 1 END)) AS care_cost
  FROM stayed s JOIN year_params yp ON yp.year = year(
    CASE WHEN s.gap IS NOT NULL THEN s.first_discharge + s.gap + s.los ELSE s.discharge_date END)
),
shifted_costs AS (
  -- a cost-shift stay bills part of its care as outpatient visits before admission
  SELECT p.*,
    round(p.care_cost * (CASE WHEN p.shifted THEN 1 - ${costShift.moved} ELSE 1 END), 2)::DECIMAL(18, 2) AS total_cost,
    CASE WHEN p.shifted THEN round(p.care_cost * ${costShift.moved}, 2)::DECIMAL(18, 2) END AS moved_cost
  FROM priced p
),
dated AS (
  SELECT p.*,
    CASE WHEN p.gap IS NOT NULL THEN p.first_discharge + p.gap ELSE p.discharge_date - p.los END AS admit,
    -- death: more likely with weight, an MCC, old age; early deaths among the cheap stays
    CASE WHEN p.low_standard THEN false
         WHEN p.tail = 'low' AND u(p.key, ${S.death}) < 0.12 THEN true
         WHEN u(p.key, ${S.death}) < least(0.25, (0.003 + 0.004 * p.cost_rw)
              * (CASE p.severity WHEN 2 THEN 3 WHEN 1 THEN 1.5 ELSE 1 END)
              * (CASE WHEN p.age >= 75 THEN 2 ELSE 1 END)
              * (CASE p.mdc WHEN 'O' THEN 0.02 WHEN 'P' THEN 0.5 ELSE 1 END)) THEN true
         ELSE false END AS died
  FROM shifted_costs p
),
final AS (
  SELECT d.*,
    CASE WHEN d.gap IS NOT NULL THEN d.admit + d.los ELSE d.discharge_date END AS discharge,
    CASE WHEN d.died THEN 5
         WHEN d.low_standard THEN 1
         WHEN d.tail = 'low' THEN (CASE WHEN u(d.key, ${S.status}) < 0.35 THEN 4 WHEN u(d.key, ${S.status}) < 0.6 THEN 2 WHEN u(d.key, ${S.status}) < 0.68 THEN 3 ELSE 1 END)
         ELSE (CASE WHEN u(d.key, ${S.status}) < 0.92 THEN 1 WHEN u(d.key, ${S.status}) < 0.94 THEN 2 WHEN u(d.key, ${S.status}) < 0.955 THEN 3
                    WHEN u(d.key, ${S.status}) < 0.985 THEN 4 ELSE 9 END) END AS discharge_status,
    -- cost shares: drugs fall and out-of-catalogue items rise after the reform
    greatest(0.02, (CASE d.class WHEN 'medical' THEN 0.40 WHEN 'procedure' THEN 0.26 ELSE 0.22 END) * (1 - 0.15 * d.progress) + 0.08 * (u(d.key, ${S.drugShare}) - 0.5)) AS drug_share,
    greatest(0.01, (CASE d.class WHEN 'medical' THEN 0.06 WHEN 'procedure' THEN 0.30 ELSE 0.28 END) * (1 - 0.1 * d.progress) + 0.06 * (u(d.key, ${S.consumableShare}) - 0.5)) AS consumable_share,
    greatest(0.02, (CASE d.class WHEN 'medical' THEN 0.20 WHEN 'procedure' THEN 0.14 ELSE 0.12 END) + 0.05 * (u(d.key, ${S.examShare}) - 0.5)) AS exam_share,
    0.025 + 0.015 * d.progress + 0.03 * u(d.key, ${S.outOfCatalogShare}) AS out_of_catalog_share,
    least(0.85, greatest(0.6, (CASE d.insurance_type WHEN 'employee' THEN 0.80 ELSE 0.68 END)
      + (CASE d.level WHEN 1 THEN 0.04 WHEN 3 THEN -0.03 ELSE 0 END) + 0.06 * (u(d.key, ${S.fundShare}) - 0.5))) AS fund_share
  FROM dated d
),
money AS (
  SELECT f.*,
    round(f.total_cost * f.out_of_catalog_share, 2)::DECIMAL(18, 2) AS out_of_catalog_cost,
    round(f.total_cost * f.drug_share, 2)::DECIMAL(18, 2) AS drug_cost,
    round(f.total_cost * f.consumable_share, 2)::DECIMAL(18, 2) AS consumable_cost,
    round(f.total_cost * f.exam_share, 2)::DECIMAL(18, 2) AS exam_cost
  FROM final f
)
SELECT
  'IP' || lpad((row_number() OVER (ORDER BY discharge, u(key, ${S.dayOrder}), key))::VARCHAR, 10, '0') AS claim_id,
  -- pseudonym: an affine bijection of [0, 10^9) (3^18 is coprime with 10^9), so distinct persons never collide
  'P' || lpad(((patient_no * 387420489 + 7919) % 1000000000)::VARCHAR, 9, '0') AS patient_id,
  hospital_id, department, insurance_type, sex, age, age_days, birth_weight_g,
  admit AS admit_date, discharge AS discharge_date, discharge_status,
  principal_dx, secondary_dx, procedures,
  total_cost,
  least(round(total_cost * fund_share, 2)::DECIMAL(18, 2), total_cost - out_of_catalog_cost) AS fund_paid,
  total_cost - least(round(total_cost * fund_share, 2)::DECIMAL(18, 2), total_cost - out_of_catalog_cost) AS self_pay,
  drug_cost, consumable_cost, exam_cost, out_of_catalog_cost,
  -- ground truth, not written to the claims file
  key, adrg, cost_drg, cost_rw, intended_drg,
  coalesce(anomaly, CASE WHEN low_standard THEN 'low_standard' WHEN shifted THEN 'cost_shift' WHEN upcoded THEN 'upcoding' END) AS anomaly,
  CASE WHEN low_standard THEN 'low' ELSE tail END AS tail, shifted, moved_cost, hid, level
FROM money m JOIN ip_coded c USING (id)
`;
}
