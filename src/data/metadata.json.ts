// The build's metadata (loaders/metadata.ts, the same file `compute` writes), with the versions of the
// site's own software, and without the claim-level datasets the site never publishes.
import { readFileSync } from "node:fs";
import { buildMetadata } from "../../loaders/metadata.ts";
import { claimLevelDatasets } from "../../loaders/index.ts";
import { openWorkspace } from "../../loaders/workspace.ts";
import { resolveParameters } from "../../lib/params.ts";

const version = (pkg: string) => (JSON.parse(readFileSync(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url), "utf8")) as { version: string }).version;
const session = await openWorkspace(resolveParameters());
try {
  const metadata = await buildMetadata(session);
  const site = { "Observable Framework": version("@observablehq/framework"), "Observable Plot": version("@observablehq/plot"), "DuckDB-Wasm (SQL page)": version("@duckdb/duckdb-wasm"), Node: process.versions.node };
  process.stdout.write(JSON.stringify({ ...metadata, datasets: metadata.datasets.filter((d) => !claimLevelDatasets.has(d.name)), site }, null, 2));
} finally {
  session.close();
}
