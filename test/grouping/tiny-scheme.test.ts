// A tiny hand-written scheme in the rules format, for what the shipped schemes never exercise: an
// `error` node reached (and not reached, behind a deciding part or an `always` split), an enabled QY
// step, an ADRG with no matching split (its three-character code), a precheck rewrite, `!=` on text
// that is no number, and parse errors that name the JSON path. Both engines run every case.
import { describe, expect, it } from "vitest";
import { groupCase } from "../../lib/grouping/engine.ts";
import { parseScheme } from "../../lib/grouping/scheme.ts";
import { groupBothWays, resultOf, type Claim } from "./helpers.ts";

const FIELDS = [
  "principal_dx",
  "dx",
  "proc",
  "sex",
  "age_years",
  "age_days",
  "birth_weight_g",
  "dx_count",
  "proc_count",
];

const tinyRules = () => ({
  format: "drg-rules/1",
  version: "tiny",
  record_fields: Object.fromEntries(FIELDS.map((f) => [f, f])),
  prechecks: {
    steps: [
      { rewrite: { field: "sex", from: "m", to: "1" } },
      { reject_if: { type: "eq", field: "sex", value: "x" }, status: "CHECK_FAILED" },
    ],
  },
  fallback: "0000",
  mdc_order: ["X", "Y"],
  mdcs: [
    {
      mdc: "X",
      condition: { type: "principal_dx_in", codes: ["X1", "X2", "X3", "X4"] },
      adrg_order: ["XA1", "XQY", "XB1", "XC1"],
      qy: {
        code: "XQY",
        enabled: true,
        condition: { type: "never" },
        condition_if_enabled: { type: "any_proc_in", set: "ops" },
      },
      adrgs: [
        {
          adrg: "XA1",
          condition: { type: "principal_dx_in", codes: ["X1"] },
          drg_splits: [
            { drg: "XA11", predicate: { type: "has_mcc" } },
            { drg: "XA19", predicate: { type: "always" } },
            { drg: "XA10", predicate: { type: "error", reason: "after an always split" } },
          ],
          no_split_result: "XA1",
        },
        {
          adrg: "XB1",
          condition: {
            type: "all",
            of: [
              { type: "principal_dx_in", codes: ["X2"] },
              { type: "error", reason: "XB1 is broken" },
            ],
          },
          drg_splits: [{ drg: "XB19", predicate: { type: "always" } }],
          no_split_result: "XB1",
        },
        {
          adrg: "XC1",
          condition: {
            type: "any",
            of: [
              { type: "principal_dx_in", codes: ["X3"] },
              { type: "error", reason: "XC1 is broken" },
            ],
          },
          drg_splits: [{ drg: "XC11", predicate: { type: "cmp", field: "age_years", op: "!=", value: 5 } }],
          no_split_result: "XC1",
        },
      ],
    },
    {
      mdc: "Y",
      condition: { type: "not", of: { type: "nonempty", field: "birth_weight_g" } },
      adrg_order: ["YA1"],
      qy: { code: "YQY", enabled: false, condition: { type: "never" } },
      adrgs: [
        {
          adrg: "YA1",
          condition: { type: "eq", field: "dx_count", value: "2" },
          drg_splits: [{ drg: "YA19", predicate: { type: "always" } }],
          no_split_result: "YA1",
        },
      ],
    },
  ],
  sets: { ops: ["P1"] },
  cc: { C1: "1" },
  mcc: { M1: "1", M2: "2" },
  cce: { X1: "1" },
  drg_names: { XA11: "a1", XA19: "a9", XB19: "b9", XC11: "c1", YA19: "y9" },
});

const claim = (id: string, fields: Omit<Claim, "claim_id">): Claim => ({
  sex: "M",
  age: 30,
  age_days: 11000,
  ...fields,
  claim_id: id,
});

