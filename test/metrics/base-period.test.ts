// The base period of §2 and the default periods of the §4 comparison, on small made-up claim sets:
// which years are chosen and how they are weighted, which quartiles trim, and which half-years compare.
import { describe, expect, it } from "vitest";
import type { Row } from "../../lib/db/session.ts";
import { rwIntervalComparison } from "../../loaders/rw_interval_comparison.ts";
import { weightBaseYears } from "../../loaders/weight_base_years.ts";
import { expectTable } from "./expect-table.ts";
import { preparedFixture, type FixtureCase } from "./fixture.ts";

const hospitals = [{ id: "H1", level: 3 as const, coefficient: 1 }];

/** One case of group ES21 discharged on the 15th of each given month, costing `cost(i)`. */
function monthly(months: string[], cost: (i: number) => number = () => 1000): FixtureCase[] {
  return months.map((month, i) => ({
    id: `k${String(i).padStart(4, "0")}`, patient: `p${i}`, hospital: "H1", drg: "ES21",
    admit: `${month}-10`, discharge: `${month}-15`, cost: cost(i), fund: 0,
  }));
}
const monthsOf = (year: number, from = 1, to = 12) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, "0")}`);

describe("base years (§2)", () => {
  it("are the first three calendar years with claims in all twelve months, weighted 2:3:5", async () => {
    // 2018 has March only; 2019–2022 are complete. Costs differ per year so the means tell them apart.
    const months = [...monthsOf(2018, 3, 3), ...monthsOf(2019), ...monthsOf(2020), ...monthsOf(2021), ...monthsOf(2022)];
    const cost = (i: number) => 1000 * Number(months[i].slice(0, 4)) - 2017 * 1000; // 2018: 1000, 2019: 2000 …
    const session = await preparedFixture({ hospitals, cases: monthly(months, cost) });
    const m = (2 * 2000 + 3 * 3000 + 5 * 4000) / 10;
    expectTable(await session.all<Row>(weightBaseYears.query()), [
      { year: 2019, year_weight: 2, cases: 12, kept_cases: 12, trimmed_cases: 0, mean_cost: 2000, overall_mean: m },
      { year: 2020, year_weight: 3, cases: 12, kept_cases: 12, trimmed_cases: 0, mean_cost: 3000, overall_mean: m },
      { year: 2021, year_weight: 5, cases: 12, kept_cases: 12, trimmed_cases: 0, mean_cost: 4000, overall_mean: m },
    ]);
    session.close();
  });

  it("are as many complete years as there are (one: weight 1), else the first three years with claims", async () => {
    const one = await preparedFixture({ hospitals, cases: monthly([...monthsOf(2019, 5), ...monthsOf(2020), ...monthsOf(2021, 1, 3)]) });
    expect(await one.all("SELECT year, year_weight FROM weight_base_years")).toEqual([{ year: 2020, year_weight: 1 }]);
    one.close();
    const none = await preparedFixture({ hospitals, cases: monthly(["2017-02", "2018-05", "2019-07", "2020-01"]) });
    expect(await none.all("SELECT year, year_weight FROM weight_base_years")).toEqual([
      { year: 2017, year_weight: 2 }, { year: 2018, year_weight: 3 }, { year: 2019, year_weight: 5 },
    ]);
    none.close();
  });

  it("follow the baseYears parameter, and refuse more than three or years without claims", async () => {
    const cases = monthly([...monthsOf(2019), ...monthsOf(2020), ...monthsOf(2021)]);
    const two = await preparedFixture({ hospitals, cases }, { baseYears: [2021, 2019] });
    expect(await two.all("SELECT year, year_weight FROM weight_base_years")).toEqual([{ year: 2019, year_weight: 2 }, { year: 2021, year_weight: 3 }]);
    two.close();
    await expect(preparedFixture({ hospitals, cases }, { baseYears: [2018, 2019, 2020, 2021] })).rejects.toThrow(/at most three base years/);
    await expect(preparedFixture({ hospitals, cases }, { baseYears: [2015] })).rejects.toThrow(/no grouped case was discharged in 2015/);
  });
});

describe("trimming (§2)", () => {
  it("uses type 7 quartiles: 1200 lies outside Q3 + 1.5·IQR = 1150 and is trimmed", async () => {
    // Costs 100 … 700 and 1200 in one group and year. Type 7: Q1 = 200 + 0.75·100 = 275, Q3 = 600 + 0.25·100 = 625,
    // fences 275 − 525 and 625 + 525 = 1150. (Type 6 would give 1350, the nearest-rank quantiles 1200: both keep it.)
    const costs = [100, 200, 300, 400, 500, 600, 700, 1200];
    const session = await preparedFixture({ hospitals, cases: monthly(monthsOf(2020, 1, 8), (i) => costs[i]) });
    expectTable(await session.all<Row>(weightBaseYears.query()), [
      { year: 2020, year_weight: 1, cases: 8, kept_cases: 7, trimmed_cases: 1, mean_cost: 2800 / 7, overall_mean: 400 },
    ]);
    session.close();
  });

  it("leaves a group with fewer than min_cases cases in the year untrimmed", async () => {
    const costs = [100, 110, 120, 10000];
    const session = await preparedFixture({ hospitals, cases: monthly(monthsOf(2020, 1, 4), (i) => costs[i]) });
    expect(await session.value("SELECT trimmed_cases FROM weight_base_years")).toBe("0");
    expect(await session.value("SELECT overall_mean FROM weight_base")).toBe(10330 / 4);
    session.close();
  });
});

describe("period comparison defaults (§4)", () => {
  const cases = monthly([2019, 2020, 2021, 2022].flatMap((y) => monthsOf(y, 1, 6)), (i) => 1000 + 100 * Math.floor(i / 6));
  const periods = async (reformYear: number | null) => {
    const session = await preparedFixture({ hospitals, cases }, { reformYear });
    const rows = await session.all<Row>(rwIntervalComparison.query());
    session.close();
    return [rows[0].period_a, rows[0].period_b];
  };

  it("compare H1 of the reform year with H1 two years later when both are complete", async () => {
    expect(await periods(2019)).toEqual(["2019-01..2019-06", "2021-01..2021-06"]);
  });

  it("compare the first and the last complete H1 otherwise", async () => {
    expect(await periods(null)).toEqual(["2019-01..2019-06", "2022-01..2022-06"]);
    expect(await periods(2021)).toEqual(["2019-01..2019-06", "2022-01..2022-06"]);
  });
});
