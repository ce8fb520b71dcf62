// Properties that hold on any claims: sums that reconcile across datasets, the settlement that pays out
// exactly the recorded fund when there is no budget and the share ratio is 1, and byte-identical files
// from two runs with two threads on enough rows for DuckDB to aggregate in parallel.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Row, type Session } from "../../lib/db/session.ts";
import { buildMetrics } from "../../lib/metrics/index.ts";
import { defaultParameters, setParameterVariables } from "../../lib/params.ts";
import { departmentYear } from "../../loaders/department_year.ts";
import { drgYear } from "../../loaders/drg_year.ts";
import { hospitalMonth } from "../../loaders/hospital_month.ts";
import { hospitalYear } from "../../loaders/hospital_year.ts";
import { writeDataset } from "../../loaders/publish.ts";
import { regionYear } from "../../loaders/region_year.ts";
import { rwIntervals } from "../../loaders/rw_intervals.ts";
import { settlement } from "../../loaders/settlement.ts";
import { settlementYear } from "../../loaders/settlement_year.ts";
import { metricDatasets } from "./metric-datasets.ts";
import { createSyntheticCases } from "./synthetic-cases.ts";

const total = (rows: Row[], key: string) => rows.reduce((s, r) => s + Number(r[key] ?? 0), 0);
const byYear = (rows: Row[], key: string) => {
  const sums = new Map<number, number>();
  for (const r of rows) sums.set(Number(r.year), (sums.get(Number(r.year)) ?? 0) + Number(r[key] ?? 0));
  return sums;
};

async function synthetic(rows: number, options: { policy: "budgets" | "none"; shareRatio?: number; threads?: number }): Promise<Session> {
  const session = await openSession({ threads: options.threads });
  const params = { ...defaultParameters, shareRatio: options.shareRatio ?? defaultParameters.shareRatio, reformYear: 2018 };
  await setParameterVariables(session, params);
  await createSyntheticCases(session, { rows, seed: 11, policy: options.policy });
  await buildMetrics(session, params);
  return session;
}

describe("sums that reconcile", () => {
  let session: Session;
  beforeAll(async () => {
    session = await synthetic(30_000, { policy: "budgets" });
  });
  afterAll(() => session?.close());

  it("Σ hospital total weight = Σ department total weight = Σ case RW over the case-mix set, per year", async () => {
    const caseRw = await session.all<{ year: number; rw: number }>(`SELECT c.year::INTEGER AS year, w.rw
      FROM cases AS c JOIN drg_weights AS w USING (drg_code) WHERE c.grouped AND NOT c.excluded`);
    const expected = new Map<number, number>();
    for (const r of caseRw) expected.set(r.year, (expected.get(r.year) ?? 0) + r.rw);
    for (const dataset of [hospitalYear, departmentYear, regionYear]) {
      const sums = byYear(await session.all<Row>(dataset.query()), "total_weight");
      expect([...sums.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [year, value] of expected) expect(sums.get(year)!, `${dataset.name} ${year}`).toBeCloseTo(value, 6);
    }
    const months = await session.all<Row>(hospitalMonth.query());
    expect(total(months, "total_weight")).toBeCloseTo([...expected.values()].reduce((a, b) => a + b), 6);
  });

  it("every dataset's cases and money add up to the cases table", async () => {
    const [claims] = await session.all<{ n: number; cost: number; fund: number }>(
      "SELECT count(*)::DOUBLE AS n, sum(total_cost)::DOUBLE AS cost, sum(fund_paid)::DOUBLE AS fund FROM cases");
    for (const dataset of [hospitalYear, hospitalMonth, departmentYear, regionYear, drgYear, settlement]) {
      const rows = await session.all<Row>(dataset.query());
      expect(total(rows, "cases"), dataset.name).toBe(claims.n);
      expect(total(rows, "total_cost"), dataset.name).toBeCloseTo(claims.cost, 2);
      expect(total(rows, "fund_paid"), dataset.name).toBeCloseTo(claims.fund, 2);
    }
    const intervals = await session.all<Row>(rwIntervals.query());
    const weighted = Number(await session.value("SELECT count(*) FROM cases JOIN drg_weights USING (drg_code) WHERE grouped"));
    expect(total(intervals, "cases")).toBe(weighted);
    for (const share of byYear(intervals, "fund_share").values()) expect(share).toBeCloseTo(1, 12);
    // points: per DRG and per hospital, the same total
    expect(total(await session.all<Row>(drgYear.query()), "points")).toBeCloseTo(total(await session.all<Row>(settlement.query()), "points"), 4);
  });

  it("distributes F + s: hospitals' DRG payments add up to the region's, to the cent per hospital", async () => {
    const years = await session.all<Row>(settlementYear.query());
    const hospitals = await session.all<Row>(settlement.query());
    const paid = byYear(hospitals, "drg_payment");
    for (const y of years) {
      const count = hospitals.filter((h) => Number(h.year) === Number(y.year)).length;
      expect(Math.abs(paid.get(Number(y.year))! - Number(y.drg_payment))).toBeLessThanOrEqual(0.005 * count + 1e-6);
      expect(Number(y.drg_payment)).toBeCloseTo(Number(y.fund_to_distribute) + Number(y.patient_share), 2);
    }
  });
});

describe("settlement without a budget and with share ratio 1", () => {
  let session: Session;
  beforeAll(async () => {
    session = await synthetic(30_000, { policy: "none", shareRatio: 1 });
  });
  afterAll(() => session?.close());

  it("pays out the recorded fund: the region's settlement rate is 1 and Σ fund payable = Σ fund_paid", async () => {
    const years = await session.all<Row>(settlementYear.query());
    const hospitals = await session.all<Row>(settlement.query());
    const payable = byYear(hospitals, "fund_payable");
    const fund = byYear(hospitals, "fund_paid");
    for (const y of years) {
      expect(y.budget_given).toBe(false);
      expect(y.outcome).toBe("balanced");
      expect(y.settlement_rate).toBe(1);
      expect(Number(y.fund_to_distribute)).toBe(Number(y.recorded));
      const count = hospitals.filter((h) => Number(h.year) === Number(y.year)).length;
      expect(Math.abs(payable.get(Number(y.year))! - fund.get(Number(y.year))!)).toBeLessThanOrEqual(0.005 * count + 1e-6);
    }
  });
});

describe("determinism", () => {
  it("writes byte-identical files on two runs with two threads (250,000 cases)", async () => {
    const dirs = [mkdtempSync(join(tmpdir(), "drg-det-a-")), mkdtempSync(join(tmpdir(), "drg-det-b-"))];
    try {
      for (const dir of dirs) {
        const session = await synthetic(250_000, { policy: "budgets", threads: 2 });
        for (const dataset of metricDatasets) await writeDataset(session, dataset, join(dir, `${dataset.name}.csv`));
        session.close();
      }
      for (const dataset of metricDatasets) {
        const [a, b] = dirs.map((dir) => readFileSync(join(dir, `${dataset.name}.csv`)));
        expect(a.length, dataset.name).toBeGreaterThan(0);
        expect(a.equals(b), `${dataset.name}.csv differs between runs`).toBe(true);
      }
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
