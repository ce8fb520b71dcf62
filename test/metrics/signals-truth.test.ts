// The monitoring signals against the generator's ground truth (truth/anomalies.csv): every planted
// anomaly's hospital is flagged for its signal in each planted year, ranked first among its peers, with
// at most 3 other hospitals flagged for that signal that year; the split-admission pairs found cover
// ≥ 90 % of the planted readmissions and ≥ 80 % of the pairs found at that hospital are planted ones.
// Runs on a region generated at scale 0.2 (where the anomalies are still detectable against the
// background); DRG_SIGNALS_DATA=<folder with truth/> checks another one (e.g. data/sample, the 1× sample).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Row, type Session } from "../../lib/db/session.ts";
import { defaultParameters } from "../../lib/params.ts";
import { prepare } from "../../lib/pipeline.ts";
import { generateRegion } from "../../lib/synthetic/index.ts";

interface Planted { anomaly: string; hospital_id: string; from_year: number; to_year: number; signal: string }

describe("signals find the planted anomalies (ground truth)", () => {
  let session: Session;
  let dir: string;
  let own = false;
  let planted: Planted[];
  beforeAll(async () => {
    dir = process.env.DRG_SIGNALS_DATA ?? "";
    if (!dir) {
      dir = mkdtempSync(join(tmpdir(), "drg-signals-"));
      own = true;
      await generateRegion({ out: dir, seed: 1, scale: 0.2, format: "parquet", memoryLimit: "2GB" });
    }
    session = await openSession({ memoryLimit: "3GB" });
    await prepare(session, { ...defaultParameters, data: dir });
    const [header, ...lines] = readFileSync(join(dir, "truth", "anomalies.csv"), "utf8").trim().split("\n");
    const columns = header.split(",");
    planted = lines.map((line) => {
      const cells = line.split(","); // the description (quoted, with commas) comes after the columns used here
      const get = (name: string) => cells[columns.indexOf(name)];
      return { anomaly: get("anomaly"), hospital_id: get("hospital_id"), from_year: Number(get("from_year")), to_year: Number(get("to_year")), signal: get("signal") };
    });
    const format = readFileSync(join(dir, "truth", "README.md"), "utf8").includes("claims_inpatient_truth.csv") ? "csv" : "parquet";
    const read = format === "csv" ? "read_csv" : "read_parquet";
    await session.run(`CREATE TABLE truth AS SELECT claim_id, anomaly FROM ${read}('${join(dir, "truth", `claims_inpatient_truth.${format}`)}')`);
  }, 240_000);
  afterAll(() => {
    session?.close();
    if (own) rmSync(dir, { recursive: true, force: true });
  });

  it("plants the four anomalies of issue 11, each with its signal", () => {
    expect(planted.map((p) => p.signal).sort()).toEqual(["cc_mcc_share_change", "low_standard_admission", "preadmission_outpatient", "readmit_same_adrg"]);
  });

  it("flags each planted hospital for its signal in every planted year, first among its peers, ≤ 3 others flagged", async () => {
    for (const p of planted) {
      for (let year = p.from_year; year <= p.to_year; year++) {
        const rows = await session.all<Row>(`SELECT hospital_id, flagged, peer_rank::INTEGER AS peer_rank, value, peer_mean, peer_p80
          FROM signal_results WHERE signal = '${p.signal}' AND year = ${year}`);
        const mine = rows.find((r) => r.hospital_id === p.hospital_id)!;
        const where = `${p.anomaly} ${p.hospital_id} ${year}: value ${mine.value}, peers' mean ${mine.peer_mean}, p80 ${mine.peer_p80}`;
        expect(mine.flagged, where).toBe(true);
        expect(mine.peer_rank, where).toBe(1);
        expect(rows.filter((r) => r.flagged && r.hospital_id !== p.hospital_id).length, where).toBeLessThanOrEqual(3);
      }
    }
  });

  it("finds the planted split admissions claim by claim: coverage ≥ 90 %, precision at the hospital ≥ 80 %", async () => {
    const split = planted.find((p) => p.signal === "readmit_same_adrg")!;
    const [r] = await session.all<Row>(`
      WITH found AS (SELECT claim_id, related_claim_id FROM signal_cases WHERE signal = 'readmit_same_adrg' AND hospital_id = '${split.hospital_id}'),
           planted AS (SELECT claim_id FROM truth WHERE anomaly = 'split_readmission')
      SELECT (SELECT count(*) FROM planted)::DOUBLE AS planted,
             (SELECT count(*) FROM planted WHERE claim_id IN (SELECT related_claim_id FROM found))::DOUBLE AS covered,
             (SELECT count(*) FROM found)::DOUBLE AS found,
             (SELECT count(*) FROM found WHERE related_claim_id IN (SELECT claim_id FROM planted))::DOUBLE AS true_pairs`);
    const coverage = Number(r.covered) / Number(r.planted);
    const precision = Number(r.true_pairs) / Number(r.found);
    expect(Number(r.planted)).toBeGreaterThan(100);
    expect(coverage, `coverage ${r.covered}/${r.planted}`).toBeGreaterThanOrEqual(0.9);
    expect(precision, `precision ${r.true_pairs}/${r.found}`).toBeGreaterThanOrEqual(0.8);
  });

  it("lists the claims behind the other planted flags (low-standard stays, upcoded stays with their code, pre-admission visits)", async () => {
    for (const p of planted.filter((x) => x.signal !== "readmit_same_adrg")) {
      const n = Number(await session.value(`SELECT count(*) FROM signal_cases WHERE signal = '${p.signal}' AND hospital_id = '${p.hospital_id}' AND year = ${p.to_year}`));
      expect(n, p.anomaly).toBeGreaterThan(10);
    }
    const unnamed = await session.value(`SELECT count(*) FILTER (WHERE detail LIKE '%?%')::DOUBLE / count(*) FROM signal_cases WHERE signal = 'cc_mcc_share_change'`);
    expect(Number(unnamed)).toBeLessThan(0.01); // the code that gives the severity is named
    const lowStandard = planted.find((p) => p.signal === "low_standard_admission")!;
    const [ls] = await session.all<Row>(`SELECT count(*) FILTER (WHERE t.anomaly = 'low_standard')::DOUBLE / count(*) AS share
      FROM signal_cases s JOIN truth t USING (claim_id) WHERE s.signal = 'low_standard_admission' AND s.hospital_id = '${lowStandard.hospital_id}' AND s.year = ${lowStandard.to_year}`);
    expect(Number(ls.share)).toBeGreaterThan(0.6);
  });
});
