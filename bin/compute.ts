// npm run compute -- --data DIR --out DIR [--format csv|parquet] [--only NAME,…] [--reform-year YYYY] [--base-years YYYY,…] [--memory-limit 4GB]
// Writes every dataset of spec/datasets.md, plus metadata.json (parameters, input fingerprints),
// from the same loader modules the site publishes, reading the prepared workspace the site's loaders
// read (built when missing, reused when current). --only writes just the named datasets
// (loaders/rebuild.ts): the same bytes as a full run.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resolveParameters, type Parameters } from "../lib/params.ts";
import { progress } from "../lib/io/progress.ts";
import { datasets } from "../loaders/index.ts";
import { buildMetadata } from "../loaders/metadata.ts";
import { writeDataset, type Format } from "../loaders/publish.ts";
import { parseOnly, writeOnly } from "../loaders/rebuild.ts";
import { openWorkspace } from "../loaders/workspace.ts";
import { parseFlags, runMain } from "./args.ts";
import { flagParameters, memoryLimitFlag, parameterFlag } from "./parameter-flags.ts";

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const out = flags.get("out") ?? "out";
  const format = (flags.get("format") ?? "csv") as Format;
  if (format !== "csv" && format !== "parquet") throw new Error(`parameter format: "${format}" is not csv or parquet`);
  const overrides: Partial<Parameters> = {};
  for (const [flag, value] of flags) {
    if (flag === "out" || flag === "format" || flag === "only") continue;
    if (flag === "memory-limit") {
      memoryLimitFlag(value);
      continue;
    }
    const parameter = parameterFlag(flag, value);
    if (!parameter) {
      throw new Error(`unexpected argument "--${flag}"; known: --out, --format, --only, --memory-limit, ${Object.keys(flagParameters).map((f) => `--${f}`).join(", ")}`);
    }
    Object.assign(overrides, parameter);
  }
  const params = resolveParameters(overrides);
  const started = performance.now();
  const log = progress("compute");
  if (flags.has("only")) {
    const written = await writeOnly(params, parseOnly(flags.get("only")!), out, format, log);
    process.stderr.write(`compute --only: ${written.length} ${written.length === 1 ? "file" : "files"} in ${out} from the prepared workspace (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    return;
  }
  const session = await openWorkspace(params, log);
  try {
    mkdirSync(out, { recursive: true });
    await log.stage(`write ${datasets.length} datasets`, async () => {
      for (const dataset of datasets) await writeDataset(session, dataset, join(out, `${dataset.name}.${format}`), format);
    });
    writeFileSync(join(out, "metadata.json"), JSON.stringify(await buildMetadata(session), null, 2) + "\n");
    const [counts] = await session.all<{ read: string; rejected: string }>(`SELECT sum(rows_read) AS read, sum(rows_rejected) AS rejected FROM quality`);
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stderr.write(
      `compute: ${counts.read} rows read, ${counts.rejected} set aside; ${datasets.length} datasets in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s, peak RSS ${peak} MB)\n`,
    );
  } finally {
    session.close();
  }
});
