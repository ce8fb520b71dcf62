// A claims table given as a folder of files (spec/input-data.md, first section): the files' rows form one
// table, read in file-name order; a claim_id repeated across files is a duplicate like any other (the
// first in file order is kept); files may mix CSV and Parquet and their column types.
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Row, type Session } from "../../lib/db/session.ts";
import { prepare } from "../../lib/pipeline.ts";
import { resolveParameters } from "../../lib/params.ts";
import { datasetByName } from "../../loaders/index.ts";
import { partsContext } from "../../loaders/workspace.ts";
import { PartStore } from "../../lib/input/parts.ts";
import type { Progress } from "../../lib/io/progress.ts";
import { contractFolder, csvText, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

const january = [
  inpatientClaim({ claim_id: "A1", admit_date: "2019-01-03", discharge_date: "2019-01-08" }),
  inpatientClaim({ claim_id: "A2", hospital_id: "H2", admit_date: "2019-01-10", discharge_date: "2019-01-15", total_cost: "5000.00", fund_paid: "4000.00" }),
];
const february = [
  inpatientClaim({ claim_id: "A3", admit_date: "2019-02-03", discharge_date: "2019-02-08", total_cost: "7000.00", fund_paid: "5000.00" }),
  inpatientClaim({ claim_id: "A1", admit_date: "2019-02-10", discharge_date: "2019-02-12" }), // repeats A1 of January
];
const march = [inpatientClaim({ claim_id: "A4", hospital_id: "H3", admit_date: "2019-03-01", discharge_date: "2019-03-04", total_cost: "3000.00", fund_paid: "2000.00" })];

let folder: Session;
let single: Session;
let data: string;
beforeAll(async () => {
  // The folder: January and February as CSV, March as Parquet (typed columns), read in name order.
  data = contractFolder({ hospitals: threeHospitals });
  mkdirSync(join(data, "claims_inpatient"));
  writeFileSync(join(data, "claims_inpatient", "2019-01.csv"), csvText(january));
  writeFileSync(join(data, "claims_inpatient", "2019-02.csv"), csvText(february));
  const marchCsv = contractFolder({ claims_inpatient: march });
  const writer = await openSession();
  await writer.run(`COPY (SELECT * REPLACE (age::INTEGER AS age, admit_date::DATE AS admit_date, discharge_date::DATE AS discharge_date,
      total_cost::DECIMAL(18,2) AS total_cost, fund_paid::DECIMAL(18,2) AS fund_paid)
    FROM read_csv('${join(marchCsv, "claims_inpatient.csv")}', all_varchar = true))
    TO '${join(data, "claims_inpatient", "2019-03.parquet")}' (FORMAT parquet)`);
  writer.close();
  folder = await openSession();
  await prepare(folder, resolveParameters({ data }));
  // The same claims as one file, without the repeat.
  single = await openSession();
  await prepare(single, resolveParameters({ data: contractFolder({ hospitals: threeHospitals, claims_inpatient: [...january, february[0], ...march] }) }));
});
afterAll(() => {
  folder?.close();
  single?.close();
});

describe("a claims table as a folder of monthly files", () => {
  it("sets aside a claim_id repeated in a later file, naming the file and line of the first", async () => {
    expect(await folder.all(`SELECT "table", file, line::INTEGER AS line, claim_id, reason FROM rejected`)).toEqual([
      { table: "claims_inpatient", file: "2019-02.csv", line: 3, claim_id: "A1", reason: "claim_id repeats (first at line 2 of 2019-01.csv)" },
    ]);
  });

  it("reads the files' rows as one table, in file-name order", async () => {
    expect((await folder.all<Row>(`SELECT claim_id FROM claims_inpatient`)).map((r) => r.claim_id)).toEqual(["A1", "A2", "A3", "A4"]);
    expect(await folder.all(`SELECT "table", rows_read::INTEGER AS r, rows_accepted::INTEGER AS a, rows_rejected::INTEGER AS x FROM quality WHERE "table" = 'claims_inpatient'`)).toEqual([
      { table: "claims_inpatient", r: 5, a: 4, x: 1 },
    ]);
    expect(await folder.all(`SELECT file, rows_read::INTEGER AS rows FROM input_files WHERE "table" = 'claims_inpatient' ORDER BY file`)).toEqual([
      { file: "2019-01.csv", rows: 2 },
      { file: "2019-02.csv", rows: 2 },
      { file: "2019-03.parquet", rows: 1 },
    ]);
  });

  it("gives the same datasets as the same accepted claims in one file", async () => {
    for (const name of ["hospital_year", "hospital_month", "groups", "settlement", "fund_month"]) {
      const query = datasetByName(name).query();
      expect(await folder.all(query), name).toEqual(await single.all(query));
    }
  });
});

describe("each file's checked rows kept as a part", () => {
  const notes: string[] = [];
  const log: Progress = { stage: (_name, run) => run(), note: (message) => void notes.push(message.trim()) };
  const tables = ["rejected", "claims_inpatient", "cases"].map((t) => `SELECT * FROM ${t}`);
  const root = mkdtempSync(join(tmpdir(), "drg-parts-"));

  it("reads no file again when its part is kept, and gives the same tables", async () => {
    const params = resolveParameters({ data });
    const store = new PartStore(root, partsContext(params));
    const first = await openSession();
    const { ingest } = await prepare(first, params, log, store);
    expect(ingest.parts).toHaveLength(3);
    expect(notes).toEqual(["claims_inpatient: 0 of 3 files' checked rows reused, 3 checked"]);
    const written = ingest.parts.map((p) => statSync(p).mtimeMs);
    const second = await openSession();
    await prepare(second, params, log, store);
    expect(notes[1]).toBe("claims_inpatient: 3 of 3 files' checked rows reused, 0 checked");
    expect(ingest.parts.map((p) => statSync(p).mtimeMs)).toEqual(written);
    // the same rows, reasons and groups as the run that kept no parts
    for (const query of tables) expect(await second.all(query), query).toEqual(await folder.all(query));
    // read through one view over the three parts, less February's repeat of A1 (January's stay is kept)
    expect(await second.value(`SELECT table_type FROM information_schema.tables WHERE table_name = 'claims_inpatient'`)).toBe("VIEW");
    expect(await second.all(`SELECT claim_id, admit_date::VARCHAR AS admit FROM claims_inpatient ORDER BY claim_id`)).toEqual([
      { claim_id: "A1", admit: "2019-01-03" }, { claim_id: "A2", admit: "2019-01-10" }, { claim_id: "A3", admit: "2019-02-03" },
      { claim_id: "A4", admit: "2019-03-01" },
    ]);
    first.close();
    second.close();
  });

  it("keeps parts apart for other rules: without hospital H3, every file is checked again and March's stay set aside", async () => {
    writeFileSync(join(data, "hospitals.csv"), csvText(threeHospitals.filter((h) => h.hospital_id !== "H3")));
    const params = resolveParameters({ data });
    const store = new PartStore(root, partsContext(params));
    const session = await openSession();
    await prepare(session, params, log, store);
    expect(notes[2]).toBe("claims_inpatient: 0 of 3 files' checked rows reused, 3 checked");
    expect(await session.all(`SELECT file, claim_id, reason FROM rejected WHERE claim_id = 'A4'`)).toEqual([
      { file: "2019-03.parquet", claim_id: "A4", reason: 'hospital_id not in hospitals: "H3"' },
    ]);
    session.close();
    writeFileSync(join(data, "hospitals.csv"), csvText(threeHospitals));
  });
});
