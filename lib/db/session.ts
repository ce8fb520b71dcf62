// A DuckDB session: one database, one connection, and the few calls the domain needs.
// Every BIGINT leaves through getRowObjectsJson() so it stays JSON-safe (as a string); callers
// cast to ::DOUBLE / ::INTEGER at the edge where a number is wanted.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

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
  memoryLimit?: string;
}

export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = "READ_ONLY";
  if (options.threads) config.threads = String(options.threads);
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
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
