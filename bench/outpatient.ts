// npx tsx bench/outpatient.ts [--data data/sample] [--memory-limit 4GB] [--threads N]
// Outpatient grouping and settlement speed (metrics.md §8) on a data folder's claims_outpatient: the
// visits are loaded as typed rows (ingest and validation are timed by bench/compute.ts), then each
// stage of lib/apg — APG-like grouping, weights and points, per-capita packages, the unsigned pool's
// settlement — and the outpatient datasets are timed, with visits per second and the peak RSS.
// DuckDB runs under --memory-limit (default 3 GB, so that the process stays within the scale issue's 4 GB) and spills to a temporary folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { existsSync } from "node:fs";
import { buildApg } from "../lib/apg/index.ts";
import { openSession, sqlString } from "../lib/db/session.ts";
import { loadScheme } from "../lib/grouping/load.ts";
import { createProcedureClassesTable } from "../lib/grouping/procedure-classes.ts";
import { resolveParameters, setParameterVariables } from "../lib/params.ts";
import { apgDatasets } from "../loaders/apg.ts";

const flags = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const [name, inline] = process.argv[i].replace(/^--/, "").split("=", 2);
  flags.set(name, inline ?? (process.argv[i + 1]?.startsWith("--") === false ? process.argv[++i] : "true"));
}
const params = resolveParameters();
const data = resolve(flags.get("data") ?? params.data);
const memoryLimit = flags.get("memory-limit") ?? "3GB";
const threads = flags.has("threads") ? Number(flags.get("threads")) : undefined;

const seconds = (ms: number) => (ms / 1000).toFixed(2).padStart(8);
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString("en").padStart(12);
const rss = () => `${Math.round(process.resourceUsage().maxRSS / 1024).toLocaleString("en")} MB`;

/** A table of the folder as parquet or CSV (CSV read as text and cast as the contract types it). */
function source(table: string): string | null {
  for (const ext of ["parquet", "csv"]) {
    const file = join(data, `${table}.${ext}`);
    if (existsSync(file)) return ext === "parquet" ? `read_parquet(${sqlString(file)})` : `read_csv(${sqlString(file)}, header = true, all_varchar = true)`;
    const folder = join(data, table);
    if (existsSync(folder)) return `read_parquet(${sqlString(join(folder, "*.parquet"))})`;
  }
  return null;
}

const outpatient = source("claims_outpatient");
if (!outpatient) throw new Error(`${data}: no claims_outpatient.parquet or .csv`);
const spill = mkdtempSync(join(tmpdir(), "drg-bench-outpatient-"));
const session = await openSession({ memoryLimit, threads });
try {
  await session.run(`SET temp_directory = ${sqlString(spill)}`);
  await setParameterVariables(session, params);
  const started = performance.now();
  await session.run(`CREATE TABLE claims_outpatient AS
    SELECT claim_id::VARCHAR AS claim_id, patient_id::VARCHAR AS patient_id, hospital_id::VARCHAR AS hospital_id,
           visit_date::DATE AS visit_date, principal_dx::VARCHAR AS principal_dx, procedures::VARCHAR AS procedures,
           total_cost::DECIMAL(18,2) AS total_cost, fund_paid::DECIMAL(18,2) AS fund_paid, NULL::DECIMAL(18,2) AS drug_cost,
           exam_cost::DECIMAL(18,2) AS exam_cost, NULL::DECIMAL(18,2) AS consumable_cost,
           signed_hospital_id::VARCHAR AS signed_hospital_id, NULL::VARCHAR AS apg_code
    FROM ${outpatient}`);
  const policy = source("policy");
  await session.run(`CREATE TABLE policy AS SELECT year::INTEGER AS year, outpatient_budget::DECIMAL(18,2) AS outpatient_budget, share_ratio::DOUBLE AS share_ratio
    FROM ${policy ?? "(SELECT NULL AS year, NULL AS outpatient_budget, NULL AS share_ratio LIMIT 0)"}`);
  await session.run(`CREATE TABLE insured (year INTEGER, patient_id VARCHAR, insurance_type VARCHAR, signed_hospital_id VARCHAR)`);
  await session.run(`CREATE TABLE apg_weights (apg_code VARCHAR, weight DOUBLE, avg_cost DECIMAL(18,2))`);
  await session.run(`CREATE TABLE hospitals AS SELECT hospital_id::VARCHAR AS hospital_id, name::VARCHAR AS name, level::VARCHAR AS level, district::VARCHAR AS district FROM ${source("hospitals")}`);
  const visits = Number(await session.value(`SELECT count(*) FROM claims_outpatient`));
  const loadMs = performance.now() - started;
  await createProcedureClassesTable(session, loadScheme(params.scheme));
  process.stdout.write(`outpatient bench: ${visits.toLocaleString("en")} visits from ${data}; DuckDB memory_limit ${memoryLimit}${threads ? `, ${threads} threads` : ""}\n`);
  process.stdout.write(`  ${"load visits (typed, no checks)".padEnd(34)} ${seconds(loadMs)} s ${perSecond(visits, loadMs)} visits/s  peak RSS ${rss()}\n`);
  let apgMs = 0;
  await buildApg(session, (stage, ms) => {
    apgMs += ms;
    process.stdout.write(`  ${`lib/apg ${stage}`.padEnd(34)} ${seconds(ms)} s ${perSecond(visits, ms)} visits/s  peak RSS ${rss()}\n`);
  });
  let datasetsMs = 0;
  for (const dataset of apgDatasets) {
    const t0 = performance.now();
    const rows = Number(await session.value(`SELECT count(*) FROM (${dataset.query()})`));
    const ms = performance.now() - t0;
    datasetsMs += ms;
    process.stdout.write(`  ${`dataset ${dataset.name}`.padEnd(34)} ${seconds(ms)} s ${String(rows).padStart(12)} rows\n`);
  }
  const groups = await session.all<{ level: string; n: number }>(`SELECT level, count(*)::INTEGER AS n FROM apg_groups GROUP BY 1 ORDER BY 1`);
  process.stdout.write(`  grouping + settlement (lib/apg)    ${seconds(apgMs)} s ${perSecond(visits, apgMs)} visits/s; datasets ${seconds(datasetsMs).trim()} s\n`);
  process.stdout.write(`  groups: ${groups.map((g) => `${g.n} ${g.level}`).join(", ")}; peak RSS ${rss()} (DuckDB limit ${memoryLimit})\n`);
} finally {
  session.close();
  rmSync(spill, { recursive: true, force: true });
}
