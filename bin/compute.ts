// npm run compute -- --data DIR --out DIR [--format csv|parquet] [--reform-year YYYY] [--base-years YYYY,…] [--memory-limit 4GB]
// Writes every dataset of spec/datasets.md, plus metadata.json (parameters, input fingerprints),
// from the same loader modules the site publishes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseParameter, resolveParameters, type Parameters } from "../lib/params.ts";
import { openWorkspace } from "../loaders/workspace.ts";
import { datasets } from "../loaders/index.ts";
import { buildMetadata } from "../loaders/metadata.ts";
import { writeDataset, type Format } from "../loaders/publish.ts";
import { parseFlags, runMain } from "./args.ts";
import { progress } from "../lib/io/progress.ts";

const flagParameters: Record<string, keyof Parameters> = {
  data: "data",
  scheme: "scheme",
  "reform-year": "reformYear",
  "base-years": "baseYears",
  "rw-edges": "rwEdges",
  "trim-k": "trimK",
  "high-multiplier": "highMultiplier",
  "low-multiplier": "lowMultiplier",
  "readmit-days": "readmitDays",
  "readmit-factor": "readmitFactor",
  "share-ratio": "shareRatio",
  "ungrouped-discount": "ungroupedDiscount",
  "compare-a": "comparisonA",
  "compare-b": "comparisonB",
};

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const out = flags.get("out") ?? "out";
  const format = (flags.get("format") ?? "csv") as Format;
  if (format !== "csv" && format !== "parquet") throw new Error(`parameter format: "${format}" is not csv or parquet`);
  const overrides: Partial<Parameters> = {};
  for (const [flag, value] of flags) {
    if (flag === "out" || flag === "format") continue;
    if (flag === "memory-limit") {
      // How much memory DuckDB may use before it spills to disk; it never changes a figure.
      if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(value)) throw new Error(`--memory-limit: "${value}" is not a size such as 500MB or 4GB`);
      process.env.DRG_MEMORY_LIMIT = value;
      continue;
    }
    const key = flagParameters[flag];
    if (!key) throw new Error(`unexpected argument "--${flag}"; known: --out, --format, --memory-limit, ${Object.keys(flagParameters).map((f) => `--${f}`).join(", ")}`);
    Object.assign(overrides, { [key]: parseParameter(key, value) });
  }
  const params = resolveParameters(overrides);
  const started = performance.now();
  const log = progress("compute");
  // The prepared workspace the site's loaders read (built when missing, reused when current), so that
  // compute and the site publish from the very same tables.
  const session = await openWorkspace(params, log);
  try {
    mkdirSync(out, { recursive: true });
    await log.stage(`write ${datasets.length} datasets`, async () => {
      for (const dataset of datasets) await writeDataset(session, dataset, join(out, `${dataset.name}.${format}`), format);
    });
    writeFileSync(join(out, "metadata.json"), JSON.stringify(await buildMetadata(session), null, 2) + "\n");
    const [counts] = await session.all<{ read: string; rejected: string }>(`SELECT sum(rows_read) AS read, sum(rows_rejected) AS rejected FROM quality`);
    process.stderr.write(`compute: ${counts.read} rows read, ${counts.rejected} set aside; ${datasets.length} datasets in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } finally {
    session.close();
  }
});
