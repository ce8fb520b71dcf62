// The monitoring signals (metrics.md §10) and the control limits, each formula worked out by hand on
// a small fixture. Hospital H1 (level 2) in 2021 has 15 grouped stays, in 2020 12 (weights given:
// ES21 1.0 / 1000 yuan, ES23 0.8 / 800, ES25 0.6 / 600, FM19 2.0 / 2000):
//   2021: ES21 × 6, ES23 × 1, ES25 × 5, FM19 × 3; 2020: ES21 × 4, ES25 × 8.
import { createEmptyInputTable } from "../../lib/input/empty.ts";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Row, type Session } from "../../lib/db/session.ts";
import { buildMetrics } from "../../lib/metrics/index.ts";
import { defaultParameters, setParameterVariables } from "../../lib/params.ts";
import { createFixtureTables, type FixtureCase } from "./fixture.ts";

const close = (actual: unknown, expected: number, digits = 9) => expect(Number(actual)).toBeCloseTo(expected, digits);

const stays2021: FixtureCase[] = [
  // pA: ES21, then ES23 (same ADRG ES2) admitted 10 days after discharge: one readmission pair;
  // then FM19 (another ADRG): none
  { id: "r1", patient: "pA", hospital: "H1", drg: "ES21", admit: "2021-03-01", discharge: "2021-03-05", cost: 1000, fund: 700 },
  { id: "r2", patient: "pA", hospital: "H1", drg: "ES23", admit: "2021-03-15", discharge: "2021-03-20", cost: 800, fund: 560 },
  { id: "r3", patient: "pA", hospital: "H1", drg: "FM19", admit: "2021-03-25", discharge: "2021-03-30", cost: 2000, fund: 1400 },
  // pB: ES25 twice, 17 days apart (> 15): no pair
  { id: "r4", patient: "pB", hospital: "H1", drg: "ES25", admit: "2021-05-01", discharge: "2021-05-03", cost: 600, fund: 420 },
  { id: "r5", patient: "pB", hospital: "H1", drg: "ES25", admit: "2021-05-20", discharge: "2021-05-25", cost: 600, fund: 420 },
  // low standard: l1 (LOS 1, 200 < 0.4 × 600, home) and l3 (LOS 2, 300 < 400, against advice) are;
  // l2 died, l4 stayed 3 days, l5 cost exactly 0.4 × the mean: are not
  { id: "l1", patient: "pC", hospital: "H1", drg: "ES25", admit: "2021-06-01", discharge: "2021-06-02", cost: 200, fund: 140 },
  { id: "l2", patient: "pD", hospital: "H1", drg: "ES25", admit: "2021-06-03", discharge: "2021-06-05", cost: 200, fund: 140, status: 5 },
  { id: "l3", patient: "pE", hospital: "H1", drg: "ES21", admit: "2021-06-10", discharge: "2021-06-12", cost: 300, fund: 210, status: 4 },
  { id: "l4", patient: "pF", hospital: "H1", drg: "ES21", admit: "2021-06-15", discharge: "2021-06-18", cost: 300, fund: 210 },
  { id: "l5", patient: "pG", hospital: "H1", drg: "ES21", admit: "2021-06-20", discharge: "2021-06-21", cost: 400, fund: 280 },
  // a high-multiplier stay (2000 / 600 = 3.33 > 3), its patient paying 1000
  { id: "h1", patient: "pH", hospital: "H1", drg: "ES25", admit: "2021-07-01", discharge: "2021-07-06", cost: 2000, fund: 1000 },
  { id: "f1", patient: "pI", hospital: "H1", drg: "ES21", admit: "2021-08-01", discharge: "2021-08-05", cost: 1000, fund: 700 },
  { id: "f2", patient: "pJ", hospital: "H1", drg: "ES21", admit: "2021-08-02", discharge: "2021-08-06", cost: 1000, fund: 700 },
  { id: "f3", patient: "pK", hospital: "H1", drg: "FM19", admit: "2021-08-03", discharge: "2021-08-08", cost: 2000, fund: 1400 },
  { id: "f4", patient: "pL", hospital: "H1", drg: "FM19", admit: "2021-08-04", discharge: "2021-08-09", cost: 2000, fund: 1400 },
];
const stays2020: FixtureCase[] = Array.from({ length: 12 }, (_, i) => ({
  id: `q${String(i + 1).padStart(2, "0")}`, patient: `q${i}`, hospital: "H1", drg: i < 4 ? "ES21" : "ES25",
  admit: `2020-${String(i + 1).padStart(2, "0")}-01`, discharge: `2020-${String(i + 1).padStart(2, "0")}-05`,
  cost: i < 4 ? 1000 : 600, fund: i < 4 ? 700 : 420,
}));

