// Writing a dataset: DuckDB's COPY of the dataset's query, so the compute command and the site's
// loaders produce the same bytes (CSV with a header, numbers unformatted, dates YYYY-MM-DD).
import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { sqlString, type Session } from "../lib/db/session.ts";
import type { Dataset } from "./dataset.ts";
import { datasetByName } from "./index.ts";
import { openWorkspace } from "./workspace.ts";
import { resolveParameters } from "../lib/params.ts";

export type Format = "csv" | "parquet";

export async function writeDataset(session: Session, dataset: Dataset, path: string, format: Format = "csv"): Promise<void> {
  const options = format === "csv" ? "FORMAT csv, HEADER true, DELIMITER ','" : "FORMAT parquet, COMPRESSION zstd";
  await session.run(`COPY (${dataset.query()}) TO ${sqlString(path)} (${options})`);
}

/** For a Framework data loader: the dataset, from the prepared workspace, on standard output. */
export async function publishToStdout(name: string, format: Format = "csv"): Promise<void> {
  const session = await openWorkspace(resolveParameters());
  const dir = await mkdtemp(join(tmpdir(), "drg-"));
  try {
    const path = join(dir, `${name}.${format}`);
    await writeDataset(session, datasetByName(name), path, format);
    await pipeline(createReadStream(path), process.stdout, { end: false });
  } finally {
    session.close();
    await rm(dir, { recursive: true, force: true });
  }
}
