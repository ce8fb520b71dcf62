// An input table that was not given, as an empty table of the contract's columns and types: ingest
// creates the optional ones, and the metric builders create those they read when a test session lacks them.
import { sqlIdent, type Session } from "../db/session.ts";
import { inputTables, type ColumnType, type InputTableName } from "./contract.ts";

/** A typed NULL of a contract column type (the type an accepted row's value has). */
export function nullOf(type: ColumnType | string): string {
  return { integer: "NULL::INTEGER", money: "NULL::DECIMAL(18,2)", decimal: "NULL::DOUBLE", date: "NULL::DATE" }[type] ?? "NULL::VARCHAR";
}

/** Creates the table empty; `replace`: even when it exists (ingest), else only where it is missing. */
export async function createEmptyInputTable(session: Session, name: InputTableName, { replace = false } = {}): Promise<void> {
  const spec = inputTables.find((t) => t.name === name)!;
  const create = replace ? "CREATE OR REPLACE TABLE" : "CREATE TABLE IF NOT EXISTS";
  await session.run(`${create} ${name} AS SELECT ${spec.columns.map((c) => `${nullOf(c.type)} AS ${sqlIdent(c.name)}`).join(", ")} LIMIT 0`);
}
