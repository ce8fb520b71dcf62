// The researchers' commands (issue 12) on a small generated region: `compute --only` writes the named
// datasets byte for byte as a full run does, reusing the prepared workspace; `npm run sql` runs every
// dataset's .sql file unchanged and prints the published file's bytes; queries, --tables and the
// shell on piped input.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import { beforeAll, describe, expect, it } from "vitest";
import { openSession } from "../../lib/db/session.ts";
import { runText } from "../../lib/db/shell.ts";
import { resolveParameters } from "../../lib/params.ts";
import { datasets } from "../../loaders/index.ts";
import { cacheDir, openWorkspace, workspaceKey } from "../../loaders/workspace.ts";

const root = join(import.meta.dirname, "../..");

function npx(args: string[], input?: string) {
  const run = spawnSync("npx", ["tsx", ...args], { cwd: root, encoding: "utf8", input, maxBuffer: 64 * 1024 * 1024 });
  const stderr = run.stderr.split("\n").filter((l) => l && !l.startsWith("npm warn")).join("\n");
  return { status: run.status, stdout: run.stdout, stderr };
}

let data: string;
let full: string;

beforeAll(() => {
  data = join(mkdtempSync(join(tmpdir(), "drg-research-")), "region");
  full = mkdtempSync(join(tmpdir(), "drg-full-"));
  expect(npx(["bin/generate.ts", "--out", data, "--scale", "0.01", "--format", "csv", "--seed", "3", "--quiet"]).status).toBe(0);
  expect(npx(["bin/compute.ts", "--data", data, "--out", full])).toMatchObject({ status: 0 });
});

