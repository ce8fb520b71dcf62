// The bulk APG-like grouping (lib/apg/grouping.sql) and the single-visit function (lib/apg/classify.ts)
// give every visit the same treatment type, class, key, chapter, group and level: 100,000 seeded random
// visits under CHS-DRG 1.1's procedure classes (§7), with derived groups (apg_min_visits 30).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { buildApg } from "../../lib/apg/index.ts";
import { groupVisit } from "../../lib/apg/classify.ts";
import { randomVisits, type RandomVisit } from "../../lib/apg/random-visits.ts";
import { loadScheme } from "../../lib/grouping/load.ts";
import { createProcedureClassesTable, procedureClass, procedureClassMap } from "../../lib/grouping/procedure-classes.ts";
import { defaultParameters, setParameterVariables } from "../../lib/params.ts";
import { csvText } from "../helpers/tables.ts";

const scheme = loadScheme("data/schemes/chs-drg-1.1");
const dir = mkdtempSync(join(tmpdir(), "apg-agreement-"));
let session: Session;
let visits: RandomVisit[];

beforeAll(async () => {
  const classed = [...procedureClassMap(scheme).values()];
  const every = (k: string, step: number) => classed.filter((c) => c.class === k).map((c) => c.code).filter((_, i) => i % step === 0);
  visits = randomVisits(100_000, 20261130, every("operation", 40), every("intervention", 4));
  const file = join(dir, "visits.csv");
  writeFileSync(file, csvText(visits as unknown as Record<string, string | number | null>[]));
  session = await openSession({ memoryLimit: "2GB" });
  await setParameterVariables(session, defaultParameters);
  await createProcedureClassesTable(session, scheme);
  for (const t of ["policy (year INTEGER, outpatient_budget DECIMAL(18,2), share_ratio DOUBLE)", "insured (year INTEGER, patient_id VARCHAR, insurance_type VARCHAR, signed_hospital_id VARCHAR)", "apg_weights (apg_code VARCHAR, weight DOUBLE, avg_cost DECIMAL(18,2))"]) {
    await session.run(`CREATE TABLE ${t}`);
  }
  // every cell read as text, as the input contract's CSV is: spaces and empty entries reach the grouping
  await session.run(`CREATE TABLE claims_outpatient AS
    SELECT claim_id, patient_id, hospital_id, visit_date::DATE AS visit_date, principal_dx, procedures,
           total_cost::DECIMAL(18,2) AS total_cost, fund_paid::DECIMAL(18,2) AS fund_paid, exam_cost::DECIMAL(18,2) AS exam_cost,
           NULL::VARCHAR AS signed_hospital_id, NULL::VARCHAR AS apg_code
    FROM read_csv('${file}', header = true, all_varchar = true)`);
  await buildApg(session);
}, 120_000);

afterAll(() => {
  session?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("classes and groups 100,000 random visits as the single-visit function does", async () => {
  const groups = new Set((await session.all<{ apg_code: string }>(`SELECT apg_code FROM apg_candidates`)).map((r) => r.apg_code));
  const rows = await session.all<Record<string, string | null>>(
    `SELECT claim_id, treatment, class, key, chapter, apg_code, level FROM apg_visits ORDER BY claim_id`,
  );
  expect(rows.length).toBe(100_000);
  const byId = new Map(visits.map((v) => [v.claim_id, v]));
  const classify = (code: string) => procedureClass(scheme, code);
  let differ = 0;
  const examples: string[] = [];
  const levels = new Map<string, number>();
  for (const row of rows) {
    const v = byId.get(row.claim_id!)!;
    const one = groupVisit({ ...v, exam_cost: v.exam_cost }, classify, (g) => groups.has(g));
    const mine = [one.treatment, one.class, one.key, one.chapter, one.apg_code, one.level].join("|");
    const bulk = [row.treatment, row.class, row.key, row.chapter, row.apg_code, row.level].join("|");
    levels.set(one.level, (levels.get(one.level) ?? 0) + 1);
    if (mine !== bulk) {
      differ++;
      if (examples.length < 5) examples.push(`${row.claim_id} ${JSON.stringify(v)}: single ${mine} / bulk ${bulk}`);
    }
  }
  expect(examples).toEqual([]);
  expect(differ).toBe(0);
  // the draw reaches every path: own key group, chapter fold, class fold
  for (const level of ["key", "chapter", "class"]) expect(levels.get(level) ?? 0, level).toBeGreaterThan(100);
}, 120_000);
