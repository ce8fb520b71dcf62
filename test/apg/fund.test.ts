// The outpatient counterfactual (metrics.md §5) uses the outpatient reform year (parameter
// outpatientReformYear), not the inpatient one. Outpatient fund worked out by hand: 100, 120, 144,
// 172.80 (+20 % a year) in 2016–2019, 190 in 2020; outpatient reform 2020, inpatient reform 2018:
// g0 = mean(0.2, 0.2, 0.2) = 0.2; expected(2020) = 172.80 × 1.2 = 207.36; savings 17.36.
import { expect, it } from "vitest";
import { openSession } from "../../lib/db/session.ts";
import { readInputs } from "../../lib/input/ingest.ts";
import { defaultParameters, setParameterVariables } from "../../lib/params.ts";
import { fundYear } from "../../loaders/fund.ts";
import { contractFolder, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

const fund: Record<number, string> = { 2016: "100.00", 2017: "120.00", 2018: "144.00", 2019: "172.80", 2020: "190.00" };
const visits = Object.entries(fund).map(([year, paid]) => ({
  claim_id: `O${year}`, patient_id: "P1", hospital_id: "H3", visit_date: `${year}-05-02`, principal_dx: "J06.900", total_cost: "400.00", fund_paid: paid,
}));

it("computes the outpatient savings from the outpatient reform year", async () => {
  const session = await openSession();
  try {
    await readInputs(session, contractFolder({ hospitals: threeHospitals, claims_inpatient: [inpatientClaim({ claim_id: "C1" })], claims_outpatient: visits }));
    await setParameterVariables(session, { ...defaultParameters, reformYear: 2018, outpatientReformYear: 2020 });
    const rows = (await session.all<Record<string, unknown>>(fundYear.query())).filter((r) => r.setting === "outpatient");
    expect(rows.map((r) => r.expected)).toEqual([null, null, null, null, expect.closeTo(207.36, 9)]);
    expect(rows[4].savings as number).toBeCloseTo(17.36, 9);
    expect(rows[4].baseline_growth as number).toBeCloseTo(0.2, 12);
  } finally {
    session.close();
  }
});
