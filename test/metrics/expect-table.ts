// Compares a dataset's rows with rows worked out by hand: the same rows in the same order, the same
// columns, numbers equal to 1e-9 relative (BIGINT and DECIMAL arrive as strings), everything else equal.
import { expect } from "vitest";
import type { Row } from "../../lib/db/session.ts";

export function expectTable(actual: Row[], expected: Row[], label = "dataset"): void {
  const show = (rows: Row[]) => rows.map((r) => Object.values(r).slice(0, 3).join("/")).join(", ");
  expect(actual.length, `${label}: rows ${show(actual)} vs expected ${show(expected)}`).toBe(expected.length);
  actual.forEach((row, i) => {
    const want = expected[i];
    const where = `${label} row ${i} (${Object.values(row).slice(0, 3).join("/")})`;
    expect(Object.keys(row).sort(), `${where}: columns`).toEqual(Object.keys(want).sort());
    for (const [key, value] of Object.entries(want)) {
      const got = row[key];
      if (typeof value === "number") {
        const n = got === null || got === undefined ? NaN : Number(got);
        const close = Math.abs(n - value) <= 1e-9 * Math.max(1, Math.abs(value));
        expect(close, `${where} ${key}: got ${String(got)}, expected ${value}`).toBe(true);
      } else {
        expect(got, `${where} ${key}`).toEqual(value);
      }
    }
  });
}

export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