describe("compute --only", () => {
  it("writes every dataset, named one by one, with the bytes of the full run", () => {
    const only = mkdtempSync(join(tmpdir(), "drg-only-"));
    const names = [...datasets.map((d) => d.name), "metadata"];
    expect(npx(["bin/compute.ts", "--data", data, "--out", only, "--only", names.join(",")])).toMatchObject({ status: 0 });
    const written = readdirSync(only).sort();
    expect(written).toEqual(readdirSync(full).sort());
    for (const file of written) expect(readFileSync(join(only, file)).equals(readFileSync(join(full, file))), file).toBe(true);
  });

  it("writes just the named datasets, from the current workspace without rebuilding it", () => {
    const workspace = join(cacheDir, `${workspaceKey(resolveParameters({ data }))}.duckdb`);
    const first = mkdtempSync(join(tmpdir(), "drg-only-"));
    expect(npx(["bin/compute.ts", "--data", data, "--out", first, "--only", "hospital_year,groups"])).toMatchObject({ status: 0 });
    const built = statSync(workspace).ino; // a rebuild renames a new file into place: another inode
    const second = mkdtempSync(join(tmpdir(), "drg-only-"));
    expect(npx(["bin/compute.ts", "--data", data, "--out", second, "--only", "groups"])).toMatchObject({ status: 0 });
    expect(readdirSync(first).sort()).toEqual(["groups.csv", "hospital_year.csv"]);
    expect(readdirSync(second)).toEqual(["groups.csv"]);
    expect(statSync(workspace).ino).toBe(built);
    expect(readFileSync(join(second, "groups.csv")).equals(readFileSync(join(full, "groups.csv")))).toBe(true);
  });

  it("names the known datasets when one is unknown", () => {
    const run = npx(["bin/compute.ts", "--data", data, "--out", mkdtempSync(join(tmpdir(), "drg-only-")), "--only", "hospital_year,hospitals_yearly"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: parameter only: unknown dataset "hospitals_yearly"; known: quality, rejected, .*hospital_year.*, metadata$/);
  });
});

describe("npm run sql", () => {
  it("runs every dataset's .sql file unchanged and prints the published file's bytes", async () => {
    const session = await openWorkspace(resolveParameters({ data }));
    try {
      for (const dataset of datasets) {
        let out = "";
        const sql = readFileSync(join(root, "loaders", `${dataset.name}.sql`), "utf8");
        await runText(session, sql, { mode: "csv", write: (text) => (out += text) });
        expect(out, dataset.name).toBe(readFileSync(join(full, `${dataset.name}.csv`), "utf8"));
      }
    } finally {
      session.close();
    }
  });

  it("from the command line too: --file F.sql --csv", () => {
    const run = npx(["bin/sql.ts", "--data", data, "--file", "loaders/rw_interval_comparison.sql", "--csv"]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toBe(readFileSync(join(full, "rw_interval_comparison.csv"), "utf8"));
  });

  it("answers a question of the inputs, as a table (a figure worked out from the CSV here)", () => {
    // Fund paid for inpatient stays discharged in 2019, summed in cents from the input file.
    const claims = csvParse(readFileSync(join(data, "claims_inpatient.csv"), "utf8").replace(/^\uFEFF/, ""));
    const in2019 = claims.filter((c) => c.discharge_date!.startsWith("2019"));
    const cents = in2019.reduce((s, c) => s + Math.round(Number(c.fund_paid) * 100), 0);
    const expected = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
    const run = npx(["bin/sql.ts", "--data", data, "SELECT count(*) AS stays, sum(fund_paid) AS fund FROM claims_inpatient WHERE year(discharge_date) = 2019"]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    const lines = run.stdout.split("\n");
    expect(lines[1]).toMatch(/│\s+stays\s+│\s+fund\s+│/);
    expect(lines[4].split("│").map((s) => s.trim()).filter(Boolean)).toEqual([String(in2019.length), expected]);
    expect(lines.at(-2)).toBe("(1 row)");
  });

  it("sees the parameters as the loaders do, from the same flags as compute", () => {
    const run = npx(["bin/sql.ts", "--data", data, "--high-multiplier", "2.5", "--csv", "SELECT getvariable('high_multiplier') AS high, getvariable('low_multiplier') AS low"]);
    expect(run).toMatchObject({ status: 0, stdout: "high,low\n2.5,0.4\n" });
  });

  it("prints the workspace file and its variables for the DuckDB CLI, where a dataset's .sql then runs as is", async () => {
    const run = npx(["bin/sql.ts", "--data", data, "--duckdb-init"]);
    expect(run.status).toBe(0);
    const file = run.stdout.match(/^-- duckdb -readonly (\S+\.duckdb) -init this-file$/m)?.[1];
    expect(file && existsSync(file)).toBe(true);
    // What the CLI does: open the file read-only with no variables, run the init, then the dataset's file.
    const session = await openSession({ path: file!, readOnly: true });
    const comparison = async () => {
      let out = "";
      await runText(session, readFileSync(join(root, "loaders/rw_interval_comparison.sql"), "utf8"), { mode: "csv", write: (text) => (out += text) });
      return out;
    };
    try {
      const published = readFileSync(join(full, "rw_interval_comparison.csv"), "utf8");
      expect(await comparison()).not.toBe(published); // without the variables, not the reform year's periods
      await session.run(run.stdout);
      expect(await comparison()).toBe(published);
    } finally {
      session.close();
    }
  });

  it("is read-only: a write is refused", () => {
    const run = npx(["bin/sql.ts", "--data", data, "DELETE FROM hospitals"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/read-only/i);
  });

  it("lists the workspace's tables and their columns", () => {
    const run = npx(["bin/sql.ts", "--data", data, "--tables"]);
    expect(run.status).toBe(0);
    const hospitals = csvParse(readFileSync(join(data, "hospitals.csv"), "utf8").replace(/^\uFEFF/, ""));
    expect(run.stdout).toContain(`hospitals (${hospitals.length} rows)`);
    expect(run.stdout).toMatch(/^casemix_hospital_year \([\d,]+ rows\)\n\s+hospital_id VARCHAR, year INTEGER, cases BIGINT/m);
    // a view is named as one, not counted (its rows are computed when read: minutes at a region's scale)
    expect(run.stdout).toMatch(/^apg_visits \(view\)\n\s+claim_id VARCHAR/m);
  });

  it("runs statements piped into its shell, one result each, and .mode csv", () => {
    const input = "SELECT 6 * 7 AS answer;\n.mode csv\nSELECT 'a;b' AS text, -- a comment; not the end\n  2 AS n;\nSELECT 3 AS last\n";
    const run = npx(["bin/sql.ts", "--data", data], input);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toContain("│  answer │\n│ INTEGER │\n├─────────┤\n│      42 │\n");
    expect(run.stdout).toContain("text,n\na;b,2\nlast\n3\n");
  });

  it("reports a failing statement in the shell and exits non-zero", () => {
    const run = npx(["bin/sql.ts", "--data", data], "SELECT no_such_column FROM hospitals;\nSELECT 1 AS after;\n");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: Binder Error: .*no_such_column/);
    expect(run.stdout).toContain("after");
  });
});
