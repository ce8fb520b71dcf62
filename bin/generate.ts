// npx tsx bin/generate.ts --out data/sample [--seed 1] [--scale 1] [--outpatient-scale S] [--format parquet|csv] [--grouping auto|intended|project] [--memory-limit 8GB]
// Writes the embedded sample (a synthetic region) into --out; see lib/synthetic/index.ts.
import { parseArgs } from "node:util";
import { generateRegion, type Format } from "../lib/synthetic/index.ts";

const usage =
  "usage: npx tsx bin/generate.ts --out <folder> [--seed 1] [--scale 1] [--outpatient-scale S] [--format parquet|csv] [--grouping auto|intended|project] [--memory-limit 8GB] [--quiet]";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      seed: { type: "string", default: "1" },
      scale: { type: "string", default: "1" },
      "outpatient-scale": { type: "string" },
      format: { type: "string", default: "parquet" },
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
  if (!["auto", "intended", "project"].includes(values.grouping!)) throw new Error(`--grouping must be auto, intended or project, got "${values.grouping}"`);

  const log = values.quiet ? undefined : (m: string) => console.error(`  ${m}`);
  const result = await generateRegion({
    out: values.out,
    seed,
    scale,
    outpatientScale: values["outpatient-scale"] === undefined ? undefined : Number(values["outpatient-scale"]),
    format: values.format as Format,
    grouping: values.grouping as "auto" | "intended" | "project",
    memoryLimit: values["memory-limit"],
    log,
  });
  console.log(`sample written to ${result.out} (seed ${result.seed}, scale ${result.scale}, ${result.format})`);
  for (const f of result.files) console.log(`  ${f.path}: ${f.rows.toLocaleString("en")} rows, ${(f.bytes / 1e6).toFixed(1)} MB`);
  console.log(`  costs drawn from ${result.groupingPath} groups${result.groupingNote ? ` (${result.groupingNote})` : ""}`);
  for (const a of result.anomalies) console.log(`  planted ${a.anomaly} at ${a.hospital_id} from ${a.from_year}: ${a.claim_ids_count} claims`);
  console.log(`elapsed ${(result.elapsedMs / 1000).toFixed(1)} s`);
}

main().catch((error: Error) => {
  console.error(`generate: ${error.message}`);
  process.exit(1);
});
