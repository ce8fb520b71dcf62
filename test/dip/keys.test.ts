// ICD-10 chapters of the comprehensive packets' fold (metrics.md §9), read from the WHO chapter table.
import { describe, expect, it } from "vitest";
import { categoryChapters, chapterKey } from "../../lib/dip/keys.ts";

describe("ICD-10 chapter keys", () => {
  it("place categories on both sides of each boundary", () => {
    expect(["K35.800", "K93.1", "K94.0", "D48.9", "D50.0", "D89.9", "D90", "H59.0", "H60.1", "T98.3", "T99", "U07.1", "V01", "Y98", "Z99.9", " j18.9 ", "", "1A2"].map(chapterKey)).toEqual([
      "K00-K93", "K00-K93", "?", "C00-D48", "D50-D89", "D50-D89", "?", "H00-H59", "H60-H95", "S00-T98", "?", "U00-U99", "V01-Y98", "V01-Y98", "Z00-Z99", "J00-J99", "?", "?",
    ]);
  });

  it("list every category once for the equality join, and none outside a chapter", () => {
    const rows = categoryChapters();
    expect(new Set(rows.map(([c]) => c)).size).toBe(rows.length);
    const of = new Map(rows);
    expect([of.get("A00"), of.get("B99"), of.get("E90"), of.get("E91"), of.get("P96"), of.get("P97"), of.get("V00")]).toEqual(["A00-B99", "A00-B99", "E00-E90", undefined, "P00-P96", undefined, undefined]);
  });
});
