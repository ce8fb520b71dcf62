// DIP (metrics.md §9) on a region small enough to work by hand: every figure below is typed from the
// claims and combined by the formulas of §9 in plain arithmetic, never read back from the code.
// Parameters: base years 2019 and 2020 (DIP weights 1:2), dipCoreMin 3, minCases 2 (the reference
// cost needs 2 previous-year cases), share ratio 1, no budget.
//
// Procedure classes (CHS-DRG 1.1, §7): 47.0100 and 54.5100 and 54.2100 operation, 47.0900x001
// intervention, 88.7201 diagnostic.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Row, type Session } from "../../lib/db/session.ts";
import { loadScheme } from "../../lib/grouping/load.ts";
import { procedureClass } from "../../lib/grouping/procedure-classes.ts";
import { explainPacket, type PacketRow } from "../../lib/dip/keys.ts";
import { resolveParameters } from "../../lib/params.ts";
import { prepare } from "../../lib/pipeline.ts";
import { dipDrgDrivers, dipHospitalYear, dipPackets, dipYear } from "../../loaders/dip.ts";
import { settlement } from "../../loaders/settlement.ts";
import { contractFolder, inpatientClaim, type Cells } from "../helpers/tables.ts";

const hospitals: Cells[] = [
  { hospital_id: "H1", name: "一院", level: 3, district: "城区", coefficient: 1.1 },
  { hospital_id: "H2", name: "二院", level: 2, district: "城区", coefficient: 1 },
];

/** A claim discharged on `date` after a 5-day stay (or `los` days), fund 70 % of the cost. */
function claim(id: string, hospital: string, date: string, dx: string, procedures: string, cost: number, los = 5): Cells {
  const discharge = new Date(`${date}T00:00:00Z`);
  const admit = new Date(discharge.getTime() - los * 86_400_000).toISOString().slice(0, 10);
  return inpatientClaim({
    claim_id: id, patient_id: `P${id}`, hospital_id: hospital, admit_date: admit, discharge_date: date,
    principal_dx: dx, procedures, total_cost: cost.toFixed(2), fund_paid: (cost * 0.7).toFixed(2), self_pay: (cost * 0.3).toFixed(2),
  });
}

const claims: Cells[] = [
  // core packet K35.8+47.0100+54.5100: two operations, given unsorted, repeated, with a diagnostic code
  // beside them; exactly 3 non-excluded base cases (c04 stays 70 days: excluded, not counted)
  claim("c01", "H1", "2019-05-10", "K35.800", "54.5100;47.0100;88.7201", 6000),
  claim("c02", "H1", "2020-05-10", "K35.800", "47.0100;54.5100;47.0100", 8000),
  claim("c03", "H1", "2020-06-10", "K35.800", "47.0100 ; 54.5100", 10000),
  claim("c04", "H1", "2020-07-10", "K35.800", "47.0100;54.5100", 30000, 70),
  // K35.8+47.0100: 2 base cases, one short of a core packet: folds into K35:operation
  claim("c05", "H1", "2019-06-10", "K35.800", "47.0100", 5000),
  claim("c06", "H2", "2020-05-11", "K35.800", "47.0100;88.7201", 7000),
  // K35.9 with an intervention and an operation: treatment operation, 1 case: K35:operation
  claim("c07", "H2", "2020-08-11", "K35.900", "47.0900x001;54.2100", 9000),
  // J18 and J44, conservative, one base case each: both fold to chapter J00-J99:conservative
  claim("c08", "H2", "2019-07-10", "J18.900", "", 3000),
  claim("c09", "H2", "2020-09-10", "J44.900", "", 5000),
  // 2021, the settlement year
  claim("c10", "H1", "2021-03-10", "K35.800", "47.0100;54.5100", 4000), // low deviation
  claim("c11", "H1", "2021-04-10", "K35.800", "54.5100;47.0100", 20000), // high deviation
  claim("c12", "H2", "2021-05-10", "K35.800", "47.0100;54.5100", 9000), // normal, region reference
  claim("c13", "H1", "2021-06-10", "J18.900", "", 4000), // chapter packet, base-period reference
  claim("c14", "H2", "2021-07-10", "K35.800", "47.0100", 7000), // category packet, level reference
  claim("c15", "H1", "2021-08-10", "A09.000", "", 2000), // no base case in its chapter: treatment alone
];

