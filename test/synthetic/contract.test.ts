// The sample obeys the input contract (shared/spec/input-data.md): columns, types, no nulls where
// required, money that adds up, dates in order, hospitals that exist, codes that fit the patient.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { generateRegion } from "../../lib/synthetic/index.ts";

const dir = mkdtempSync(join(tmpdir(), "synthetic-contract-"));
let session: Session;

const required = {
  claims_inpatient: ["claim_id", "patient_id", "hospital_id", "age", "admit_date", "discharge_date", "principal_dx", "total_cost", "fund_paid"],
  claims_outpatient: ["claim_id", "patient_id", "hospital_id", "visit_date", "principal_dx", "total_cost", "fund_paid"],
  hospitals: ["hospital_id", "name", "level"],
};
const optionalInpatient = ["department", "insurance_type", "sex", "age_days", "birth_weight_g", "discharge_status", "secondary_dx", "procedures", "self_pay", "drug_cost", "consumable_cost", "exam_cost", "out_of_catalog_cost"];

const count = async (sql: string) => Number(await session.value(sql));

beforeAll(async () => {
  await generateRegion({ out: dir, seed: 1, scale: 0.01, grouping: "intended" });
  session = await openSession();
  for (const table of ["claims_inpatient", "claims_outpatient", "hospitals", "policy"]) {
    await session.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${join(dir, `${table}.parquet`)}')`);
  }
  await session.run(`CREATE VIEW truth AS SELECT * FROM read_parquet('${join(dir, "truth", "claims_inpatient_truth.parquet")}')`);
});

