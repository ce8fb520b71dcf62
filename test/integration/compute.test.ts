// The compute command (spec/datasets.md): datasets from hand-written contract files, byte-identical
// on every run, and one clear line on stderr with a non-zero exit when an input is unusable.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contractFolder, csvText, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

const root = join(import.meta.dirname, "../..");

function compute(...args: string[]) {
  const run = spawnSync("npx", ["tsx", "bin/compute.ts", ...args], { cwd: root, encoding: "utf8" });
  const stderr = run.stderr.split("\n").filter((l) => l && !l.startsWith("npm warn")).join("\n");
  return { status: run.status, stderr };
}

const claims = [
  inpatientClaim({ claim_id: "A1", discharge_date: "2019-03-08", fund_paid: "6000.00" }),
  inpatientClaim({ claim_id: "A2", hospital_id: "H2", admit_date: "2020-01-02", discharge_date: "2020-01-09", fund_paid: "6600.00" }),
  inpatientClaim({ claim_id: "A3", hospital_id: "H9" }), // unknown hospital: set aside
];
const outpatient = [{ claim_id: "O1", patient_id: "P1", hospital_id: "H3", visit_date: "2020-02-03", principal_dx: "J06.900", total_cost: "120.00", fund_paid: "80.00" }];

describe("npm run compute", () => {
  const data = contractFolder({ hospitals: threeHospitals, claims_inpatient: claims, claims_outpatient: outpatient });

  it("writes the datasets, and the same bytes on a second run", () => {
    const first = mkdtempSync(join(tmpdir(), "drg-out-"));
    const second = mkdtempSync(join(tmpdir(), "drg-out-"));
    expect(compute("--data", data, "--out", first, "--reform-year", "2020")).toMatchObject({ status: 0 });
    expect(compute("--data", data, "--out", second, "--reform-year", "2020")).toMatchObject({ status: 0 });
    const names = readdirSync(first).sort();
    for (const name of ["quality.csv", "rejected.csv", "fund_month.csv", "fund_year.csv"]) expect(names).toContain(name);
    for (const name of names) expect(readFileSync(join(second, name)), name).toEqual(readFileSync(join(first, name)));

    expect(readFileSync(join(first, "quality.csv"), "utf8")).toBe(
      "table,rows_read,rows_accepted,rows_rejected,rejected_share\n" +
        "claims_inpatient,3,2,1,0.3333333333333333\nclaims_outpatient,1,1,0,0.0\nhospitals,3,3,0,0.0\n",
    );
    expect(readFileSync(join(first, "rejected.csv"), "utf8")).toBe(
      'table,line,claim_id,record_id,reason,file\nclaims_inpatient,4,A3,A3,"hospital_id not in hospitals: ""H9""",claims_inpatient.csv\n',
    );
    // 2019: 6,000; 2020: 6,600 (+10%); outpatient 2020: 80.
    const fundYear = readFileSync(join(first, "fund_year.csv"), "utf8").split("\n");
    expect(fundYear[1]).toMatch(/^inpatient,2019,1,1,8000\.00,6000\.00,,/);
    expect(fundYear[2]).toMatch(/^inpatient,2020,1,1,8000\.00,6600\.00,0\.1,/);
    expect(fundYear[3]).toMatch(/^outpatient,2020,1,1,120\.00,80\.00,,/);
  });

  it("writes Parquet on request", () => {
    const out = mkdtempSync(join(tmpdir(), "drg-out-"));
    expect(compute("--data", data, "--out", out, "--format", "parquet")).toMatchObject({ status: 0 });
    expect(readFileSync(join(out, "fund_year.parquet")).subarray(0, 4).toString()).toBe("PAR1");
  });

  it("stops with one line naming the file when an input is unusable", () => {
    const broken = contractFolder({ hospitals: threeHospitals, claims_inpatient: csvText(claims).replace("fund_paid", "fund") });
    const run = compute("--data", broken, "--out", mkdtempSync(join(tmpdir(), "drg-out-")));
    expect(run.status).toBe(2);
    // Besides the stage lines (compute ▸ …, compute ✓ …): one line naming the file and what to fix.
    expect(run.stderr.split("\n").filter((l) => !/^compute [▸✓]/.test(l)).join("\n")).toBe(`error: ${join(broken, "claims_inpatient.csv")}: required column missing: fund_paid (the header has: ${Object.keys(claims[0]).join(", ").replace("fund_paid", "fund")})`);
  });

  it("rejects an unknown flag with the list of known ones", () => {
    const run = compute("--data", data, "--colour", "blue");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: unexpected argument "--colour"; known: --out, --format/);
  });
});
