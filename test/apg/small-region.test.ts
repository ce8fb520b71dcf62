// The outpatient half (metrics.md §8) on the region of small-region.ts, worked out by hand: every
// expected figure below is typed from the visits and combined by §8's formulas in plain arithmetic.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row, Session } from "../../lib/db/session.ts";
import { preparedApg } from "./fixture.ts";
import { apgParams, apgRegion } from "./small-region.ts";

const num = (v: unknown) => (v === null ? null : Number(v));
const by = (rows: Row[], key: (r: Row) => string) => Object.fromEntries(rows.map((r) => [key(r), r]));

// ---- Base period 2021 (base_years = 2021, weight 1). Non-excluded visits v01–v09; every group-year
// has fewer than 5 visits, so nothing is trimmed.
const m = (100 + 200 + 150 + 80 + 600 + 400 + 500 + 50 + 100) / 9; // 242.22
const means: Record<string, number> = {
  MJ06: (100 + 200 + 150) / 3, // key group: 3 visits ≥ apg_min_visits 2
  "M-CH10": 80, // J20: 1 visit, folds into medical chapter 10 (J00–J99)
  "P-CH15": 600, // v05: 87.44 diagnostic, 86.2201 operation → key 86 (1 visit) → chapter 15 (85–86)
  P45: (400 + 500) / 2, // v06 and v07 (86.2202 is in no list, 45.2300 intervention decides the key)
  "A-CH21": 50, // Z00: ancillary by diagnosis
  "A-CH9": 100, // I10 with exams 90 of 100 (≥ 80 %): ancillary, chapter 9
  M: (100 + 200 + 150 + 80) / 4, // class groups: every base visit of the class
  P: (600 + 400 + 500) / 3,
  A: (50 + 100) / 2,
};
const weight = (g: string) => Math.round((means[g] / m) * 1e4) / 1e4;
const points = (g: string) => weight(g) * 100;

describe("APG-like groups, weights and points on the hand-worked region", () => {
  let session: Session;
  beforeAll(async () => {
    session = await preparedApg(apgRegion, apgParams);
  });
  afterAll(() => session?.close());

  it("classes, keys and groups every visit, folding small keys to their chapter and chapterless ones to the class", async () => {
    const rows = await session.all(`SELECT claim_id, class, key, apg_code, level FROM apg_visits ORDER BY claim_id`);
    const got = Object.fromEntries(rows.map((r) => [r.claim_id, `${r.class}/${r.key}/${r.apg_code}/${r.level}`]));
    expect(got).toEqual({
      v01: "medical/J06/MJ06/key", v02: "medical/J06/MJ06/key", v03: "medical/J06/MJ06/key",
      v04: "medical/J20/M-CH10/chapter", v05: "procedure/86/P-CH15/chapter",
      v06: "procedure/45/P45/key", v07: "procedure/45/P45/key",
      v08: "ancillary/Z00/A-CH21/chapter", v09: "ancillary/I10/A-CH9/chapter",
      v10: "medical/E11/M/class", // excluded (0.50 yuan), E11 never in the base: M-CH4 has no base visit
      w01: "medical/J06/MJ06/key", w02: "procedure/86/P-CH15/chapter", w03: "medical/J06/MJ06/key",
      w04: "medical/J20/M-CH10/chapter", w05: "medical/J06/MJ06/key", w06: "medical/E11/M/class",
      w07: "procedure/45/P45/key", w08: "ancillary/Z01/A-CH21/chapter",
      w09: "medical/I10/M/class", // medical I10: M-CH9 has no base visit (the base's I10 was ancillary)
    });
  });

  it("derives each group's weight from its base-period mean over the all-visit mean", async () => {
    const rows = by(await session.all(`SELECT apg_code, visits::INTEGER AS visits, weight_decimal::DOUBLE AS weight, avg_cost, unstable FROM apg_groups`), (r) => r.apg_code as string);
    expect(Object.keys(rows).sort()).toEqual(Object.keys(means).sort());
    for (const g of Object.keys(means)) {
      expect(rows[g].weight, g).toBeCloseTo(weight(g), 10);
      expect(rows[g].avg_cost, g).toBeCloseTo(means[g], 8);
    }
    expect(weight("MJ06")).toBe(0.6193);
    expect(rows.MJ06.visits).toBe(3);
    expect(rows.M.visits).toBe(4);
    expect(rows.MJ06.unstable).toBe(true); // 3 < 5
  });

  it("gives a visit weight × 100 points and an excluded visit its cost over m", async () => {
    const rows = by(await session.all(`SELECT claim_id, points::DOUBLE AS points FROM apg_visit_points`), (r) => r.claim_id as string);
    expect(rows.w07.points).toBeCloseTo(points("P45"), 8); // 185.78
    expect(rows.w06.points).toBeCloseTo(points("M"), 8); // 54.70
    expect(rows.v10.points).toBeCloseTo(Math.round((0.5 / m) * 100 * 1e4) / 1e4, 8);
  });
});

