// npx tsx bench/compute.ts [--scales 1,10] [--slice 1000000] [--threads N] [--memory-limit 10GB] [--synthetic] [--skip-danfo]
// The compute command's cost: for each scale of the generated sample region (1 ≈ 1M inpatient claims
// over five years), wall time of each stage (ingest, grouping into `cases`, weights, case mix,
// settlement, signals) and of each published dataset with its rows and input cases per second, and the peak
// RSS of the run (each scale in its own process). Then the same CMI and RW-interval figures with
// danfojs (test/metrics/oracle.ts) on a slice of 1M cases, as a ratio to DuckDB. Prints; never asserts.
// Without the generator (or with --synthetic) it times the metrics alone on the seeded synthetic `cases`
// table (scale × 1M rows). DuckDB runs under --memory-limit and spills to a folder in the temp directory.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSession, type Session } from "../lib/db/session.ts";
import { defaultParameters, resolveParameters, setParameterVariables, type Parameters } from "../lib/params.ts";
import { buildCaseMix, caseMixGrains, caseMixSql } from "../lib/metrics/casemix.ts";
import { buildRelativeWeights } from "../lib/metrics/weights.ts";
import { buildSettlement } from "../lib/metrics/settlement.ts";
import { buildSignals } from "../lib/metrics/signals.ts";
import { runSqlFile } from "../lib/metrics/sql.ts";
import type { Dataset } from "../loaders/dataset.ts";
import { rwIntervals } from "../loaders/rw_intervals.ts";
import { caseMixByHospitalYear, derivedWeights, rwIntervalTable, type OracleCase } from "../test/metrics/oracle.ts";
import { createSyntheticCases } from "../test/metrics/synthetic-cases.ts";
import { metricDatasets } from "../test/metrics/metric-datasets.ts";

const flags = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const [name, inline] = process.argv[i].replace(/^--/, "").split("=", 2);
  flags.set(name, inline ?? (process.argv[i + 1]?.startsWith("--") === false ? process.argv[++i] : "true"));
}
const scales = (flags.get("scales") ?? "1,10").split(",").map(Number);
const slice = Number(flags.get("slice") ?? 1_000_000);
const threads = flags.has("threads") ? Number(flags.get("threads")) : undefined;
const memoryLimit = flags.get("memory-limit") ?? "10GB";
const benchDir = join(tmpdir(), "drg-bench");

/** A session under the memory limit, spilling into the benchmark's own temporary folder. */
async function benchSession(): Promise<Session> {
  const session = await openSession({ threads, memoryLimit });
  mkdirSync(join(benchDir, "spill"), { recursive: true });
  await session.run(`SET temp_directory = '${join(benchDir, "spill")}'`);
  return session;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2).padStart(8);
const rate = (rows: number, ms: number) => (ms > 0 ? Math.round(rows / (ms / 1000)).toLocaleString("en") : "-").padStart(12);
const mb = () => `${Math.round(process.resourceUsage().maxRSS / 1024).toLocaleString("en")} MB`;

async function timed<T>(label: string, run: () => Promise<T>, log: string[]): Promise<T> {
  const started = performance.now();
  const result = await run();
  log.push(`  ${label.padEnd(28)} ${seconds(performance.now() - started)} s`);
  process.stderr.write(`${log[log.length - 1]}  (peak RSS so far ${mb()})\n`);
  return result;
}

