// Issue 8 on a small generated region: compute under a tight memory limit writes the same bytes; the
// claims as folders of monthly files give the same datasets as single files; a month added to the folder,
// or replaced in it, is never served from a stale workspace, and gives what a fresh full run gives, while
// only that month's file is read and checked again (the others' checked rows are kept as parts).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { beforeAll, describe, expect, it } from "vitest";
import { openSession } from "../../lib/db/session.ts";

const root = join(import.meta.dirname, "../..");

/** compute in its own process, with its own workspace folder unless one is given. */
function compute(data: string, out: string, { cache = mkdtempSync(join(tmpdir(), "drg-cache-")), extra = [] as string[] } = {}) {
  const run = spawnSync("npx", ["tsx", "bin/compute.ts", "--data", data, "--out", out, ...extra], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DRG_CACHE_DIR: cache, DRG_QUIET: "0" }, // its stage lines and notes are read
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stderr;
}

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
/** Every dataset file of a compute output, but those that name input files (rejected, input_files, metadata). */
const datasetFiles = (dir: string) => readdirSync(dir).filter((f) => !/^(rejected|input_files|metadata)\./.test(f)).sort();
function expectSameDatasets(a: string, b: string) {
  expect(datasetFiles(a)).toEqual(datasetFiles(b));
  for (const f of datasetFiles(a)) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
}

let region: string;
let monthly: string;
let full: string;
const months: string[] = [];

beforeAll(async () => {
  region = join(tmp("drg-scale-"), "region");
  const generated = spawnSync("npx", ["tsx", "bin/generate.ts", "--out", region, "--scale", "0.01", "--seed", "5", "--quiet"], { cwd: root, encoding: "utf8" });
  expect(generated.status, generated.stderr).toBe(0);
  full = tmp("drg-full-");
  compute(region, full);
  // The same region with both claims tables as folders of monthly Parquet files.
  monthly = join(tmp("drg-monthly-"), "region");
  mkdirSync(join(monthly, "claims_inpatient"), { recursive: true });
  mkdirSync(join(monthly, "claims_outpatient"), { recursive: true });
  for (const t of ["hospitals", "policy"]) copyFileSync(join(region, `${t}.parquet`), join(monthly, `${t}.parquet`));
  const session = await openSession();
  for (const [table, date] of [["claims_inpatient", "discharge_date"], ["claims_outpatient", "visit_date"]]) {
    const source = `read_parquet('${join(region, `${table}.parquet`)}')`;
    const found = await session.all<{ month: string }>(`SELECT DISTINCT strftime(${date}, '%Y-%m') AS month FROM ${source} ORDER BY month`);
    if (table === "claims_inpatient") months.push(...found.map((m) => m.month));
    for (const { month } of found) {
      await session.run(`COPY (SELECT * FROM ${source} WHERE strftime(${date}, '%Y-%m') = '${month}' ORDER BY claim_id)
        TO '${join(monthly, table, `${month}.parquet`)}' (FORMAT parquet)`);
    }
  }
  session.close();
}, 600_000);

describe("scale: memory limit and monthly files", () => {
  it("writes the same bytes under a 64 MB memory limit (DuckDB spills to disk)", () => {
    const tight = tmp("drg-tight-");
    const log = compute(region, tight, { extra: ["--memory-limit", "64MB"] });
    expect(log).toMatch(/peak RSS \d+ MB/);
    expectSameDatasets(full, tight);
  });

  it("gives the same datasets from folders of monthly files as from single files", () => {
    const out = tmp("drg-out-");
    compute(monthly, out);
    expectSameDatasets(full, out);
  });

  it("recomputes when a month is added, giving what a fresh full run gives", () => {
    // The last month is held back, computed without it, then added: the same workspace folder throughout.
    const last = months[months.length - 1];
    const data = join(tmp("drg-adding-"), "region");
    mkdirSync(join(data, "claims_inpatient"), { recursive: true });
    mkdirSync(join(data, "claims_outpatient"), { recursive: true });
    for (const t of ["hospitals", "policy"]) copyFileSync(join(monthly, `${t}.parquet`), join(data, `${t}.parquet`));
    for (const table of ["claims_inpatient", "claims_outpatient"]) {
      for (const f of readdirSync(join(monthly, table))) if (f !== `${last}.parquet`) copyFileSync(join(monthly, table, f), join(data, table, f));
    }
    const cache = tmp("drg-cache-");
    const before = tmp("drg-out-");
    compute(data, before, { cache });
    const fundBefore = csvParse(readFileSync(join(before, "fund_month.csv"), "utf8"));
    expect(fundBefore.some((r) => r.month === last)).toBe(false);
    for (const table of ["claims_inpatient", "claims_outpatient"]) copyFileSync(join(monthly, table, `${last}.parquet`), join(data, table, `${last}.parquet`));
    const after = tmp("drg-out-");
    const log = compute(data, after, { cache });
    expectSameDatasets(full, after);
    // Incremental: only the new month's files were read and checked (and its stays grouped); every
    // other file's checked rows came from its kept part.
    const n = months.length;
    expect(log).toContain(`claims_inpatient: ${n - 1} of ${n} files' checked rows reused, 1 checked`);
    expect(log).toMatch(/claims_outpatient: (\d+) of (\d+) files' checked rows reused, 1 checked/);
  });

  it("never serves a replaced month from the stale workspace", async () => {
    const data = join(tmp("drg-replacing-"), "region");
    mkdirSync(data, { recursive: true });
    for (const t of ["hospitals", "policy", "claims_outpatient"]) copyFileSync(join(region, `${t}.parquet`), join(data, `${t}.parquet`));
    mkdirSync(join(data, "claims_inpatient"));
    for (const f of readdirSync(join(monthly, "claims_inpatient"))) copyFileSync(join(monthly, "claims_inpatient", f), join(data, "claims_inpatient", f));
    const cache = tmp("drg-cache-");
    const before = tmp("drg-out-");
    compute(data, before, { cache });
    // The bureau sends a corrected export of one month: every stay's fund_paid 1 yuan lower.
    const month = months[Math.floor(months.length / 2)];
    const file = join(data, "claims_inpatient", `${month}.parquet`);
    const session = await openSession();
    const stays = Number(await session.value(`SELECT count(*) FROM read_parquet('${file}')`));
    await session.run(`COPY (SELECT * REPLACE (fund_paid - 1 AS fund_paid) FROM read_parquet('${file}')) TO '${file}.new' (FORMAT parquet)`);
    session.close();
    writeFileSync(file, readFileSync(`${file}.new`));
    const after = tmp("drg-out-");
    const log = compute(data, after, { cache });
    expect(log).toContain(`claims_inpatient: ${months.length - 1} of ${months.length} files' checked rows reused, 1 checked`);
    const paid = (dir: string) =>
      Number(csvParse(readFileSync(join(dir, "fund_month.csv"), "utf8")).find((r) => r.setting === "inpatient" && r.month === month)!.fund_paid);
    expect(paid(before) - paid(after)).toBeCloseTo(stays, 2);
  });
});
