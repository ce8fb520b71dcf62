// Everything small the SQL stages read, built in JavaScript from the seed and the reference data, then
// inserted as DuckDB tables: hospitals, ADRGs with their templates and weights, the case mix, the
// calendar, code pools and the CC/MCC tables.
import { join } from "node:path";
import type { Session } from "../db/session.ts";
import { allocateRows, buildCalendar } from "./calendar.ts";
import { baseFrequencies, hospitalDistribution, mixDistribution } from "./casemix.ts";
import { department, demography } from "./clinical.ts";
import { adrgClass, buildOutpatientPools, buildSecondaryPools, inpatientExams, readDictionary, ungroupableDiagnoses } from "./codes.ts";
import { buildTemplates } from "./templates.ts";
import { anomalyHospitals, buildHospitals, type AnomalyHospitals, type Hospital } from "./hospitals.ts";
import { costFactor, outpatientCostFactor, reformProgress, years } from "./profile.ts";
import { readRules, severitySplits } from "./rules.ts";
import { insertTable } from "./tables.ts";
import { adrgWeights, groupWeights, readHarbinWeights } from "./weights.ts";

export interface ReferencePaths {
  /** CHS-DRG rules folder (rules.json). */
  scheme: string;
  /** Harbin weights CSV. */
  weights: string;
  diagnoses: string;
  procedures: string;
}

export function defaultReferencePaths(root: string): ReferencePaths {
  return {
    scheme: join(root, "data/schemes/chs-drg-1.1"),
    weights: join(root, "data/weights/harbin-drg-2024.csv"),
    diagnoses: join(root, "data/dictionaries/yb_icd10_v2_diagnoses.csv"),
    procedures: join(root, "data/dictionaries/yb_icd9cm3_v2_procedures.csv"),
  };
}

export interface RegionLookups {
  hospitals: Hospital[];
  anomalies: AnomalyHospitals;
  inpatientRows: number;
  outpatientRows: number;
  templates: number;
  adrgsWithTemplates: number;
}