// ---- by hand ----
const overall = (((6000 + 5000 + 3000) / 3) * 1 + ((8000 + 10000 + 7000 + 9000 + 5000) / 5) * 2) / 3; // 6755.5…
const meanCore = (6000 * 1 + ((8000 + 10000) / 2) * 2) / 3; // 8000
const meanCategory = (5000 * 1 + ((7000 + 9000) / 2) * 2) / 3; // 7000
const meanChapter = (3000 * 1 + 5000 * 2) / 3; // 4333.3…
const meanConservative = (3000 * 1 + 5000 * 2) / 3; // all conservative base cases: c08, c09
const score = (mean: number) => (mean / overall) * 1000;
const CORE = "K35.8+47.0100+54.5100";
const CATEGORY = "K35:operation";
const CHAPTER = "J00-J99:conservative";
const TREATMENT = "*:conservative";

// case scores: reference = previous year's mean at the same level (≥ 2 cases), else region, else base
const caseScores: Record<string, number> = {
  // 2019: no 2018 cases: base-period means. c01 6000/8000 = 0.75, c05 5000/7000, c08 3000/4333 = 0.69
  c01: score(meanCore) * 1.1,
  c05: score(meanCategory) * 1.1,
  c08: score(meanChapter) * 1,
  // 2020: 2019 has one case per packet (< 2): base means. c02 1.0, c03 1.25, c06 1.0, c07 1.29, c09 1.15
  c02: score(meanCore) * 1.1,
  c03: score(meanCore) * 1.1,
  c06: score(meanCategory) * 1,
  c07: score(meanCategory) * 1,
  c09: score(meanChapter) * 1,
  // c04 (excluded, still scored): 30000 / 8000 = 3.75 > 2: high, score × (3.75 − 2 + 1)
  c04: score(meanCore) * (30000 / 8000 - 2 + 1),
  // 2021: 2020's core packet at level 3 = c02, c03 (c04 excluded) → 9000
  c10: score(meanCore) * (4000 / 9000), // r 0.444 < 0.5: low, no coefficient
  c11: score(meanCore) * (20000 / 9000 - 2 + 1), // r 2.222 > 2: high
  c12: score(meanCore) * 1, // level 2 has no 2020 case; region 2020 = 9000 → r 1; H2 coefficient 1
  c13: score(meanChapter) * 1.1, // 2020 chapter cases: c09 only (< 2) → base mean; r 0.92
  c14: score(meanCategory) * 1, // 2020 K35:operation at level 2: c06, c07 → 8000; r 0.875
  c15: score(meanConservative) * (2000 / meanConservative), // no 2020 case → base mean; r 0.46: low
};