/** The generated sample at this scale, written once into the temporary folder; null without the generator. */
async function sampleAt(scale: number): Promise<string | null> {
  const dir = join(benchDir, `scale-${scale}`);
  if (existsSync(join(dir, "claims_inpatient.parquet"))) return dir;
  try {
    const { generateRegion } = await import("../lib/synthetic/index.ts");
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    await generateRegion({ out: dir, seed: 1, scale, format: "parquet" });
    console.log(`generated the sample at scale ${scale} into ${dir} in ${seconds(performance.now() - started)} s`);
    return dir;
  } catch (error) {
    console.log(`no generated sample (${(error as Error).message.split("\n")[0]}): using the synthetic cases table`);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

/** One scale, in this process: every stage and every dataset, then the peak RSS. */
async function computeOnce(scale: number, data: string | null): Promise<void> {
  const log: string[] = [];
  const params: Parameters = data ? resolveParameters({ data }) : { ...defaultParameters, reformYear: 2019 };
  const session = await benchSession();
  const total = performance.now();
  let datasets: Dataset[] = metricDatasets;
  if (data) {
    const { readInputs } = await import("../lib/input/ingest.ts");
    const { buildCases } = await import("../lib/cases.ts");
    datasets = (await import("../loaders/index.ts")).datasets;
    await timed("ingest", () => readInputs(session, data), log);
    await setParameterVariables(session, params);
    await session.run(`CREATE OR REPLACE TABLE parameters (name VARCHAR, value VARCHAR, section VARCHAR)`);
    await session.run(`CREATE OR REPLACE TABLE input_files ("table" VARCHAR, file VARCHAR, rows_read BIGINT, sha256 VARCHAR)`);
    await timed("grouping → cases", () => buildCases(session, params), log);
  } else {
    await setParameterVariables(session, params);
    await timed("synthetic cases", () => createSyntheticCases(session, { rows: Math.round(scale * 1_000_000), seed: 1 }), log);
  }
  const cases = Number(await session.value("SELECT count(*) FROM cases"));
  await timed("weights (§2)", () => buildRelativeWeights(session, params), log);
  await timed("case mix (§3)", () => buildCaseMix(session), log);
  await timed("settlement (§6)", () => buildSettlement(session), log);
  await timed("signals and control limits (§10)", () => buildSignals(session, params), log);
  const prepared = performance.now() - total;
  const { writeDataset } = await import("../loaders/publish.ts");
  const out = mkdtempSync(join(tmpdir(), "drg-bench-out-"));
  const lines = [`  ${"dataset".padEnd(28)} ${"seconds".padStart(8)}   ${"rows".padStart(8)} ${"cases/s".padStart(12)}`];
  let writing = 0;
  for (const dataset of datasets) {
    const started = performance.now();
    try {
      const path = join(out, `${dataset.name}.csv`);
      await writeDataset(session, dataset, path);
      const ms = performance.now() - started;
      writing += ms;
      const rows = readFileSync(path, "utf8").split("\n").length - 2;
      lines.push(`  ${dataset.name.padEnd(28)} ${seconds(ms)}   ${String(rows).padStart(8)} ${rate(cases, ms)}`);
    } catch (error) {
      lines.push(`  ${dataset.name.padEnd(28)} failed: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  rmSync(out, { recursive: true, force: true });
  session.close();
  console.log(`scale ${scale}: ${cases.toLocaleString("en")} inpatient cases (${data ? "generated sample, full pipeline" : "synthetic cases table"}), threads ${threads ?? "all"}`);
  console.log(log.join("\n"));
  console.log(`  ${"prepared".padEnd(28)} ${seconds(prepared)} s  (${rate(cases, prepared).trim()} cases/s)`);
  console.log(lines.join("\n"));
  console.log(`  ${"all datasets written".padEnd(28)} ${seconds(writing)} s`);
  console.log(`  ${"total".padEnd(28)} ${seconds(performance.now() - total)} s, peak RSS ${mb()}`);
}

/** CMI per hospital-year and the RW-interval table: DuckDB vs danfojs on the same slice of cases. */
async function danfoRatio(data: string | null): Promise<void> {
  const params: Parameters = data ? resolveParameters({ data }) : { ...defaultParameters };
  const session = await benchSession();
  await setParameterVariables(session, params);
  if (data) {
    const { readInputs } = await import("../lib/input/ingest.ts");
    const { buildCases } = await import("../lib/cases.ts");
    await readInputs(session, data);
    await buildCases(session, params);
  } else {
    await createSyntheticCases(session, { rows: slice, seed: 1 });
  }
  await session.run(`CREATE OR REPLACE TABLE cases AS SELECT * FROM cases ORDER BY claim_id LIMIT ${slice}`);
  const n = Number(await session.value("SELECT count(*) FROM cases"));
  const hospitalYearGrain = caseMixGrains.find((g) => g.name === "hospital_year")!;
  let started = performance.now();
  await buildRelativeWeights(session, params);
  await runSqlFile(session, new URL("../lib/metrics/case_metrics.sql", import.meta.url));
  await session.run(caseMixSql(hospitalYearGrain));
  await session.all(rwIntervals.query());
  const duck = performance.now() - started;

  started = performance.now();
  const rows = await session.all<OracleCase>(`SELECT claim_id, hospital_id, year::INTEGER AS year, month, drg_code, grouped, excluded,
    total_cost::DOUBLE AS total_cost, fund_paid::DOUBLE AS fund_paid FROM cases ORDER BY claim_id`);
  const exported = performance.now() - started;
  session.close();
  started = performance.now();
  const weights = derivedWeights(rows, { trimK: params.trimK, minCases: params.minCases, edges: params.rwEdges });
  caseMixByHospitalYear(rows, weights.rw);
  rwIntervalTable(rows, weights.rw, params.rwEdges);
  const danfo = performance.now() - started;
  console.log(`danfojs vs DuckDB on ${n.toLocaleString("en")} cases: weights (§2) + CMI and cost per weight per hospital-year + RW intervals per year`);
  console.log(`  DuckDB                        ${seconds(duck)} s  (${rate(n, duck).trim()} cases/s)`);
  console.log(`  rows out of DuckDB into JS    ${seconds(exported)} s`);
  console.log(`  danfojs                       ${seconds(danfo)} s  (${rate(n, danfo).trim()} cases/s)`);
  console.log(`  ratio danfojs / DuckDB        ${(danfo / duck).toFixed(1)}×  (${((danfo + exported) / duck).toFixed(1)}× with the export); peak RSS ${mb()}`);
}

if (flags.get("child") === "compute") {
  await computeOnce(Number(flags.get("scale")), flags.get("data") === "none" ? null : flags.get("data")!);
} else if (flags.get("child") === "danfo") {
  await danfoRatio(flags.get("data") === "none" ? null : flags.get("data")!);
} else {
  const child = (args: string[]) => {
    const run = spawnSync("npx", ["tsx", "bench/compute.ts", ...args, ...(threads ? ["--threads", String(threads)] : [])], { stdio: "inherit" });
    if (run.status !== 0) console.log(`(child ${args.join(" ")} exited with ${run.status})`);
  };
  const samples = new Map<number, string | null>();
  for (const scale of scales) {
    samples.set(scale, flags.has("synthetic") ? null : await sampleAt(scale));
    child(["--child", "compute", "--scale", String(scale), "--data", samples.get(scale) ?? "none"]);
  }
  if (!flags.has("skip-danfo")) {
    const sliceSample = samples.has(1) ? samples.get(1) : samples.get(scales[0]);
    child(["--child", "danfo", "--data", sliceSample ?? "none"]);
  }
}