describe("per-capita packages and the unsigned pool on the hand-worked region", () => {
  let session: Session;
  beforeAll(async () => {
    session = await preparedApg(apgRegion, apgParams);
  });
  afterAll(() => session?.close());

  // 2022 quota: 2021's fund / 2021's claimants (p1–p7); 2021 has no prior year, so no packages.
  const fund2021 = 60 + 120 + 90 + 56 + 360 + 240 + 300 + 40 + 70 + 0.3; // 1,336.30
  const quota = fund2021 / 7;
  // S1: p1 (last signed visit w02) and p8; S2: p2 (w03 signed; w09 carries none)
  const packageS1 = Math.round(quota * 2 * 100) / 100; // 381.80
  const packageS2 = Math.round(quota * 100) / 100; // 190.90
  const spendS1 = 70 + 420 + 63; // w01, w02 (at H1), w04
  const spendS2 = 84 + 86.1; // w03, w09 (at H1)

  it("counts signed persons, quota, package, spend anywhere and what is kept or borne at share ratio 0.95", async () => {
    const rows = await session.all(`SELECT hospital_id, year, signed_persons::INTEGER AS n, quota, package::DOUBLE AS package,
      package_spend::DOUBLE AS spend, spend_elsewhere::DOUBLE AS elsewhere, surplus::DOUBLE AS surplus, kept_or_borne::DOUBLE AS kept
      FROM apg_capitation ORDER BY hospital_id, year`);
    expect(rows.map((r) => `${r.hospital_id}/${r.year}/${r.n}`)).toEqual(["S1/2022/2", "S2/2022/1"]);
    const [s1, s2] = rows;
    expect(s1.quota).toBeCloseTo(190.9, 10);
    expect(s1.package).toBe(packageS1);
    expect(s2.package).toBe(packageS2);
    expect(s1.spend).toBeCloseTo(spendS1, 6);
    expect(s1.elsewhere).toBeCloseTo(420, 6);
    expect(s2.elsewhere).toBeCloseTo(86.1, 6);
    expect(s1.surplus).toBeCloseTo(packageS1 - spendS1, 6); // −171.20: S1 overspends
    expect(s2.surplus).toBeCloseTo(packageS2 - spendS2, 6); // +20.80: S2 keeps a surplus
    expect(s1.kept).toBeCloseTo(-162.64, 6); // 0.95 × −171.20
    expect(s2.kept).toBeCloseTo(19.76, 6); // 0.95 × 20.80
  });

  it("settles the unsigned visits by points under the budget left after the packages", async () => {
    const budgetU = 1300.1 - (packageS1 + packageS2); // 727.40
    const recordedU = 96 + 180 + 252 + 48; // w05–w08
    const shareU = 64 + 120 + 168 + 12;
    const fundU = Math.round((recordedU + 0.95 * (budgetU - recordedU)) * 100) / 100; // 719.83
    const pointsU = points("MJ06") + points("M") + points("P45") + points("A-CH21");
    const pointValue = (fundU + shareU) / pointsU;
    const pool = (await session.all(`SELECT budget::DOUBLE AS budget, recorded::DOUBLE AS recorded, fund_to_distribute::DOUBLE AS f,
      points::DOUBLE AS points, point_value FROM apg_pool_years WHERE year = 2022`))[0];
    expect(pool.budget).toBeCloseTo(budgetU, 6);
    expect(pool.recorded).toBe(recordedU);
    expect(pool.f).toBeCloseTo(719.83, 6);
    expect(pool.points).toBeCloseTo(pointsU, 8);
    expect(pool.point_value).toBeCloseTo(pointValue, 10);

    const rows = by(await session.all(`SELECT hospital_id, unsigned_points::DOUBLE AS up, apg_payment::DOUBLE AS pay, fund_payable::DOUBLE AS payable,
      settlement_rate AS rate, signed_visits::INTEGER AS sv FROM apg_hospital_years WHERE year = 2022`), (r) => r.hospital_id as string);
    const payH1 = Math.round((points("M") + points("A-CH21")) * pointValue * 100) / 100; // w06, w08
    expect(rows.H1.pay).toBeCloseTo(payH1, 6);
    expect(rows.H1.payable).toBeCloseTo(payH1 - (120 + 12), 6);
    expect(rows.H1.rate).toBeCloseTo((payH1 - 132) / (180 + 48), 10);
    expect(rows.H1.sv).toBe(2); // w02 (p1, S1) and w09 (p2, S2) are signed persons' visits
    expect(rows.S1.rate).toBeNull(); // only signed visits: nothing in the pool
  });

  it("keeps Σ packages + the unsigned pool's budget = the outpatient budget", async () => {
    const r = (await session.all(`SELECT packages::DOUBLE AS k, budget::DOUBLE AS u, outpatient_budget::DOUBLE AS b FROM apg_pool_years WHERE year = 2022`))[0];
    expect((r.k as number) + (r.u as number)).toBeCloseTo(r.b as number, 6);
    expect(r.b).toBe(1300.1);
  });
});

