// npx tsx bench/scale.ts [--data DIR,DIR…] [--memory-limit 500MB] [--skip-peers] [--jinhua [DIR]]
// Issue 8's table on this machine: `compute` on each region (the embedded 1× sample, and the 10× region
// at /tmp/drg-bench/scale-10 when it has been generated), each in its own process with a fresh workspace
// folder: seconds, peak RSS, and its stages as compute prints them. Then, on the first region:
//   - the floor: one DuckDB query from the contract Parquet (claims with their group) to CMI per
//     hospital-year, and compute's time as a multiple of it;
//   - the same metrics (CMI, cost per weight per hospital-year, RW intervals per year) from the same
//     Parquet in DuckDB, polars and pandas (bench/peers, installed into bench/peers/.venv by its
//     requirements.txt), and in memory DuckDB against danfojs on 1M cases.
// Last, opt-in (--jinhua: tens of minutes), compute on the Jinhua-scale region (1M stays and 50M visits a year,
// five years: 5M + 250M rows, monthly files) at /tmp/drg-bench/jinhua or DIR, its stages printed as they come.
// Ratios are steadier than seconds on a shared machine; the load average is printed with them.
// Prints figures; it does not pass or fail.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseFlags } from "../bin/args.ts";
import { openSession, type Session } from "../lib/db/session.ts";
import { caseMixByHospitalYear, derivedWeights, rwIntervalTable, type OracleCase } from "../test/metrics/oracle.ts";

const flags = parseFlags(process.argv.slice(2));
const root = join(import.meta.dirname, "..");
const regions = (flags.get("data") ?? ["data/sample", "/tmp/drg-bench/scale-10"].join(","))
  .split(",")
  .filter((dir) => existsSync(join(dir, "hospitals.parquet")) || existsSync(join(dir, "hospitals.csv")));
const edges = [0.2, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5];
const load = () => loadavg()[0].toFixed(1);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface ComputeRun {
  seconds: number;
  peakMb: number;
  stages: string[];
  out: string;
  cache: string;
}

/**
 * compute in its own process with a fresh workspace folder (the figures of a first run). `live`: its stderr
 * (stage lines) is passed through as it comes, for a run of many minutes.
 */
async function compute(data: string, extra: string[] = [], live = false): Promise<ComputeRun> {
  const out = mkdtempSync(join(tmpdir(), "drg-bench-out-"));
  const cache = mkdtempSync(join(tmpdir(), "drg-bench-cache-"));
  const started = performance.now();
  const child = spawn("npx", ["tsx", "bin/compute.ts", "--data", data, "--out", out, ...extra], {
    cwd: root,
    env: { ...process.env, DRG_CACHE_DIR: cache },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    if (live) process.stderr.write(chunk);
  });
  const status = await new Promise<number | null>((done) => child.on("close", done));
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0) {
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    throw new Error(`compute on ${data} failed (exit ${status}): ${stderr.split("\n").slice(-20).join("\n")}`);
  }
  const peak = /peak RSS (\d+) MB/.exec(stderr);
  const stages = stderr.split("\n").filter((l) => l.startsWith("compute ✓"));
  return { seconds, peakMb: peak ? Number(peak[1]) : NaN, stages, out, cache };
}

console.log(`regions: ${regions.join(", ") || "none (generate the sample with npm run build, or the 10× region with bin/generate.ts --scale 10 --out /tmp/drg-bench/scale-10)"}`);
const runs = new Map<string, ComputeRun>();
for (const data of regions) {
  const loadBefore = load();
  const run = await compute(data, flags.has("memory-limit") ? ["--memory-limit", flags.get("memory-limit")!] : []);
  runs.set(data, run);
  console.log(`\ncompute on ${data}: ${run.seconds.toFixed(1)} s wall (with process start), peak RSS ${run.peakMb} MB, load ${loadBefore} → ${load()}${verdict(data, run)}`);
  for (const line of run.stages) console.log(`  ${line.replace("compute ✓ ", "")}`);
}

/** Issue 8's targets for the 1× sample and the 10× region, met or not (other regions: none). */
function verdict(data: string, run: ComputeRun): string {
  const target = data.endsWith("scale-10") ? { seconds: 120, mb: 4096 } : data.endsWith("data/sample") ? { seconds: 10, mb: 2048 } : undefined;
  if (!target) return "";
  const met = (ok: boolean) => (ok ? "met" : "not met");
  return `\n  target ≤ ${target.seconds} s: ${met(run.seconds <= target.seconds)}; peak RSS ≤ ${target.mb / 1024} GB: ${met(run.peakMb <= target.mb)}`;
}

