// Hand-made CHS-DRG 1.1 cases, one per kind of condition. Each expected group was worked out by
// reading data/schemes/chs-drg-1.1/rules.json (which list holds which code, in which order), never by
// running the grouper; the comment beside each case gives the path. Both engines must agree with it.
import { beforeAll, describe, expect, it } from "vitest";
import type { GroupOutcome } from "../../lib/grouping/engine.ts";
import type { GroupResult } from "../../lib/grouping/result.ts";
import { chs, groupBothWays, resultOf, type Claim } from "./helpers.ts";

interface HandCase {
  readonly claim: Claim;
  readonly drg: string;
  readonly status?: string;
}

// Defaults: an adult man with no secondary diagnosis and no procedure.
const claim = (id: string, fields: Omit<Claim, "claim_id">): Claim => ({
  sex: "M",
  age: 45,
  age_days: 16500,
  ...fields,
  claim_id: id,
});

const CASES: readonly HandCase[] = [
  // Newborn, birth-weight bands (MDC P). P07.200 is in MDC P's principal list and in the any_dx list of
  // PS1–PS4; age 0 holds MDC P; no procedure, so PB1/PC1/PJ1/PK1 fail; P07.200 is not in PR1's list.
  // 1200 g: PS1 (>0, <1500, age_days 10 <= 28); no secondary: PS11 (has_mcc) and PS13 fail → PS15.
  {
    claim: claim("newborn-1200g", { principal_dx: "P07.200", age: 0, age_days: 10, birth_weight_g: 1200 }),
    drg: "PS15",
  },
  // 1500 g exactly: PS1 needs < 1500, PS2 >= 1500 and < 2000; PS2's splits are PS21 (has_mcc), PS25.
  {
    claim: claim("newborn-1500g", { principal_dx: "P07.200", age: 0, age_days: 10, birth_weight_g: 1500 }),
    drg: "PS25",
  },
  // 2200 g: PS3 (2000–2499), a single split PS39.
  {
    claim: claim("newborn-2200g", { principal_dx: "P07.200", age: 0, age_days: 10, birth_weight_g: 2200 }),
    drg: "PS39",
  },
  // 3000 g: PS4 (>= 2500); PS43 needs a CC or MCC → PS45.
  {
    claim: claim("newborn-3000g", { principal_dx: "P07.200", age: 0, age_days: 10, birth_weight_g: 3000 }),
    drg: "PS45",
  },
  // 40 days old: every P ADRG but PV1 needs age_days <= 28; PV1 is `always`, PV13 needs a CC → PV15.
  {
    claim: claim("infant-40-days", { principal_dx: "P07.200", age: 0, age_days: 40, birth_weight_g: 3000 }),
    drg: "PV15",
  },
  // Prechecks: age 0, age_days <= 28 and birth weight 0 (empty counts as 0) refuse the case.
  {
    claim: claim("newborn-no-weight", { principal_dx: "P07.200", age: 0, age_days: 10, birth_weight_g: null }),
    drg: "0000",
    status: "CHECK_FAILED",
  },
  // …but at 40 days the weight is not checked: P holds, PV1 → PV15.
  {
    claim: claim("infant-no-weight", { principal_dx: "P07.200", age: 0, age_days: 40, birth_weight_g: null }),
    drg: "PV15",
  },
  // Sex-specific MDC M: N40.x00 is in MDC M's list (with sex '1') and in MZ1's list (its only split MZ19).
  { claim: claim("prostate-male", { principal_dx: "N40.x00", age: 70, age_days: 25600 }), drg: "MZ19" },
  // The same code for a woman: MDC M needs sex '1', and N40.x00 is in no other MDC's list → 0000.
  {
    claim: claim("prostate-female", { principal_dx: "N40.x00", sex: "F", age: 70, age_days: 25600 }),
    drg: "0000",
    status: "FAIL",
  },
  // 男 is mapped to '1' (README "Record fields"), so MDC M holds.
  { claim: claim("prostate-男", { principal_dx: "N40.x00", sex: "男", age: 70, age_days: 25600 }), drg: "MZ19" },
  // Empty sex is refused by the first precheck.
  {
    claim: claim("no-sex", { principal_dx: "N40.x00", sex: null, age: 70, age_days: 25600 }),
    drg: "0000",
    status: "CHECK_FAILED",
  },
  // Other sex text passes the prechecks and fails MDC M's eq sex '1' → 0000 FAIL.
  {
    claim: claim("sex-9", { principal_dx: "N40.x00", sex: "9", age: 70, age_days: 25600 }),
    drg: "0000",
    status: "FAIL",
  },
  // MDC N: N80.000 is in MDC N's list (with sex '2') and NZ1's list (NZ19).
  { claim: claim("endometriosis-female", { principal_dx: "N80.000", sex: "F", age: 35 }), drg: "NZ19" },
  { claim: claim("endometriosis-male", { principal_dx: "N80.000", sex: "M", age: 35 }), drg: "0000", status: "FAIL" },
  // Pre-MDC A: 37.5100 is in valid_procedures (MDC A holds) and is AA1's only code → AA19, whatever the
  // diagnosis (I21.001 would lead to MDC F).
  { claim: claim("heart-transplant", { principal_dx: "I21.001", procedures: "37.5100" }), drg: "AA19" },
  // Two-list ADRG AC1: 52.8000 in its first list, 55.6100 in its second (any_proc_in, any position).
  { claim: claim("pancreas-kidney", { principal_dx: "I21.001", procedures: "52.8000;55.6100" }), drg: "AC19" },
  { claim: claim("kidney-pancreas", { principal_dx: "I21.001", procedures: "55.6100;52.8000" }), drg: "AC19" },
  // Only the first list: AC1 fails, AD1's principal_proc_in list holds 52.8000 → AD19.
  { claim: claim("pancreas-only", { principal_dx: "I21.001", procedures: "52.8000" }), drg: "AD19" },
  // Surgical ADRG by principal procedure, and the walk going on: 36.0601 is a valid procedure, so MDC A
  // holds, but it is in no A ADRG's list (AC1's lists: 52.8000…, 55.6100…) → on to the next MDC.
  // I21.001 is in MDC F's list; in F's order FB1 needs a code of its first list (35.0101…), which
  // 36.0601 is not; FB2 … FL3 lists do not hold it; FM1's list does → FM19.
  { claim: claim("ptca", { principal_dx: "I21.001", procedures: "36.0601" }), drg: "FM19" },
  // FB1, the other two-list ADRG: 35.0101 is in its first list, 36.0601 in its second → FB19.
  { claim: claim("valve-and-ptca", { principal_dx: "I21.001", procedures: "35.0101;36.0601" }), drg: "FB19" },
  // A medical ADRG by principal diagnosis: no procedure; I21.001 is in MDC F and FR1 (single split FR19)
  // (FK1 needs a principal procedure of its list too).
  { claim: claim("infarction", { principal_dx: "I21.001" }), drg: "FR19" },
  // README example: J80.x00 (MDC E, ADRG ER3, cce table 106). J80.x01 is an MCC of table 106: excluded
  // by the principal's own table, and not a CC → ER35.
  { claim: claim("ards-own-table", { principal_dx: "J80.x00", secondary_dx: "J80.x01" }), drg: "ER35" },
  // A01.100 is an MCC of table 1 ≠ 106 → ER31.
  { claim: claim("ards-other-mcc", { principal_dx: "J80.x00", secondary_dx: "A01.100" }), drg: "ER31" },
  // J18.900 is a CC (table 101 ≠ 106), not an MCC → ER33 (any(has_mcc, has_cc)).
  { claim: claim("ards-cc", { principal_dx: "J80.x00", secondary_dx: "J18.900" }), drg: "ER33" },
  // A complication as principal does not count for itself: only dx[1…] are read.
  { claim: claim("mcc-as-principal", { principal_dx: "J96.000" }), drg: "ER35" },
  // Multiple trauma (MDC Z): S06.000 is in Z's principal list and region 头颈部, S21.101 in region 胸部:
  // 2 regions. No procedure: ZB1–ZJ1 fail, ZZ1 (no valid procedure) holds; S21.101 is a CC only → ZZ15.
  { claim: claim("trauma-two-regions", { principal_dx: "S06.000", secondary_dx: "S21.101" }), drg: "ZZ15" },
  // Adding A01.100 (MCC of table 1; S06.000's cce table is 196) → ZZ11.
  { claim: claim("trauma-two-regions-mcc", { principal_dx: "S06.000", secondary_dx: "S21.101;A01.100" }), drg: "ZZ11" },
  // One region only (S06.100 is 头颈部 too): Z fails; S06.000 is in MDC B, where BB1 needs a procedure
  // too and BY1's principal list holds it. S06.100 is an MCC of table 196 = S06.000's own → excluded,
  // and it is no CC → BY15.
  { claim: claim("trauma-one-region", { principal_dx: "S06.000", secondary_dx: "S06.100" }), drg: "BY15" },
  // A code in no list: no MDC takes the case → 0000 FAIL.
  { claim: claim("unknown-code", { principal_dx: "X99.999" }), drg: "0000", status: "FAIL" },
  // …with a procedure that is not in valid_procedures either: MDC A does not hold.
  {
    claim: claim("unknown-code-and-procedure", { principal_dx: "X99.999", procedures: "99.9999" }),
    drg: "0000",
    status: "FAIL",
  },
  // No principal diagnosis: no diagnoses at all → the third precheck (dx_count == 0).
  { claim: claim("no-principal", { principal_dx: "", secondary_dx: "J80.x00" }), drg: "0000", status: "CHECK_FAILED" },
  // Numbers in text: age text that is no number fails age_years == 0, so MDC P does not hold and
  // P07.200 is in no other MDC's list → 0000 (and the newborn precheck does not refuse it).
  {
    claim: claim("age-not-a-number", { principal_dx: "P07.200", age: "abc", age_days: 10, birth_weight_g: null }),
    drg: "0000",
    status: "FAIL",
  },
  // Empty age counts as 0: MDC P holds; age_days 40 → PV15.
  { claim: claim("age-empty", { principal_dx: "P07.200", age: "", age_days: 40, birth_weight_g: 2000 }), drg: "PV15" },
  // Lists in cells: entries are trimmed and empty ones dropped, so " J80.x00 " is ER3's code and
  // ";A01.100;;" holds one MCC → ER31.
  { claim: claim("untidy-cells", { principal_dx: " J80.x00 ", secondary_dx: ";A01.100;; " }), drg: "ER31" },
];