describe("DIP on a hand-worked region", () => {
  let session: Session;
  let datasets: Record<string, Row[]>;
  beforeAll(async () => {
    const data = contractFolder({ hospitals, claims_inpatient: claims });
    const params = resolveParameters({ data, baseYears: [2019, 2020], dipCoreMin: 3, minCases: 2, shareRatio: 1 }, data);
    session = await openSession();
    await prepare(session, params);
    datasets = {};
    for (const d of [dipPackets, dipHospitalYear, dipYear, dipDrgDrivers, settlement]) datasets[d.name] = await session.all(d.query());
  }, 120_000);
  afterAll(() => session?.close());

  it("builds the catalogue: a core packet at the threshold, a fold one case short, a chapter and a treatment packet", () => {
    const packets = datasets.dip_packets.map((p) => ({ ...p, mean_cost: Number(p.mean_cost), score: Number(p.score), base_cases: Number(p.base_cases), cases: Number(p.cases) }));
    expect(packets.map((p) => [p.packet_code, p.kind, p.fold, p.dx_key, p.procedures_key, p.treatment, p.base_cases, p.cases])).toEqual([
      [TREATMENT, "comprehensive", "treatment", "*", "conservative", "conservative", 0, 1],
      [CHAPTER, "comprehensive", "chapter", "J00-J99", "conservative", "conservative", 2, 3],
      [CORE, "core", "core", "K35.8", "47.0100+54.5100", "operation", 3, 7],
      [CATEGORY, "comprehensive", "category", "K35", "operation", "operation", 3, 4],
    ]);
    const byCode = new Map(packets.map((p) => [p.packet_code, p]));
    expect(byCode.get(CORE)!.mean_cost).toBeCloseTo(8000, 6);
    expect(byCode.get(CATEGORY)!.mean_cost).toBeCloseTo(7000, 6);
    expect(byCode.get(CHAPTER)!.mean_cost).toBeCloseTo(meanChapter, 6);
    expect(byCode.get(TREATMENT)!.mean_cost).toBeCloseTo(meanConservative, 6);
    expect(byCode.get(CORE)!.score).toBeCloseTo(score(meanCore), 3); // 1184.2105
    expect(byCode.get(CATEGORY)!.score).toBeCloseTo(score(meanCategory), 3);
    expect(byCode.get(CHAPTER)!.score).toBeCloseTo(score(meanChapter), 3);
  });

  it("gives every case exactly one packet and its case score", async () => {
    const rows = await session.all<{ claim_id: string; packet_code: string; case_score: string; deviation: string; reference: string }>(
      "SELECT claim_id, packet_code, case_score, deviation, reference FROM dip_case_scores ORDER BY claim_id",
    );
    expect(rows.map((r) => r.claim_id)).toEqual(Object.keys(caseScores).sort());
    for (const r of rows) expect([r.claim_id, Number(r.case_score)]).toEqual([r.claim_id, expect.closeTo(caseScores[r.claim_id], 3)]);
    const of = (id: string) => rows.find((r) => r.claim_id === id)!;
    expect([of("c04").deviation, of("c10").deviation, of("c11").deviation, of("c12").deviation, of("c15").deviation]).toEqual(["high", "low", "high", "normal", "low"]);
    expect([of("c10").reference, of("c12").reference, of("c13").reference, of("c14").reference]).toEqual(["level", "region", "base", "level"]);
    expect(of("c12").packet_code).toBe(CORE);
    expect(of("c14").packet_code).toBe(CATEGORY);
    expect(of("c13").packet_code).toBe(CHAPTER);
    expect(of("c15").packet_code).toBe(TREATMENT);
  });

  it("settles 2021: point value = Σ cost / Σ scores (ratio 1, no budget), payment per hospital", () => {
    const ids2021 = ["c10", "c11", "c12", "c13", "c14", "c15"];
    const cost: Record<string, number> = { c10: 4000, c11: 20000, c12: 9000, c13: 4000, c14: 7000, c15: 2000 };
    const hospitalOf: Record<string, string> = { c10: "H1", c11: "H1", c12: "H2", c13: "H1", c14: "H2", c15: "H1" };
    const rounded = (x: number) => Math.round(x * 1e4) / 1e4;
    const scores = ids2021.reduce((s, id) => s + rounded(caseScores[id]), 0);
    const totalCost = ids2021.reduce((s, id) => s + cost[id], 0); // 46000
    const pointValue = totalCost / scores;
    const year = datasets.dip_year.find((r) => Number(r.year) === 2021)!;
    expect(Number(year.point_value)).toBeCloseTo(pointValue, 6);
    expect(Number(year.settlement_rate)).toBe(1);
    expect(Number(year.core_cases)).toBe(3);
    expect([Number(year.high_cases), Number(year.low_cases)]).toEqual([1, 2]);
    for (const h of ["H1", "H2"]) {
      const ids = ids2021.filter((id) => hospitalOf[id] === h);
      const payment = ids.reduce((s, id) => s + rounded(caseScores[id]), 0) * pointValue;
      const fund = ids.reduce((s, id) => s + cost[id] * 0.7, 0);
      const row = datasets.dip_hospital_year.find((r) => r.hospital_id === h && Number(r.year) === 2021)!;
      expect(Number(row.dip_payment)).toBeCloseTo(payment, 1);
      expect(Number(row.fund_payable)).toBeCloseTo(payment - ids.reduce((s, id) => s + cost[id] * 0.3, 0), 1);
      expect(Number(row.settlement_rate)).toBeCloseTo((payment - (ids.reduce((s, id) => s + cost[id], 0) - fund)) / fund, 6);
      expect(Number(row.core_share)).toBeCloseTo(ids.filter((id) => ["c10", "c11", "c12"].includes(id)).length / ids.length, 12);
      const drg = datasets.settlement.find((r) => r.hospital_id === h && Number(r.year) === 2021)!;
      expect(row.drg_payment).toBe(drg.drg_payment);
    }
  });

  it("splits the DRG–DIP difference by kind of case, summing to the hospital's", () => {
    for (const row of datasets.dip_hospital_year) {
      for (const dimension of ["treatment", "rw", "deviation"]) {
        const parts = datasets.dip_drg_drivers.filter((d) => d.hospital_id === row.hospital_id && d.year === row.year && d.dimension === dimension);
        expect(parts.reduce((s, d) => s + Number(d.cases), 0)).toBe(Number(row.cases));
        expect(parts.reduce((s, d) => s + Number(d.dip_payment), 0)).toBeCloseTo(Number(row.dip_payment), 0);
      }
    }
    // H2 in 2020: c06, c07 operations, c09 conservative
    const kinds = datasets.dip_drg_drivers.filter((d) => d.hospital_id === "H2" && Number(d.year) === 2020 && d.dimension === "treatment").map((d) => d.kind);
    expect(kinds).toEqual(["conservative", "operation"]);
  });

  it("explains one case's packet as the catalogue does (core, folded one short, chapter, treatment alone)", () => {
    const scheme = loadScheme();
    const catalogue = new Map(datasets.dip_packets.map((p) => [String(p.packet_code), p as unknown as PacketRow]));
    const explain = (dx: string, procs: string[]) => explainPacket(catalogue, (c) => procedureClass(scheme, c), dx, procs);
    const core = explain("K35.800", ["54.5100", "88.7201", "47.0100", "47.0100"]);
    expect([core.packet?.packet_code, core.fold, core.proceduresKey, core.treatment]).toEqual([CORE, "core", "47.0100+54.5100", "operation"]);
    const short = explain("K35.800", ["47.0100"]);
    expect([short.packet?.packet_code, short.fold, short.tried.map((t) => [t.code, t.found])]).toEqual([
      CATEGORY, "category", [["K35.8+47.0100", false], [CATEGORY, true]],
    ]);
    expect(explain("J18.900", []).packet?.packet_code).toBe(CHAPTER);
    expect(explain("A09.000", []).packet?.packet_code).toBe(TREATMENT);
    expect(explain("A09.000", ["88.7201"]).tried.at(-1)).toEqual({ fold: "treatment", code: "*:diagnostic", found: false });
  });
});