describe("invariants", () => {
  it("with share ratio 1 and budget = recorded, the region's outpatient settlement rate is exactly 1", async () => {
    const recorded2022 = 70 + 420 + 84 + 63 + 96 + 180 + 252 + 48 + 86.1; // 1,299.10
    const session = await preparedApg({ ...apgRegion, policy: [{ year: 2022, budget: 1299.1, shareRatio: 1 }] }, apgParams);
    try {
      const rows = await session.all(`SELECT year, fund_paid::VARCHAR AS recorded, fund_payable::VARCHAR AS payable, settlement_rate FROM apg_region_years ORDER BY year`);
      expect(rows.map((r) => r.settlement_rate)).toEqual([1, 1]);
      expect(rows[1].recorded).toBe(recorded2022.toFixed(2));
      expect(rows[1].payable).toBe("1299.10");
    } finally {
      session.close();
    }
  });

  it("takes a given apg_weights table as is: a visit takes the first of key, fold and class group the table holds", async () => {
    const weights = [{ apg: "MJ06", weight: 0.5 }, { apg: "P45", weight: 2.0, avgCost: 430 }, { apg: "M", weight: 0.4 }];
    const session = await preparedApg({ ...apgRegion, weights }, apgParams);
    try {
      const rows = by(await session.all(`SELECT claim_id, apg_code, level, points::DOUBLE AS points, payment_class FROM apg_visit_points`), (r) => r.claim_id as string);
      expect(rows.w05).toMatchObject({ apg_code: "MJ06", points: 50 });
      expect(rows.w04).toMatchObject({ apg_code: "M", level: "class", points: 40 }); // MJ20, M-CH10 not in the table
      expect(rows.w07).toMatchObject({ apg_code: "P45", points: 200 });
      // P-CH15 and P are not in the table: paid on cost, 700 / m × 100
      expect(rows.w02.payment_class).toBe("unweighted");
      expect(rows.w02.points).toBeCloseTo(Math.round((700 / m) * 100 * 1e4) / 1e4, 8);
      const g = by(await session.all(`SELECT apg_code, weight_source, avg_cost, unstable FROM apg_groups`), (r) => r.apg_code as string);
      expect(Object.keys(g).sort()).toEqual(["M", "MJ06", "P45"]);
      expect(g.P45).toMatchObject({ weight_source: "given", avg_cost: 430, unstable: false });
      expect(g.MJ06.avg_cost).toBeCloseTo(means.MJ06, 8); // no avg_cost given: the base-period mean
    } finally {
      session.close();
    }
  });

  it("counts the insured table's persons without claims in the quota and signs them as it says", async () => {
    const insured = [
      ...["p1", "p2", "p3", "p4", "p5", "p6", "p7", "x1", "x2"].map((p) => ({ year: 2021, patient: p, type: "resident" })),
      { year: 2022, patient: "p1", type: "resident", signed: "S1" },
      { year: 2022, patient: "p8", type: "resident", signed: "S2" },
      { year: 2022, patient: "x3", type: "resident", signed: "S2" }, // no claim in 2022
    ];
    const session = await preparedApg({ ...apgRegion, insured }, apgParams);
    try {
      const q = (await session.all(`SELECT quota, prior_persons::INTEGER AS n FROM apg_quotas WHERE year = 2022 AND insurance_type = 'resident'`))[0];
      expect(q.n).toBe(9);
      expect(q.quota).toBeCloseTo((60 + 120 + 90 + 56 + 360 + 240 + 300 + 40 + 70 + 0.3) / 9, 10);
      const k = by(await session.all(`SELECT hospital_id, signed_persons::INTEGER AS n, persons_with_visits::INTEGER AS v, package_spend::DOUBLE AS spend FROM apg_capitation WHERE year = 2022`), (r) => r.hospital_id as string);
      expect(k.S1).toMatchObject({ n: 1, v: 1, spend: 70 + 420 }); // p1 only: p8's own claims say S1, the insured table says S2
      expect(k.S2).toMatchObject({ n: 2, v: 1, spend: 63 }); // p8 (w04) and x3 (no visit)
    } finally {
      session.close();
    }
  });
});
