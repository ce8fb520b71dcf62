// Every figure of every metric dataset on the small region of small-region.ts, worked out by hand:
// the numbers below are typed from the claims (costs, LOS, coefficients) and combined by the formulas
// of metrics.md §2–§4, §6 in plain arithmetic, never read back from the code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row, Session } from "../../lib/db/session.ts";
import type { Dataset } from "../../loaders/dataset.ts";
import { departmentYear } from "../../loaders/department_year.ts";
import { drgYear } from "../../loaders/drg_year.ts";
import { groupingMdc } from "../../loaders/grouping_mdc.ts";
import { groups } from "../../loaders/groups.ts";
import { hospitalDrgYear } from "../../loaders/hospital_drg_year.ts";
import { hospitalMonth } from "../../loaders/hospital_month.ts";
import { hospitalYear } from "../../loaders/hospital_year.ts";
import { regionYear } from "../../loaders/region_year.ts";
import { rwIntervalComparison } from "../../loaders/rw_interval_comparison.ts";
import { rwIntervalMonth } from "../../loaders/rw_interval_month.ts";
import { rwIntervals } from "../../loaders/rw_intervals.ts";
import { settlement } from "../../loaders/settlement.ts";
import { settlementYear } from "../../loaders/settlement_year.ts";
import { weightBaseYears } from "../../loaders/weight_base_years.ts";
import { expectTable, round } from "./expect-table.ts";
import { preparedFixture } from "./fixture.ts";
import { A, B, C, D, givenWeights, smallRegion } from "./small-region.ts";

const names: Record<string, string> = {
  [A]: "肺真菌病，伴严重并发症或合并症", // from data/schemes/chs-drg-1.1/groups.csv
  [B]: "经皮冠状动脉支架植入",
  [C]: "食管、胃、十二指肠其他手术，不伴并发症或合并症",
  [D]: "髋、肩、膝、肘和踝关节置换术",
  KD19: "甲状腺大手术",
};

// ---- §2 by hand. Base years: no year has claims in all 12 months, so the first three years with
// claims: 2021 and 2022, weighted 2:3.
// A in 2021: 1000 1100 1200 1300 1400 9000 (6 cases ≥ 5: trimmed). Type 7 quartiles: Q1 at position
// 1.25 → 1100 + 0.25·100 = 1125, Q3 at 3.75 → 1300 + 0.75·100 = 1375, IQR 250, fences 750 and 1750:
// 9000 is trimmed, the mean of the kept five is 1200. Every other group-year has < 5 cases: not trimmed.
const meanA2021 = (1000 + 1100 + 1200 + 1300 + 1400) / 5;
const mA = (2 * meanA2021 + 3 * ((1500 + 1500) / 2)) / 5; // 1380
const mB = (2 * ((3000 + 5000) / 2) + 3 * ((4000 + 4000) / 2)) / 5; // 4000
const mC = (2 * 800 + 3 * 200) / 5; // 440 (c11 is excluded: LOS 75)
const mD = 2000; // seen in 2022 only
const mean2021 = (1000 + 1100 + 1200 + 1300 + 1400 + 3000 + 5000 + 800) / 8; // 1850, kept grouped cases
const mean2022 = (1500 + 1500 + 4000 + 4000 + 200 + 2000) / 6; // 2200
const m = (2 * mean2021 + 3 * mean2022) / 5; // 2060

// ---- §6 by hand, given weights: A 0.7 (a_A = 1400 given), B 2 (a_B = m_B), C 0.25 (a_C = m_C), D none.
// Coefficients H1 1, H2 0.9, H3 0.8. 2021: H = 3, L = 0.4 (defaults); 2022: policy H = 2, L = 0.5.
const pts: Record<string, number> = {
  c01: 70 * 1, // r = 1000/1400
  c02: 70 * 1,
  c03: 70 * 0.9,
  c04: 70 * 0.9,
  c05: 70 * 0.8, // r = 1
  c06: 70 * 1 + (9000 / 1400 - 3) * 70, // high: r = 6.43 > 3 → 310
  c07: 200 * 1, // r = 0.75
  c08: 200 * 0.9, // r = 1.25
  c09: (600 / m) * 100, // QY
  c10: 25 * 0.9, // r = 800/440 = 1.82
  c11: 25 * 0.8 + (20000 / mC - 3) * 25, // excluded, still paid; high: r = 45.5
  c12: 70 * 1, // r = 1500/1400
  c13: 70 * 0.8,
  c14: 200 * 1 * 0.5, // readmission: p13 back in H1, FM19, 10 days after this discharge
  c15: 200 * 1,
  c16: 25 * 0.8 * (200 / mC), // low: r = 0.45 < 0.5 (the 2022 policy)
  c17: (2000 / m) * 100, // D has no given RW: paid on cost, no discount
  c18: (900 / m) * 100, // 0000
};
for (const k of Object.keys(pts)) pts[k] = round(pts[k], 4); // points are kept to 4 decimals
const sum = (ids: string[]) => ids.reduce((s, id) => s + pts[id], 0);
const P21 = sum(["c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10", "c11"]);
const P22 = sum(["c12", "c13", "c14", "c15", "c16", "c17", "c18"]);
// recorded = Σ fund_paid; s = Σ (cost − fund) = 30% of cost here.
const F21 = 31080 + 0.95 * (33080 - 31080); // surplus 2000, the hospitals keep 95%
const F22 = 9870 + 1 * (9000 - 9870); // overspend 870, share ratio 1 (the parameter)
const pv21 = (F21 + 13320) / P21;
const pv22 = (F22 + 4230) / P22;
const pay = (points: number, pv: number) => round(points * pv, 2);

