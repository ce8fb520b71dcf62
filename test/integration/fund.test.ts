// Fund growth and the counterfactual of metrics.md §5, on a region whose figures are worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { readInputs } from "../../lib/input/ingest.ts";
import { resolveParameters, setParameterVariables } from "../../lib/params.ts";
import { fundMonth, fundYear } from "../../loaders/fund.ts";
import { contractFolder, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

// Inpatient fund paid per year (two claims a year, in March and September):
//   2016: 100   2017: 110   2018: 121   — growth 10%, 10% before the reform
//   2019: 125   2020: 130               — reform year R = 2019
// g0 = mean(0.10, 0.10) = 0.10; expected(2019) = 121 × 1.1 = 133.10; expected(2020) = 121 × 1.1² = 146.41;
// savings 8.10 and 16.41, cumulative 8.10 and 24.51.
const yearly: Record<number, [number, number]> = { 2016: [40, 60], 2017: [50, 60], 2018: [60, 61], 2019: [60, 65], 2020: [65, 65] };
const claims = Object.entries(yearly).flatMap(([year, [march, september]]) => [
  inpatientClaim({ claim_id: `M${year}`, admit_date: `${year}-03-01`, discharge_date: `${year}-03-05`, total_cost: "200.00", fund_paid: march.toFixed(2) }),
  inpatientClaim({ claim_id: `S${year}`, admit_date: `${year}-09-01`, discharge_date: `${year}-09-05`, total_cost: "200.00", fund_paid: september.toFixed(2) }),
]);
const outpatient = [
  { claim_id: "O1", patient_id: "P1", hospital_id: "H3", visit_date: "2019-03-02", principal_dx: "J06.900", total_cost: "100.00", fund_paid: "50.00" },
  { claim_id: "O2", patient_id: "P1", hospital_id: "H3", visit_date: "2020-03-09", principal_dx: "J06.900", total_cost: "100.00", fund_paid: "60.00" },
];

let session: Session;
beforeAll(async () => {
  session = await openSession();
  await readInputs(session, contractFolder({ hospitals: threeHospitals, claims_inpatient: claims, claims_outpatient: outpatient }));
  await setParameterVariables(session, resolveParameters({ reformYear: 2019 }));
});
afterAll(() => session.close());

describe("fund_year", () => {
  it("gives growth, expected spend and savings against the pre-reform trend", async () => {
    const rows = await session.all<Record<string, unknown>>(fundYear.query());
    const inpatient = rows.filter((r) => r.setting === "inpatient");
    expect(inpatient.map((r) => [r.year, r.claims, r.fund_paid])).toEqual([
      [2016, "2", "100.00"], [2017, "2", "110.00"], [2018, "2", "121.00"], [2019, "2", "125.00"], [2020, "2", "130.00"],
    ]);
    const close = (x: unknown, y: number | null) => (y === null ? expect(x).toBeNull() : expect(x as number).toBeCloseTo(y, 9));
    [null, 0.1, 0.1, 125 / 121 - 1, 130 / 125 - 1].forEach((g, i) => close(inpatient[i].yoy, g));
    [null, null, null, 133.1, 146.41].forEach((e, i) => close(inpatient[i].expected, e));
    [null, null, null, 8.1, 16.41].forEach((s, i) => close(inpatient[i].savings, s));
    [null, null, null, 8.1, 24.51].forEach((s, i) => close(inpatient[i].cumulative_savings, s));
  });

  it("leaves the counterfactual empty with fewer than two years before the reform", async () => {
    const outpatient = (await session.all<Record<string, unknown>>(fundYear.query())).filter((r) => r.setting === "outpatient");
    expect(outpatient.map((r) => [r.year, r.fund_paid, r.expected])).toEqual([[2019, "50.00", null], [2020, "60.00", null]]);
    expect(outpatient[1].yoy as number).toBeCloseTo(0.2, 12);
  });
});

describe("fund_month", () => {
  it("compares each month with the same month a year before", async () => {
    const rows = await session.all<Record<string, unknown>>(fundMonth.query());
    const march = rows.filter((r) => r.setting === "inpatient" && String(r.month).endsWith("-03"));
    expect(march.map((r) => r.month)).toEqual(["2016-03", "2017-03", "2018-03", "2019-03", "2020-03"]);
    expect(march[0].yoy).toBeNull();
    expect(march[1].yoy as number).toBeCloseTo(50 / 40 - 1, 12);
    expect(march[3].yoy as number).toBeCloseTo(0, 12);
    const september2020 = rows.find((r) => r.setting === "inpatient" && r.month === "2020-09")!;
    expect(september2020.yoy as number).toBeCloseTo(0, 12);
  });
});