// pA's outpatient visits: 2 days before r1 (counts), on r1's admission day (not), 8 days before (not),
// at another hospital (not), the day before r2's admission (counts): (100 + 40) / 15 stays
const visits = [
  ["o1", "pA", "H1", "2021-02-27", 100],
  ["o2", "pA", "H1", "2021-03-01", 50],
  ["o3", "pA", "H1", "2021-02-21", 70],
  ["o4", "pA", "H2", "2021-02-28", 30],
  ["o5", "pA", "H1", "2021-03-14", 40],
] as const;

describe("monitoring signal values (§10), by hand", () => {
  let session: Session;
  let values: Map<string, number | null>;
  beforeAll(async () => {
    session = await openSession();
    const params = { ...defaultParameters, lowMultiplier: 0.4, highMultiplier: 3, readmitDays: 15 };
    await setParameterVariables(session, params);
    await createFixtureTables(session, {
      hospitals: [{ id: "H1", level: 2, coefficient: 1 }, { id: "H2", level: 2, coefficient: 1 }],
      cases: [...stays2020, ...stays2021, ...["s1", "s2", "s3"].map((id, i) => ({
        id, patient: id, hospital: "H2", drg: "ES21", admit: `2021-09-0${i + 1}`, discharge: `2021-09-0${i + 2}`, cost: 300, fund: 210,
      }))],
      weights: [
        { drg: "ES21", rw: 1.0, avgCost: 1000 }, { drg: "ES23", rw: 0.8, avgCost: 800 },
        { drg: "ES25", rw: 0.6, avgCost: 600 }, { drg: "FM19", rw: 2.0, avgCost: 2000 },
      ],
    });
    await createEmptyInputTable(session, "claims_outpatient");
    await session.run(`INSERT INTO claims_outpatient (claim_id, patient_id, hospital_id, visit_date, fund_paid) VALUES ${visits.map(([c, p, h, d, f]) => `('${c}', '${p}', '${h}', DATE '${d}', ${f})`).join(", ")}`);
    await buildMetrics(session, params);
    const rows = await session.all<Row>(`SELECT signal, year, value FROM signal_values WHERE hospital_id = 'H1'`);
    values = new Map(rows.map((r) => [`${r.signal} ${r.year}`, r.value === null ? null : Number(r.value)]));
  });
  afterAll(() => session?.close());

  it("readmit_same_adrg: 1 pair (r1 → r2, 10 days, same ADRG ES2) / 15 grouped stays", async () => {
    close(values.get("readmit_same_adrg 2021"), 1 / 15);
    const pairs = await session.all<Row>(`SELECT claim_id, related_claim_id, gap_days::INTEGER AS gap FROM signal_readmissions`);
    expect(pairs).toEqual([{ claim_id: "r1", related_claim_id: "r2", gap: 10 }]);
  });
  it("low_standard_admission: l1 and l3 / 15", () => close(values.get("low_standard_admission 2021"), 2 / 15));
  it("cc_mcc_share: (6 ES21 + 1 ES23) / 15 in 2021, 4 / 12 in 2020; its change 7/15 - 4/12", () => {
    close(values.get("cc_mcc_share 2021"), 7 / 15);
    close(values.get("cc_mcc_share 2020"), 4 / 12);
    close(values.get("cc_mcc_share_change 2021"), 7 / 15 - 4 / 12);
    expect(values.get("cc_mcc_share_change 2020")).toBeNull(); // no 2019
  });
  it("cmi_within_adrg: share of ES2 (12/15) × (mean RW in ES2 9.8/12 - 8.8/12); FM1 is new, so mix", () => {
    close(values.get("cmi_within_adrg 2021"), (12 / 15) * (9.8 / 12 - 8.8 / 12));
  });
  it("preadmission_outpatient: (100 + 40) yuan of visits in the 7 days before admission / 15 stays", () => {
    close(values.get("preadmission_outpatient 2021"), 140 / 15);
  });
  it("self_pay_share: Σ (total - fund) / Σ total = (0.3 × 12,400 + 1,000) / 14,400", () => {
    close(values.get("self_pay_share 2021"), (0.3 * 12400 + 1000) / 14400);
  });
  it("high and low multiplier shares: h1 / 15; l1, l2, l3, l4 / 15 (l5 = 0.4 × is not below)", () => {
    close(values.get("high_multiplier_share 2021"), 1 / 15);
    close(values.get("low_multiplier_share 2021"), 4 / 15);
  });
  it("hides every value on fewer than 11 cases: H2's 3 stays of 2021", async () => {
    const rows = await session.all<Row>(`SELECT signal, cases::INTEGER AS cases, value FROM signal_values WHERE hospital_id = 'H2' AND year = 2021`);
    expect(rows.length).toBe(9);
    for (const r of rows) expect([r.signal, r.cases, r.value]).toEqual([r.signal, 3, null]);
  });
});

