// The checked rows of each claims file, kept between runs (issue 8: a new month in seconds). A bureau
// adds each month's export as a new file of a claims folder; the rows of the files already seen were
// checked (and their row-local work done: the inpatient grouping) by an earlier run. Each file's part is
// a Parquet file named by the SHA-256 of the file's bytes, in a folder named by everything else the
// checks depend on (parameters, code, reference data and the other input tables: `context`), so a part
// is reused only for the same bytes under the same rules, and a changed file can never be served stale.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";

export class PartStore {
  readonly dir: string;

  /** `root`: the folder of every context's parts; `context`: the hash of what the checks depend on. */
  constructor(readonly root: string, readonly context: string) {
    this.dir = join(root, context);
  }

  /** The part of a file of `table` with these bytes (whether or not it exists yet). */
  path(table: string, sha256: string): string {
    return join(this.dir, `${table}-${sha256.slice(0, 32)}.parquet`);
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
   * Marks this context used (kept by `prune`), and removes other contexts' parts unused for a day, except
   * the `kept` most recently used; and parts this context has that `used` does not name, older than a day
   * (a file replaced or removed from the folder long ago).
   */
  prune(used: readonly string[], kept = 3, keptForMs = 24 * 3600 * 1000): void {
    if (!existsSync(this.root)) return;
    const now = Date.now();
    if (existsSync(this.dir)) utimesSync(this.dir, new Date(now), new Date(now));
    const others = readdirSync(this.root)
      .map((name) => join(this.root, name))
      .filter((path) => path !== this.dir && statSync(path).isDirectory())
      .map((path) => ({ path, used: statSync(path).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const old of others.slice(kept)) if (now - old.used > keptForMs) rmSync(old.path, { recursive: true, force: true });
    if (!existsSync(this.dir)) return;
    const named = new Set(used);
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (!named.has(path) && now - statSync(path).mtimeMs > keptForMs) rmSync(path, { force: true });
    }
  }
}
