// The input contract on bad input (input-data.md "Bad input", issue 2): rows set aside with their
// line and reason, files that are unusable as a whole stop with one message naming them.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { readInputs } from "../../lib/input/ingest.ts";
import { contractFolder, csvText, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

let session: Session;
afterEach(() => session?.close());

async function ingest(dir: string) {
  session = await openSession();
  return readInputs(session, dir);
}

describe("rows that break the contract", () => {
  // One claim per kind of problem; its expected reason is written from the contract, by hand.
  const claims = [
    inpatientClaim({ claim_id: "OK1" }),
    inpatientClaim({ claim_id: "NOHOSP", hospital_id: "H9" }),
    inpatientClaim({ claim_id: "BACKWARDS", admit_date: "2019-04-05", discharge_date: "2019-04-01" }),
    inpatientClaim({ claim_id: "OK1", patient_id: "P-dup" }),
    inpatientClaim({ claim_id: "OLD", age: 140 }),
    inpatientClaim({ claim_id: "NEG", total_cost: "-1.00", fund_paid: "0.00" }),
    inpatientClaim({ claim_id: "OVERPAID", total_cost: "100.00", fund_paid: "100.01" }),
    inpatientClaim({ claim_id: "BADDATE", admit_date: "2019-13-01" }),
    inpatientClaim({ claim_id: "ANCIENT", admit_date: "1989-12-30", discharge_date: "1989-12-31" }),
    inpatientClaim({ claim_id: "FUTURE", admit_date: "2099-01-01", discharge_date: "2099-01-02" }),
    inpatientClaim({ claim_id: "NOPATIENT", patient_id: "" }),
    inpatientClaim({ claim_id: "AGEX", age: "abc" }),
    inpatientClaim({ claim_id: "NOCODE", principal_dx: "NOT.A.CODE", procedures: "99.9999" }),
    inpatientClaim({ claim_id: "OK2", hospital_id: "H3", secondary_dx: " I10.x00 ; ;E11.900" }),
  ];
  const csv = csvText(claims).replace("\nOLD,", "\nMALFORMED,only,four,fields\nOLD,");

  it("sets each bad row aside with its line, claim_id and reason, and keeps the rest", async () => {
    const report = await ingest(contractFolder({ hospitals: threeHospitals, claims_inpatient: csv }));
    const table = report.tables.find((t) => t.table === "claims_inpatient")!;
    // 15 data rows: 14 claims + 1 malformed line; accepted: OK1, the first of the repeats, NOCODE, OK2.
    expect(table).toMatchObject({ rowsRead: 15, rowsAccepted: 3, rowsRejected: 12 });
    const rejected = await session.all<{ line: string; claim_id: string; reason: string }>(
      `SELECT line, claim_id, reason FROM rejected ORDER BY line`,
    );
    // Lines: the header is line 1; the malformed line sits before OLD (line 6) and shifts what follows.
    expect(rejected.map((r) => [Number(r.line), r.claim_id, r.reason])).toEqual([
      [3, "NOHOSP", 'hospital_id not in hospitals: "H9"'],
      [4, "BACKWARDS", "discharge_date is before admit_date"],
      [5, "OK1", "claim_id repeats (first at line 2)"],
      [6, null, expect.stringMatching(/^malformed CSV row: Expected Number of Columns: 16 Found: 4/)],
      [7, "OLD", 'age is outside 0 to 130: "140"'],
      [8, "NEG", 'total_cost is negative: "-1.00"; fund_paid exceeds total_cost'],
      [9, "OVERPAID", "fund_paid exceeds total_cost"],
      [10, "BADDATE", 'admit_date is not a date YYYY-MM-DD: "2019-13-01"'],
      [11, "ANCIENT", 'admit_date is outside 1990-01-01 to today: "1989-12-30"; discharge_date is outside 1990-01-01 to today: "1989-12-31"'],
      [12, "FUTURE", expect.stringContaining("admit_date is outside 1990-01-01 to today")],
      [13, "NOPATIENT", "patient_id is missing"],
      [14, "AGEX", 'age is not a whole number: "abc"'],
    ]);
    const quality = await session.all<Record<string, string>>(`SELECT * FROM quality WHERE "table" = 'claims_inpatient'`);
    expect(quality[0]).toMatchObject({ rows_read: "15", rows_accepted: "3", rows_rejected: "12" });
  });

  it("counts codes outside the dictionaries as warnings, not rejections, and tidies code lists", async () => {
    await ingest(contractFolder({ hospitals: threeHospitals, claims_inpatient: csv }));
    const warnings = await session.all<Record<string, string>>(`SELECT "column", codes, example FROM input_warnings ORDER BY "column"`);
    expect(warnings).toEqual([
      { column: "principal_dx", codes: "1", example: "NOT.A.CODE" },
      { column: "procedures", codes: "1", example: "99.9999" },
    ]);
    const tidy = await session.value(`SELECT secondary_dx FROM claims_inpatient WHERE claim_id = 'OK2'`);
    expect(tidy).toBe("I10.x00;E11.900");
  });

  it("reads the same rows from Parquet as from CSV, with row numbers as lines", async () => {
    const dir = contractFolder({ hospitals: threeHospitals, claims_inpatient: csvText(claims) });
    session = await openSession();
    await session.run(`COPY (SELECT * FROM read_csv('${join(dir, "claims_inpatient.csv")}', all_varchar = true))
      TO '${join(dir, "claims_inpatient.parquet")}' (FORMAT parquet)`);
    session.close();
    const { rmSync } = await import("node:fs");
    rmSync(join(dir, "claims_inpatient.csv"));
    const report = await ingest(dir);
    expect(report.tables.find((t) => t.table === "claims_inpatient")).toMatchObject({ rowsRead: 14, rowsAccepted: 3, rowsRejected: 11 });
    expect(await session.value(`SELECT line FROM rejected WHERE claim_id = 'NOHOSP'`)).toBe("2");
  });
});

describe("files that are unusable as a whole", () => {
  const claims = [inpatientClaim({ claim_id: "C1" })];
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["a required column is missing", { hospitals: threeHospitals, claims_inpatient: csvText(claims).replace("total_cost", "cost") }, /claims_inpatient\.csv: required column missing: total_cost/],
    ["the file has no rows", { hospitals: threeHospitals, claims_inpatient: csvText(claims).split("\n")[0] + "\n" }, /claims_inpatient\.csv: has no rows/],
    ["the file is empty", { hospitals: threeHospitals, claims_inpatient: "" }, /claims_inpatient\.csv: has no header row/],
    ["a table is unknown", { hospitals: threeHospitals, claims_inpatient: claims, claims_dental: claims }, /claims_dental\.csv: unknown table "claims_dental"/],
    ["a required table is missing", { claims_inpatient: claims }, /hospitals\.csv: required table hospitals is missing/],
    ["a Parquet file is unreadable", { hospitals: threeHospitals, "claims_inpatient.parquet": "not parquet at all" }, /claims_inpatient\.parquet: cannot be read as Parquet/],
    ["a table is given twice", { hospitals: threeHospitals, claims_inpatient: claims, "claims_inpatient.parquet": "x" }, /table claims_inpatient is given twice/],
  ];
  for (const [what, tables, message] of cases) {
    it(`stops when ${what}, naming the file`, async () => {
      await expect(ingest(contractFolder(tables as never))).rejects.toThrow(message);
    });
  }

  it("stops when the data folder does not exist", async () => {
    await expect(ingest("/nonexistent/folder")).rejects.toThrow(/\/nonexistent\/folder: the data folder does not exist/);
  });

  it("tolerates a UTF-8 byte-order mark", async () => {
    const dir = contractFolder({ hospitals: threeHospitals });
    writeFileSync(join(dir, "claims_inpatient.csv"), "\ufeff" + csvText(claims));
    const report = await ingest(dir);
    expect(report.tables.find((t) => t.table === "claims_inpatient")?.rowsAccepted).toBe(1);
  });
});