describe("peers and flags (§10), by hand", () => {
  let session: Session;
  let result: Map<string, Row>;
  beforeAll(async () => {
    session = await openSession();
    // level 2: A…F and G (5 cases: not shown, not a peer); level 3: T1, T2 (fewer than 5 others: all the region)
    const level: Record<string, number> = { A: 2, B: 2, C: 2, D: 2, E: 2, F: 2, G: 2, T1: 3, T2: 3 };
    const x: Record<string, number> = { A: 0.1, B: 0.02, C: 0.03, D: 0.04, E: 0.05, F: 0.06, G: 0.9, T1: 0.01, T2: 0.2 };
    const y: Record<string, number> = { A: 0, B: -0.5, C: -0.49, D: -0.48, E: -0.47, F: -0.46, G: 0, T1: -0.5, T2: -0.5 };
    await session.run(`CREATE TABLE hospitals AS SELECT * FROM (VALUES ${Object.entries(level).map(([h, l]) => `('${h}', '${l}')`).join(", ")}) AS t(hospital_id, level)`);
    const rows = Object.keys(level).flatMap((h) => [
      `('${h}', 2021, 'x', ${h === "G" ? 5 : 100}, ${h === "G" ? "NULL" : x[h]})`,
      `('${h}', 2021, 'y', 100, ${y[h]})`,
    ]);
    await session.run(`CREATE TABLE signal_values (hospital_id VARCHAR, year INTEGER, signal VARCHAR, cases BIGINT, value DOUBLE);
      INSERT INTO signal_values VALUES ${rows.join(", ")}`);
    await session.run(readFileSync(new URL("../../lib/metrics/signal_peers.sql", import.meta.url), "utf8"));
    result = new Map((await session.all<Row>(`SELECT * FROM signal_results`)).map((r) => [`${r.hospital_id} ${r.signal}`, r]));
  });
  afterAll(() => session?.close());

  it("A's peers are B…F: mean 0.04, sd √(0.001/4), p80 0.05 + 0.2 × 0.01; A = 0.10 is flagged, rank 1", () => {
    const a = result.get("A x")!;
    expect(Number(a.peers)).toBe(5);
    close(a.peer_mean, 0.04);
    close(a.peer_sd, Math.sqrt(0.001 / 4));
    close(a.peer_p80, 0.052);
    expect(a.flagged).toBe(true);
    expect(Number(a.peer_rank)).toBe(1);
  });
  it("F = 0.06 equals its peers' p80 (0.05 + 0.2 × 0.05): not above, not flagged", () => {
    const f = result.get("F x")!;
    close(f.peer_p80, 0.06);
    expect(f.flagged).toBe(false);
    expect(Number(f.peer_rank)).toBe(2);
  });
  it("T2 (one other tertiary hospital) is compared with all 7 others shown: mean 0.31/7, p80 0.058", () => {
    const t = result.get("T2 x")!;
    expect(Number(t.peers)).toBe(7);
    close(t.peer_mean, 0.31 / 7);
    close(t.peer_sd, Math.sqrt((0.0191 - 0.31 ** 2 / 7) / 6));
    close(t.peer_p80, 0.058);
    expect(t.flagged).toBe(true);
  });
  it("G (5 cases) has no value and no flag, and is no one's peer", () => {
    const g = result.get("G x")!;
    expect(g.value).toBeNull();
    expect(g.flagged).toBe(false);
  });
  it("a value of 0 is never flagged, even far above negative peers", () => {
    const a = result.get("A y")!;
    expect(Number(a.peer_mean) + 2 * Number(a.peer_sd)).toBeLessThan(0);
    expect(a.flagged).toBe(false);
  });
});