const first = regions[0];
if (first) {
  const run = runs.get(first)!;
  // The floor's inputs: the claims as the contract's Parquet with their group (drg_code), and the weights.
  const files = mkdtempSync(join(tmpdir(), "drg-bench-floor-"));
  const claims = join(files, "claims_inpatient.parquet");
  const weights = join(files, "weights.csv");
  {
    process.env.DRG_CACHE_DIR = run.cache; // the workspace compute just built (cacheDir is read on import)
    const { openWorkspace } = await import("../loaders/workspace.ts");
    const { resolveParameters } = await import("../lib/params.ts");
    const workspace = await openWorkspace(resolveParameters({ data: first }));
    await workspace.run(`COPY (SELECT c.* EXCLUDE (drg_code), k.drg_code FROM claims_inpatient c JOIN cases k USING (claim_id) WHERE k.grouped ORDER BY claim_id) TO '${claims}' (FORMAT parquet)`);
    await workspace.run(`COPY (SELECT drg_code, rw FROM drg_weights ORDER BY drg_code) TO '${weights}' (FORMAT csv, HEADER)`);
    workspace.close();
  }
  const session = await openSession();
  const best = async (query: string, times = 3) => {
    let fastest = Infinity;
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      await session.all(query);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  const from = `read_parquet('${claims}') c JOIN read_csv('${weights}', header = true, columns = {'drg_code': 'VARCHAR', 'rw': 'DOUBLE'}) w USING (drg_code)`;
  const floorSql = `SELECT hospital_id, year(discharge_date) AS year, sum(rw) / count(*) AS cmi FROM ${from} GROUP BY ALL ORDER BY ALL`;
  const floor = await best(floorSql);
  console.log(`\nfloor: one DuckDB query, contract Parquet → CMI per hospital-year: ${s(floor)}`);
  const ratio = run.seconds / (floor / 1000);
  console.log(`  compute / floor on ${first}: ${ratio.toFixed(0)}× (compute includes validation, grouping, weights, every dataset; target ≤ 30×: ${ratio <= 30 ? "met" : "not met"})`);

  // The same three metrics from the same Parquet, in one scan: both groupings of one GROUP BY.
  const metricsSql = `SELECT hospital_id, year, interval, count(*) AS cases, sum(rw) AS total_weight, sum(rw) / count(*) AS cmi,
       sum(total_cost) / sum(rw) AS cost_per_weight, sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid
    FROM (SELECT hospital_id, year(discharge_date) AS year, ${edges.map((e) => `(rw >= ${e})::INTEGER`).join(" + ")} AS interval,
            rw, total_cost, fund_paid FROM ${from})
    GROUP BY GROUPING SETS ((hospital_id, year), (year, interval))`;
  const byHospitalYear = `SELECT * FROM (${metricsSql}) WHERE hospital_id IS NOT NULL`;
  const duckBoth = await best(metricsSql);
  console.log(`\nCMI, cost per weight per hospital-year and RW intervals per year, from the same Parquet (best of 3, load ${load()}):`);
  console.log(`  DuckDB   ${s(duckBoth)}`);
  const python = join(root, "bench/peers/.venv/bin/python");
  if (!flags.has("skip-peers") && !existsSync(python)) {
    console.log("  polars, pandas: not installed (python3 -m venv bench/peers/.venv && bench/peers/.venv/bin/pip install -r bench/peers/requirements.txt)");
  } else if (!flags.has("skip-peers")) {
    for (const engine of ["polars", "pandas"]) {
      const peer = spawnSync(python, [join(root, "bench/peers/metrics.py"), "--engine", engine, "--claims", claims, "--weights", weights, "--edges", edges.join(",")], {
        encoding: "utf8",
        env: { ...process.env, OPENBLAS_CORETYPE: "", OPENBLAS_L2_SIZE: "" },
      });
      if (peer.status !== 0) {
        console.log(`  ${engine.padEnd(8)} failed: ${peer.stderr.split("\n").slice(-3).join(" ")}`);
        continue;
      }
      const result = JSON.parse(peer.stdout) as { seconds: number; cmi_sum: number };
      const [check] = await session.all<{ cmi_sum: number }>(`SELECT sum(cmi)::DOUBLE AS cmi_sum FROM (${byHospitalYear})`);
      const agree = Math.abs(result.cmi_sum - check.cmi_sum) < 1e-6 * check.cmi_sum ? "same CMI" : `CMI differs (${result.cmi_sum} vs ${check.cmi_sum})`;
      console.log(`  ${engine.padEnd(8)} ${s(result.seconds * 1000)}  DuckDB ${(result.seconds / (duckBoth / 1000)).toFixed(1)}× faster (${agree})`);
    }
  }

  // In memory: DuckDB against danfojs (the oracle of the tests) on the first 1M cases.
  await danfoRatio(session, claims);
  session.close();
  rmSync(files, { recursive: true, force: true });
}
for (const run of runs.values()) {
  rmSync(run.out, { recursive: true, force: true });
  rmSync(run.cache, { recursive: true, force: true });
}
await jinhua();

/**
 * Issue 8's Jinhua row: compute on 1M stays + 50M visits a year for five years (target: completes, peak RSS
 * ≤ 8 GB). Opt-in: it runs tens of minutes.
 */
async function jinhua(): Promise<void> {
  const dir = flags.get("jinhua") === "true" ? "/tmp/drg-bench/jinhua" : (flags.get("jinhua") ?? "/tmp/drg-bench/jinhua");
  const generate = `nice -n 10 npx tsx bin/generate.ts --out ${dir} --scale 5 --outpatient-scale 50 --split month --memory-limit 6GB`;
  const generated = existsSync(join(dir, "hospitals.parquet")) && existsSync(join(dir, "claims_outpatient"));
  const title = "compute at Jinhua scale (1M stays + 50M visits a year, 5 years; target: completes, peak RSS ≤ 8 GB)";
  if (!flags.has("jinhua")) {
    console.log(`
${title}: not run (opt-in, tens of minutes: npm run bench -- --jinhua${generated ? "" : `, after generating the region with ${generate}`})`);
    return;
  }
  if (!generated) {
    console.log(`
${title}: not run (generate it with ${generate})`);
    return;
  }
  const session = await openSession({ memoryLimit: "1GB" });
  const rows = async (table: string) => Number(await session.value(`SELECT count(*) FROM read_parquet('${join(dir, table, "*.parquet")}')`));
  const [inpatient, outpatient] = [await rows("claims_inpatient"), await rows("claims_outpatient")];
  session.close();
  console.log(`
${title}
  ${dir}: ${inpatient.toLocaleString("en")} stays + ${outpatient.toLocaleString("en")} visits (stages as they come, on stderr)`);
  const loadBefore = load();
  let run: ComputeRun;
  try {
    run = await compute(dir, flags.has("memory-limit") ? ["--memory-limit", flags.get("memory-limit")!] : [], true);
  } catch (error) {
    console.log(`  failed: ${(error as Error).message}`);
    return;
  }
  const rate = (inpatient + outpatient) / run.seconds;
  console.log(`compute on ${dir}: ${run.seconds.toFixed(1)} s wall (with process start), ${(rate / 1e6).toFixed(2)}M rows/s, peak RSS ${run.peakMb} MB ` +
    `(${run.peakMb <= 8192 ? "within" : "above"} the 8 GB target), load ${loadBefore} → ${load()}`);
  for (const line of run.stages) console.log(`  ${line.replace("compute ✓ ", "")}`);
  rmSync(run.out, { recursive: true, force: true });
  rmSync(run.cache, { recursive: true, force: true });
}

/** Derived weights (§2, trimmed), CMI and cost per weight per hospital-year, RW intervals: DuckDB SQL vs danfojs. */
async function danfoRatio(session: Session, claims: string): Promise<void> {
  await session.run(`CREATE OR REPLACE TABLE bench_cases AS
    SELECT claim_id, hospital_id, year(discharge_date)::INTEGER AS year, strftime(discharge_date, '%Y-%m') AS month, drg_code,
      drg_code <> '0000' AND NOT drg_code LIKE '%QY' AS grouped,
      (greatest(discharge_date - admit_date, 1) > 60 OR total_cost < 5) AS excluded, total_cost::DOUBLE AS total_cost, fund_paid::DOUBLE AS fund_paid
    FROM read_parquet('${claims}') ORDER BY claim_id LIMIT 1000000`);
  const n = Number(await session.value("SELECT count(*) FROM bench_cases"));
  const sql = readFileSync(join(root, "bench/peers/weights-and-metrics.sql"), "utf8").replaceAll("{edges}", edges.join(", "));
  let duck = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    for (const statement of sql.split(";").filter((q) => q.trim())) await session.all(statement);
    duck = Math.min(duck, performance.now() - started);
  }
  const rows = await session.all<OracleCase>(`SELECT * FROM bench_cases ORDER BY claim_id`);
  const started = performance.now();
  const derived = derivedWeights(rows, { trimK: 1.5, minCases: 5, edges });
  caseMixByHospitalYear(rows, derived.rw);
  rwIntervalTable(rows, derived.rw, edges);
  const danfo = performance.now() - started;
  console.log(`\nin memory, ${n.toLocaleString("en")} cases: derived weights (§2) + CMI and cost per weight per hospital-year + RW intervals per year`);
  console.log(`  DuckDB   ${s(duck)}\n  danfojs  ${s(danfo)}  DuckDB ${(danfo / duck).toFixed(1)}× faster (target ≥ 20×: ${danfo / duck >= 20 ? "met" : "not met"}; load ${load()})`);
  writeFileSync(join(tmpdir(), "drg-bench-danfo.txt"), `${duck} ${danfo}\n`);
}