/** Builds and inserts the lookup tables for one seed and scale. */
export async function loadLookups(
  session: Session,
  { seed, scale, paths, inpatientRows, outpatientRows }: { seed: number; scale: number; paths: ReferencePaths; inpatientRows: number; outpatientRows: number },
): Promise<RegionLookups> {
  const rules = readRules(paths.scheme);
  const splits = severitySplits(rules);
  const weights = groupWeights(splits, readHarbinWeights(paths.weights));
  const adrgRw = adrgWeights(weights);
  const dictionary = readDictionary(paths.diagnoses);
  const procedures = readDictionary(paths.procedures);

  // Hospitals
  const hospitals = buildHospitals(seed);
  await insertTable(
    session,
    "hospital",
    [["hid", "INTEGER"], ["hospital_id", "VARCHAR"], ["name", "VARCHAR"], ["level", "INTEGER"], ["district", "VARCHAR"], ["coefficient", "DOUBLE"], ["efficiency", "DOUBLE"],
     ["los_habit", "DOUBLE"], ["readmit_habit", "DOUBLE"], ["previsit_habit", "DOUBLE"]],
    hospitals.map((h, hid) => [hid, h.hospital_id, h.name, h.level, h.district, h.coefficient, h.efficiency, h.losHabit, h.readmitHabit, h.preVisitHabit]),
  );

  // ADRGs, templates, weights
  const templates = buildTemplates(rules, seed, new Set([...dictionary, ...procedures]));
  const byAdrg = new Map<string, typeof templates>();
  for (const t of templates) {
    if (!byAdrg.has(t.adrg)) byAdrg.set(t.adrg, []);
    byAdrg.get(t.adrg)!.push(t);
  }
  const adrgs = splits.filter((s) => byAdrg.has(s.adrg));
  const aid = new Map(adrgs.map((s, i) => [s.adrg, i]));
  await insertTable(
    session,
    "adrg_info",
    [
      ["aid", "INTEGER"], ["adrg", "VARCHAR"], ["mdc", "VARCHAR"], ["class", "VARCHAR"], ["rw", "DOUBLE"], ["n_tpl", "INTEGER"],
      ["dept1", "VARCHAR"], ["dept2", "VARCHAR"], ["dept3", "VARCHAR"],
      ["age_mean", "DOUBLE"], ["age_sd", "DOUBLE"], ["age_min", "INTEGER"], ["age_max", "INTEGER"], ["child_share", "DOUBLE"], ["male_share", "DOUBLE"],
      ["split_mcc", "VARCHAR"], ["split_cc", "VARCHAR"], ["split_other", "VARCHAR"],
    ],
    adrgs.map((s) => {
      const name = rules.drg_names[s.otherwise] ?? rules.drg_names[s.mcc ?? ""] ?? "";
      const d = demography(s.adrg, name);
      return [
        aid.get(s.adrg), s.adrg, s.adrg[0], adrgClass(s.adrg), adrgRw.get(s.adrg) ?? 1, byAdrg.get(s.adrg)!.length,
        department(s.adrg, 1), department(s.adrg, 2), department(s.adrg, 3),
        d.ageMean, d.ageSd, d.ageMin, d.ageMax, d.childShare, d.maleShare,
        s.mcc, s.cc, s.otherwise,
      ];
    }),
  );
  await insertTable(
    session,
    "tpl",
    [
      ["aid", "INTEGER"], ["tno", "INTEGER"], ["principal_dx", "VARCHAR"], ["required_dx", "VARCHAR"], ["procedures", "VARCHAR"], ["sex", "VARCHAR"],
      ["newborn", "BOOLEAN"], ["age_days_lo", "INTEGER"], ["age_days_hi", "INTEGER"], ["bw_lo", "INTEGER"], ["bw_hi", "INTEGER"], ["bw_mean", "DOUBLE"], ["bw_sd", "DOUBLE"],
    ],
    adrgs.flatMap((s) =>
      byAdrg.get(s.adrg)!.map((t, tno) => {
        const term = t.birth_weight_lo >= 2500;
        const bwMean = term ? 3300 : (t.birth_weight_lo + t.birth_weight_hi) / 2;
        const bwSd = term ? 420 : (t.birth_weight_hi - t.birth_weight_lo) / 4;
        return [aid.get(s.adrg), tno, t.principal_dx, t.required_dx, t.procedures, t.sex, t.newborn, t.age_days_lo, t.age_days_hi, t.birth_weight_lo, t.birth_weight_hi, bwMean, bwSd];
      }),
    ),
  );
  await insertTable(
    session,
    "drg_weight",
    [["drg_code", "VARCHAR"], ["adrg", "VARCHAR"], ["rw", "DOUBLE"], ["source", "VARCHAR"]],
    weights.map((w) => [w.drg_code, w.adrg, w.rw, w.source]),
  );

  // Case mix and hospital shares
  const frequencies = baseFrequencies(adrgs.map((s) => ({ adrg: s.adrg, rw: adrgRw.get(s.adrg) ?? 1 })), seed);
  const mix = mixDistribution(hospitals, frequencies, seed);
  await insertTable(
    session,
    "mix",
    [["hid", "INTEGER"], ["year", "INTEGER"], ["lo", "DOUBLE"], ["aid", "INTEGER"]],
    mix.map((m) => [m.hid, m.year, m.lo, aid.get(m.adrg)]),
  );
  for (const kind of ["inpatient", "outpatient"] as const) {
    await insertTable(
      session,
      kind === "inpatient" ? "hosp_ip" : "hosp_op",
      [["year", "INTEGER"], ["lo", "DOUBLE"], ["hid", "INTEGER"]],
      hospitalDistribution(hospitals, kind).map((r) => [r.year, r.lo, r.hid]),
    );
  }

  // Calendar: row ranges per day, and yearly parameters
  const calendar = buildCalendar();
  const ip = allocateRows(calendar.map((d) => d.inpatientWeight), inpatientRows);
  const op = allocateRows(calendar.map((d) => d.outpatientWeight), outpatientRows);
  await insertTable(
    session,
    "days",
    [["d", "DATE"], ["year", "INTEGER"], ["month", "INTEGER"], ["ip_start", "BIGINT"], ["ip_n", "BIGINT"], ["op_start", "BIGINT"], ["op_n", "BIGINT"]],
    calendar.map((d, i) => [d.date, d.year, d.month, ip[i].start, ip[i].count, op[i].start, op[i].count]),
  );
  await insertTable(
    session,
    "year_params",
    [["year", "INTEGER"], ["cost_factor", "DOUBLE"], ["progress", "DOUBLE"], ["op_cost_factor", "DOUBLE"]],
    years.map((y) => [y, costFactor[y], reformProgress[y], outpatientCostFactor[y]]),
  );

  // Code pools (as one-row tables of lists: indexed in SQL without joins) and CC/MCC tables
  const secondary = buildSecondaryPools(rules, dictionary);
  const outpatient = buildOutpatientPools(rules, dictionary, procedures, seed);
  const exams = inpatientExams(rules, outpatient);
  const ungroupable = ungroupableDiagnoses(rules, dictionary, seed);
  const primary = hospitals.map((h, hid) => [h, hid] as const).filter(([h]) => h.level === 1).map(([, hid]) => hid);
  await insertTable(
    session,
    "pools",
    [
      ["mcc_codes", "VARCHAR[]"], ["mcc_tabs", "VARCHAR[]"], ["cc_codes", "VARCHAR[]"], ["cc_tabs", "VARCHAR[]"], ["plain_codes", "VARCHAR[]"],
      ["ip_exams", "VARCHAR[]"], ["ungroupable", "VARCHAR[]"],
      ["op_dx", "VARCHAR[]"], ["op_checkups", "VARCHAR[]"], ["op_rare", "VARCHAR[]"], ["op_exams", "VARCHAR[]"], ["op_operations", "VARCHAR[]"],
      ["primary_hids", "INTEGER[]"],
    ],
    [[
      secondary.mcc.map((x) => x.code), secondary.mcc.map((x) => x.table), secondary.cc.map((x) => x.code), secondary.cc.map((x) => x.table), secondary.plain,
      exams, ungroupable,
      outpatient.diagnoses, outpatient.checkups, outpatient.rare, outpatient.exams, outpatient.operations,
      primary,
    ]],
  );
  for (const [table, map] of [["mcc_map", rules.mcc], ["cc_map", rules.cc], ["cce_map", rules.cce]] as const) {
    await insertTable(session, table, [["code", "VARCHAR"], ["tab", "VARCHAR"]], Object.entries(map).map(([code, tab]) => [code, tab]));
  }

  return {
    hospitals,
    anomalies: anomalyHospitals(hospitals, seed),
    inpatientRows,
    outpatientRows,
    templates: templates.length,
    adrgsWithTemplates: adrgs.length,
  };
}
