// The build's metadata: parameters, input fingerprints, software versions and the dataset list.
// No timestamps: the same inputs give the same bytes.
import { readFileSync } from "node:fs";
import type { Session } from "../lib/db/session.ts";
import { datasets } from "./index.ts";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string; dependencies: Record<string, string> };

export async function buildMetadata(session: Session) {
  return {
    product: "drg-monitor",
    version: pkg.version,
    duckdb: await session.value<string>("SELECT version()"),
    parameters: await session.all("SELECT name, value, section FROM parameters ORDER BY name"),
    inputs: await session.all(`SELECT "table", file, rows_read::BIGINT AS rows_read, sha256 FROM input_files ORDER BY "table"`),
    datasets: datasets.map((d) => ({ name: d.name, description: d.description })),
  };
}