describe("DIP with a given dip_catalogue", () => {
  it("uses the given scores as is and derives a packet for a case that matches none", async () => {
    const data = contractFolder({
      hospitals,
      claims_inpatient: claims,
      dip_catalogue: [
        { packet_code: "G001", dx_key: "K35.8", procedures_key: "47.0100+54.5100", score: 1500, avg_cost: "9000.00" },
        { packet_code: "G002", dx_key: "K35", procedures_key: "operation", score: 900, avg_cost: "" },
        { packet_code: "G003", dx_key: "J00-J99", procedures_key: "conservative", score: 500, avg_cost: "" },
      ],
    });
    const params = resolveParameters({ data, baseYears: [2019, 2020], dipCoreMin: 3, minCases: 2, shareRatio: 1 }, data);
    const session = await openSession();
    try {
      await prepare(session, params);
      const packets = await session.all<{ claim_id: string; packet_code: string }>("SELECT claim_id, packet_code FROM dip_case_packets ORDER BY claim_id");
      const of = Object.fromEntries(packets.map((p) => [p.claim_id, p.packet_code]));
      expect([of.c01, of.c05, of.c07, of.c08, of.c15]).toEqual(["G001", "G002", "G002", "G003", TREATMENT]);
      const catalogue = await session.all<{ packet_code: string; score: number; source: string; mean_cost: number }>(
        "SELECT packet_code, score, source, mean_cost FROM dip_packet_catalogue ORDER BY packet_code",
      );
      expect(catalogue.map((c) => [c.packet_code, c.score, c.source])).toEqual([
        [TREATMENT, expect.closeTo(score(meanConservative), 3), "derived"],
        ["G001", 1500, "given"],
        ["G002", 900, "given"],
        ["G003", 500, "given"],
      ]);
      // c01 (2019, no previous year): reference = the given avg_cost 9000; 6000 / 9000 = 0.67: normal × 1.1
      const c01 = await session.value<string>("SELECT case_score FROM dip_case_scores WHERE claim_id = 'c01'");
      expect(Number(c01)).toBeCloseTo(1500 * 1.1, 4);
      // c05 (2019): no avg_cost given: reference = score / 1000 × the all-case mean; 5000 / (0.9 × 6755.6) = 0.82
      const c05 = await session.value<string>("SELECT case_score FROM dip_case_scores WHERE claim_id = 'c05'");
      expect(Number(c05)).toBeCloseTo(900 * 1.1, 4);
      // one case on the page: found by its keys, whatever the given packet codes
      const rows = await session.all(dipPackets.query());
      const catalogueMap = new Map(rows.map((p) => [String(p.packet_code), p as unknown as PacketRow]));
      const scheme = loadScheme();
      const explain = (dx: string, procs: string[]) => explainPacket(catalogueMap, (c) => procedureClass(scheme, c), dx, procs).packet?.packet_code;
      expect([explain("K35.800", ["54.5100", "47.0100"]), explain("K35.900", ["47.0100"]), explain("J44.900", []), explain("A09.000", [])]).toEqual(["G001", "G002", "G003", TREATMENT]);
    } finally {
      session.close();
    }
  }, 120_000);
});
