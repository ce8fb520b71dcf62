// npx tsx bin/generate.ts --out data/sample [--seed 1] [--scale 1] [--outpatient-scale S] [--format parquet|csv] [--split none|year|month] [--grouping auto|intended|project] [--memory-limit 8GB]
// Writes the embedded sample (a synthetic region) into --out; see lib/synthetic/index.ts.
import { parseArgs } from "node:util";
import { dirname } from "node:path";
import { generateRegion, type Format, type Split } from "../lib/synthetic/index.ts";

const usage =
  "usage: npx tsx bin/generate.ts --out <folder> [--seed 1] [--scale 1] [--outpatient-scale S] [--format parquet|csv] [--split none|year|month] [--grouping auto|intended|project] [--memory-limit 8GB] [--quiet]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      seed: { type: "string", default: "1" },
      scale: { type: "string", default: "1" },
      "outpatient-scale": { type: "string" },
      format: { type: "string", default: "parquet" },
      split: { type: "string", default: "none" },
      grouping: { type: "string", default: "auto" },
      "memory-limit": { type: "string" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return void console.log(usage);
  if (!values.out) throw new Error(`--out is required\n${usage}`);
  const seed = Number(values.seed);
  const scale = Number(values.scale);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got "${values.seed}"`);
  if (!(scale > 0)) throw new Error(`--scale must be a positive number, got "${values.scale}"`);
  if (values.format !== "parquet" && values.format !== "csv") throw new Error(`--format must be parquet or csv, got "${values.format}"`);
  if (!["none", "year", "month"].includes(values.split!)) throw new Error(`--split must be none, year or month, got "${values.split}"`);
  if (!["auto", "intended", "project"].includes(values.grouping!)) throw new Error(`--grouping must be auto, intended or project, got "${values.grouping}"`);

  const log = values.quiet ? undefined : (m: string) => console.error(`  ${m}`);
  const result = await generateRegion({
    out: values.out,
    seed,
    scale,
    outpatientScale: values["outpatient-scale"] === undefined ? undefined : Number(values["outpatient-scale"]),
    format: values.format as Format,
    split: values.split as Split,
    grouping: values.grouping as "auto" | "intended" | "project",
    memoryLimit: values["memory-limit"],
    log,
  });
  console.log(`sample written to ${result.out} (seed ${result.seed}, scale ${result.scale}, ${result.format}${result.split === "none" ? "" : `, split by ${result.split}`})`);
  // a split claims table: one line for its folder
  const lines = new Map<string, { rows: number; bytes: number; files: number }>();
  for (const f of result.files) {
    const key = f.path.endsWith(`${f.table}.${result.format}`) ? f.path : `${dirname(f.path)}/`;
    const line = lines.get(key) ?? { rows: 0, bytes: 0, files: 0 };
    lines.set(key, { rows: line.rows + f.rows, bytes: line.bytes + f.bytes, files: line.files + 1 });
  }
  for (const [path, l] of lines) {
    console.log(`  ${path}: ${l.rows.toLocaleString("en")} rows, ${(l.bytes / 1e6).toFixed(1)} MB${l.files > 1 ? ` in ${l.files} files` : ""}`);
  }
  console.log(`  costs drawn from ${result.groupingPath} groups${result.groupingNote ? ` (${result.groupingNote})` : ""}`);
  for (const a of result.anomalies) console.log(`  planted ${a.anomaly} at ${a.hospital_id} from ${a.from_year}: ${a.claim_ids_count} claims`);
  console.log(`elapsed ${(result.elapsedMs / 1000).toFixed(1)} s`);
}

main().catch((error: Error) => {
  console.error(`generate: ${error.message}`);
  process.exit(1);
});