// [claim, drg, status, mdc, adrg], worked out from tinyRules above.
const CASES: readonly (readonly [Claim, string, string, string, string])[] = [
  // XA1 holds; no MCC; XA19 `always` decides before the error split is reached.
  [claim("x1", { principal_dx: "X1" }), "XA19", "SUCCESS", "MDCX", "XA1"],
  // M2 is an MCC of table 2, X1's exclusion table is 1 → XA11; M1 (table 1) is excluded → XA19.
  [claim("x1-m2", { principal_dx: "X1", secondary_dx: "M2" }), "XA11", "SUCCESS", "MDCX", "XA1"],
  [claim("x1-m1", { principal_dx: "X1", secondary_dx: "M1" }), "XA19", "SUCCESS", "MDCX", "XA1"],
  // X2: XA1 fails, the QY step (enabled) fails without a procedure of `ops`, XB1 reaches its error.
  [claim("x2", { principal_dx: "X2" }), "0000", "RULE_ERROR", "0000", "00"],
  // With P1 the enabled QY step returns XQY before XB1 is tried.
  [claim("x2-p1", { principal_dx: "X2", procedures: "P1" }), "XQY", "QY", "MDCX", "XQY"],
  // X3: XC1's `any` is decided by its first part, the error is not reached; XC11 needs age != 5; at
  // age 5 no split holds → the ADRG's own three-character code.
  [claim("x3-age5", { principal_dx: "X3", age: 5 }), "XC1", "SUCCESS", "MDCX", "XC1"],
  [claim("x3-age6", { principal_dx: "X3", age: 6 }), "XC11", "SUCCESS", "MDCX", "XC1"],
  // Text that is no number: every comparison but != is false, so != holds.
  [claim("x3-age-text", { principal_dx: "X3", age: "n/a" }), "XC11", "SUCCESS", "MDCX", "XC1"],
  // X4: XB1's `all` stops at its failing first part; XC1's `any` goes on to its error.
  [claim("x4", { principal_dx: "X4" }), "0000", "RULE_ERROR", "0000", "00"],
  // Not in X; Y holds without a birth weight; YA1 needs exactly two diagnoses.
  [claim("z-two-dx", { principal_dx: "Z9", secondary_dx: "Q1" }), "YA19", "SUCCESS", "MDCY", "YA1"],
  // Y holds but YA1 does not → the walk ends with the fallback.
  [claim("z-one-dx", { principal_dx: "Z9" }), "0000", "FAIL", "0000", "00"],
  // A birth weight makes Y's `not nonempty` fail → fallback.
  [claim("z-weight", { principal_dx: "Z9", secondary_dx: "Q1", birth_weight_g: 3000 }), "0000", "FAIL", "0000", "00"],
  // Prechecks: 'm' is rewritten to '1' and passes; 'x' is refused.
  [claim("sex-m", { principal_dx: "X1", sex: "m" }), "XA19", "SUCCESS", "MDCX", "XA1"],
  [claim("sex-x", { principal_dx: "X1", sex: "x" }), "0000", "CHECK_FAILED", "0000", "00"],
];

describe("a tiny scheme through both engines", () => {
  const scheme = parseScheme(tinyRules());

  it("groups every hand-made case as worked out, in both engines", async () => {
    const { single, bulk } = await groupBothWays(
      scheme,
      CASES.map(([c]) => c),
    );
    for (const [c, drg, status, mdc, adrg] of CASES) {
      expect({ id: c.claim_id, ...resultOf(single.get(c.claim_id)!) }).toEqual({
        id: c.claim_id,
        drg,
        mdc,
        adrg,
        status,
      });
      expect({ id: c.claim_id, ...bulk.get(c.claim_id) }).toEqual({ id: c.claim_id, drg, mdc, adrg, status });
    }
  });

  it("names the rule error in the trace", () => {
    const { trace } = groupCase(scheme, {
      dx: ["X2"],
      proc: [],
      sex: "1",
      age_years: "30",
      age_days: "",
      birth_weight_g: "",
    });
    expect(trace).toContain("rule error: XB1 is broken");
  });

  it("applies the precheck rewrite before later steps read the field", () => {
    const { trace } = groupCase(scheme, {
      dx: ["X1"],
      proc: [],
      sex: "m",
      age_years: "30",
      age_days: "",
      birth_weight_g: "",
    });
    expect(trace[0]).toBe("precheck 1: rewrite sex 'm' → '1'");
  });
});

describe("parseScheme", () => {
  const broken = (change: (rules: ReturnType<typeof tinyRules>) => void) => {
    const rules = tinyRules();
    change(rules);
    return () => parseScheme(rules);
  };

  it("names the JSON path of a condition type outside the vocabulary", () => {
    expect(
      broken((r) => {
        const condition = r.mdcs[0]!.adrgs[1]!.condition as { of: { type: string }[] };
        condition.of[1]!.type = "sometimes";
      }),
    ).toThrow("rules.json: mdcs[0].adrgs[1].condition.of[1].type: 'sometimes' is not in the condition vocabulary");
  });

  it("names a missing set", () => {
    expect(broken((r) => void (r.sets = { other: [] } as never))).toThrow(
      "mdcs[0].qy.condition.set: no list 'ops' in sets",
    );
  });

  it("names a field that is not in record_fields", () => {
    expect(
      broken((r) => {
        delete (r.record_fields as Record<string, string>).age_years;
      }),
    ).toThrow("mdcs[0].adrgs[2].drg_splits[0].predicate.field: 'age_years' is not a scalar field of record_fields");
  });

  it("names an MDC in mdc_order that is not defined", () => {
    expect(broken((r) => void r.mdc_order.push("Q"))).toThrow("mdc_order[2]: no MDC 'Q' in mdcs");
  });
});
