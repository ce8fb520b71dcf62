// `compute --only`: a researcher rebuilds some datasets, not all. The named datasets are written from
// the prepared workspace of these inputs and parameters (openWorkspace builds it when it is missing or
// stale, reuses it when current), with the same writeDataset as the full run: the same bytes.
// "metadata" names metadata.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Parameters } from "../lib/params.ts";
import { silent, type Progress } from "../lib/io/progress.ts";
import { datasetByName, datasets } from "./index.ts";
import { buildMetadata } from "./metadata.ts";
import { writeDataset, type Format } from "./publish.ts";
import { openWorkspace } from "./workspace.ts";

export const metadataName = "metadata";

/** The names of `--only a,b,c`, checked: an unknown name stops the run with the list of known ones. */
export function parseOnly(text: string): string[] {
  const names = [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];
  if (names.length === 0) throw new Error(`parameter only: "${text}" names no dataset; known: ${[...datasets.map((d) => d.name), metadataName].join(", ")}`);
  for (const name of names) {
    if (name === metadataName) continue;
    try {
      datasetByName(name);
    } catch (error) {
      throw new Error(`parameter only: ${(error as Error).message}, ${metadataName}`);
    }
  }
  return names;
}

/** Writes the named datasets into `out`; returns the files written. */
export async function writeOnly(params: Parameters, names: string[], out: string, format: Format, log: Progress = silent): Promise<string[]> {
  const session = await openWorkspace(params, log);
  try {
    mkdirSync(out, { recursive: true });
    const written: string[] = [];
    for (const name of names) {
      if (name === metadataName) {
        const file = join(out, "metadata.json");
        writeFileSync(file, JSON.stringify(await buildMetadata(session), null, 2) + "\n");
        written.push(file);
        continue;
      }
      const file = join(out, `${name}.${format}`);
      await writeDataset(session, datasetByName(name), file, format);
      written.push(file);
    }
    return written;
  } finally {
    session.close();
  }
}
