// Ranking charts at a bureau's scale: the top and the bottom ten of the institutions, worked by hand.
import { describe, expect, it } from "vitest";
import { labelMargin } from "../../src/components/dom.js";
import { topAndBottom } from "../../src/components/ranking.js";

const rows = (values: (number | null)[]) => values.map((v, i) => ({ hospital_id: `H${i}`, v }));

describe("topAndBottom", () => {
  it("keeps the ten largest and the ten smallest of 25, and counts the five between", () => {
    // values 1..25 in a shuffled order: top = 25..16, bottom = 10..1, left out: 15..11.
    const values = [13, 2, 25, 7, 19, 1, 22, 10, 16, 4, 24, 11, 8, 20, 3, 15, 23, 6, 18, 12, 9, 21, 5, 17, 14];
    const ranked = topAndBottom(rows(values), (r) => r.v);
    expect(ranked.top.map((r) => r.v)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(ranked.bottom.map((r) => r.v)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(ranked.omitted).toBe(5);
    expect(ranked.total).toBe(25);
    expect(ranked.rows).toHaveLength(20);
  });

  it("keeps all of twenty or fewer, in order, and leaves out rows without a value", () => {
    const ranked = topAndBottom(rows([3, null, 1, Number.NaN, 2]), (r) => r.v);
    expect(ranked.rows.map((r) => r.hospital_id)).toEqual(["H0", "H4", "H2"]);
    expect(ranked.omitted).toBe(0);
    expect(ranked.total).toBe(3);
  });

  it("of 21, leaves out one: the eleventh largest", () => {
    const ranked = topAndBottom(rows(Array.from({ length: 21 }, (_, i) => i + 1)), (r) => r.v);
    expect(ranked.omitted).toBe(1);
    expect(ranked.rows.map((r) => r.v)).not.toContain(11);
  });
});

describe("labelMargin", () => {
  it("fits the longest label (6.2 px a Latin character, 10.5 a Chinese one, 12 px of padding) within its bounds", () => {
    expect(labelMargin(["ABCDEFGHIJ"])).toBe(74); // 10 × 6.2 + 12
    expect(labelMargin(["第一人民医院"])).toBe(75); // 6 × 10.5 + 12 = 75
    expect(labelMargin(["x".repeat(100)])).toBe(220);
  });

  it("leaves a chart at least 60 % of its width, so the plot is never narrower than its margins", () => {
    expect(labelMargin(["x".repeat(100)], { width: 300 })).toBe(120);
    expect(labelMargin(["x".repeat(100)], { max: 260, width: 1000 })).toBe(260);
    expect(labelMargin(["ab"], { width: 300 })).toBe(40);
  });
});