let given: Session;
let derived: Session;
const rows = (session: Session, dataset: Dataset) => session.all<Row>(dataset.query());

beforeAll(async () => {
  given = await preparedFixture({ ...smallRegion, weights: givenWeights }, { reformYear: 2021 });
  derived = await preparedFixture({ ...smallRegion, weights: [] }, { reformYear: 2021 });
});
afterAll(() => {
  given?.close();
  derived?.close();
});

describe("relative weights (§2)", () => {
  it("derives base years, trims the outlier, and divides group means by the overall mean", async () => {
    expectTable(await rows(derived, weightBaseYears), [
      { year: 2021, year_weight: 2, cases: 9, kept_cases: 8, trimmed_cases: 1, mean_cost: mean2021, overall_mean: m },
      { year: 2022, year_weight: 3, cases: 6, kept_cases: 6, trimmed_cases: 0, mean_cost: mean2022, overall_mean: m },
    ]);
    expectTable(await rows(derived, groups), [
      { drg_code: A, name: names[A], cases: 8, avg_cost: mA, rw: round(mA / m, 4), rw_source: "derived", unstable: false, base_cases: 8, excluded_cases: 0, mean_cost: 18000 / 8 },
      { drg_code: B, name: names[B], cases: 4, avg_cost: mB, rw: round(mB / m, 4), rw_source: "derived", unstable: true, base_cases: 4, excluded_cases: 0, mean_cost: 4000 },
      { drg_code: C, name: names[C], cases: 3, avg_cost: mC, rw: round(mC / m, 4), rw_source: "derived", unstable: true, base_cases: 2, excluded_cases: 1, mean_cost: 500 },
      { drg_code: D, name: names[D], cases: 1, avg_cost: mD, rw: round(mD / m, 4), rw_source: "derived", unstable: true, base_cases: 1, excluded_cases: 0, mean_cost: 2000 },
    ]);
    expect(round(mA / m, 4)).toBe(0.6699); // the figures above, as a reader would check them
    expect(round(mB / m, 4)).toBe(1.9417);
  });

  it("uses a given table as is, with a_g from avg_cost, else m_g, else RW × m", async () => {
    expectTable(await rows(given, groups), [
      { drg_code: A, name: "A 组", cases: 8, avg_cost: 1400, rw: 0.7, rw_source: "given", unstable: false, base_cases: 8, excluded_cases: 0, mean_cost: 2250 },
      { drg_code: B, name: names[B], cases: 4, avg_cost: mB, rw: 2, rw_source: "given", unstable: false, base_cases: 4, excluded_cases: 0, mean_cost: 4000 },
      { drg_code: C, name: names[C], cases: 3, avg_cost: mC, rw: 0.25, rw_source: "given", unstable: false, base_cases: 2, excluded_cases: 1, mean_cost: 500 },
      { drg_code: D, name: names[D], cases: 1, avg_cost: null, rw: null, rw_source: null, unstable: null, base_cases: 1, excluded_cases: 0, mean_cost: 2000 },
      { drg_code: "KD19", name: names.KD19, cases: 0, avg_cost: 1.2 * m, rw: 1.2, rw_source: "given", unstable: false, base_cases: 0, excluded_cases: 0, mean_cost: null },
    ]);
    // m is computed from the claims in the same way when weights are given
    expectTable(await rows(given, weightBaseYears), await rows(derived, weightBaseYears));
  });

  it("counts the grouping rate per MDC over the not excluded cases (§1)", async () => {
    const rate = (cases: number, excluded: number, grouped: number, qy: number, ungroupable: number) =>
      ({ cases, excluded_cases: excluded, grouped_cases: grouped, qy_cases: qy, ungroupable_cases: ungroupable, grouping_rate: grouped / (cases - excluded) });
    expectTable(await rows(given, groupingMdc), [
      { mdc: "0000", ...rate(1, 0, 0, 0, 1) },
      { mdc: "MDCE", ...rate(9, 0, 8, 1, 0) },
      { mdc: "MDCF", ...rate(4, 0, 4, 0, 0) },
      { mdc: "MDCG", ...rate(3, 1, 2, 0, 0) },
      { mdc: "MDCI", ...rate(1, 0, 1, 0, 0) },
    ]);
  });
});

