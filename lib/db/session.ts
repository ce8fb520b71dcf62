// A DuckDB session: one database, one connection, and the few calls the domain needs.
// Every BIGINT leaves through getRowObjectsJson() so it stays JSON-safe (as a string); callers
// cast to ::DOUBLE / ::INTEGER at the edge where a number is wanted.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { mkdirSync, rmSync } from "node:fs";
import { totalmem } from "node:os";
import { join } from "node:path";

let sessionsOpened = 0;

export type Row = Record<string, unknown>;

export interface Session {
  readonly connection: DuckDBConnection;
  /** Run statements that return nothing of interest. */
  run(sql: string): Promise<void>;
  /** Rows as JSON-safe objects (BIGINT and DECIMAL as strings, DOUBLE as numbers, DATE as text). */
  all<T = Row>(sql: string): Promise<T[]>;
  /** One value from the first row's first column. */
  value<T = unknown>(sql: string): Promise<T>;
  close(): void;
}

export interface SessionOptions {
  /** A database file; default in memory. */
  path?: string;
  readOnly?: boolean;
  threads?: number;
  /** DuckDB's memory limit, e.g. "2GB"; default engineDefaults().memoryLimit. */
  memoryLimit?: string;
  /** Where DuckDB spills beyond the limit; default engineDefaults().spillDirectory. */
  spillDirectory?: string;
}

/**
 * The engine's limits (issue 8: bounded memory on a small machine): DuckDB's memory limit, a share of
 * the machine's memory unless DRG_MEMORY_LIMIT sets it (compute --memory-limit), and its spill folder,
 * DRG_SPILL or the cache folder's spill/ (.drg-cache, or DRG_CACHE_DIR). They change how fast a run is, never what it computes.
 */
export function engineDefaults(): { memoryLimit: string; spillDirectory: string; threads?: number } {
  const share = Math.max(1, Math.min(8, Math.floor(totalmem() / 8 / 2 ** 30)));
  const threads = Number(process.env.DRG_THREADS);
  return {
    memoryLimit: process.env.DRG_MEMORY_LIMIT || `${share}GB`,
    spillDirectory: process.env.DRG_SPILL || join(process.env.DRG_CACHE_DIR || new URL("../../.drg-cache", import.meta.url).pathname, "spill"),
    ...(Number.isInteger(threads) && threads > 0 ? { threads } : {}),
  };
}

export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const defaults = engineDefaults();
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = "READ_ONLY";
  const threads = options.threads ?? defaults.threads;
  if (threads) config.threads = String(threads);
  config.memory_limit = options.memoryLimit ?? defaults.memoryLimit;
  // One spill folder per database, removed on close: DuckDB's temporary files of two processes must not meet.
  const spill = join(options.spillDirectory ?? defaults.spillDirectory, `${process.pid}-${++sessionsOpened}`);
  mkdirSync(spill, { recursive: true });
  config.temp_directory = spill;
  const instance = await DuckDBInstance.create(options.path ?? ":memory:", config);
  const connection = await instance.connect();
  // Same inputs, same outputs: keep row order stable through every scan and write.
  await connection.run("SET preserve_insertion_order = true");
  const session: Session = {
    connection,
    async run(sql) {
      await connection.run(sql);
    },
    async all<T>(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJson() as T[];
    },
    async value<T>(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      const rows = reader.getRowsJson();
      return (rows[0]?.[0] ?? null) as T;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
  return session;
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A SQL identifier. */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
