// Hand-made Zhejiang 2022 cases for what differs from CHS-DRG 1.1 (zhejiang-drg-2022/README.md
// "What differs"), worked out by reading that folder's rules.json; the same engine, no code change.
import { beforeAll, describe, expect, it } from "vitest";
import type { GroupOutcome } from "../../lib/grouping/engine.ts";
import type { GroupResult } from "../../lib/grouping/result.ts";
import { chs, groupBothWays, resultOf, zhejiang, type Claim } from "./helpers.ts";

const claim = (id: string, fields: Omit<Claim, "claim_id">): Claim => ({
  sex: "M",
  age: 45,
  age_days: 16500,
  ...fields,
  claim_id: id,
});

// G40.000 (epilepsy) is in MDC B's list and, of B's ADRGs, only in BV1's principal list, whose
// condition also needs not(principal_proc_in valid_procedures); BV1 splits BV10 (age_years < 17),
// BV11 (has_mcc), BV13, BV15.
const CASES: readonly { claim: Claim; drg: string; status?: string }[] = [
  { claim: claim("epilepsy-child", { principal_dx: "G40.000", age: 10, age_days: 3700 }), drg: "BV10" },
  { claim: claim("epilepsy-adult", { principal_dx: "G40.000" }), drg: "BV15" },
  // Empty age counts as 0 (< 17); age_days 3700 keeps the newborn precheck away.
  { claim: claim("epilepsy-no-age", { principal_dx: "G40.000", age: "", age_days: 3700 }), drg: "BV10" },
  // 36.0601 is a valid procedure (MDC A holds) in no A ADRG list; in MDC B it fails BV1's
  // not(valid principal procedure) and no B surgical list holds it; G40.000 is in no other MDC → 0000.
  {
    claim: claim("epilepsy-with-ptca", { principal_dx: "G40.000", procedures: "36.0601" }),
    drg: "0000",
    status: "FAIL",
  },
  // Weight bands PS1 (< 1500 g), PT1 (1500–2499 g), PT2 (>= 2500 g); P07.200 is in each one's list.
  {
    claim: claim("newborn-1200g", { principal_dx: "P07.200", age: 0, age_days: 10, birth_weight_g: 1200 }),
    drg: "PS19",
  },
  {
    claim: claim("newborn-2000g", { principal_dx: "P07.200", age: 0, age_days: 10, birth_weight_g: 2000 }),
    drg: "PT15",
  },
  {
    claim: claim("newborn-3000g", { principal_dx: "P07.200", age: 0, age_days: 10, birth_weight_g: 3000 }),
    drg: "PT25",
  },
];

describe("Zhejiang 2022 hand-made cases", () => {
  let single: Map<string, GroupOutcome>;
  let bulk: Map<string, GroupResult>;
  beforeAll(async () => {
    ({ single, bulk } = await groupBothWays(
      zhejiang(),
      CASES.map((c) => c.claim),
    ));
  });

  it.each(CASES.map((c) => [c.claim.claim_id, c] as const))("%s", (id, c) => {
    const status = c.status ?? "SUCCESS";
    const want =
      c.drg === "0000"
        ? { drg: "0000", mdc: "0000", adrg: "00", status }
        : { drg: c.drg, mdc: `MDC${c.drg[0]}`, adrg: c.drg.slice(0, 3), status };
    expect(resultOf(single.get(id)!)).toEqual(want);
    expect(bulk.get(id)).toEqual(want);
    if (c.drg !== "0000") expect(zhejiang().groups.has(c.drg)).toBe(true);
  });

  it("groups the epilepsy-with-PTCA case differently under CHS-DRG 1.1, whose BV1 needs no 'no operation'", async () => {
    // CHS-DRG 1.1: MDC A holds but none of its ADRGs; MDC B's BV1 is principal_dx_in alone → BV15.
    const { single: chsSingle, bulk: chsBulk } = await groupBothWays(chs(), [CASES[3]!.claim]);
    expect(chsSingle.get("epilepsy-with-ptca")!.drg).toBe("BV15");
    expect(chsBulk.get("epilepsy-with-ptca")!.drg).toBe("BV15");
  });
});
