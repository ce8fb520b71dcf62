// npm run compute -- --data DIR --out DIR [--format csv|parquet] [--only NAME,…] [--reform-year YYYY] [--base-years YYYY,…]
// Writes every dataset of spec/datasets.md, plus metadata.json (parameters, input fingerprints),
// from the same loader modules the site publishes. --only writes just the named datasets from the
// prepared workspace (loaders/rebuild.ts): the same bytes as a full run.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSession } from "../lib/db/session.ts";
import { resolveParameters, type Parameters } from "../lib/params.ts";
import { prepare } from "../lib/pipeline.ts";
import { datasets } from "../loaders/index.ts";
import { buildMetadata } from "../loaders/metadata.ts";
import { writeDataset, type Format } from "../loaders/publish.ts";
import { parseOnly, writeOnly } from "../loaders/rebuild.ts";
import { parseFlags, runMain } from "./args.ts";
import { flagParameters, parameterFlag } from "./parameter-flags.ts";

runMain(async () => {
  const flags = parseFlags(process.argv.slice(2));
  const out = flags.get("out") ?? "out";
  const format = (flags.get("format") ?? "csv") as Format;
  if (format !== "csv" && format !== "parquet") throw new Error(`parameter format: "${format}" is not csv or parquet`);
  const overrides: Partial<Parameters> = {};
  for (const [flag, value] of flags) {
    if (flag === "out" || flag === "format" || flag === "only") continue;
    const parameter = parameterFlag(flag, value);
    if (!parameter) throw new Error(`unexpected argument "--${flag}"; known: --out, --format, --only, ${Object.keys(flagParameters).map((f) => `--${f}`).join(", ")}`);
    Object.assign(overrides, parameter);
  }
  const params = resolveParameters(overrides);
  const started = performance.now();
  if (flags.has("only")) {
    const written = await writeOnly(params, parseOnly(flags.get("only")!), out, format);
    process.stderr.write(`compute --only: ${written.length} ${written.length === 1 ? "file" : "files"} in ${out} from the prepared workspace (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    return;
  }
  const session = await openSession();
  try {
    const { ingest } = await prepare(session, params);
    mkdirSync(out, { recursive: true });
    for (const dataset of datasets) await writeDataset(session, dataset, join(out, `${dataset.name}.${format}`), format);
    writeFileSync(join(out, "metadata.json"), JSON.stringify(await buildMetadata(session), null, 2) + "\n");
    const read = ingest.tables.reduce((n, t) => n + t.rowsRead, 0);
    const rejected = ingest.tables.reduce((n, t) => n + t.rowsRejected, 0);
    process.stderr.write(`compute: ${read} rows read, ${rejected} set aside; ${datasets.length} datasets in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } finally {
    session.close();
  }
});
