// Small lookup tables built in JavaScript, inserted into the DuckDB session as plain tables: scalar
// columns through DuckDB's appender (fast), list columns as SQL literals.
import { dateValue } from "@duckdb/node-api";
import { sqlString, type Session } from "../db/session.ts";

export type SqlType = "VARCHAR" | "INTEGER" | "BIGINT" | "DOUBLE" | "BOOLEAN" | "DATE" | "VARCHAR[]" | "INTEGER[]";

function literal(value: unknown, type: SqlType): string {
  if (value === null || value === undefined) return "NULL";
  if (type === "VARCHAR[]") return `[${(value as string[]).map((v) => sqlString(v)).join(", ")}]::VARCHAR[]`;
  if (type === "INTEGER[]") return `[${(value as number[]).map((v) => String(Math.trunc(v))).join(", ")}]::INTEGER[]`;
  if (type === "VARCHAR" || type === "DATE") return sqlString(String(value));
  if (type === "BOOLEAN") return value ? "true" : "false";
  if (type === "DOUBLE") return `${Number(value).toExponential(16)}::DOUBLE`;
  return String(Math.trunc(Number(value)));
}

const dayMs = 86_400_000;

/** Creates (or replaces) a table and fills it with rows, in column order. */
export async function insertTable(session: Session, name: string, columns: [string, SqlType][], rows: unknown[][]): Promise<void> {
  await session.run(`CREATE OR REPLACE TABLE ${name} (${columns.map(([c, t]) => `${c} ${t}`).join(", ")})`);
  if (columns.some(([, t]) => t.endsWith("[]"))) {
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows
        .slice(i, i + 500)
        .map((row) => `(${row.map((v, j) => literal(v, columns[j][1])).join(", ")})`)
        .join(",\n");
      await session.run(`INSERT INTO ${name} VALUES ${values}`);
    }
    return;
  }
  const appender = await session.connection.createAppender(name);
  for (const row of rows) {
    row.forEach((value, j) => {
      if (value === null || value === undefined) return appender.appendNull();
      switch (columns[j][1]) {
        case "VARCHAR":
          return appender.appendVarchar(String(value));
        case "INTEGER":
          return appender.appendInteger(Math.trunc(Number(value)));
        case "BIGINT":
          return appender.appendBigInt(BigInt(Math.trunc(Number(value))));
        case "DOUBLE":
          return appender.appendDouble(Number(value));
        case "BOOLEAN":
          return appender.appendBoolean(Boolean(value));
        case "DATE":
          return appender.appendDate(dateValue(Math.round(Date.parse(`${String(value)}T00:00:00Z`) / dayMs)));
      }
    });
    appender.endRow();
  }
  appender.closeSync();
}
