// The outpatient half of the sample (lib/synthetic/outpatient.ts): procedures are real ICD-9-CM-3 codes
// that CHS-DRG 1.1 classes as operations or interventions (§7), medical visits carry injections and
// endoscopies, ancillary visits are health checks or exam-heavy, chronic patients come monthly, and
// outpatient fund growth slows after the 2020 reform (Jinhua 19.4 % → 10 %). Figures restated by hand.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { loadScheme } from "../../lib/grouping/load.ts";
import { createProcedureClassesTable } from "../../lib/grouping/procedure-classes.ts";
import { generateRegion } from "../../lib/synthetic/index.ts";

const dir = mkdtempSync(join(tmpdir(), "synthetic-outpatient-"));
let session: Session;

beforeAll(async () => {
  await generateRegion({ out: dir, seed: 3, scale: 0.02, grouping: "intended" });
  session = await openSession();
  await createProcedureClassesTable(session, loadScheme("data/schemes/chs-drg-1.1"));
  await session.run(`CREATE TABLE visits AS SELECT *, year(visit_date)::INTEGER AS year FROM read_parquet('${join(dir, "claims_outpatient.parquet")}')`);
  await session.run(`CREATE TABLE dictionary AS SELECT icd9cm3_code AS code FROM read_csv('data/dictionaries/yb_icd9cm3_v2_procedures.csv', header = true)`);
}, 120_000);

afterAll(() => {
  session?.close();
  rmSync(dir, { recursive: true, force: true });
});

const value = async (sql: string) => Number(await session.value(sql));

describe("the sample's outpatient visits", () => {
  it("list only dictionary procedure codes; 10–20 % of visits have an operation or intervention", async () => {
    await session.run(`CREATE TABLE listed AS SELECT claim_id, unnest(string_split(procedures, ';')) AS code FROM visits WHERE procedures IS NOT NULL`);
    expect(await value(`SELECT count(*) FROM listed ANTI JOIN dictionary USING (code)`)).toBe(0);
    const share = await value(`SELECT count(DISTINCT claim_id) / (SELECT count(*) FROM visits) FROM listed JOIN procedure_classes USING (code)`);
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.2);
    // minor surgery, injections, endoscopy and dialysis are all there
    for (const code of ["86.5900x006", "99.2100", "45.1300x004", "39.9500"]) {
      expect(await value(`SELECT count(*) FROM listed WHERE code = '${code}'`), code).toBeGreaterThan(20);
    }
  });

  it("include ancillary visits: health checks Z00–Z03 and exam-heavy visits (exams ≥ 80 % of the cost)", async () => {
    const checks = await value(`SELECT avg((left(principal_dx, 3) BETWEEN 'Z00' AND 'Z13')::INTEGER) FROM visits`);
    const examHeavy = await value(`SELECT avg((exam_cost * 10 >= total_cost * 8)::INTEGER) FROM visits`);
    expect(checks).toBeGreaterThan(0.04);
    expect(examHeavy).toBeGreaterThan(0.08);
  });

  it("have chronic patients who come back every month", async () => {
    const monthly = await value(`SELECT count(*) FROM (SELECT patient_id FROM visits WHERE year = 2021 GROUP BY 1 HAVING count(DISTINCT month(visit_date)) = 12)`);
    const persons = await value(`SELECT count(DISTINCT patient_id) FROM visits WHERE year = 2021`);
    expect(monthly).toBeGreaterThan(100);
    expect(monthly / persons).toBeLessThan(0.1);
  });

  it("slow outpatient fund growth after the 2020 reform: ~20 % a year before, ~10 % after", async () => {
    const fund = Object.fromEntries(
      (await session.all<{ year: number; fund: number }>(`SELECT year, sum(fund_paid)::DOUBLE AS fund FROM visits GROUP BY 1`)).map((r) => [r.year, r.fund]),
    );
    const before = (fund[2019] / fund[2017]) ** 0.5 - 1;
    const after = (fund[2021] / fund[2019]) ** 0.5 - 1;
    expect(before).toBeGreaterThan(0.16);
    expect(before).toBeLessThan(0.24);
    expect(after).toBeGreaterThan(0.06);
    expect(after).toBeLessThan(0.12);
  });
});
