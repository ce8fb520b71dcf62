// The sample echoes the figures it is built to show, checked against values worked out here by hand:
// group mean costs ≈ Harbin rw × 12,000 yuan × the year's cost factor × the level's factor; severity
// 1 > 3 > 5; the 2020 COVID dip; cost per weight falling about a tenth 2019 → 2021 (with a case mix
// rising a few percent a year: Anyang's cost per stay −5.5 %, 11,080 → 10,468); the background of
// readmissions, pre-admission visits and LOS habits; the planted anomalies standing out from their peers.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { generateRegion } from "../../lib/synthetic/index.ts";

const dir = mkdtempSync(join(tmpdir(), "synthetic-realism-"));
let session: Session;
let splitHospital: string;
let upcodingHospital: string;

// The design's figures, restated (lib/synthetic/profile.ts must agree with these, not the other way round).
const yuanPerWeight = 12_000;
const costFactor: Record<number, number> = { 2017: 0.93, 2018: 0.985, 2019: 0.97, 2020: 0.92, 2021: 0.87 };
const levelFactor: Record<number, number> = { 1: 0.88, 2: 0.98, 3: 1.06 };

beforeAll(async () => {
  await generateRegion({ out: dir, seed: 11, scale: 0.02, grouping: "intended" });
  session = await openSession();
  await session.run(`CREATE TABLE harbin AS SELECT * FROM read_csv('${join(import.meta.dirname, "../../data/weights/harbin-drg-2024.csv")}', header = true)`);
  await session.run(`CREATE VIEW claims AS
    SELECT c.*, t.adrg, t.intended_drg, t.cost_drg, t.tail, t.anomaly, h.level::INTEGER AS level, year(c.discharge_date)::INTEGER AS year
    FROM read_parquet('${join(dir, "claims_inpatient.parquet")}') c
    JOIN read_parquet('${join(dir, "truth", "claims_inpatient_truth.parquet")}') t USING (claim_id)
    JOIN read_parquet('${join(dir, "hospitals.parquet")}') h USING (hospital_id)`);
  await session.run(`CREATE VIEW visits AS SELECT * FROM read_parquet('${join(dir, "claims_outpatient.parquet")}')`);
  await session.run(`CREATE TABLE factors AS SELECT * FROM (VALUES ${Object.entries(costFactor).map(([y, f]) => `(${y}, ${f})`).join(", ")}) v(year, f)`);
  await session.run(`CREATE TABLE levels AS SELECT * FROM (VALUES ${Object.entries(levelFactor).map(([l, f]) => `(${l}, ${f})`).join(", ")}) v(level, f)`);
  const truth = readFileSync(join(dir, "truth", "anomalies.csv"), "utf8").trim().split("\n").slice(1);
  splitHospital = truth.find((l) => l.startsWith("split_admissions"))!.split(",")[1];
  upcodingHospital = truth.find((l) => l.startsWith("upcoding"))!.split(",")[1];
});

