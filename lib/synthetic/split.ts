// Claims tables as folders of one file per year or month (--split year|month), the shape a bureau's monthly
// exports take (spec/input-data.md, first section): claims_outpatient/2021-03.parquet, read in file-name order.
// A period is a half-open date range [from, to); every file is sorted by claim_id like the single file, so
// the union of a folder's files is the single file's rows (test/synthetic/split.test.ts).
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { sqlString, type Session } from "../db/session.ts";
import { copyOptions, type Format, type WrittenFile } from "./output.ts";
import { years } from "./profile.ts";

export type Split = "none" | "year" | "month";

export const splits: Split[] = ["none", "year", "month"];

export interface Period {
  /** The file's name without extension: 2021 or 2021-03. */
  name: string;
  /** First day (YYYY-MM-DD), included. */
  from: string;
  /** Day after the last (YYYY-MM-DD), excluded. */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The periods of the generated years, in date (and file-name) order. */
export function periods(split: Exclude<Split, "none">): Period[] {
  if (split === "year") return years.map((y) => ({ name: `${y}`, from: `${y}-01-01`, to: `${y + 1}-01-01` }));
  return years.flatMap((y) =>
    Array.from({ length: 12 }, (_, i) => ({
      name: `${y}-${pad(i + 1)}`,
      from: `${y}-${pad(i + 1)}-01`,
      to: i === 11 ? `${y + 1}-01-01` : `${y}-${pad(i + 2)}-01`,
    })),
  );
}

/** SQL predicate: `column` (a DATE) falls in the period. */
export function inPeriod(column: string, period: Period): string {
  return `${column} >= DATE '${period.from}' AND ${column} < DATE '${period.to}'`;
}

/** Removes <dir>/<table>.csv, <dir>/<table>.parquet and the folder <dir>/<table>/ (a previous run's output). */
export function removeTableOutputs(dir: string, table: string): void {
  for (const path of [join(dir, `${table}.csv`), join(dir, `${table}.parquet`), join(dir, table)]) rmSync(path, { recursive: true, force: true });
}

/**
 * Writes one period's rows (`query`, already ordered) to <dir>/<table>/<period>.<format>. A period with no
 * rows writes no file (the input reader stops on an empty file).
 */
export async function writePeriodFile(session: Session, dir: string, table: string, period: Period, query: string, format: Format): Promise<WrittenFile | null> {
  const path = join(dir, table, `${period.name}.${format}`);
  const rows = Number(await session.value(`COPY (${query}) TO ${sqlString(path)} ${copyOptions(format)}`));
  if (rows === 0) {
    rmSync(path, { force: true });
    return null;
  }
  return { table, path, rows, bytes: statSync(path).size };
}
