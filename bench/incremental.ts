// npx tsx bench/incremental.ts [--data DIR] [--memory-limit 3GB]
// Issue 8's "one new month added to a prepared workspace": the region's claims split into monthly files
// (kept in /tmp/drg-bench/<region>-monthly), compute on every month but the last (a full first run, with
// a fresh workspace folder), then the last month's files added and compute run again in the same
// folder: its time as a share of the full run, and the stages that ran again. Default region: the 10×
// one at /tmp/drg-bench/scale-10 when it has been generated, else the embedded sample.
// Prints figures; it does not pass or fail.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseFlags } from "../bin/args.ts";
import { openSession } from "../lib/db/session.ts";
import { inPeriod, periods, writePeriodFile } from "../lib/synthetic/split.ts";

const flags = parseFlags(process.argv.slice(2));
const root = join(import.meta.dirname, "..");
const region = flags.get("data") ?? (existsSync("/tmp/drg-bench/scale-10/hospitals.parquet") ? "/tmp/drg-bench/scale-10" : join(root, "data/sample"));
const load = () => loadavg()[0].toFixed(1);

/**
 * The region with both claims tables as folders of monthly Parquet files (made once), written as the
 * generator's `--split month` writes them (lib/synthetic/split.ts): each month's rows sorted by claim_id.
 */
async function monthlyCopy(source: string): Promise<{ dir: string; months: string[] }> {
  const dir = join("/tmp/drg-bench", `${basename(source)}-monthly`);
  if (!existsSync(join(dir, "done"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(source)) if (/^(hospitals|policy)\./.test(f)) copyFileSync(join(source, f), join(dir, f));
    const session = await openSession();
    for (const [table, date] of [["claims_inpatient", "discharge_date"], ["claims_outpatient", "visit_date"]]) {
      mkdirSync(join(dir, table));
      const from = `read_parquet('${join(source, `${table}.parquet`)}')`;
      let written = 0;
      for (const period of periods("month")) {
        const file = await writePeriodFile(session, dir, table, period, `SELECT * FROM ${from} WHERE ${inPeriod(date, period)} ORDER BY claim_id`, "parquet");
        written += file?.rows ?? 0;
      }
      const rows = Number(await session.value(`SELECT count(*) FROM ${from}`));
      if (written !== rows) throw new Error(`${source}: ${rows - written} ${table} rows fall outside the generator's months; split it by hand`);
    }
    session.close();
    mkdirSync(join(dir, "done"));
  }
  const months = readdirSync(join(dir, "claims_inpatient")).map((f) => f.replace(".parquet", "")).sort();
  return { dir, months };
}

function compute(data: string, cache: string): { seconds: number; stages: string[]; notes: string[] } {
  const out = mkdtempSync(join(tmpdir(), "drg-bench-out-"));
  const started = performance.now();
  const extra = flags.has("memory-limit") ? ["--memory-limit", flags.get("memory-limit")!] : [];
  const run = spawnSync("npx", ["tsx", "bin/compute.ts", "--data", data, "--out", out, ...extra], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DRG_CACHE_DIR: cache },
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`compute on ${data} failed: ${run.stderr}`);
  const lines = run.stderr.split("\n");
  return { seconds, stages: lines.filter((l) => l.startsWith("compute ✓")), notes: lines.filter((l) => l.includes("checked rows reused")) };
}

const { dir, months } = await monthlyCopy(region);
const last = months[months.length - 1];
const data = join(mkdtempSync(join(tmpdir(), "drg-bench-incremental-")), "region");
mkdirSync(data, { recursive: true });
for (const f of readdirSync(dir)) if (/^(hospitals|policy)\./.test(f)) copyFileSync(join(dir, f), join(data, f));
for (const table of ["claims_inpatient", "claims_outpatient"]) {
  mkdirSync(join(data, table));
  for (const f of readdirSync(join(dir, table))) if (f !== `${last}.parquet`) copyFileSync(join(dir, table, f), join(data, table, f));
}
const cache = mkdtempSync(join(tmpdir(), "drg-bench-cache-"));
console.log(`region ${region}: ${months.length} months in ${dir}; the last, ${last}, held back (load ${load()})`);
const first = compute(data, cache);
console.log(`\nfull run on ${months.length - 1} months: ${first.seconds.toFixed(1)} s`);
for (const line of first.stages) console.log(`  ${line.replace("compute ✓ ", "")}`);
for (const table of ["claims_inpatient", "claims_outpatient"]) copyFileSync(join(dir, table, `${last}.parquet`), join(data, table, `${last}.parquet`));
const next = compute(data, cache);
console.log(`\n${last} added, same workspace folder: ${next.seconds.toFixed(1)} s = ${((100 * next.seconds) / first.seconds).toFixed(0)} % of the full run (target ≤ 10 %; load ${load()})`);
for (const line of next.notes) console.log(`  ${line.replace(/^compute\s+/, "")}`);
for (const line of next.stages) console.log(`  ${line.replace("compute ✓ ", "")}`);
rmSync(cache, { recursive: true, force: true });
rmSync(join(data, ".."), { recursive: true, force: true });
