// Inpatient stage 1: draw each stay's hospital, ADRG, codes and patient (no money yet).
//
// Rows are laid out day by day (days.ip_start / ip_n), so a row's discharge date is known from the
// start. Then: hospital by the year's hospital shares, ADRG by that hospital's case mix, one of the
// ADRG's case templates, demographics that fit it, a severity drawn from weight, age, level and year
// (coding becomes more complete after the reform), and the secondary diagnoses that carry it: an MCC
// or CC code from the common complication pools that the principal's exclusion table does not cancel,
// plus plain comorbidities. A small share gets a principal diagnosis that fits no MDC (0000).
import { Stream as S } from "./random.sql.ts";
import { ungroupableShare } from "./profile.ts";

export interface InpatientDrawOptions {
  /** Patients per (birth year, sex) in the region's pool. */
  patientsPerStratum: number;
}

export function drawInpatientSql({ patientsPerStratum }: InpatientDrawOptions): string {
  const K = Math.max(40, Math.round(patientsPerStratum));
  const frequent = Math.max(5, Math.round(K / 15));
  return `
CREATE OR REPLACE TABLE ip_drawn AS
WITH laid_out AS (
  SELECT d.d AS discharge_date, d.year, unnest(range(d.ip_start, d.ip_start + d.ip_n)) AS id
  FROM days d WHERE d.ip_n > 0
),
placed AS (
  SELECT r.id, r.discharge_date, r.year, h.hid
  FROM (SELECT *, u(id, ${S.hospital}) AS uh FROM laid_out) r
  ASOF JOIN hosp_ip h ON h.year = r.year AND r.uh >= h.lo
),
mixed AS (
  SELECT p.id, p.discharge_date, p.year, p.hid, m.aid
  FROM (SELECT *, u(id, ${S.adrg}) AS ua FROM placed) p
  ASOF JOIN mix m ON m.hid = p.hid AND m.year = p.year AND p.ua >= m.lo
),
templated AS (
  SELECT x.*, a.adrg, a.mdc, a.class, a.rw AS adrg_rw, a.age_mean, a.age_sd, a.age_min, a.age_max, a.child_share, a.male_share,
    CASE hs.level WHEN 1 THEN a.dept1 WHEN 2 THEN a.dept2 ELSE a.dept3 END AS department,
    hs.level, pick(x.id, ${S.template}, a.n_tpl)::INTEGER AS tno
  FROM mixed x JOIN adrg_info a USING (aid) JOIN hospital hs USING (hid)
),
people AS (
  SELECT c.*, t.principal_dx AS template_dx, t.required_dx, t.procedures AS template_procedures, t.newborn,
    CASE t.sex WHEN '*' THEN (CASE WHEN u(c.id, ${S.sex}) < c.male_share THEN 'M' ELSE 'F' END) ELSE t.sex END AS sex,
    CASE WHEN t.newborn THEN 0
         WHEN u(c.id, ${S.ageChild}) < c.child_share THEN 1 + pick(c.id, ${S.age}, 14)::INTEGER
         ELSE least(c.age_max, greatest(c.age_min, round(c.age_mean + c.age_sd * z(c.id, ${S.age}))))::INTEGER END AS age,
    CASE WHEN t.newborn THEN t.age_days_lo + pick(c.id, ${S.ageDays}, t.age_days_hi - t.age_days_lo + 1)::INTEGER END AS age_days,
    CASE WHEN t.newborn AND t.bw_hi > 0
         THEN least(t.bw_hi, greatest(t.bw_lo, round(t.bw_mean + t.bw_sd * z(c.id, ${S.birthWeight}))))::INTEGER END AS birth_weight_g
  FROM templated c JOIN tpl t ON t.aid = c.aid AND t.tno = c.tno
),
insured AS (
  SELECT p.*,
    CASE WHEN u(p.id, ${S.insurance}) <
      (CASE WHEN p.age < 18 THEN 0.04 WHEN p.age >= 60 THEN 0.32 ELSE 0.45 END) + (CASE p.level WHEN 3 THEN 0.05 WHEN 1 THEN -0.1 ELSE 0 END)
      THEN 'employee' ELSE 'resident' END AS insurance_type,
    -- a pool of people per birth year and sex; a third of stays come from a small group of frequent patients
    (((p.year - p.age - 1900) * 2 + (p.sex = 'M')::INTEGER)::BIGINT * ${K}
      + CASE WHEN u(p.id, ${S.patientPool}) < 0.35 THEN pick(p.id, ${S.patientSlot}, ${frequent}) ELSE pick(p.id, ${S.patientSlot}, ${K}) END) AS patient_no,
    u(p.id, ${S.ungroupable}) < ${ungroupableShare} AND p.mdc <> 'A' AS ungroupable
  FROM people p
),
severe AS (
  SELECT i.*, yp.progress,
    -- 2 = MCC, 1 = CC, 0 = none
    CASE WHEN u(i.id, ${S.severity}) < sev.p_mcc THEN 2 WHEN u(i.id, ${S.severity}) < sev.p_mcc + sev.p_cc THEN 1 ELSE 0 END AS severity
  FROM insured i JOIN year_params yp USING (year),
  LATERAL (SELECT
    least(0.4, (0.035 + 0.03 * ln(1 + i.adrg_rw)) * (0.6 + 0.8 * least(i.age, 90) / 90.0)
      * (CASE i.level WHEN 3 THEN 1.15 WHEN 1 THEN 0.75 ELSE 1 END) * (1 + 0.3 * yp.progress)) AS p_mcc,
    least(0.5, (0.14 + 0.05 * ln(1 + i.adrg_rw)) * (0.6 + 0.8 * least(i.age, 90) / 90.0)
      * (CASE i.level WHEN 3 THEN 1.1 WHEN 1 THEN 0.8 ELSE 1 END) * (1 + 0.2 * yp.progress)) AS p_cc
  ) sev
),
coded AS (
  SELECT s.*,
    CASE WHEN s.ungroupable THEN pl.ungroupable[1 + pick(s.id, ${S.ungroupablePick}, len(pl.ungroupable))] ELSE s.template_dx END AS principal_dx,
    -- two MCC and two CC candidates; the first one the principal's exclusion table does not cancel is used
    pl.mcc_codes[1 + pick(s.id, ${S.mccPick}, len(pl.mcc_codes))] AS mcc1, pl.mcc_tabs[1 + pick(s.id, ${S.mccPick}, len(pl.mcc_codes))] AS mcc1_tab,
    pl.mcc_codes[1 + pick(s.id, ${S.mccPick + 1}, len(pl.mcc_codes))] AS mcc2, pl.mcc_tabs[1 + pick(s.id, ${S.mccPick + 1}, len(pl.mcc_codes))] AS mcc2_tab,
    pl.cc_codes[1 + pick(s.id, ${S.ccPick}, len(pl.cc_codes))] AS cc1, pl.cc_tabs[1 + pick(s.id, ${S.ccPick}, len(pl.cc_codes))] AS cc1_tab,
    pl.cc_codes[1 + pick(s.id, ${S.ccPick + 1}, len(pl.cc_codes))] AS cc2, pl.cc_tabs[1 + pick(s.id, ${S.ccPick + 1}, len(pl.cc_codes))] AS cc2_tab,
    least(3, floor(u(s.id, ${S.plainCount}) * (0.6 + s.age / 28.0)))::INTEGER AS n_plain,
    -- up to three distinct plain comorbidities (steps of 37 through a pool whose size 37 does not divide)
    pl.plain_codes[1 + (pick(s.id, ${S.plainPick}, len(pl.plain_codes)) % len(pl.plain_codes))] AS plain1,
    pl.plain_codes[1 + ((pick(s.id, ${S.plainPick}, len(pl.plain_codes)) + 37) % len(pl.plain_codes))] AS plain2,
    pl.plain_codes[1 + ((pick(s.id, ${S.plainPick}, len(pl.plain_codes)) + 74) % len(pl.plain_codes))] AS plain3,
    CASE WHEN u(s.id, ${S.examCount}) < (CASE WHEN s.newborn THEN 0.8 ELSE 0.45 END) THEN 0
         WHEN u(s.id, ${S.examCount}) < 0.8 THEN 1 ELSE 2 END AS n_exam,
    pl.ip_exams[1 + pick(s.id, ${S.examPick}, len(pl.ip_exams))] AS exam1,
    pl.ip_exams[1 + pick(s.id, ${S.examPick + 1}, len(pl.ip_exams))] AS exam2
FROM severe s CROSS JOIN pools pl
),
excluded AS (
  SELECT c.*, x.tab AS principal_tab FROM coded c LEFT JOIN cce_map x ON x.code = c.principal_dx
)
SELECT id, discharge_date, year, hid, level, aid, adrg, mdc, class, adrg_rw, department, sex, age, age_days, birth_weight_g,
  insurance_type, patient_no, ungroupable, severity, progress, newborn, principal_dx,
  list_filter(
    list_concat(
      CASE WHEN required_dx = '' THEN []::VARCHAR[] ELSE string_split(required_dx, ';') END,
      [CASE WHEN severity = 2 THEN (CASE WHEN principal_tab IS DISTINCT FROM mcc1_tab THEN mcc1
                                        WHEN principal_tab IS DISTINCT FROM mcc2_tab THEN mcc2 END) END,
       CASE WHEN severity = 1 OR (severity = 2 AND u(id, ${S.ccWithMcc}) < 0.5)
            THEN (CASE WHEN principal_tab IS DISTINCT FROM cc1_tab THEN cc1 WHEN principal_tab IS DISTINCT FROM cc2_tab THEN cc2 END) END],
      [CASE WHEN n_plain >= 1 THEN plain1 END, CASE WHEN n_plain >= 2 THEN plain2 END, CASE WHEN n_plain >= 3 THEN plain3 END]
    ),
    x -> x IS NOT NULL
  ) AS secondary,
  NULLIF(concat_ws(';', NULLIF(template_procedures, ''),
    CASE WHEN n_exam >= 1 THEN exam1 END,
    CASE WHEN n_exam >= 2 AND exam2 <> exam1 THEN exam2 END), '') AS procedures
FROM excluded
`;
}
