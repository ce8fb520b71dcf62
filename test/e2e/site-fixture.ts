// The site the browser tests read: a small generated region (scale 0.02, CSV) whose claims carry the
// group the generator intended as an upstream drg_code, one in forty with another severity (so the
// data-quality page compares the project's grouping with it and finds some disagreement), plus a few rows that break the input contract (so the page has reasons to show,
// and the tests can check that no rejected claim's identifier reaches the site); built into a temporary
// folder and served on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvFormat, csvParse } from "d3-dsv";
import { serveStatic, type StaticServer } from "../../bin/static-server.ts";

export const root = join(import.meta.dirname, "../..");

export interface BuiltSite {
  data: string;
  dist: string;
  server: StaticServer;
  hospitalIds: string[];
  /** Each hospital's name, from the input table. */
  hospitalNames: Map<string, string>;
  /** Claim ids of the rows the contract sets aside (they must not appear anywhere on the site). */
  rejectedClaimIds: string[];
}

const run = (args: string[], env: Record<string, string> = {}) =>
  execFileSync("npx", ["tsx", ...args], { cwd: root, env: { ...process.env, ...env }, stdio: "pipe", maxBuffer: 64 * 1024 * 1024 });

export async function buildSite(): Promise<BuiltSite> {
  const data = mkdtempSync(join(tmpdir(), "drg-e2e-data-"));
  const dist = mkdtempSync(join(tmpdir(), "drg-e2e-dist-"));
  run(["bin/generate.ts", "--out", data, "--scale", "0.02", "--format", "csv", "--seed", "1", "--quiet"]);
  addUpstreamGroups(data);
  const rejectedClaimIds = addBrokenRows(join(data, "claims_inpatient.csv"));
  run(["bin/build.ts"], { DRG_DATA: data, DRG_OUTPUT: dist });
  const hospitals = csvParse(readFileSync(join(data, "hospitals.csv"), "utf8").replace(/^\uFEFF/, ""));
  const hospitalIds = hospitals.map((r) => r.hospital_id!);
  const hospitalNames = new Map(hospitals.map((r) => [r.hospital_id!, r.name!]));
  return { data, dist, server: await serveStatic(dist), hospitalIds, hospitalNames, rejectedClaimIds };
}

/** drg_code = the group the generator intended for the claim (its ground truth), as a platform would give it. */
function addUpstreamGroups(data: string): void {
  const truthFile = join(data, "truth", "claims_inpatient_truth.csv");
  if (!existsSync(truthFile)) return;
  const intended = new Map(csvParse(readFileSync(truthFile, "utf8")).map((r) => [r.claim_id!, r.intended_drg ?? ""]));
  const file = join(data, "claims_inpatient.csv");
  const claims = csvParse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  // Every 40th claim gets another severity of its group upstream, as a platform grouping with other rules would.
  const known = new Set(csvParse(readFileSync(join(root, "data/schemes/chs-drg-1.1/groups.csv"), "utf8")).map((g) => g.drg_code!));
  const otherSeverity = (code: string) => {
    const other = ["1", "3", "5"].map((d) => code.slice(0, 3) + d).find((c) => c !== code && known.has(c));
    return other ?? code;
  };
  const upstream = (c: Record<string, string | undefined>, i: number) => {
    const code = intended.get(c.claim_id!) ?? "";
    return i % 40 === 0 ? otherSeverity(code) : code;
  };
  writeFileSync(file, csvFormat(claims.map((c, i) => ({ ...c, drg_code: upstream(c, i) })), [...claims.columns, "drg_code"]) + "\n");
}

/** Appends rows the contract rejects (an unknown hospital, a negative cost, fund above cost). */
function addBrokenRows(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const header = text.slice(0, text.indexOf("\n")).replace(/^\uFEFF/, "").trim().split(",");
  const sample = csvParse(text).at(-1)!;
  const broken = [
    { claim_id: "E2EREJECTED001", hospital_id: "NO_SUCH_HOSPITAL" },
    { claim_id: "E2EREJECTED002", total_cost: "-5.00" },
    { claim_id: "E2EREJECTED003", fund_paid: "99999999.00" },
  ];
  const cell = (v: string | undefined) => (v == null ? "" : /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = broken.map((over) => header.map((column) => cell({ ...sample, ...over }[column])).join(","));
  appendFileSync(file, (text.endsWith("\n") ? "" : "\n") + lines.join("\n") + "\n");
  return broken.map((b) => b.claim_id);
}
