// The same seed and scale give byte-identical files; another seed gives other files.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateRegion } from "../../lib/synthetic/index.ts";

const base = mkdtempSync(join(tmpdir(), "synthetic-determinism-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function fileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

describe("generateRegion determinism", () => {
  it("writes byte-identical parquet files for the same seed, and different ones for another seed", async () => {
    const runs = [
      { out: join(base, "a"), seed: 7 },
      { out: join(base, "b"), seed: 7 },
      { out: join(base, "c"), seed: 8 },
    ];
    for (const run of runs) await generateRegion({ ...run, scale: 0.01, grouping: "intended" });
    const [a, b, c] = runs.map((r) => fileHashes(r.out));
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining([
        "claims_inpatient.parquet",
        "claims_outpatient.parquet",
        "hospitals.parquet",
        "policy.parquet",
        join("truth", "anomalies.csv"),
        join("truth", "claims_inpatient_truth.parquet"),
      ]),
    );
    expect(b).toEqual(a);
    expect(c["claims_inpatient.parquet"]).not.toBe(a["claims_inpatient.parquet"]);
    expect(c["claims_outpatient.parquet"]).not.toBe(a["claims_outpatient.parquet"]);
  });

  it("writes byte-identical CSV files for the same seed", async () => {
    const runs = [join(base, "csv1"), join(base, "csv2")];
    for (const out of runs) await generateRegion({ out, seed: 3, scale: 0.005, format: "csv", grouping: "intended" });
    const [a, b] = runs.map(fileHashes);
    expect(Object.keys(a)).toContain("claims_inpatient.csv");
    expect(b).toEqual(a);
  });
});
