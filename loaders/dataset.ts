// A published dataset: one SQL model (a .sql file beside its module) over the prepared tables.
// The compute command and the site's Framework loaders both publish datasets through publish.ts,
// so a researcher's rebuild and the site are the same bytes.
import { readFileSync } from "node:fs";

export interface Dataset {
  /** File name without extension; a public interface (spec/datasets.md). */
  name: string;
  /** One sentence: what a row is and what it holds. */
  description: string;
  /** A SELECT with a total ORDER BY; reads parameters with getvariable('…'). */
  query(): string;
}

/** The SQL of a dataset, kept in its own file so that it runs as is in the DuckDB CLI. */
export function sqlFile(url: URL): () => string {
  let text: string | undefined;
  return () => (text ??= readFileSync(url, "utf8"));
}