describe("control limits (§10), by hand", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    // H1: 1.0 for Jan–Jun 2020, 1.2 for Jul–Dec 2020, 1.5 in Jan 2021; H2: the same but no May 2020
    const months = [...Array.from({ length: 12 }, (_, i) => [2020, i + 1, i < 6 ? 1.0 : 1.2] as const), [2021, 1, 1.5] as const];
    const rows = ["H1", "H2"].flatMap((h) =>
      months.filter(([y, m]) => !(h === "H2" && y === 2020 && m === 5))
        .map(([y, m, v]) => `('${h}', ${y}, '${y}-${String(m).padStart(2, "0")}', ${v}, ${v * 1000}, ${v * 100})`));
    await session.run(`CREATE TABLE casemix_hospital_month (hospital_id VARCHAR, year INTEGER, month VARCHAR, cmi DOUBLE, cost_per_weight DOUBLE, fund_paid DECIMAL(18, 2));
      INSERT INTO casemix_hospital_month VALUES ${rows.join(", ")}`);
    await session.run(readFileSync(new URL("../../lib/metrics/control.sql", import.meta.url), "utf8"));
  });
  afterAll(() => session?.close());

  it("Jan 2021: centre 1.1, sd √(12 × 0.01 / 11), limits centre ± 3 sd; 1.5 is an alert", async () => {
    const sd = Math.sqrt((12 * 0.01) / 11);
    const [row] = await session.all<Row>(`SELECT * FROM control_months WHERE hospital_id = 'H1' AND month = '2021-01' AND metric = 'cmi'`);
    close(row.center, 1.1);
    close(row.lower, 1.1 - 3 * sd);
    close(row.upper, 1.1 + 3 * sd);
    expect(row.alert).toBe(true);
    const [fund] = await session.all<Row>(`SELECT * FROM control_months WHERE hospital_id = 'H1' AND month = '2021-01' AND metric = 'fund_paid'`);
    close(fund.upper, 110 + 3 * sd * 100, 6);
  });
  it("no limits without 12 trailing months: Dec 2020 (11 before it), H2 (May 2020 missing)", async () => {
    const rows = await session.all<Row>(`SELECT hospital_id, month FROM control_months WHERE center IS NOT NULL ORDER BY ALL`);
    expect(rows.map((r) => `${r.hospital_id} ${r.month}`)).toEqual(["H1 2021-01", "H1 2021-01", "H1 2021-01"]);
  });
});