afterAll(() => {
  session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("sample tables", () => {
  it("have the contract's columns, and no drg_code upstream", async () => {
    const columns = async (t: string) => (await session.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${t})`)).map((r) => r.column_name);
    for (const [table, names] of Object.entries(required)) expect(await columns(table)).toEqual(expect.arrayContaining(names));
    expect(await columns("claims_inpatient")).toEqual(expect.arrayContaining(optionalInpatient));
    expect(await columns("claims_inpatient")).not.toContain("drg_code");
    expect(await columns("claims_outpatient")).toEqual(expect.arrayContaining(["signed_hospital_id", "drug_cost", "exam_cost", "consumable_cost"]));
    expect(await columns("policy")).toEqual(["year", "inpatient_budget", "outpatient_budget", "share_ratio", "high_multiplier", "low_multiplier"]);
  });

  it("have no nulls in required columns and unique keys", async () => {
    for (const [table, names] of Object.entries(required)) {
      for (const name of names) expect(await count(`SELECT count(*) FROM ${table} WHERE ${name} IS NULL`), `${table}.${name}`).toBe(0);
    }
    expect(await count(`SELECT count(*) - count(DISTINCT claim_id) FROM claims_inpatient`)).toBe(0);
    expect(await count(`SELECT count(*) - count(DISTINCT claim_id) FROM claims_outpatient`)).toBe(0);
    expect(await count(`SELECT count(*) - count(DISTINCT hospital_id) FROM hospitals`)).toBe(0);
  });

  it("have volumes near 200k stays and 1M visits a year × scale over 2017–2021", async () => {
    const inpatient = await count(`SELECT count(*) FROM claims_inpatient`);
    expect(inpatient).toBeGreaterThanOrEqual(10_000);
    expect(inpatient).toBeLessThan(10_400); // 10,000 stays plus the planted and the background readmissions (~1 %)
    // 50,000 visits plus the inpatients' pre-admission visits (preadmission.ts: about a third of stays, claim ids OA…)
    expect(await count(`SELECT count(*) FILTER (WHERE claim_id LIKE 'OP%') FROM claims_outpatient`)).toBe(50_000);
    const before = await count(`SELECT count(*) FILTER (WHERE claim_id LIKE 'OA%') FROM claims_outpatient`);
    expect(before).toBeGreaterThan(0.2 * inpatient);
    expect(before).toBeLessThan(0.6 * inpatient);
    expect(await session.value(`SELECT min(discharge_date)::VARCHAR FROM claims_inpatient`)).toBe("2017-01-01");
    expect(await session.value(`SELECT max(visit_date)::VARCHAR FROM claims_outpatient`)).toBe("2021-12-31");
  });

  it("have money that adds up: fund_paid ≤ total_cost, self_pay = total − fund, components below the total", async () => {
    expect(await count(`SELECT count(*) FROM claims_inpatient WHERE fund_paid > total_cost OR total_cost < 0 OR fund_paid < 0`)).toBe(0);
    expect(await count(`SELECT count(*) FROM claims_inpatient WHERE self_pay <> total_cost - fund_paid`)).toBe(0);
    expect(await count(`SELECT count(*) FROM claims_inpatient WHERE drug_cost + consumable_cost + exam_cost + out_of_catalog_cost > total_cost`)).toBe(0);
    expect(await count(`SELECT count(*) FROM claims_outpatient WHERE fund_paid > total_cost OR drug_cost + exam_cost + consumable_cost > total_cost`)).toBe(0);
    // fund share 60–85 % inpatient, 50–75 % outpatient (rounding aside)
    expect(await count(`SELECT count(*) FROM claims_inpatient WHERE fund_paid < 0.599 * total_cost OR fund_paid > 0.851 * total_cost`)).toBe(0);
    expect(await count(`SELECT count(*) FROM claims_outpatient WHERE fund_paid < 0.495 * total_cost OR fund_paid > 0.755 * total_cost`)).toBe(0);
    // employees are reimbursed more than residents
    const share = await session.all<{ insurance_type: string; s: number }>(
      `SELECT insurance_type, (sum(fund_paid) / sum(total_cost))::DOUBLE AS s FROM claims_inpatient GROUP BY 1 ORDER BY 1`,
    );
    expect(share[0].insurance_type).toBe("employee");
    expect(share[0].s).toBeGreaterThan(share[1].s + 0.05);
  });

  it("have dates in order and stays of plausible length", async () => {
    expect(await count(`SELECT count(*) FROM claims_inpatient WHERE discharge_date < admit_date`)).toBe(0);
    const los = await session.all<{ median: number; over60: number; n: number }>(
      `SELECT median(discharge_date - admit_date)::DOUBLE AS median, count(*) FILTER (WHERE discharge_date - admit_date > 60)::INTEGER AS over60, count(*)::INTEGER AS n FROM claims_inpatient`,
    );
    expect(los[0].median).toBeGreaterThanOrEqual(4);
    expect(los[0].median).toBeLessThanOrEqual(9);
    expect(los[0].over60).toBeGreaterThan(0);
    expect(los[0].over60 / los[0].n).toBeLessThan(0.01);
  });

  it("refer only to hospitals that exist; signed persons are signed with primary hospitals", async () => {
    expect(await count(`SELECT count(*) FROM claims_inpatient c ANTI JOIN hospitals h USING (hospital_id)`)).toBe(0);
    expect(await count(`SELECT count(*) FROM claims_outpatient c ANTI JOIN hospitals h USING (hospital_id)`)).toBe(0);
    expect(
      await count(`SELECT count(*) FROM claims_outpatient c LEFT JOIN hospitals h ON h.hospital_id = c.signed_hospital_id WHERE c.signed_hospital_id IS NOT NULL AND h.level IS DISTINCT FROM 1`),
    ).toBe(0);
    const levels = await session.all<{ level: number; n: number }>(`SELECT level, count(*)::INTEGER AS n FROM hospitals GROUP BY 1 ORDER BY 1`);
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3]);
    expect(levels.reduce((s, l) => s + l.n, 0)).toBeGreaterThanOrEqual(25);
  });

  it("fit the patient to the codes: obstetrics female, male genital male, newborns aged 0", async () => {
    const misfit = await count(`
      SELECT count(*) FROM claims_inpatient c JOIN truth t USING (claim_id)
      WHERE (left(t.adrg, 1) IN ('O', 'N') AND c.sex <> 'F')
         OR (left(t.adrg, 1) = 'M' AND c.sex <> 'M')
         OR (left(t.adrg, 1) = 'P' AND (c.age <> 0 OR c.age_days IS NULL))
         OR (left(t.adrg, 1) = 'P' AND c.age_days <= 28 AND c.birth_weight_g IS NULL)
         OR (left(t.adrg, 1) <> 'P' AND c.age = 0)`);
    expect(misfit).toBe(0);
    expect(await count(`SELECT count(*) FROM claims_inpatient WHERE age < 0 OR age > 130`)).toBe(0);
  });

  it("list secondary diagnoses and procedures joined with ';', 0–6 secondaries", async () => {
    expect(await count(`SELECT count(*) FROM claims_inpatient WHERE secondary_dx = '' OR procedures = '' OR secondary_dx LIKE '%;;%'`)).toBe(0);
    expect(await count(`SELECT max(len(string_split(secondary_dx, ';'))) FROM claims_inpatient`)).toBeLessThanOrEqual(6);
    expect(await count(`SELECT count(*) FROM claims_inpatient WHERE procedures LIKE '%;%'`)).toBeGreaterThan(0);
  });

  it("have a policy row per year, with surplus and overspend years", async () => {
    const rows = await session.all<{ year: number; ratio: number; share_ratio: string; high: string; low: string }>(`
      SELECT p.year, (p.inpatient_budget / f.fund)::DOUBLE AS ratio, p.share_ratio::VARCHAR AS share_ratio,
        p.high_multiplier::VARCHAR AS high, p.low_multiplier::VARCHAR AS low
      FROM policy p JOIN (SELECT year(discharge_date) AS year, sum(fund_paid) AS fund FROM claims_inpatient GROUP BY 1) f USING (year)
      ORDER BY p.year`);
    expect(rows.map((r) => r.year)).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(rows.some((r) => r.ratio > 1.01)).toBe(true);
    expect(rows.some((r) => r.ratio < 0.99)).toBe(true);
    expect(rows.every((r) => r.share_ratio === "0.95" && r.high === "3.00" && r.low === "0.40")).toBe(true);
  });

  it("names its planted anomalies in truth/anomalies.csv with hospitals that exist", async () => {
    const text = readFileSync(join(dir, "truth", "anomalies.csv"), "utf8");
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("anomaly,hospital_id,from_year,to_year,signal,description,claim_ids_count");
    const ids = lines.slice(1).map((l) => l.split(",")[1]);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["split_admissions", "upcoding", "low_standard_admissions", "cost_shift_preadmission"]);
    for (const id of ids) expect(await count(`SELECT count(*) FROM hospitals WHERE hospital_id = '${id}'`)).toBe(1);
    for (const line of lines.slice(1)) expect(Number(line.split(",").at(-1))).toBeGreaterThan(0);
  });
});

describe("CSV format", () => {
  const csvDir = mkdtempSync(join(tmpdir(), "synthetic-csv-"));
  afterAll(() => rmSync(csvDir, { recursive: true, force: true }));

  it("writes UTF-8 CSV with a header, ISO dates, money with two decimals and ';' lists", async () => {
    await generateRegion({ out: csvDir, seed: 2, scale: 0.002, format: "csv", grouping: "intended" });
    const text = readFileSync(join(csvDir, "claims_inpatient.csv"), "utf8");
    const [header, ...rows] = text.trim().split("\n");
    expect(header.split(",")).toEqual(["claim_id", "patient_id", "hospital_id", ...optionalInpatient.slice(0, 3), "age", "age_days", "birth_weight_g", "admit_date", "discharge_date", "discharge_status", "principal_dx", "secondary_dx", "procedures", "total_cost", "fund_paid", "self_pay", "drug_cost", "consumable_cost", "exam_cost", "out_of_catalog_cost"]);
    // no field here needs quoting (no commas, quotes or newlines in codes, names or money)
    const cells = rows[0].split(",");
    expect(cells).toHaveLength(22);
    expect(cells[9]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cells[15]).toMatch(/^\d+\.\d{2}$/);
    expect(text).toContain("呼吸内科");
    expect(rows.some((r) => /,[A-Z][0-9.x]+(;[A-Z][0-9.x]+)+,/.test(r))).toBe(true);
    const hospitals = readFileSync(join(csvDir, "hospitals.csv"), "utf8").split("\n");
    expect(hospitals[0]).toBe("hospital_id,name,level,district,coefficient");
    expect(hospitals[1]).toMatch(/^H\d{4},[^,]+医院,3,[^,]+,1\.10$/);
  });
});
