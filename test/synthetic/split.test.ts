// --split year|month writes the claims tables as folders of one file per period; their union is the single
// file's rows, row for row (the outpatient visits are generated one period at a time, so every random draw and
// the monthly dealing of chronic slots must come out the same). The other tables are the same bytes.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { generateRegion } from "../../lib/synthetic/index.ts";

const base = mkdtempSync(join(tmpdir(), "synthetic-split-"));
const claims = [
  { table: "claims_inpatient", date: "discharge_date" },
  { table: "claims_outpatient", date: "visit_date" },
];
const options = { seed: 5, scale: 0.02, grouping: "intended" as const };
let session: Session;

beforeAll(async () => {
  for (const split of ["none", "year", "month"] as const) await generateRegion({ ...options, out: join(base, split), split });
  session = await openSession({ memoryLimit: "1GB" });
});

afterAll(() => {
  session?.close();
  rmSync(base, { recursive: true, force: true });
});

const count = async (sql: string) => Number(await session.value(sql));
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const single = (table: string) => `read_parquet('${join(base, "none", `${table}.parquet`)}')`;
const folder = (split: string, table: string) => `read_parquet('${join(base, split, table, "*.parquet")}', filename = true)`;

describe.each(["year", "month"])("--split %s", (split) => {
  const names = split === "year" ? ["2017", "2018", "2019", "2020", "2021"] : ["2017-01", "2017-02", "2021-12"];

  it("writes the claims tables as folders of one file per period, and no single claims file", () => {
    const entries = readdirSync(join(base, split)).sort();
    expect(entries).toEqual(["claims_inpatient", "claims_outpatient", "hospitals.parquet", "policy.parquet", "truth"]);
    for (const { table } of claims) {
      const files = readdirSync(join(base, split, table)).sort();
      expect(files).toEqual(expect.arrayContaining(names.map((n) => `${n}.parquet`)));
      expect(files).toHaveLength(split === "year" ? 5 : 60);
    }
  });

  it.each(claims)("$table: the union of the files equals the single file, row for row", async ({ table }) => {
    const all = await count(`SELECT count(*) FROM ${single(table)}`);
    expect(all).toBeGreaterThan(10_000);
    expect(await count(`SELECT count(*) FROM ${folder(split, table)}`)).toBe(all);
    // EXCEPT ALL both ways: same rows with the same multiplicities, every column
    const rows = `SELECT * EXCLUDE (filename) FROM ${folder(split, table)}`;
    expect(await count(`SELECT count(*) FROM (SELECT * FROM ${single(table)} EXCEPT ALL ${rows})`)).toBe(0);
    expect(await count(`SELECT count(*) FROM (${rows} EXCEPT ALL SELECT * FROM ${single(table)})`)).toBe(0);
  });

  it.each(claims)("$table: each file holds its period's rows, sorted by claim_id", async ({ table, date }) => {
    const period = split === "year" ? `strftime(${date}, '%Y')` : `strftime(${date}, '%Y-%m')`;
    const misplaced = await count(`SELECT count(*) FROM ${folder(split, table)} WHERE parse_filename(filename, true) <> ${period}`);
    expect(misplaced).toBe(0);
    const unsorted = await count(`
      SELECT count(*) FROM (SELECT claim_id, lag(claim_id) OVER (PARTITION BY filename ORDER BY file_row_number) AS previous
                            FROM read_parquet('${join(base, split, table, "*.parquet")}', filename = true, file_row_number = true))
      WHERE previous >= claim_id`);
    expect(unsorted).toBe(0);
  });

  it("writes hospitals, policy and the ground truth as the same bytes as the single-file run", () => {
    for (const file of ["hospitals.parquet", "policy.parquet", "truth/anomalies.csv", "truth/claims_inpatient_truth.parquet", "truth/claims_outpatient_truth.parquet"]) {
      expect(sha(join(base, split, file)), file).toBe(sha(join(base, "none", file)));
    }
  });
});

describe("--split none", () => {
  it("replaces a folder left by an earlier split run with the single file", async () => {
    const out = join(base, "month");
    await generateRegion({ ...options, scale: 0.005, out, split: "none" });
    expect(readdirSync(out).sort()).toEqual(["claims_inpatient.parquet", "claims_outpatient.parquet", "hospitals.parquet", "policy.parquet", "truth"]);
  });
});
