// npm run sql -- --data DIR [QUERY | --file F.sql] [--csv] [--tables] [--duckdb-init] [--max-rows N] [parameter flags of compute]
// Runs SQL on the prepared workspace of these inputs and parameters (built first when missing), opened
// read-only, with the parameters set as DuckDB variables exactly as the loaders see them: every
// dataset's loaders/<name>.sql runs unchanged. With no query and no file, an interactive shell (statements
// end with ";"; .tables, .mode csv|table, .quit); piped standard input runs the same way.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Session } from "../lib/db/session.ts";
import { formatTables, isComplete, listTables, runText, variablesScript, type OutputMode } from "../lib/db/shell.ts";
import { resolveParameters, type Parameters } from "../lib/params.ts";
import { openWorkspace } from "../loaders/workspace.ts";
import { runMain } from "./args.ts";
import { flagParameters, parameterFlag } from "./parameter-flags.ts";

const booleans = new Set(["csv", "tables", "help", "duckdb-init"]);
const valued = new Set(["file", "max-rows"]);

const usage = `npm run sql -- --data DIR [QUERY | --file F.sql] [--csv] [--tables] [--duckdb-init] [--max-rows N]
  QUERY        SQL to run (several statements separated by ";"); none: an interactive shell
  --file F     run the SQL of a file, e.g. loaders/hospital_year.sql
  --csv        print the (last) result as CSV, every row (DuckDB's COPY: the bytes of a published dataset)
  --tables     list the workspace's tables and their columns
  --max-rows N rows shown in a table (default 100)
  --duckdb-init   print the workspace's file and its variables as SET statements, for the DuckDB CLI
  parameter flags as for compute: ${Object.keys(flagParameters).map((f) => `--${f}`).join(", ")}
`;

interface SqlArgs {
  overrides: Partial<Parameters>;
  query: string | null;
  file: string | null;
  mode: OutputMode;
  tables: boolean;
  help: boolean;
  duckdbInit: boolean;
  maxRows: number;
}

export function parseSqlArgs(argv: string[]): SqlArgs {
  const args: SqlArgs = { overrides: {}, query: null, file: null, mode: "table", tables: false, help: false, duckdbInit: false, maxRows: 100 };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      words.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2);
    if (booleans.has(name)) {
      if (name === "csv") args.mode = "csv";
      if (name === "tables") args.tables = true;
      if (name === "help") args.help = true;
      if (name === "duckdb-init") args.duckdbInit = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`parameter ${name}: a value is missing after --${name}`);
    if (name === "file") args.file = value;
    else if (name === "max-rows") {
      args.maxRows = Number(value);
      if (!Number.isInteger(args.maxRows) || args.maxRows < 1) throw new Error(`parameter max-rows: "${value}" is not a positive whole number`);
    } else if (!valued.has(name)) {
      const parameter = parameterFlag(name, value);
      if (!parameter) throw new Error(`unexpected argument "--${name}"; known: --file, --csv, --tables, --duckdb-init, --max-rows, ${Object.keys(flagParameters).map((f) => `--${f}`).join(", ")}`);
      Object.assign(args.overrides, parameter);
    }
  }
  if (words.length) args.query = words.join(" ");
  if (args.query && args.file) throw new Error(`unexpected argument "${args.query}": give a query or --file, not both`);
  return args;
}

runMain(async () => {
  const args = parseSqlArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(usage);
    return;
  }
  const params = resolveParameters(args.overrides);
  const session = await openWorkspace(params);
  const write = (text: string) => void process.stdout.write(text);
  try {
    if (args.tables) write(formatTables(await listTables(session)));
    else if (args.duckdbInit) write(await variablesScript(session));
    else if (args.file) await runText(session, readFileSync(args.file, "utf8"), { mode: args.mode, write, maxRows: args.maxRows });
    else if (args.query) await runText(session, args.query, { mode: args.mode, write, maxRows: args.maxRows });
    else if (!(await shell(session, args, params))) process.exitCode = 1;
  } finally {
    session.close();
  }
});

/** The interactive shell (a prompt when standard input is a terminal); false when a statement failed. */
async function shell(session: Session, args: SqlArgs, params: Parameters): Promise<boolean> {
  const interactive = Boolean(process.stdin.isTTY);
  const lines = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  let mode = args.mode;
  let buffer = "";
  let ok = true;
  const prompt = () => {
    if (!interactive) return;
    lines.setPrompt(buffer ? "   -> " : "drg> ");
    lines.prompt();
  };
  const write = (text: string) => void process.stdout.write(text);
  const run = async (text: string) => {
    try {
      await runText(session, text, { mode, write, maxRows: args.maxRows });
    } catch (error) {
      ok = false;
      process.stderr.write(`error: ${(error as Error).message}\n`);
    }
  };
  if (interactive) {
    write(`drg-monitor SQL on the prepared workspace of ${params.data} (read-only). Statements end with ";".\n`);
    write(`.tables lists the tables, .mode csv|table switches the output, .quit leaves. Example: SELECT * FROM casemix_region_year;\n`);
  }
  prompt();
  for await (const line of lines) {
    const command = buffer ? "" : line.trim();
    if (command.startsWith(".")) {
      const [name, value] = command.split(/\s+/);
      if (name === ".quit" || name === ".exit") break;
      else if (name === ".tables") write(formatTables(await listTables(session)));
      else if (name === ".mode" && (value === "csv" || value === "table")) mode = value;
      else write(`.tables | .mode csv|table | .quit\n`);
    } else {
      buffer += `${line}\n`;
      if (isComplete(buffer)) {
        await run(buffer);
        buffer = "";
      }
    }
    prompt();
  }
  if (buffer.trim()) await run(buffer);
  lines.close();
  return ok;
}
