// DIP properties on a generated region (scale 0.01): every accepted case has exactly one packet; with
// share ratio 1 and no budget (budget = recorded) the region's DIP settlement rate is exactly 1; DIP and
// DRG pay out the same fund (Σ payment = F + patient share under both); two runs on two threads give
// byte-identical catalogue and settlement files.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Row, type Session } from "../../lib/db/session.ts";
import { resolveParameters } from "../../lib/params.ts";
import { prepare } from "../../lib/pipeline.ts";
import { generateRegion } from "../../lib/synthetic/index.ts";
import { writeDataset } from "../../loaders/publish.ts";
import { dipHospitalYear, dipPackets, dipYear } from "../../loaders/dip.ts";

const dir = mkdtempSync(join(tmpdir(), "dip-region-"));

async function prepared(options: { policy: boolean; threads?: number }): Promise<Session> {
  if (!options.policy) rmSync(join(dir, "policy.parquet"), { force: true });
  const params = resolveParameters({ data: dir, shareRatio: 1 }, dir);
  const session = await openSession({ threads: options.threads });
  await prepare(session, params);
  return session;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("DIP invariants on a generated region", () => {
  let withBudget: Session;
  let budgetYears: Row[];
  let budgetHospitals: Row[];
  beforeAll(async () => {
    await generateRegion({ out: dir, seed: 5, scale: 0.01, grouping: "intended" });
    withBudget = await prepared({ policy: true });
    budgetYears = await withBudget.all(dipYear.query());
    budgetHospitals = await withBudget.all(dipHospitalYear.query());
  }, 300_000);
  afterAll(() => withBudget?.close());

  it("gives every accepted case exactly one packet", async () => {
    const [row] = await withBudget.all<{ cases: string; packets: string; claims: string; unknown: string }>(`SELECT
      (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM dip_case_packets) AS packets,
      (SELECT count(DISTINCT claim_id) FROM dip_case_packets) AS claims,
      (SELECT count(*) FROM dip_case_packets LEFT JOIN dip_packet_catalogue USING (packet_code) WHERE score IS NULL) AS unknown`);
    expect(Number(row.cases)).toBeGreaterThan(1000);
    expect([row.packets, row.claims, row.unknown]).toEqual([row.cases, row.cases, "0"]);
    const scored = Number(await withBudget.value("SELECT count(*) FROM dip_case_scores WHERE case_score IS NOT NULL"));
    expect(scored).toBe(Number(row.cases));
  });

  it("pays out the same fund under DIP and DRG, with the budget and share ratio of the policy table", () => {
    expect(budgetYears.length).toBeGreaterThan(2);
    for (const y of budgetYears) {
      expect(y.budget_given).toBe(true);
      expect(y.dip_payment).toBe(y.drg_payment); // both F + s, exact decimals
      const hospitals = budgetHospitals.filter((h) => h.year === y.year);
      const dip = hospitals.reduce((s, h) => s + Number(h.dip_payment), 0);
      const drg = hospitals.reduce((s, h) => s + Number(h.drg_payment), 0);
      // each hospital's payment is rounded to the cent: at most half a cent apart per hospital
      expect(Math.abs(dip - drg)).toBeLessThanOrEqual(0.01 * hospitals.length);
      expect(Math.abs(dip - Number(y.dip_payment))).toBeLessThanOrEqual(0.005 * hospitals.length + 1e-6);
    }
  });

  it("settles at exactly 1 with share ratio 1 and no budget; the same bytes from two runs on two threads", async () => {
    const files: string[][] = [];
    for (const run of [0, 1]) {
      const session = await prepared({ policy: false, threads: 2 });
      try {
        const years = await session.all(dipYear.query());
        for (const y of years) {
          expect(y.budget_given).toBe(false);
          expect(Number(y.settlement_rate)).toBe(1);
          expect(y.fund_to_distribute).toBe(y.recorded);
        }
        const out = mkdtempSync(join(tmpdir(), `dip-out-${run}-`));
        for (const d of [dipPackets, dipHospitalYear, dipYear]) await writeDataset(session, d, join(out, `${d.name}.csv`));
        files.push([dipPackets, dipHospitalYear, dipYear].map((d) => readFileSync(join(out, `${d.name}.csv`), "utf8")));
        rmSync(out, { recursive: true, force: true });
      } finally {
        session.close();
      }
    }
    expect(files[0][0].split("\n").length).toBeGreaterThan(50);
    expect(files[1]).toEqual(files[0]);
  }, 300_000);
});
