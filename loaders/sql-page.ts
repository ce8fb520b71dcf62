// The files of the site's SQL page (方法 · SQL 查询), written by its Framework loaders in src/data/:
// DuckDB-Wasm served from the site itself — the engine's browser module bundled from node_modules, its
// workers and its .wasm binaries copied from node_modules — and the tables' schema, so the page reads
// each published CSV with the column types the loaders gave it (the same types `npm run sql` shows).
//
// Offline: the engine must never ask another host. Framework's own DuckDB integration (the `sql` and
// `DuckDBClient` globals, `duckdb` config) would fetch the bundles from a CDN, so the page never uses it.
// Only the three names the page needs are bundled, so jsDelivr's bundle list is tree-shaken out; the
// remaining URLs in the text are a repository address (package metadata) and a license comment, not
// requests: their scheme is removed so no file of the site carries an external URL, and any other URL
// stops the build. The .wasm binaries name DuckDB's extension repositories: the page turns extension
// autoloading and autoinstalling off, so they are never requested.
import { createReadStream, readFileSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { browserBundle } from "./browser-bundle.ts";
import { claimLevelDatasets, datasets } from "./index.ts";
import { openWorkspace } from "./workspace.ts";
import { resolveParameters } from "../lib/params.ts";

export type Platform = "eh" | "mvp";

const dist = new URL("../node_modules/@duckdb/duckdb-wasm/dist/", import.meta.url);

/** URLs in the bundles that name something and are never requested (with where they come from). */
const namesNotRequests = [
  "https://github.com/duckdb/duckdb-wasm.git", // package.json "repository", kept as data in the module
  "https://github.com/emn178/js-sha256", // the license comment of js-sha256 in the workers
];

const externalUrl = /\b(?:https?:)?\/\/(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)}]*/gi;

/** The text with the known non-request URLs made schemeless; fails on any other external URL. */
export function offlineText(text: string, file: string): string {
  let out = text;
  for (const url of namesNotRequests) out = out.replaceAll(url, url.replace(/^https?:\/\//, ""));
  const left = [...out.matchAll(externalUrl)].map((m) => m[0]).filter((u) => !/\/\/www\.w3\.org/.test(u)); // XML namespaces are names
  if (left.length) throw new Error(`${file}: external URLs ${left.join(", ")}: the site must not request another host; check the DuckDB-Wasm version`);
  return out;
}

/** The browser module: AsyncDuckDB, its logger and the bundle selection, with apache-arrow, in one ES module. */
export async function engineModule(): Promise<string> {
  const text = await browserBundle({
    contents: `export { AsyncDuckDB, VoidLogger, selectBundle } from "@duckdb/duckdb-wasm";`,
    resolveDir: fileURLToPath(new URL("..", import.meta.url)),
    sourcefile: "duckdb-entry.js",
  });
  return offlineText(text, "duckdb.js");
}

/** A worker script of DuckDB-Wasm, as shipped (only non-request URLs made schemeless). */
export function workerScript(platform: Platform): string {
  const file = `duckdb-browser-${platform}.worker.js`;
  return offlineText(readFileSync(new URL(file, dist), "utf8"), file);
}

/** Copies a .wasm binary of DuckDB-Wasm to standard output. */
export async function wasmToStdout(platform: Platform): Promise<void> {
  await pipeline(createReadStream(new URL(`duckdb-${platform}.wasm`, dist)), process.stdout, { end: false });
}

export interface TableSchema {
  name: string;
  description: string;
  columns: { name: string; type: string }[];
}

/** Every dataset the site publishes (never the claim-level ones), with its columns' DuckDB types. */
export async function publishedSchema(): Promise<TableSchema[]> {
  const session = await openWorkspace(resolveParameters());
  try {
    const tables: TableSchema[] = [];
    for (const dataset of datasets.filter((d) => !claimLevelDatasets.has(d.name))) {
      const columns = await session.all<{ column_name: string; column_type: string }>(`DESCRIBE (\n${dataset.query()}\n)`);
      tables.push({ name: dataset.name, description: dataset.description, columns: columns.map((c) => ({ name: c.column_name, type: c.column_type })) });
    }
    return tables;
  } finally {
    session.close();
  }
}