// ---- §3 by hand (given weights). Region means per group over the case-mix set:
// 2021: A cost 15000/6 = 2500, LOS 44/6; B 4000, LOS 9; C 800, LOS 1. 2022: A 1500, LOS 4; B 4000, LOS 8.5; C 200, LOS 1.
const noCost = { consumable_share: null, exam_share: null, out_of_catalog_share: null, personal_burden: 0.3 };
const empty = { grouped_cases: 0, total_weight: 0, cmi: null, cost_per_weight: null, alos: null, cost_index: null, time_index: null, drg_count: 0 };
const counts = (excluded = 0, qy = 0, ungroupable = 0, unweighted = 0, rate: number | null = 1) =>
  ({ excluded_cases: excluded, qy_cases: qy, ungroupable_cases: ungroupable, unweighted_cases: unweighted, grouping_rate: rate });
const lowRisk = (cases: number) => ({ low_risk_cases: cases, low_risk_deaths: 0, low_risk_mortality: cases ? 0 : null });
// Low-risk groups (§3): base mortality A 0/8, B 1/4, C 1/2, D 1/1. A has no death: level 0. Over the
// others, ln mortality −1.386, −0.693, 0: mean −0.693, sample sd 0.693, so z = −1 (B: level 2, the
// boundary belongs to it), 0 (C: level 3), 1 (D: level 4). Low-risk = levels 0 and 1: only A.
const riskLevel: Record<string, number> = { [A]: 0, [B]: 2, [C]: 3, [D]: 4 };
describe("case mix (§3)", () => {
  it("checks the low-risk z-score of ln(mortality) by hand", () => {
    const ln = [Math.log(0.25), Math.log(0.5), Math.log(1)];
    const mean = ln.reduce((a, b) => a + b) / 3;
    const sd = Math.sqrt(ln.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
    expect(ln.map((x) => (x - mean) / sd).map((z) => Math.round(z * 1e9) / 1e9)).toEqual([-1, 0, 1]);
  });

  it("hospital_year", async () => {
    const h = (id: string, level: number, district = "D1") => ({ hospital_id: id, name: `Hospital ${id}`, level, district });
    expectTable(await rows(given, hospitalYear), [
      {
        ...h("H1", 3), year: 2021, cases: 4, grouped_cases: 4, total_weight: 4.1, cmi: 4.1 / 4, total_cost: 14100, fund_paid: 9870,
        cost_per_weight: 14100 / 4.1, alos: (5 + 4 + 20 + 10) / 4,
        cost_index: (3 * (11100 / 3 / 2500) + 1 * (3000 / 4000)) / 4,
        time_index: (3 * ((5 + 4 + 20) / 3 / (44 / 6)) + 1 * (10 / 9)) / 4,
        drg_count: 2, ...counts(), ...lowRisk(3), drug_share: (300 + 500) / (1000 + 1100), ...noCost,
      },
      {
        ...h("H1", 3), year: 2022, cases: 3, grouped_cases: 3, total_weight: 4.7, cmi: 4.7 / 3, total_cost: 9500, fund_paid: 6650,
        cost_per_weight: 9500 / 4.7, alos: (5 + 9 + 8) / 3, cost_index: (1 * (1500 / 1500) + 2 * (4000 / 4000)) / 3,
        time_index: (1 * (5 / 4) + 2 * (8.5 / 8.5)) / 3, drg_count: 2, ...counts(), ...lowRisk(1), drug_share: null, ...noCost,
      },
      {
        ...h("H2", 2), year: 2021, cases: 4, grouped_cases: 4, total_weight: 3.65, cmi: 3.65 / 4, total_cost: 8300, fund_paid: 5810,
        cost_per_weight: 8300 / 3.65, alos: (6 + 4 + 8 + 1) / 4, cost_index: (2 * (1250 / 2500) + 1 * (5000 / 4000) + 1 * (800 / 800)) / 4,
        time_index: (2 * (5 / (44 / 6)) + 1 * (8 / 9) + 1 * (1 / 1)) / 4, drg_count: 3, ...counts(), ...lowRisk(2), drug_share: null, ...noCost,
      },
      { ...h("H2", 2), year: 2022, cases: 2, total_cost: 2900, fund_paid: 2030, ...empty, ...counts(0, 0, 1, 1, 1 / 2), ...lowRisk(0), drug_share: null, ...noCost },
      {
        ...h("H3", 1, "D2"), year: 2021, cases: 3, grouped_cases: 1, total_weight: 0.7, cmi: 0.7, total_cost: 22000, fund_paid: 15400,
        cost_per_weight: 1400 / 0.7, alos: 5, cost_index: 1400 / 2500, time_index: 5 / (44 / 6), drg_count: 1,
        ...counts(1, 1, 0, 0, 1 / 2), ...lowRisk(1), drug_share: null, ...noCost,
      },
      {
        ...h("H3", 1, "D2"), year: 2022, cases: 2, grouped_cases: 2, total_weight: 0.95, cmi: 0.95 / 2, total_cost: 1700, fund_paid: 1190,
        cost_per_weight: 1700 / 0.95, alos: (3 + 1) / 2, cost_index: (1500 / 1500 + 200 / 200) / 2, time_index: (3 / 4 + 1 / 1) / 2,
        drg_count: 2, ...counts(), ...lowRisk(1), drug_share: null, ...noCost,
      },
    ]);
  });

  it("hospital_year with derived weights", async () => {
    const h1 = (await rows(derived, hospitalYear))[0];
    const tw = 3 * 0.6699 + 1.9417;
    expect(Number(h1.total_weight)).toBeCloseTo(tw, 12);
    expect(h1.cmi as number).toBeCloseTo(tw / 4, 12);
    expect(h1.cost_per_weight as number).toBeCloseTo(14100 / tw, 9);
  });

  it("hospital_month (every month is compared with the region in the same month)", async () => {
    // In each month a group has cases in one hospital only, so every index defined is 1.
    const month = (hospital_id: string, m: string, cases: number, tw: number, cost: number, fund: number, los: number, drgs: number, drug: number | null = null) => ({
      hospital_id, month: m, year: Number(m.slice(0, 4)), cases, grouped_cases: cases, total_weight: tw, cmi: tw / cases, total_cost: cost, fund_paid: fund,
      cost_per_weight: cost / tw, alos: los / cases, cost_index: 1, time_index: 1, drg_count: drgs, ...counts(), drug_share: drug, ...noCost,
    });
    const none = (hospital_id: string, m: string, cost: number, fund: number, c: object) => ({
      hospital_id, month: m, year: Number(m.slice(0, 4)), cases: 1, total_cost: cost, fund_paid: fund, ...empty, ...c, drug_share: null, ...noCost,
    });
    expectTable(await rows(given, hospitalMonth), [
      month("H1", "2021-01", 2, 0.7 + 2, 1000 + 3000, 700 + 2100, 5 + 10, 2, 300 / 1000),
      month("H1", "2021-02", 1, 0.7, 1100, 770, 4, 1, 500 / 1100),
      month("H1", "2021-06", 1, 0.7, 9000, 6300, 20, 1),
      month("H1", "2022-01", 1, 0.7, 1500, 1050, 5, 1),
      month("H1", "2022-03", 2, 4, 8000, 5600, 9 + 8, 1),
      month("H2", "2021-02", 1, 2, 5000, 3500, 8, 1),
      month("H2", "2021-03", 1, 0.7, 1200, 840, 6, 1),
      month("H2", "2021-04", 1, 0.7, 1300, 910, 4, 1),
      month("H2", "2021-07", 1, 0.25, 800, 560, 1, 1),
      none("H2", "2022-05", 2000, 1400, counts(0, 0, 0, 1, 1)),
      none("H2", "2022-06", 900, 630, counts(0, 0, 1, 0, 0)),
      none("H3", "2021-03", 600, 420, counts(0, 1, 0, 0, 0)),
      month("H3", "2021-05", 1, 0.7, 1400, 980, 5, 1),
      none("H3", "2021-10", 20000, 14000, counts(1, 0, 0, 0, null)),
      month("H3", "2022-02", 1, 0.7, 1500, 1050, 3, 1),
      month("H3", "2022-04", 1, 0.25, 200, 140, 1, 1),
    ]);
  });

  it("department_year", async () => {
    const dept = (hospital_id: string, department: string, year: number) => ({ hospital_id, department, year });
    expectTable(await rows(given, departmentYear), [
      {
        ...dept("H1", "内科", 2021), cases: 2, grouped_cases: 2, total_weight: 1.4, cmi: 0.7, total_cost: 2100, fund_paid: 1470, cost_per_weight: 2100 / 1.4,
        alos: 4.5, cost_index: (2 * (1050 / 2500)) / 2, time_index: (2 * (4.5 / (44 / 6))) / 2, drg_count: 1, ...counts(), ...lowRisk(2), drug_share: 800 / 2100, ...noCost,
      },
      {
        ...dept("H1", "内科", 2022), cases: 1, grouped_cases: 1, total_weight: 0.7, cmi: 0.7, total_cost: 1500, fund_paid: 1050, cost_per_weight: 1500 / 0.7,
        alos: 5, cost_index: 1500 / 1500, time_index: 5 / 4, drg_count: 1, ...counts(), ...lowRisk(1), drug_share: null, ...noCost,
      },
      {
        ...dept("H1", "外科", 2021), cases: 2, grouped_cases: 2, total_weight: 2.7, cmi: 1.35, total_cost: 12000, fund_paid: 8400, cost_per_weight: 12000 / 2.7,
        alos: 15, cost_index: (9000 / 2500 + 3000 / 4000) / 2, time_index: (20 / (44 / 6) + 10 / 9) / 2, drg_count: 2, ...counts(), ...lowRisk(1), drug_share: null, ...noCost,
      },
      {
        ...dept("H1", "外科", 2022), cases: 2, grouped_cases: 2, total_weight: 4, cmi: 2, total_cost: 8000, fund_paid: 5600, cost_per_weight: 2000,
        alos: 8.5, cost_index: 1, time_index: 1, drg_count: 1, ...counts(), ...lowRisk(0), drug_share: null, ...noCost,
      },
      {
        ...dept("H2", "内科", 2021), cases: 4, grouped_cases: 4, total_weight: 3.65, cmi: 3.65 / 4, total_cost: 8300, fund_paid: 5810, cost_per_weight: 8300 / 3.65,
        alos: 19 / 4, cost_index: (2 * 0.5 + 1.25 + 1) / 4, time_index: (2 * (5 / (44 / 6)) + 8 / 9 + 1) / 4, drg_count: 3, ...counts(), ...lowRisk(2), drug_share: null, ...noCost,
      },
      { ...dept("H2", "内科", 2022), cases: 2, total_cost: 2900, fund_paid: 2030, ...empty, ...counts(0, 0, 1, 1, 1 / 2), ...lowRisk(0), drug_share: null, ...noCost },
      { ...dept("H3", "内科", 2021), cases: 2, total_cost: 20600, fund_paid: 14420, ...empty, ...counts(1, 1, 0, 0, 0), ...lowRisk(0), drug_share: null, ...noCost },
      {
        ...dept("H3", "内科", 2022), cases: 1, grouped_cases: 1, total_weight: 0.25, cmi: 0.25, total_cost: 200, fund_paid: 140, cost_per_weight: 800,
        alos: 1, cost_index: 1, time_index: 1, drg_count: 1, ...counts(), ...lowRisk(0), drug_share: null, ...noCost,
      },
      {
        ...dept("H3", "外科", 2021), cases: 1, grouped_cases: 1, total_weight: 0.7, cmi: 0.7, total_cost: 1400, fund_paid: 980, cost_per_weight: 2000,
        alos: 5, cost_index: 1400 / 2500, time_index: 5 / (44 / 6), drg_count: 1, ...counts(), ...lowRisk(1), drug_share: null, ...noCost,
      },
      {
        ...dept("H3", "外科", 2022), cases: 1, grouped_cases: 1, total_weight: 0.7, cmi: 0.7, total_cost: 1500, fund_paid: 1050, cost_per_weight: 1500 / 0.7,
        alos: 3, cost_index: 1, time_index: 3 / 4, drg_count: 1, ...counts(), ...lowRisk(1), drug_share: null, ...noCost,
      },
    ]);
  });

  it("region_year", async () => {
    expectTable(await rows(given, regionYear), [
      {
        year: 2021, cases: 11, grouped_cases: 9, total_weight: 6 * 0.7 + 2 * 2 + 0.25, cmi: 8.45 / 9, total_cost: 44400, fund_paid: 31080,
        cost_per_weight: (15000 + 8000 + 800) / 8.45, alos: (44 + 18 + 1) / 9, drg_count: 3, ...counts(1, 1, 0, 0, 9 / 10), ...lowRisk(6),
        drug_share: 800 / 2100, ...noCost,
      },
      {
        year: 2022, cases: 7, grouped_cases: 5, total_weight: 2 * 0.7 + 2 * 2 + 0.25, cmi: 5.65 / 5, total_cost: 14100, fund_paid: 9870,
        cost_per_weight: (3000 + 8000 + 200) / 5.65, alos: (5 + 3 + 9 + 8 + 1) / 5, drg_count: 3, ...counts(0, 0, 1, 1, 6 / 7), ...lowRisk(2),
        drug_share: null, ...noCost,
      },
    ]);
  });

  it("drg_year", async () => {
    const paid = (points: number, pv: number, cost: number) => ({ points, drg_payment: pay(points, pv), gain: pay(points, pv) - cost });
    const row = (drg_code: string, year: number, kind: string, rw: number | null, r: Row) => ({ drg_code, name: drg_code === A ? "A 组" : (names[drg_code] ?? null), year, kind, rw, risk_level: riskLevel[drg_code] ?? null, ...r });
    expectTable(await rows(given, drgYear), [
      row("0000", 2022, "ungroupable", null, { cases: 1, excluded_cases: 0, total_cost: 900, fund_paid: 630, mean_cost: 900, alos: 3, total_weight: 0, hospitals: 1, deaths: 0, mortality: 0, low_risk: false, ...paid(pts.c18, pv22, 900), high_cases: 0, low_cases: 0, readmissions: 0 }),
      row("EQY", 2021, "qy", null, { cases: 1, excluded_cases: 0, total_cost: 600, fund_paid: 420, mean_cost: 600, alos: 3, total_weight: 0, hospitals: 1, deaths: 0, mortality: 0, low_risk: false, ...paid(pts.c09, pv21, 600), high_cases: 0, low_cases: 0, readmissions: 0 }),
      row(A, 2021, "drg", 0.7, { cases: 6, excluded_cases: 0, total_cost: 15000, fund_paid: 10500, mean_cost: 2500, alos: 44 / 6, total_weight: 4.2, hospitals: 3, deaths: 0, mortality: 0, low_risk: true, ...paid(70 + 70 + 63 + 63 + 56 + 310, pv21, 15000), high_cases: 1, low_cases: 0, readmissions: 0 }),
      row(A, 2022, "drg", 0.7, { cases: 2, excluded_cases: 0, total_cost: 3000, fund_paid: 2100, mean_cost: 1500, alos: 4, total_weight: 1.4, hospitals: 2, deaths: 0, mortality: 0, low_risk: true, ...paid(70 + 56, pv22, 3000), high_cases: 0, low_cases: 0, readmissions: 0 }),
      row(B, 2021, "drg", 2, { cases: 2, excluded_cases: 0, total_cost: 8000, fund_paid: 5600, mean_cost: 4000, alos: 9, total_weight: 4, hospitals: 2, deaths: 1, mortality: 0.5, low_risk: false, ...paid(200 + 180, pv21, 8000), high_cases: 0, low_cases: 0, readmissions: 0 }),
      row(B, 2022, "drg", 2, { cases: 2, excluded_cases: 0, total_cost: 8000, fund_paid: 5600, mean_cost: 4000, alos: 8.5, total_weight: 4, hospitals: 1, deaths: 0, mortality: 0, low_risk: false, ...paid(100 + 200, pv22, 8000), high_cases: 0, low_cases: 0, readmissions: 1 }),
      row(C, 2021, "drg", 0.25, { cases: 2, excluded_cases: 1, total_cost: 20800, fund_paid: 14560, mean_cost: 800, alos: 1, total_weight: 0.25, hospitals: 2, deaths: 1, mortality: 1, low_risk: false, ...paid(pts.c10 + pts.c11, pv21, 20800), high_cases: 1, low_cases: 0, readmissions: 0 }),
      row(C, 2022, "drg", 0.25, { cases: 1, excluded_cases: 0, total_cost: 200, fund_paid: 140, mean_cost: 200, alos: 1, total_weight: 0.25, hospitals: 1, deaths: 0, mortality: 0, low_risk: false, ...paid(pts.c16, pv22, 200), high_cases: 0, low_cases: 1, readmissions: 0 }),
      row(D, 2022, "drg", null, { cases: 1, excluded_cases: 0, total_cost: 2000, fund_paid: 1400, mean_cost: 2000, alos: 5, total_weight: 0, hospitals: 1, deaths: 1, mortality: 1, low_risk: false, ...paid(pts.c17, pv22, 2000), high_cases: 0, low_cases: 0, readmissions: 0 }),
    ]);
  });
});

describe("RW intervals (§4)", () => {
  const bounds: [string, number, number | null][] = [
    ["[0,0.2)", 0, 0.2], ["[0.2,0.5)", 0.2, 0.5], ["[0.5,1)", 0.5, 1], ["[1,1.5)", 1, 1.5], ["[1.5,2)", 1.5, 2], ["[2,2.5)", 2, 2.5],
    ["[2.5,3)", 2.5, 3], ["[3,3.5)", 3, 3.5], ["[3.5,4)", 3.5, 4], ["[4,5)", 4, 5], ["[5,inf)", 5, null],
  ];
  // Cases with an RW, excluded c11 included: C (0.25), A (0.7), B (2).
  const filled: Record<number, Record<string, [number, number, number]>> = {
    2021: { "[0.2,0.5)": [2, 800 + 20000, 560 + 14000], "[0.5,1)": [6, 15000, 10500], "[2,2.5)": [2, 8000, 5600] },
    2022: { "[0.2,0.5)": [1, 200, 140], "[0.5,1)": [2, 3000, 2100], "[2,2.5)": [2, 8000, 5600] },
  };

  it("rw_intervals lists every interval of every year with shares of the year", async () => {
    const expected = [2021, 2022].flatMap((year) => {
      const cells = filled[year];
      const total = Object.values(cells).reduce((t, [c, cost, fund]) => [t[0] + c, t[1] + cost, t[2] + fund], [0, 0, 0]);
      return bounds.map(([interval, lower, upper]) => {
        const [cases, cost, fund] = cells[interval] ?? [0, 0, 0];
        return { year, interval, lower, upper, cases, total_cost: cost, fund_paid: fund, fund_share: fund / total[2], case_share: cases / total[0], cost_share: cost / total[1] };
      });
    });
    expectTable(await rows(given, rwIntervals), expected);
  });

  it("rw_interval_month holds the non-empty month × interval cells", async () => {
    const cell = (month: string, interval: string, cases: number, cost: number, fund: number) => {
      const [, lower, upper] = bounds.find(([i]) => i === interval)!;
      return { month, interval, lower, upper, cases, total_cost: cost, fund_paid: fund };
    };
    expectTable(await rows(given, rwIntervalMonth), [
      cell("2021-01", "[0.5,1)", 1, 1000, 700), cell("2021-01", "[2,2.5)", 1, 3000, 2100),
      cell("2021-02", "[0.5,1)", 1, 1100, 770), cell("2021-02", "[2,2.5)", 1, 5000, 3500),
      cell("2021-03", "[0.5,1)", 1, 1200, 840), cell("2021-04", "[0.5,1)", 1, 1300, 910),
      cell("2021-05", "[0.5,1)", 1, 1400, 980), cell("2021-06", "[0.5,1)", 1, 9000, 6300),
      cell("2021-07", "[0.2,0.5)", 1, 800, 560), cell("2021-10", "[0.2,0.5)", 1, 20000, 14000),
      cell("2022-01", "[0.5,1)", 1, 1500, 1050), cell("2022-02", "[0.5,1)", 1, 1500, 1050),
      cell("2022-03", "[2,2.5)", 2, 8000, 5600), cell("2022-04", "[0.2,0.5)", 1, 200, 140),
    ]);
  });

  const comparison = (a: Record<string, [number, number, number]>, b: Record<string, [number, number, number]>, periodA: string, periodB: string) => {
    const fundA = Object.values(a).reduce((t, x) => t + x[2], 0);
    const fundB = Object.values(b).reduce((t, x) => t + x[2], 0);
    return bounds.map(([interval, lower, upper]) => {
      const [ca, costA, fa] = a[interval] ?? [0, 0, 0];
      const [cb, costB, fb] = b[interval] ?? [0, 0, 0];
      return {
        interval, lower, upper, period_a: periodA, period_b: periodB, cases_a: ca, cases_b: cb, total_cost_a: costA, total_cost_b: costB,
        fund_paid_a: fa, fund_paid_b: fb, fund_share_a: fa / fundA, fund_share_b: fb / fundB,
        fund_change: fa ? (fb - fa) / fa : null, cases_change: ca ? (cb - ca) / ca : null, cost_change: costA ? (costB - costA) / costA : null,
      };
    });
  };

  it("rw_interval_comparison defaults to the first and last complete Jan–Jun when H1 of R + 2 is missing", async () => {
    // reform year 2021: H1 2023 has no claims, so A = H1 2021 (c01–c08), B = H1 2022 (c12–c16).
    expectTable(
      await rows(given, rwIntervalComparison),
      comparison(
        { "[0.5,1)": [6, 15000, 10500], "[2,2.5)": [2, 8000, 5600] },
        { "[0.2,0.5)": [1, 200, 140], "[0.5,1)": [2, 3000, 2100], "[2,2.5)": [2, 8000, 5600] },
        "2021-01..2021-06", "2022-01..2022-06",
      ),
    );
  });

  it("rw_interval_comparison takes its periods from variables", async () => {
    await given.run(`SET VARIABLE comparison_a_from = '2021-01'; SET VARIABLE comparison_a_to = '2021-12';
                     SET VARIABLE comparison_b_from = '2022-03'; SET VARIABLE comparison_b_to = '2022-12'`);
    try {
      expectTable(
        await rows(given, rwIntervalComparison),
        comparison(filled[2021], { "[0.2,0.5)": [1, 200, 140], "[2,2.5)": [2, 8000, 5600] }, "2021-01..2021-12", "2022-03..2022-12"),
      );
    } finally {
      await given.run(`RESET VARIABLE comparison_a_from; RESET VARIABLE comparison_a_to; RESET VARIABLE comparison_b_from; RESET VARIABLE comparison_b_to`);
    }
  });
});

describe("point settlement (§6)", () => {
  it("settlement per hospital and year", async () => {
    const hosp = (id: string, level: number) => ({ hospital_id: id, name: `Hospital ${id}`, level });
    const row = (h: object, year: number, ids: string[], fund: number, cost: number, pv: number, extra: Row) => {
      const points = sum(ids);
      const payment = pay(points, pv);
      const share = cost - fund;
      return {
        ...h, year, cases: ids.length, points, point_value: pv, drg_payment: payment, fund_paid: fund, fund_payable: payment - share,
        settlement_rate: (payment - share) / fund, total_cost: cost, patient_share: share, fund_difference: payment - share - fund,
        high_cases: 0, low_cases: 0, readmissions: 0, ungrouped_cases: 0, unweighted_cases: 0, ...extra,
      };
    };
    expectTable(await rows(given, settlement), [
      row(hosp("H1", 3), 2021, ["c01", "c02", "c06", "c07"], 9870, 14100, pv21, { high_cases: 1 }),
      row(hosp("H1", 3), 2022, ["c12", "c14", "c15"], 6650, 9500, pv22, { readmissions: 1 }),
      row(hosp("H2", 2), 2021, ["c03", "c04", "c08", "c10"], 5810, 8300, pv21, {}),
      row(hosp("H2", 2), 2022, ["c17", "c18"], 2030, 2900, pv22, { ungrouped_cases: 1, unweighted_cases: 1 }),
      row(hosp("H3", 1), 2021, ["c05", "c09", "c11"], 15400, 22000, pv21, { high_cases: 1, ungrouped_cases: 1 }),
      row(hosp("H3", 1), 2022, ["c13", "c16"], 1190, 1700, pv22, { low_cases: 1 }),
    ]);
  });

  it("settlement_year: a surplus year and an overspend year", async () => {
    const rate = (ids: string[], pv: number, fund: number, cost: number) => (pay(sum(ids), pv) - (cost - fund)) / fund;
    const r21 = [rate(["c01", "c02", "c06", "c07"], pv21, 9870, 14100), rate(["c03", "c04", "c08", "c10"], pv21, 5810, 8300), rate(["c05", "c09", "c11"], pv21, 15400, 22000)];
    const r22 = [rate(["c12", "c14", "c15"], pv22, 6650, 9500), rate(["c17", "c18"], pv22, 2030, 2900), rate(["c13", "c16"], pv22, 1190, 1700)];
    expectTable(await rows(given, settlementYear), [
      {
        year: 2021, cases: 11, points: P21, point_value: pv21, total_cost: 44400, recorded: 31080, patient_share: 13320, budget_given: true, budget: 33080,
        balance: 2000, outcome: "surplus", share_ratio: 0.95, fund_to_distribute: F21, drg_payment: F21 + 13320, settlement_rate: F21 / 31080,
        high_multiplier: 3, low_multiplier: 0.4, overall_mean: m, high_cases: 2, low_cases: 0, readmissions: 0,
        hospitals: 3, hospitals_above_one: r21.filter((r) => r > 1).length, max_settlement_rate: Math.max(...r21), min_settlement_rate: Math.min(...r21),
      },
      {
        year: 2022, cases: 7, points: P22, point_value: pv22, total_cost: 14100, recorded: 9870, patient_share: 4230, budget_given: true, budget: 9000,
        balance: -870, outcome: "overspend", share_ratio: 1, fund_to_distribute: F22, drg_payment: F22 + 4230, settlement_rate: F22 / 9870,
        high_multiplier: 2, low_multiplier: 0.5, overall_mean: m, high_cases: 0, low_cases: 1, readmissions: 1,
        hospitals: 3, hospitals_above_one: r22.filter((r) => r > 1).length, max_settlement_rate: Math.max(...r22), min_settlement_rate: Math.min(...r22),
      },
    ]);
    expect(r21.filter((r) => r > 1).length).toBe(1); // H3, paid for its costly excluded case
  });

  it("hospital_drg_year ranks each hospital's gains and losses", async () => {
    // [hospital, year, drg, claims, cost, fund]
    const cells: [string, number, string, string[], number, number][] = [
      ["H1", 2021, A, ["c01", "c02", "c06"], 11100, 7770], ["H1", 2021, B, ["c07"], 3000, 2100],
      ["H1", 2022, A, ["c12"], 1500, 1050], ["H1", 2022, B, ["c14", "c15"], 8000, 5600],
      ["H2", 2021, A, ["c03", "c04"], 2500, 1750], ["H2", 2021, B, ["c08"], 5000, 3500], ["H2", 2021, C, ["c10"], 800, 560],
      ["H2", 2022, D, ["c17"], 2000, 1400], ["H2", 2022, "0000", ["c18"], 900, 630],
      ["H3", 2021, A, ["c05"], 1400, 980], ["H3", 2021, "EQY", ["c09"], 600, 420], ["H3", 2021, C, ["c11"], 20000, 14000],
      ["H3", 2022, A, ["c13"], 1500, 1050], ["H3", 2022, C, ["c16"], 200, 140],
    ];
    const withGain = cells.map(([hospital_id, year, drg_code, ids, cost, fund]) => {
      const payment = pay(sum(ids), year === 2021 ? pv21 : pv22);
      return {
        hospital_id, year, drg_code, name: drg_code === A ? "A 组" : (names[drg_code] ?? null), cases: ids.length, total_cost: cost, fund_paid: fund,
        points: sum(ids), drg_payment: payment, gain: payment - cost, gain_per_case: (payment - cost) / ids.length, payment_to_cost: payment / cost,
        high_cases: ids.filter((id) => ["c06", "c11"].includes(id)).length, low_cases: ids.filter((id) => id === "c16").length,
        gain_rank: null as number | null, loss_rank: null as number | null,
      };
    });
    for (const r of withGain) {
      const peers = withGain.filter((p) => p.hospital_id === r.hospital_id && p.year === r.year);
      if (r.gain > 0) r.gain_rank = 1 + peers.filter((p) => p.gain > r.gain).length;
      if (r.gain < 0) r.loss_rank = 1 + peers.filter((p) => p.gain < r.gain).length;
    }
    withGain.sort((a, b) => a.hospital_id.localeCompare(b.hospital_id) || a.year - b.year || b.gain - a.gain);
    expectTable(await rows(given, hospitalDrgYear), withGain);
  });

  it("derived weights feed the points: 2022 with RW = round(m_g / m, 4) and a_g = m_g", async () => {
    const rw = { A: round(mA / m, 4), B: round(mB / m, 4), C: round(mC / m, 4), D: round(mD / m, 4) };
    const points2022 = [
      rw.A * 100 * 1, // c12: r = 1500/1380
      rw.A * 100 * 0.8, // c13
      rw.B * 100 * 1 * 0.5, // c14, readmission
      rw.B * 100 * 1, // c15
      rw.C * 100 * 0.8 * (200 / mC), // c16, low
      rw.D * 100 * 0.9, // c17: D now has an RW; r = 1
      (900 / m) * 100, // c18
    ].map((p) => round(p, 4));
    const year = (await rows(derived, settlementYear)).find((r) => Number(r.year) === 2022)!;
    const total = points2022.reduce((a, b) => a + b);
    expect(Math.abs((year.points as number) - total)).toBeLessThan(1e-9);
    expect(year.point_value as number).toBeCloseTo((9000 + 4230) / total, 12);
  });
});
