// The formulas the pages apply in the browser and the way they show figures, against values worked
// out by hand.
import { describe, expect, it } from "vitest";
import { caseMixOf, growth, periodChange, quantile, sumPeriod, yearToDate } from "../../src/components/formulas.js";
import { formatChange, formatMoney, formatMonthSpan, formatPoints, moneyUnit, percentTicks } from "../../src/components/format.js";

describe("browser formulas", () => {
  it("growth is (this − before) / before, undefined without a positive base (metrics.md §5)", () => {
    expect(growth(114, 100)).toBeCloseTo(0.14, 12);
    expect(growth(100, 0)).toBeNull();
    expect(growth(100, null)).toBeNull();
  });

  it("period change is (B − A) / A (metrics.md §4)", () => {
    expect(periodChange(200, 150)).toBeCloseTo(-0.25, 12);
    expect(periodChange(0, 5)).toBeNull();
  });

  it("the case mix of a set of hospitals is a ratio of sums, not a mean of ratios (metrics.md §3)", () => {
    // A: 10 cases, weight 20, cost 200,000 → CMI 2, cost per weight 10,000.
    // B: 30 cases, weight 15, cost 90,000 → CMI 0.5, cost per weight 6,000.
    // Together: CMI 35 / 40 = 0.875; cost per weight 290,000 / 35 = 8,285.714…
    const set = caseMixOf([
      { grouped_cases: 10, total_weight: 20, cost_per_weight: 10_000, cases: 11 },
      { grouped_cases: 30, total_weight: 15, cost_per_weight: 6_000, cases: 30 },
    ]);
    expect(set.cmi).toBeCloseTo(0.875, 12);
    expect(set.cost_per_weight).toBeCloseTo(290_000 / 35, 9);
    expect(set.cases).toBe(41);
  });

  it("quantiles interpolate between order statistics (R type 7)", () => {
    // 1, 2, 3, 4: h = 3 × 0.25 = 0.75 → 1 + 0.75 × (2 − 1) = 1.75
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([7], 0.75)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it("sums a monthly dataset over a span of months, both ends included", () => {
    const rows = [
      { month: "2019-01", interval: "a", fund_paid: 1 },
      { month: "2019-06", interval: "a", fund_paid: 2 },
      { month: "2019-07", interval: "a", fund_paid: 4 },
      { month: "2019-03", interval: "b", fund_paid: 8 },
    ];
    const sums = sumPeriod(rows, "2019-01", "2019-06", (r: { interval: string }) => r.interval, ["fund_paid"]);
    expect(sums.get("a")).toEqual({ fund_paid: 3 });
    expect(sums.get("b")).toEqual({ fund_paid: 8 });
  });

  it("compares a year under way with the same months a year before", () => {
    const rows = [
      { month: "2020-01", fund_paid: 10 },
      { month: "2020-02", fund_paid: 10 },
      { month: "2020-03", fund_paid: 50 },
      { month: "2021-01", fund_paid: 12 },
      { month: "2021-02", fund_paid: 13 },
    ];
    const ytd = yearToDate(rows)!;
    expect(ytd).toMatchObject({ year: 2021, from: "2021-01", to: "2021-02", fund_paid: 25, previous: 20 });
    expect(ytd.growth).toBeCloseTo(0.25, 12);
  });
});

describe("figures for readers", () => {
  it("shows money in 万元 / 亿元 in Chinese and in yuan with separators in English", () => {
    expect(formatMoney(345_123_456, "zh")).toBe("3.45 亿元");
    expect(formatMoney(31_438_580, "zh")).toBe("3,144 万元");
    expect(formatMoney(75_092, "zh")).toBe("7.51 万元");
    expect(formatMoney(856, "zh")).toBe("856 元");
    expect(formatMoney(31_438_580, "en")).toBe("¥31,438,580");
    expect(formatMoney(-4_784_732, "en")).toBe("−¥4,784,732");
    expect(formatMoney(null, "en")).toBe("—");
  });

  it("draws money axes in a unit that keeps ticks short", () => {
    expect(moneyUnit([3.2e8], "zh")).toEqual({ factor: 1e8, unit: "亿元" });
    expect(moneyUnit([3.2e7], "zh")).toEqual({ factor: 1e4, unit: "万元" });
    expect(moneyUnit([3.2e7], "en")).toEqual({ factor: 1e6, unit: "million yuan" });
  });

  it("signs changes and points", () => {
    expect(formatChange(0.0712)).toBe("+7.1%");
    expect(formatChange(-0.021)).toBe("−2.1%");
    expect(formatPoints(-0.081, "zh")).toBe("−8.1 个百分点");
    expect(formatPoints(0.004, "en")).toBe("+0.4 pp");
  });

  it("writes spans of months as readers do", () => {
    expect(formatMonthSpan("2019-01", "2019-06", "zh")).toBe("2019年1–6月");
    expect(formatMonthSpan("2019-01", "2019-06", "en")).toBe("Jan–Jun 2019");
    expect(formatMonthSpan("2019-11", "2020-02", "en")).toBe("Nov 2019–Feb 2020");
  });

  it("gives a narrow percentage axis enough decimals to tell its ticks apart", () => {
    expect(percentTicks([0.9847, 0.9888])(0.985)).toBe("98.50%");
    expect(percentTicks([0.2, 0.9])(0.5)).toBe("50%");
  });
});
