// Writing tables: Parquet (zstd) or CSV (UTF-8, header, RFC 4180 quoting, dates YYYY-MM-DD, money with
// two decimals, lists joined with ';'). Rows are always written sorted by their key so the bytes of a
// file depend only on the seed and scale.
import { existsSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { sqlString, type Session } from "../db/session.ts";

export type Format = "parquet" | "csv";

export interface WrittenFile {
  table: string;
  path: string;
  rows: number;
  bytes: number;
}

export function copyOptions(format: Format): string {
  return format === "parquet" ? "(FORMAT parquet, COMPRESSION zstd)" : "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')";
}

/**
 * Writes `query` (already ordered) to <dir>/<table>.<format>, removing the same table in the other format and
 * a folder of that name (a previous run's --split output).
 */
export async function writeTable(session: Session, dir: string, table: string, query: string, format: Format): Promise<WrittenFile> {
  for (const other of ["parquet", "csv"] as Format[]) {
    const stale = join(dir, `${table}.${other}`);
    if (other !== format && existsSync(stale)) rmSync(stale);
  }
  rmSync(join(dir, table), { recursive: true, force: true });
  const path = join(dir, `${table}.${format}`);
  // COPY answers with the number of rows it wrote.
  const rows = Number(await session.value(`COPY (${query}) TO ${sqlString(path)} ${copyOptions(format)}`));
  return { table, path, rows, bytes: statSync(path).size };
}
