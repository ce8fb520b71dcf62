// The static site on a small region: it builds offline, carries aggregates only, and never serves
// stale figures after an input changes (issue 2).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDataset } from "../../src/components/csv.js";
import { contractFolder, csvText, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

const root = join(import.meta.dirname, "../..");

function build(data: string, output: string): void {
  execFileSync("npx", ["tsx", "bin/build.ts"], {
    cwd: root,
    env: { ...process.env, DRG_DATA: data, DRG_OUTPUT: output },
    stdio: "pipe",
  });
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** A published dataset in dist/ (Framework names attachments by content hash). */
function published(dist: string, name: string): Record<string, unknown>[] {
  const dir = join(dist, "_file/data");
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".csv"));
  if (!file) throw new Error(`${name}.csv not in ${dir}`);
  return parseDataset(readFileSync(join(dir, file), "utf8"));
}

const textual = new Set([".html", ".js", ".css", ".csv", ".json", ".txt", ".svg", ".map"]);

const claims = [2018, 2019, 2020].flatMap((year) =>
  ["H1", "H2", "H3"].map((hospital, i) =>
    inpatientClaim({ claim_id: `CLAIMX${year}${i}`, patient_id: `PATIENTX${year}${i}`, hospital_id: hospital,
      admit_date: `${year}-05-01`, discharge_date: `${year}-05-06`, total_cost: "9000.00", fund_paid: `${6000 + i * 100}.00` }),
  ),
);

describe("the built site", () => {
  let data: string;
  let dist: string;
  beforeAll(() => {
    data = contractFolder({ hospitals: threeHospitals, claims_inpatient: claims });
    dist = mkdtempSync(join(tmpdir(), "drg-dist-"));
    build(data, dist);
  });

  it("requests no other host: no external URL in any built file", () => {
    const external = /\b(?:https?:)?\/\/(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\.[a-z]{2,}/gi;
    const offenders = files(dist)
      .filter((f) => textual.has(extname(f)))
      .flatMap((f) => [...readFileSync(f, "utf8").matchAll(external)].map((m) => `${f}: ${m[0]}`))
      // Namespace identifiers are names, not requests (SVG/XHTML in Plot and d3).
      .filter((hit) => !/\/\/www\.w3\.org/.test(hit));
    expect(offenders).toEqual([]);
  });

  it("publishes aggregates only: no claim or patient identifier of the inputs", () => {
    const identifiers = claims.flatMap((c) => [String(c.claim_id), String(c.patient_id)]);
    const offenders = files(dist).filter((f) => {
      const text = readFileSync(f, "latin1");
      return identifiers.some((id) => text.includes(id));
    });
    expect(offenders).toEqual([]);
  });

  it("changes the published figures when an input file changes (no stale cache)", () => {
    const before = published(dist, "fund_year");
    expect(before.find((r) => r.setting === "inpatient" && r.year === 2020)?.fund_paid).toBe(18300);
    // Same file name, one claim's fund_paid raised by 1,000 yuan.
    const changed = claims.map((c) => (c.claim_id === "CLAIMX20200" ? { ...c, fund_paid: "7000.00" } : c));
    writeFileSync(join(data, "claims_inpatient.csv"), csvText(changed));
    build(data, dist);
    const after = published(dist, "fund_year");
    expect(after.find((r) => r.setting === "inpatient" && r.year === 2020)?.fund_paid).toBe(19300);
  });
});
