// The `cases` table reports an upstream drg_code where one is given, read by the scheme README's
// "Group codes" rules: 0000 or xx00 → FAIL (MDC 0000, ADRG 00); xQY → QY; else SUCCESS, MDC + first letter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Row, type Session } from "../../lib/db/session.ts";
import { prepare } from "../../lib/pipeline.ts";
import { datasetByName } from "../../loaders/index.ts";
import { buildCases, groupingStep } from "../../lib/cases.ts";
import { readInputs } from "../../lib/input/ingest.ts";
import { resolveParameters, setParameterVariables } from "../../lib/params.ts";
import { contractFolder, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

let session: Session;
beforeAll(async () => {
  session = await openSession();
  const claims = [
    inpatientClaim({ claim_id: "U1", drg_code: "FM19" }),
    inpatientClaim({ claim_id: "U2", drg_code: "0000" }),
    inpatientClaim({ claim_id: "U3", drg_code: "FQY" }),
    inpatientClaim({ claim_id: "U4", drg_code: "" }),
  ];
  const params = resolveParameters({ data: contractFolder({ hospitals: threeHospitals, claims_inpatient: claims }) });
  await readInputs(session, params.data, { rowSteps: [groupingStep(params)] });
  await setParameterVariables(session, params);
  await buildCases(session, params);
});
afterAll(() => session.close());

describe("cases: the reported group", () => {
  it("reads upstream codes as the grouper reads its own", async () => {
    const rows = await session.all(`SELECT claim_id, drg_code, mdc, adrg, group_status, grouped FROM cases WHERE claim_id <> 'U4' ORDER BY claim_id`);
    expect(rows).toEqual([
      { claim_id: "U1", drg_code: "FM19", mdc: "MDCF", adrg: "FM1", group_status: "SUCCESS", grouped: true },
      { claim_id: "U2", drg_code: "0000", mdc: "0000", adrg: "00", group_status: "FAIL", grouped: false },
      { claim_id: "U3", drg_code: "FQY", mdc: "MDCF", adrg: "FQY", group_status: "QY", grouped: false },
    ]);
  });

  it("uses the own group, with its MDC and ADRG, where no upstream code is given", async () => {
    const row = await session.all(`SELECT drg_code = own_drg_code AS same, mdc = own_mdc AS same_mdc, upstream_drg_code FROM cases WHERE claim_id = 'U4'`);
    expect(row).toEqual([{ same: true, same_mdc: true, upstream_drg_code: null }]);
  });
});

// Issue 8, found on real data: MS-DRG codes such as 100, 200, 300 have "00" in their second and third
// characters, which the CHS result-code rule reads as ungroupable. Codes this scheme does not produce
// are groups as written: 300 stays group 300 in groups, hospital_year and the concordance.
describe("cases: upstream codes of another scheme", () => {
  let full: Session;
  beforeAll(async () => {
    full = await openSession();
    const claims = [
      inpatientClaim({ claim_id: "M1", patient_id: "P1", drg_code: "300", total_cost: "9000.00" }),
      inpatientClaim({ claim_id: "M2", patient_id: "P2", drg_code: "300", total_cost: "11000.00" }),
      inpatientClaim({ claim_id: "M3", patient_id: "P3", drg_code: "100", total_cost: "4000.00", fund_paid: "3000.00" }),
      inpatientClaim({ claim_id: "M4", patient_id: "P4", drg_code: "0000", total_cost: "5000.00", fund_paid: "3000.00" }),
    ];
    const params = resolveParameters({ data: contractFolder({ hospitals: threeHospitals, claims_inpatient: claims }) });
    await prepare(full, params);
  });
  afterAll(() => full.close());

  it("keeps 300 and 100 as grouped cases, with no MDC of this scheme; 0000 stays ungroupable", async () => {
    expect(await full.all(`SELECT claim_id, drg_code, mdc, adrg, group_status, grouped FROM cases ORDER BY claim_id`)).toEqual([
      { claim_id: "M1", drg_code: "300", mdc: null, adrg: "300", group_status: "SUCCESS", grouped: true },
      { claim_id: "M2", drg_code: "300", mdc: null, adrg: "300", group_status: "SUCCESS", grouped: true },
      { claim_id: "M3", drg_code: "100", mdc: null, adrg: "100", group_status: "SUCCESS", grouped: true },
      { claim_id: "M4", drg_code: "0000", mdc: "0000", adrg: "00", group_status: "FAIL", grouped: false },
    ]);
  });

  it("weighs 300 in groups and counts it in hospital_year", async () => {
    // Derived weights, one base year (2019): grouped kept cases 9000, 11000, 4000 → m = 8000;
    // m_300 = 10000 → RW 1.25; m_100 = 4000 → RW 0.5. H1's CMI = (1.25 + 1.25 + 0.5) / 3 = 1.
    const groups = await full.all<Row>(`SELECT drg_code, cases::INTEGER AS cases, rw::DOUBLE AS rw FROM (${datasetByName("groups").query()}) ORDER BY drg_code`);
    expect(groups).toEqual([
      { drg_code: "100", cases: 1, rw: 0.5 },
      { drg_code: "300", cases: 2, rw: 1.25 },
    ]);
    const [h1] = await full.all<Row>(`SELECT cases::INTEGER AS cases, grouped_cases::INTEGER AS grouped_cases, cmi::DOUBLE AS cmi FROM (${datasetByName("hospital_year").query()})`);
    expect(h1).toEqual({ cases: 4, grouped_cases: 3, cmi: 1 });
  });

  it("compares 300 as written in the concordance", async () => {
    const pairs = await full.all<Row>(`SELECT upstream_drg_code, cases::INTEGER AS cases FROM (${datasetByName("grouping_concordance").query()}) WHERE kind = 'pair' AND upstream_drg_code = '300'`);
    expect(pairs.reduce((n, p) => n + Number(p.cases), 0)).toBe(2);
  });
});
