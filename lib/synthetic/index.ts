// generateRegion: the embedded sample, a synthetic prefecture-level region under DRG payment.
//
// Writes the input tables of shared/spec/input-data.md into `out` (claims_inpatient,
// claims_outpatient, hospitals, policy; no weights: reports derive them from the claims) and the
// ground truth into `out/truth/` (not an input). Same seed and scale → byte-identical files.
//
// Inpatient cases are made in three stages: draw the codes (inpatient.ts), decide each case's group
// (grouping.ts: the project's grouper when it is there, else the intended group), then draw costs
// from that group's weight (costs.ts). Everything row-wise runs as DuckDB SQL over hash-keyed random
// numbers (random.sql.ts); only small lookup tables are built in JavaScript (lookups.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openSession, type Session } from "../db/session.ts";
import { describeAnomalies, planUpcoding, readmissionKeyOffset } from "./anomalies.ts";
import { inpatientClaimsSql } from "./costs.ts";
import { intendedGroups, loadProjectGrouper, projectGroups, type GroupingPath } from "./grouping.ts";
import { drawInpatientSql } from "./inpatient.ts";
import { defaultReferencePaths, loadLookups, type ReferencePaths } from "./lookups.ts";
import { insertOutpatientLookups, outpatientClaimsSql } from "./outpatient.ts";
import { preadmissionVisitsSql } from "./preadmission.ts";
import type { Hospital } from "./hospitals.ts";
import { writeTable, type Format, type WrittenFile } from "./output.ts";
import { inPeriod, periods, removeTableOutputs, splits, writePeriodFile, type Split } from "./split.ts";
import { policySql, yearlyFundSql } from "./policy.ts";
import { inpatientPerYear, outpatientPerYear, years } from "./profile.ts";
import { randomMacros } from "./random.sql.ts";

export type { Format } from "./output.ts";
export type { Split } from "./split.ts";

export interface GenerateOptions {
  /** Output folder (created if missing). */
  out: string;
  seed?: number;
  /** Volume multiplier: 1 ≈ 200k inpatient stays and 1M outpatient visits a year. */
  scale?: number;
  /**
   * The outpatient visits' own multiplier (default: scale). A prefecture such as Jinhua: scale 5 (1M stays a
   * year), outpatientScale 50 (50M visits a year).
   */
  outpatientScale?: number;
  format?: Format;
  /**
   * "none" (default): one file per table. "year" / "month": claims_inpatient (by discharge_date) and
   * claims_outpatient (by visit_date) as folders of one file per year or month (claims_outpatient/2021-03.parquet),
   * each sorted by claim_id; the outpatient visits are generated one file's period at a time, never all at once.
   * The rows are those of "none" (tested); hospitals, policy and truth/ stay single files.
   */
  split?: Split;
  /** Which grouping decides costs: "auto" (the project's grouper if it works, else intended). */
  grouping?: "auto" | GroupingPath;
  /** Repository root (reference data and lib/grouping); default: this file's ../.. */
  root?: string;
  /** Override reference file paths. */
  paths?: Partial<ReferencePaths>;
  /** Progress messages (default: none). */
  log?: (message: string) => void;
  /**
   * DuckDB's memory limit, e.g. "8GB" (default: a third of the machine's memory, at most 8 GB). DuckDB
   * spills to disk beyond it; its own default (80 % of RAM) gets the process killed on a shared machine.
   */
  memoryLimit?: string;
}

export function defaultMemoryLimit(): string {
  return `${Math.max(1, Math.min(8, Math.floor(totalmem() / 3 / 2 ** 30)))}GB`;
}

export interface GenerateResult {
  out: string;
  seed: number;
  scale: number;
  format: Format;
  split: Split;
  groupingPath: GroupingPath;
  /** Why the project's grouper was not used, when it was not. */
  groupingNote: string;
  /** Every file written; a split claims table has one per period. */
  files: WrittenFile[];
  /** Rows per table (a split table: the sum over its files). */
  rows: Record<string, number>;
  anomalies: ReturnType<typeof describeAnomalies>;
  templates: number;
  adrgsWithTemplates: number;
  elapsedMs: number;
}

const repositoryRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const lastDate = `${years[years.length - 1]}-12-31`;

