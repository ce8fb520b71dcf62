// The `cases` table reports an upstream drg_code where one is given, read by the scheme README's
// "Group codes" rules: 0000 or xx00 → FAIL (MDC 0000, ADRG 00); xQY → QY; else SUCCESS, MDC + first letter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { buildCases } from "../../lib/cases.ts";
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
  await readInputs(session, params.data);
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
