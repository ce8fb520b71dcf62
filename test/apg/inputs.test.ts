// The optional inputs of §8 through the input contract (input-data.md): `insured` and `apg_weights` are
// read, checked and typed like the other tables; absent, they are empty tables of the same columns.
import { afterEach, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { readInputs } from "../../lib/input/ingest.ts";
import { contractFolder, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

let session: Session;
afterEach(() => session?.close());

it("reads insured and apg_weights, setting aside rows that break the contract", async () => {
  const dir = contractFolder({
    hospitals: threeHospitals,
    claims_inpatient: [inpatientClaim({ claim_id: "C1" })],
    insured: [
      { year: 2021, patient_id: "P1", insurance_type: "resident", signed_hospital_id: "H3" },
      { year: 2021, patient_id: "P2", insurance_type: "resident", signed_hospital_id: "" },
      { year: "20x1", patient_id: "P3", insurance_type: "resident", signed_hospital_id: "" }, // not a year
      { year: 2021, patient_id: "", insurance_type: "resident", signed_hospital_id: "" }, // no person
    ],
    apg_weights: [
      { apg_code: "MJ06", weight: "0.62", avg_cost: "150.00" },
      { apg_code: "P86", weight: "0", avg_cost: "" }, // a weight must be above 0
      { apg_code: "MJ06", weight: "0.7", avg_cost: "" }, // repeated code
    ],
  });
  session = await openSession();
  const report = await readInputs(session, dir);
  const counts = Object.fromEntries(report.tables.map((t) => [t.table, [t.rowsRead, t.rowsAccepted]]));
  expect(counts.insured).toEqual([4, 2]);
  expect(counts.apg_weights).toEqual([3, 1]);
  expect(await session.all(`SELECT apg_code, weight, avg_cost::DOUBLE AS avg_cost FROM apg_weights`)).toEqual([{ apg_code: "MJ06", weight: 0.62, avg_cost: 150 }]);
  expect(await session.all(`SELECT year, patient_id, signed_hospital_id FROM insured ORDER BY patient_id`)).toEqual([
    { year: 2021, patient_id: "P1", signed_hospital_id: "H3" },
    { year: 2021, patient_id: "P2", signed_hospital_id: null },
  ]);
  expect(Number(await session.value(`SELECT count(*) FROM rejected WHERE "table" IN ('insured', 'apg_weights')`))).toBe(4);
});

it("gives empty insured and apg_weights tables when the folder has none", async () => {
  session = await openSession();
  await readInputs(session, contractFolder({ hospitals: threeHospitals, claims_inpatient: [inpatientClaim({ claim_id: "C1" })] }));
  expect(Number(await session.value(`SELECT count(*) FROM insured`))).toBe(0);
  expect((await session.all<{ column_name: string }>(`DESCRIBE apg_weights`)).map((c) => c.column_name)).toEqual(["apg_code", "weight", "avg_cost"]);
});