const expected = ({ drg, status }: HandCase): GroupResult =>
  drg === "0000"
    ? { drg, mdc: "0000", adrg: "00", status: status ?? "FAIL" }
    : { drg, mdc: `MDC${drg[0]}`, adrg: drg.slice(0, 3), status: status ?? "SUCCESS" };

describe("CHS-DRG 1.1 hand-made cases", () => {
  let single: Map<string, GroupOutcome>;
  let bulk: Map<string, GroupResult>;
  beforeAll(async () => {
    ({ single, bulk } = await groupBothWays(
      chs(),
      CASES.map((c) => c.claim),
    ));
  });

  it.each(CASES.map((c) => [c.claim.claim_id, c] as const))("%s", (id, c) => {
    expect(resultOf(single.get(id)!)).toEqual(expected(c));
    expect(bulk.get(id)).toEqual(expected(c));
    if (c.drg !== "0000") expect(chs().groups.has(c.drg)).toBe(true);
  });

  it("traces the README example: MDCs tried, the ADRG, the excluded MCC and the split", () => {
    const trace = single.get("ards-own-table")!.trace.join("\n");
    expect(trace).toMatch(/^MDC A ✗: no principal proc/m);
    expect(trace).toMatch(/^MDC E ✓: principal dx J80\.x00 ∈/m);
    expect(trace).toMatch(/not held: EB1, EB2, EC1, EC2, ED1, EJ1, ER1, ER2$/m);
    expect(trace).toMatch(/ADRG ER3 ✓/);
    expect(trace).toMatch(
      /split ER31 ✗: has_mcc: no secondary MCC; excluded by principal J80\.x00's cce table 106: J80\.x01/,
    );
    expect(trace).toMatch(/split ER35 ✓: always/);
    expect(trace.split("\n").at(-1)).toBe("result ER35 SUCCESS (MDCE, ADRG ER3)");
  });

  it("traces the walk going on after an MDC in which no ADRG held", () => {
    const trace = single.get("ptca")!.trace.join("\n");
    expect(trace).toMatch(/^MDC A ✓: principal proc 36\.0601 ∈ set valid_procedures/m);
    expect(trace).toMatch(/no ADRG of MDC A held \(AA1, AB1, AC1, AD1, AE1, AF1, AG1, AG2, AH1\); on to the next MDC/);
    expect(trace).toMatch(/^MDC F ✓/m);
    expect(trace).toMatch(/ADRG FM1 ✓: principal proc 36\.0601 ∈ list of/);
  });

  it("traces the refusing precheck", () => {
    expect(single.get("newborn-no-weight")!.trace).toContain(
      "precheck 2 (refuse CHECK_FAILED if) ✓: all(age_years='0' == 0 ✓; age_days='10' <= 28 ✓; birth_weight_g='' == 0 ✓)",
    );
  });
});
