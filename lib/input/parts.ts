// The checked rows of each claims file, kept between runs (issue 8: a new month in seconds). A bureau
// adds each month's export as a new file of a claims folder; the rows of the files already seen were
// checked (and their row-local work done: the inpatient grouping) by an earlier run. Each file's part is
// a Parquet file named by the SHA-256 of the file's bytes, in a folder named by everything else the
// checks depend on (parameters, code, reference data and the other input tables: `context`), so a part
// is reused only for the same bytes under the same rules, and a changed file can never be served stale.
// A claims table is a view over its files' parts in the workspace (loaders/workspace.ts lists the parts beside it).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

export class PartStore {
  readonly dir: string;

  /** `root`: the folder of every context's parts; `context`: the hash of what the checks depend on. */
  constructor(readonly root: string, readonly context: string) {
    this.dir = join(root, context);
  }

  /**
   * The part of a file of `table` with these bytes (whether or not it exists yet); `steps`: the row
   * steps whose results it holds besides the checked rows (the inpatient grouping: `own_groups`).
   */
  path(table: string, sha256: string, steps: readonly string[] = []): string {
    return join(this.dir, `${[table, sha256.slice(0, 32), ...steps].join("-")}.parquet`);
  }

  has(path: string): boolean {
    return existsSync(path);
  }

  /** Where a part is written before it is complete (renamed into place by `commit`). */
  pending(path: string): string {
    mkdirSync(this.dir, { recursive: true });
    return `${path}.${process.pid}.tmp`;
  }

  commit(pending: string, path: string): void {
    renameSync(pending, path);
  }

  /**
   * Removes the parts no workspace names (`referenced`: every part a kept workspace's views read) once
   * they are a day old — younger ones may belong to a build running beside this one — and the folders
   * left empty.
   */
  prune(referenced: ReadonlySet<string>, keptForMs = 24 * 3600 * 1000): void {
    if (!existsSync(this.root)) return;
    const now = Date.now();
    for (const context of readdirSync(this.root)) {
      const dir = join(this.root, context);
      if (!statSync(dir).isDirectory()) continue;
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (!referenced.has(path) && now - statSync(path).mtimeMs > keptForMs) rmSync(path, { force: true });
      }
      if (readdirSync(dir).length === 0 && dir !== this.dir) rmSync(dir, { recursive: true, force: true });
    }
  }
}