afterAll(() => {
  session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("inpatient costs", () => {
  it("put the mean cost of the commonest groups near Harbin rw × 12,000 × year and level factors", async () => {
    // The 8 commonest groups that Harbin lists itself; anomalies and stays over 60 days left out.
    const rows = await session.all<{ cost_drg: string; n: number; ratio: number }>(`
      WITH kept AS (
        SELECT c.*, h.rw FROM claims c JOIN harbin h ON h.drg_code = c.cost_drg
        WHERE c.anomaly IS NULL AND c.discharge_date - c.admit_date <= 60
      ),
      common AS (SELECT cost_drg FROM kept GROUP BY 1 ORDER BY count(*) DESC, cost_drg LIMIT 8)
      SELECT k.cost_drg, count(*)::INTEGER AS n,
        (sum(k.total_cost) / sum(k.rw * ${yuanPerWeight} * f.f * l.f))::DOUBLE AS ratio
      FROM kept k JOIN common USING (cost_drg) JOIN factors f USING (year) JOIN levels l USING (level)
      GROUP BY 1 ORDER BY 1`);
    expect(rows).toHaveLength(8);
    const n = rows.reduce((s, r) => s + r.n, 0);
    const overall = rows.reduce((s, r) => s + r.ratio * r.n, 0) / n;
    expect(overall).toBeGreaterThan(0.93);
    expect(overall).toBeLessThan(1.07);
    for (const r of rows) {
      expect(r.ratio, `${r.cost_drg} (${r.n} cases)`).toBeGreaterThan(0.75);
      expect(r.ratio, `${r.cost_drg} (${r.n} cases)`).toBeLessThan(1.25);
    }
  });

  it("order severities within an ADRG: MCC (1) > CC (3) > none (5)", async () => {
    const rows = await session.all<{ cost_drg: string; mean: number }>(`
      SELECT cost_drg, avg(total_cost)::DOUBLE AS mean FROM claims
      WHERE cost_drg IN ('ES31', 'ES33', 'ES35') AND anomaly IS NULL GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => r.cost_drg)).toEqual(["ES31", "ES33", "ES35"]);
    expect(rows[0].mean).toBeGreaterThan(rows[1].mean);
    expect(rows[1].mean).toBeGreaterThan(rows[2].mean);
  });

  it("have a fat right tail and some very cheap stays", async () => {
    const r = await session.all<{ high: number; low: number }>(`
      WITH g AS (SELECT cost_drg, avg(total_cost) AS m FROM claims WHERE cost_drg <> '0000' GROUP BY 1 HAVING count(*) >= 30)
      SELECT avg((c.total_cost > 3 * g.m)::INTEGER)::DOUBLE AS high, avg((c.total_cost < 0.4 * g.m)::INTEGER)::DOUBLE AS low
      FROM claims c JOIN g USING (cost_drg)`);
    expect(r[0].high).toBeGreaterThan(0.01);
    expect(r[0].high).toBeLessThan(0.05);
    expect(r[0].low).toBeGreaterThan(0.01);
    expect(r[0].low).toBeLessThan(0.08);
  });

  it("let cost per weight fall about a tenth from 2019 to 2021 (0.87 / 0.97 = 0.897)", async () => {
    const rows = await session.all<{ year: number; cpw: number }>(`
      SELECT year, (sum(c.total_cost) / sum(h.rw))::DOUBLE AS cpw FROM claims c JOIN harbin h ON h.drg_code = c.cost_drg
      WHERE c.anomaly IS NULL GROUP BY 1 ORDER BY 1`);
    const cpw = Object.fromEntries(rows.map((r) => [r.year, r.cpw]));
    expect(cpw[2021] / cpw[2019]).toBeGreaterThan(0.86);
    expect(cpw[2021] / cpw[2019]).toBeLessThan(0.93);
    expect(cpw[2018]).toBeGreaterThan(cpw[2017]);
  });

  it("raise the case mix after the reform a few percent a year, most at tertiary hospitals", async () => {
    const rows = await session.all<{ level: number; year: number; cmi: number }>(`
      SELECT level, year, avg(h.rw)::DOUBLE AS cmi FROM claims c JOIN harbin h ON h.drg_code = c.intended_drg
      WHERE year IN (2018, 2021) GROUP BY ALL ORDER BY ALL`);
    const cmi = (level: number, year: number) => rows.find((r) => r.level === level && r.year === year)!.cmi;
    // real hospitals move a few percent a year (issue 11: not +51 % in four years)
    expect(cmi(3, 2021) / cmi(3, 2018)).toBeGreaterThan(1.03);
    expect(cmi(3, 2021) / cmi(3, 2018)).toBeLessThan(1.2);
    expect(cmi(3, 2021) / cmi(3, 2018)).toBeGreaterThan(cmi(1, 2021) / cmi(1, 2018));
  });
});

describe("volumes over time", () => {
  it("dip in February–April 2020 (COVID) and in the Spring Festival month", async () => {
    const rows = await session.all<{ year: number; n: number }>(`
      SELECT year, count(*)::INTEGER AS n FROM claims WHERE month(discharge_date) BETWEEN 2 AND 4 AND year IN (2019, 2020) GROUP BY 1 ORDER BY 1`);
    expect(rows[1].n / rows[0].n).toBeLessThan(0.75);
    expect(rows[1].n / rows[0].n).toBeGreaterThan(0.45);
    const festival = await session.all<{ feb: number; mar: number }>(`
      SELECT count(*) FILTER (WHERE month(discharge_date) = 2)::INTEGER AS feb, count(*) FILTER (WHERE month(discharge_date) = 3)::INTEGER AS mar
      FROM claims WHERE year = 2018`);
    expect(festival[0].feb).toBeLessThan(festival[0].mar * 0.9);
  });

  it("grow the inpatient fund ~14 % before the reform, ~7 % a year after it, and not at all in 2020", async () => {
    // Bounds allow for the case mix's sampling noise at this small scale (Harbin weights run to 36).
    const rows = await session.all<{ year: number; fund: number }>(`SELECT year, sum(fund_paid)::DOUBLE AS fund FROM claims GROUP BY 1 ORDER BY 1`);
    const fund = Object.fromEntries(rows.map((r) => [r.year, r.fund]));
    const before = fund[2018] / fund[2017] - 1;
    const after = (fund[2021] / fund[2018]) ** (1 / 3) - 1;
    expect(before).toBeGreaterThan(0.08);
    expect(before).toBeLessThan(0.2);
    expect(after).toBeGreaterThan(0.03);
    expect(after).toBeLessThan(0.11);
    expect(fund[2020] / fund[2019] - 1).toBeLessThan(0.05);
  });

  it("grow outpatient fund ~19 % a year before 2020, less after; 30 % of visits by signed persons", async () => {
    const rows = await session.all<{ year: number; fund: number; signed: number; mean: number }>(`
      SELECT year(visit_date)::INTEGER AS year, sum(fund_paid)::DOUBLE AS fund, avg((signed_hospital_id IS NOT NULL)::INTEGER)::DOUBLE AS signed,
        avg(total_cost)::DOUBLE AS mean
      FROM visits GROUP BY 1 ORDER BY 1`);
    const growth = (y: number) => rows.find((r) => r.year === y)!.fund / rows.find((r) => r.year === y - 1)!.fund - 1;
    expect(growth(2018)).toBeGreaterThan(0.15);
    expect(growth(2019)).toBeGreaterThan(0.15);
    expect((rows[4].fund / rows[2].fund) ** 0.5 - 1).toBeLessThan(0.12);
    for (const r of rows) {
      expect(r.signed).toBeGreaterThan(0.27);
      expect(r.signed).toBeLessThan(0.33);
      expect(r.mean).toBeGreaterThan(100);
      expect(r.mean).toBeLessThan(600);
    }
  });
});

describe("the background the monitoring signals are read against", () => {
  it("readmits ~1 % of stays to the same ADRG within 15 days at the hospitals without planted anomalies", async () => {
    const [r] = await session.all<{ rate: number }>(`
      WITH stays AS (
        SELECT hospital_id, anomaly, discharge_date,
          lead(admit_date) OVER (PARTITION BY patient_id, hospital_id, adrg ORDER BY admit_date, claim_id) AS next_admit
        FROM claims)
      SELECT avg((coalesce(next_admit - discharge_date BETWEEN 0 AND 15, false))::INTEGER)::DOUBLE AS rate
      FROM stays WHERE hospital_id <> '${"$"}{splitHospital}'`);
    expect(r.rate).toBeGreaterThan(0.005);
    expect(r.rate).toBeLessThan(0.02);
  });

  it("precedes a good share of stays with an outpatient visit at the same hospital (within 20 days)", async () => {
    const [r] = await session.all<{ share: number }>(`
      SELECT avg((EXISTS (SELECT 1 FROM visits v WHERE v.patient_id = c.patient_id AND v.hospital_id = c.hospital_id
                          AND v.visit_date BETWEEN c.admit_date - 20 AND c.admit_date))::INTEGER)::DOUBLE AS share
      FROM claims c`);
    expect(r.share).toBeGreaterThan(0.2);
    expect(r.share).toBeLessThan(0.6);
  });

  it("gives hospitals their own length-of-stay habits (mean LOS within the same ADRG differs by hospital)", async () => {
    // per hospital: mean over its stays of LOS / the region's mean LOS in the ADRG and year (a time index)
    const rows = await session.all<{ t: number }>(`
      WITH s AS (SELECT hospital_id, adrg, year, greatest(discharge_date - admit_date, 1) AS los FROM claims WHERE anomaly IS NULL AND discharge_date - admit_date <= 60),
           r AS (SELECT adrg, year, avg(los) AS m FROM s GROUP BY ALL)
      SELECT avg(s.los / r.m)::DOUBLE AS t FROM s JOIN r USING (adrg, year) GROUP BY hospital_id`);
    const t = rows.map((x) => x.t);
    expect(Math.max(...t) - Math.min(...t)).toBeGreaterThan(0.25);
  });
});

describe("planted anomalies", () => {
  it("make the split-admission hospital's 15-day same-ADRG readmission rate stand out from 2019", async () => {
    const rows = await session.all<{ hospital_id: string; rate: number }>(`
      WITH stays AS (
        SELECT hospital_id, discharge_date,
          lead(admit_date) OVER (PARTITION BY patient_id, hospital_id, adrg ORDER BY admit_date, claim_id) AS next_admit
        FROM claims WHERE year >= 2019)
      -- a stay without a later one counts as not readmitted (coalesce: avg would skip the NULL)
      SELECT hospital_id, avg((coalesce(next_admit - discharge_date BETWEEN 0 AND 15, false))::INTEGER)::DOUBLE AS rate
      FROM stays GROUP BY 1 ORDER BY rate DESC`);
    expect(rows[0].hospital_id).toBe(splitHospital);
    expect(rows[0].rate).toBeGreaterThan(0.04);
    expect(rows[1].rate).toBeLessThan(0.02);
  });

  it("make the upcoding hospital's MCC/CC share rise faster than any peer's from 2019 to 2021", async () => {
    const rows = await session.all<{ hospital_id: string; rise: number }>(`
      WITH shares AS (
        SELECT hospital_id, year, avg((right(intended_drg, 1) IN ('1', '3'))::INTEGER) AS s
        FROM claims WHERE level = 2 AND year IN (2019, 2021) GROUP BY ALL)
      SELECT hospital_id, (max(s) FILTER (WHERE year = 2021) - max(s) FILTER (WHERE year = 2019))::DOUBLE AS rise
      FROM shares GROUP BY 1 ORDER BY rise DESC`);
    expect(rows[0].hospital_id).toBe(upcodingHospital);
    expect(rows[0].rise).toBeGreaterThan(rows[1].rise + 0.05);
  });
});