/** The claims columns of the input contract, in the contract's order (no drg_code: the sample is grouped by the project). */
const inpatientColumns = [
  "claim_id", "patient_id", "hospital_id", "department", "insurance_type", "sex", "age", "age_days", "birth_weight_g",
  "admit_date", "discharge_date", "discharge_status", "principal_dx", "secondary_dx", "procedures",
  "total_cost", "fund_paid", "self_pay", "drug_cost", "consumable_cost", "exam_cost", "out_of_catalog_cost",
];

export async function generateRegion(options: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const outpatientScale = options.outpatientScale ?? scale;
  const format = options.format ?? "parquet";
  const split = options.split ?? "none";
  const root = options.root ?? repositoryRoot;
  const log = options.log ?? (() => {});
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${scale}`);
  if (!(outpatientScale > 0)) throw new Error(`--outpatient-scale must be a positive number, got ${outpatientScale}`);
  if (format !== "parquet" && format !== "csv") throw new Error(`--format must be parquet or csv, got ${format}`);
  if (!splits.includes(split)) throw new Error(`--split must be none, year or month, got ${split}`);
  const inpatientRows = Math.round(inpatientPerYear * years.length * scale);
  const outpatientRows = Math.round(outpatientPerYear * years.length * outpatientScale);
  if (inpatientRows >= readmissionKeyOffset) throw new Error(`--scale ${scale} is too large (at most ~50)`);
  if (outpatientRows >= 2 ** 28) throw new Error(`--outpatient-scale ${outpatientScale} is too large (at most ~53)`);
  const paths = { ...defaultReferencePaths(root), ...options.paths };
  const out = resolve(options.out);
  mkdirSync(join(out, "truth"), { recursive: true });

  // DuckDB spills large sorts here (an in-memory database would otherwise use ./.tmp).
  const tempDir = mkdtempSync(join(tmpdir(), "drg-synthetic-"));
  const session = await openSession({ memoryLimit: options.memoryLimit ?? defaultMemoryLimit() });
  try {
    await session.run(`SET temp_directory = '${tempDir.replaceAll("'", "''")}'`);
    await session.run(randomMacros(seed));
    const lookups = await loadLookups(session, { seed, scale, paths, inpatientRows, outpatientRows });
    log(`lookups: ${lookups.templates} case templates over ${lookups.adrgsWithTemplates} ADRGs (${ms(started)})`);

    // Stage 1: codes
    await session.run(drawInpatientSql({ patientsPerStratum: 16_000 * scale }));
    log(`inpatient codes drawn (${ms(started)})`);

    // Stage 2: groups. Intended groups always (they also decide where upcoding pays).
    await intendedGroups(session, "ip_drawn", "ip_intended");
    let groupingPath: GroupingPath = "intended";
    let groupingNote = "";
    if (options.grouping !== "intended") {
      const { grouper, reason } = await loadProjectGrouper(root);
      if (grouper) {
        try {
          await projectGroups(session, grouper, paths.scheme, "ip_drawn", "ip_cost_group");
          groupingPath = "project";
        } catch (error) {
          groupingNote = `the project's grouper failed: ${(error as Error).message}`;
        }
      } else groupingNote = reason;
      if (groupingPath !== "project" && options.grouping === "project") throw new Error(groupingNote);
    } else groupingNote = "intended groups requested";
    if (groupingPath === "intended") await session.run(`CREATE OR REPLACE TABLE ip_cost_group AS SELECT id, drg_code FROM ip_intended`);
    log(`groups decided by the ${groupingPath} path${groupingNote ? ` (${groupingNote})` : ""} (${ms(started)})`);

    // Anomaly: upcoding adds codes after the care (and its cost) is decided.
    await planUpcoding(session, lookups.hospitals.indexOf(lookups.anomalies.upcoding), "ip_intended");
    await session.run(`
CREATE OR REPLACE TABLE ip_final_codes AS
SELECT d.id, d.aid, d.principal_dx, d.ungroupable,
  CASE WHEN x.code IS NULL THEN d.secondary ELSE list_append(d.secondary, x.code) END AS secondary,
  x.code IS NOT NULL AS upcoded
FROM ip_drawn d LEFT JOIN ip_upcoded x USING (id)`);
    await intendedGroups(session, "ip_final_codes", "ip_final_intended");
    await session.run(`
CREATE OR REPLACE TABLE ip_coded AS
SELECT f.id, NULLIF(array_to_string(f.secondary, ';'), '') AS secondary_dx, f.upcoded, g.drg_code AS intended_drg
FROM ip_final_codes f JOIN ip_final_intended g USING (id)`);

    // Stage 3: money, dates, outcome
    const hid = (h: Hospital) => lookups.hospitals.indexOf(h);
    await session.run(inpatientClaimsSql({
      splitHid: hid(lookups.anomalies.split), lowStandardHid: hid(lookups.anomalies.lowStandard),
      costShiftHid: hid(lookups.anomalies.costShift), lastDate,
    }));
    const upcodedCount = Number(await session.value(`SELECT count(*) FROM ip_upcoded`));
    for (const table of ["ip_drawn", "ip_intended", "ip_cost_group", "ip_upcoded", "ip_final_codes", "ip_final_intended", "ip_coded", "grouper_input", "grouper_output"]) {
      await session.run(`DROP TABLE IF EXISTS ${table}`);
    }
    log(`inpatient claims priced (${ms(started)})`);

    const files: WrittenFile[] = [];
    const truthDir = join(out, "truth");
    files.push(await writeTable(session, out, "hospitals",
      `SELECT hospital_id, name, level, district, coefficient::DECIMAL(4, 2) AS coefficient FROM hospital ORDER BY hospital_id`, format));
    if (split === "none") {
      files.push(await writeTable(session, out, "claims_inpatient",
        `SELECT ${inpatientColumns.join(", ")} FROM ip_claims ORDER BY claim_id`, format));
    } else {
      removeTableOutputs(out, "claims_inpatient");
      mkdirSync(join(out, "claims_inpatient"));
      for (const period of periods(split)) {
        const file = await writePeriodFile(session, out, "claims_inpatient", period,
          `SELECT ${inpatientColumns.join(", ")} FROM ip_claims WHERE ${inPeriod("discharge_date", period)} ORDER BY claim_id`, format);
        if (file) files.push(file);
      }
      await checkAllWritten(session, files, "claims_inpatient", "ip_claims");
    }
    files.push(await writeTable(session, truthDir, "claims_inpatient_truth", `
SELECT claim_id, adrg, intended_drg, cost_drg, round(cost_rw, 4) AS cost_rw, tail, anomaly
FROM ip_claims ORDER BY claim_id`, format));
    const planted = (anomaly: string) => session.value(`SELECT count(*) FROM ip_claims WHERE anomaly = '${anomaly}'`).then(Number);
    const readmissions = await planted("split_readmission");
    const lowStandardStays = await planted("low_standard");
    const shiftedStays = await planted("cost_shift");
    await session.run(`CREATE TABLE ip_fund AS ${yearlyFundSql("ip_claims", "discharge_date")}`);
    // Inpatients' outpatient visits before admission (background and planted), appended to claims_outpatient below
    await session.run(preadmissionVisitsSql(`${years[0]}-01-01`));
    files.push(await writeTable(session, truthDir, "claims_outpatient_truth",
      `SELECT claim_id, inpatient_claim_id, anomaly FROM pre_visits ORDER BY claim_id`, format));
    await session.run(`DROP TABLE ip_claims`);
    log(`claims_inpatient written (${ms(started)})`);

    // Materialised first: sorting the generating query directly is ~3× slower than sorting a table.
    await insertOutpatientLookups(session, paths.procedures, paths.diagnoses);
    const persons = 1_600_000 * outpatientScale;
    if (split === "none") {
      await session.run(`CREATE OR REPLACE TABLE op_claims AS ${outpatientClaimsSql({ persons })}
        UNION ALL BY NAME SELECT * EXCLUDE (inpatient_claim_id, anomaly) FROM pre_visits`);
      await session.run(`DROP TABLE pre_visits`);
      files.push(await writeTable(session, out, "claims_outpatient", `SELECT * FROM op_claims ORDER BY claim_id`, format));
      await session.run(`CREATE TABLE op_fund AS ${yearlyFundSql("op_claims", "visit_date")}`);
      await session.run(`DROP TABLE op_claims`);
    } else {
      // One period (a file) at a time: its days' visits, and the pre-admission visits dated in it (none falls
      // before the first year: preadmissionVisitsSql drops them; checkAllWritten would say so).
      removeTableOutputs(out, "claims_outpatient");
      mkdirSync(join(out, "claims_outpatient"));
      await session.run(`CREATE OR REPLACE TABLE op_fund_parts (year INTEGER, fund DECIMAL(38, 2))`);
      let written = 0;
      for (const period of periods(split)) {
        await session.run(`CREATE OR REPLACE TABLE op_claims AS ${outpatientClaimsSql({ persons, days: inPeriod("d.d", period) })}
          UNION ALL BY NAME SELECT * EXCLUDE (inpatient_claim_id, anomaly) FROM pre_visits WHERE ${inPeriod("visit_date", period)}`);
        const file = await writePeriodFile(session, out, "claims_outpatient", period, `SELECT * FROM op_claims ORDER BY claim_id`, format);
        if (file) files.push(file);
        await session.run(`INSERT INTO op_fund_parts ${yearlyFundSql("op_claims", "visit_date")}`);
        await session.run(`DROP TABLE op_claims`);
        written += file?.rows ?? 0;
        log(`claims_outpatient/${period.name}.${format}: ${(file?.rows ?? 0).toLocaleString("en")} rows, ${written.toLocaleString("en")} so far (${ms(started)})`);
      }
      const expected = outpatientRows + Number(await session.value(`SELECT count(*) FROM pre_visits`));
      if (written !== expected) throw new Error(`claims_outpatient: ${written} rows written in the ${split} files, ${expected} generated`);
      await session.run(`DROP TABLE pre_visits`);
      await session.run(`CREATE TABLE op_fund AS SELECT year, sum(fund) AS fund FROM op_fund_parts GROUP BY ALL`);
      await session.run(`DROP TABLE op_fund_parts`);
    }
    log(`claims_outpatient written (${ms(started)})`);
    files.push(await writeTable(session, out, "policy", policySql("ip_fund", "op_fund"), format));

    // Ground truth
    const anomalies = describeAnomalies(lookups.anomalies, { readmissions, upcoded: upcodedCount, lowStandard: lowStandardStays, shifted: shiftedStays });
    writeFileSync(join(truthDir, "anomalies.csv"), toCsv(anomalies as unknown as Record<string, unknown>[]));
    writeFileSync(join(truthDir, "README.md"), truthReadme(format));

    const rows: Record<string, number> = {};
    for (const f of files) rows[f.table] = (rows[f.table] ?? 0) + f.rows;
    return {
      out, seed, scale, format, split, groupingPath, groupingNote, files, rows, anomalies,
      templates: lookups.templates, adrgsWithTemplates: lookups.adrgsWithTemplates,
      elapsedMs: Date.now() - started,
    };
  } finally {
    session.close();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** Stops when the files of a split table do not hold every row of its source table. */
async function checkAllWritten(session: Session, files: WrittenFile[], table: string, source: string): Promise<void> {
  const written = files.filter((f) => f.table === table).reduce((n, f) => n + f.rows, 0);
  const expected = Number(await session.value(`SELECT count(*) FROM ${source}`));
  if (written !== expected) throw new Error(`${table}: ${written} rows written in the split files, ${expected} generated`);
}

function ms(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

function toCsv(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "";
  const columns = Object.keys(rows[0]);
  const cell = (v: unknown) => {
    const text = String(v ?? "");
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

function truthReadme(format: Format): string {
  return `# Ground truth of the synthetic sample (not an input)

Written by \`bin/generate.ts\` beside the input tables; the readers of the data folder ignore sub-folders.

- \`anomalies.csv\`: the planted anomalies: anomaly, hospital_id, from_year, to_year, signal (the metrics.md §10
  signal that should flag the hospital in each year from_year … to_year), description, claim_ids_count.
- \`claims_outpatient_truth.${format}\`: the inpatients' pre-admission visits (claim_id, inpatient_claim_id,
  anomaly: \`cost_shift\` for the planted ones, empty for the background).
- \`claims_inpatient_truth.${format}\`: one row per inpatient claim:
  - \`adrg\`: the ADRG the case was drawn for;
  - \`intended_drg\`: the DRG its reported codes should reach (CHS-DRG 1.1 rules: the ADRG, severity digit from the
    secondary diagnoses with the CC/MCC exclusion rule; \`0000\` for a principal diagnosis that fits no MDC);
  - \`cost_drg\`: the group its cost was drawn from (before any upcoded code), \`cost_rw\` that group's weight
    (Harbin 2024, gaps filled, see lib/synthetic/weights.ts);
  - \`tail\`: \`high\` (3–6 × the group mean), \`low\` (0.1–0.35 ×) or \`normal\`;
  - \`anomaly\`: \`split_first\` / \`split_readmission\` (split admissions), \`upcoding\`, \`low_standard\`,
    \`cost_shift\` (its care partly billed as pre-admission visits), or empty (background readmissions included).
`;
}
