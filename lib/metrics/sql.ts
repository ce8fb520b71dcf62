// The metric base tables are built by SQL files beside their modules, so that a researcher can run
// them as is in the DuckDB CLI against a workspace (after the SET VARIABLEs of lib/params.ts).
import { readFileSync } from "node:fs";
import type { Session } from "../db/session.ts";

/** Runs the statements of a .sql file next to the calling module. */
export async function runSqlFile(session: Session, url: URL): Promise<void> {
  await session.run(readFileSync(url, "utf8"));
}
