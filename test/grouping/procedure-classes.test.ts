// Procedure classes (metrics.md §7), worked by hand on a tiny scheme, then on the shipped schemes with
// figures from a second implementation (a Python reading of rules.json: own lists = the inline
// principal_proc_in / any_proc_in lists of each ADRG's condition; surgical A–J, R only RA; non-OR K–Q
// and RB–RG; operation wins over intervention). The bulk SQL and the single-code function must agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import {
  adrgProcedureClass,
  caseTreatmentSql,
  cellTreatmentSql,
  createProcedureClassesTable,
  procedureClass,
  procedureClassMap,
  treatmentType,
} from "../../lib/grouping/procedure-classes.ts";
import { parseScheme } from "../../lib/grouping/scheme.ts";
import { chs, zhejiang } from "./helpers.ts";

const FIELDS = ["dx", "proc", "sex", "age_years", "age_days", "birth_weight_g", "dx_count", "proc_count"];
const adrg = (code: string, condition: unknown) => ({
  adrg: code,
  condition,
  drg_splits: [{ drg: `${code}9`, predicate: { type: "always" } }],
});
const proc = (type: string, codes: string[]) => ({ type, codes });

const tiny = parseScheme({
  format: "drg-rules/1",
  version: "tiny",
  record_fields: Object.fromEntries(FIELDS.map((f) => [f, f])),
  fallback: "0000",
  sets: { valid_procedures: ["VP1", "OP1"] },
  mdc_order: ["F", "R", "X"],
  mdcs: [
    {
      mdc: "F",
      condition: { type: "principal_dx_in", codes: ["F1"] },
      adrg_order: ["FB1", "FJ1", "FK1", "FM1", "FR1"],
      adrgs: [
        // a surgical ADRG: a procedure from each of two own lists, and the scheme-wide valid set
        adrg("FB1", {
          type: "all",
          of: [
            proc("any_proc_in", ["OP1", "SHARED"]),
            proc("any_proc_in", ["OP2"]),
            { type: "any_proc_in", set: "valid_procedures" },
          ],
        }),
        adrg("FJ1", { type: "any", of: [{ type: "not", of: proc("principal_proc_in", ["OPJ"]) }] }),
        adrg("FK1", proc("principal_proc_in", ["INTK"])),
        adrg("FM1", proc("principal_proc_in", ["INT1", "SHARED"])),
        // a medical ADRG (letter R): its procedure list classes nothing
        adrg("FR1", { type: "all", of: [{ type: "principal_dx_in", codes: ["F1"] }, proc("any_proc_in", ["MED1"])] }),
      ],
    },
    {
      mdc: "R",
      condition: { type: "principal_dx_in", codes: ["R1"] },
      adrg_order: ["RA1", "RB1", "RG1", "RK1", "RU1"],
      adrgs: [
        adrg("RA1", proc("principal_proc_in", ["RAOP"])),
        adrg("RB1", proc("principal_proc_in", ["CHEMO"])),
        adrg("RG1", proc("principal_proc_in", ["RADIO"])),
        adrg("RK1", proc("principal_proc_in", ["RKINT"])),
        adrg("RU1", proc("any_proc_in", ["RUMED"])),
      ],
    },
    {
      // an MDC's own entry condition names a procedure list: not an ADRG's own list
      mdc: "X",
      condition: proc("principal_proc_in", ["MDCP"]),
      adrg_order: ["XQ1"],
      adrgs: [adrg("XQ1", { type: "always" })],
    },
  ],
  cc: {},
  mcc: {},
  cce: {},
});

describe("procedure classes on a hand-made scheme", () => {
  it("reads the ADRG letter rule", () => {
    expect(["FB1", "FJ1", "FK1", "FQ1", "FR1", "RA1", "RB1", "RG1", "RH1", "RK1", "RU1", "AH1"].map(adrgProcedureClass)).toEqual(
      ["operation", "operation", "intervention", "intervention", null, "operation", "intervention", "intervention", null, "intervention", null, "operation"],
    );
  });

  it("classes each code by the ADRG own lists", () => {
    const expected: Record<string, string> = {
      OP1: "operation", // FB1's first own list (also in valid_procedures)
      OP2: "operation", // FB1's second own list
      SHARED: "operation", // FB1 (surgical) and FM1 (non-OR): operation wins
      OPJ: "operation", // under `not` inside `any`: still named by FJ1's condition
      INTK: "intervention",
      INT1: "intervention",
      RAOP: "operation",
      CHEMO: "intervention",
      RADIO: "intervention",
      RKINT: "intervention",
      VP1: "diagnostic", // only in the scheme-wide valid-procedure set
      MED1: "diagnostic", // own list of a medical ADRG
      RUMED: "diagnostic",
      MDCP: "diagnostic", // an MDC entry condition, not an ADRG's
      "99.9999": "diagnostic",
    };
    for (const [code, cls] of Object.entries(expected)) expect([code, procedureClass(tiny, code)]).toEqual([code, cls]);
    expect(procedureClass(tiny, "  INT1 ")).toBe("intervention");
    expect(procedureClass(tiny, "int1")).toBe("diagnostic"); // lists match character for character
    expect(procedureClassMap(tiny).get("SHARED")?.adrgs).toEqual(["FB1"]);
    expect(procedureClassMap(tiny).get("INT1")?.adrgs).toEqual(["FM1"]);
    expect(procedureClassMap(tiny).size).toBe(10);
  });

  it("gives a case the highest class of its procedures", () => {
    expect(treatmentType(tiny, [])).toBe("conservative");
    expect(treatmentType(tiny, ["", " "])).toBe("conservative");
    expect(treatmentType(tiny, ["VP1"])).toBe("diagnostic");
    expect(treatmentType(tiny, ["VP1", "CHEMO"])).toBe("intervention");
    expect(treatmentType(tiny, ["CHEMO", "VP1", "RAOP"])).toBe("operation");
  });

  describe("in DuckDB", () => {
    let session: Session;
    beforeAll(async () => {
      session = await openSession();
      await createProcedureClassesTable(session, tiny);
      await session.run(`CREATE TABLE claims (claim_id VARCHAR, procedures VARCHAR);
        INSERT INTO claims VALUES
          ('c1', 'OP2;INT1;VP1;OP2'), ('c2', ' INT1 ; INT1;DIAG'), ('c3', 'DIAG'), ('c4', NULL),
          ('c5', ''), ('c6', ' ; ;'), ('c7', 'RAOP;CHEMO'), ('c8', 'MED1;RUMED')`);
    });
    afterAll(() => session.close());

    it("writes one row per operation or intervention code", async () => {
      const rows = await session.all(`SELECT class, count(*)::INTEGER AS n FROM procedure_classes GROUP BY class ORDER BY class`);
      expect(rows).toEqual([
        { class: "intervention", n: 5 },
        { class: "operation", n: 5 },
      ]);
    });

    it("gives every case its treatment type and sorted operation/intervention codes", async () => {
      const rows = await session.all(
        `SELECT claim_id, treatment, array_to_string(op_codes, '+') AS key FROM ${caseTreatmentSql({ source: "claims", id: "claim_id" })} ORDER BY claim_id`,
      );
      expect(rows).toEqual([
        { claim_id: "c1", treatment: "operation", key: "INT1+OP2" },
        { claim_id: "c2", treatment: "intervention", key: "INT1" },
        { claim_id: "c3", treatment: "diagnostic", key: "" },
        { claim_id: "c4", treatment: "conservative", key: "" },
        { claim_id: "c5", treatment: "conservative", key: "" },
        { claim_id: "c6", treatment: "conservative", key: "" },
        { claim_id: "c7", treatment: "operation", key: "CHEMO+RAOP" },
        { claim_id: "c8", treatment: "diagnostic", key: "" },
      ]);
    });

    it("classes each distinct procedures cell once, and every case by its cell", async () => {
      // the cases twice over: 8 cells of which one NULL, so 7 distinct cells and 16 cases
      const doubled = "(SELECT * FROM claims UNION ALL SELECT * FROM claims)";
      const cells = await session.all(
        `SELECT cell, treatment, array_to_string(op_codes, '+') AS key FROM ${cellTreatmentSql({ source: doubled })} ORDER BY cell`,
      );
      expect(cells).toEqual([
        { cell: "", treatment: "conservative", key: "" },
        { cell: " ; ;", treatment: "conservative", key: "" },
        { cell: " INT1 ; INT1;DIAG", treatment: "intervention", key: "INT1" },
        { cell: "DIAG", treatment: "diagnostic", key: "" },
        { cell: "MED1;RUMED", treatment: "diagnostic", key: "" },
        { cell: "OP2;INT1;VP1;OP2", treatment: "operation", key: "INT1+OP2" },
        { cell: "RAOP;CHEMO", treatment: "operation", key: "CHEMO+RAOP" },
      ]);
      const cases = await session.all(
        `SELECT claim_id, count(*)::INTEGER AS n, min(treatment) AS treatment FROM ${caseTreatmentSql({ source: doubled, id: "claim_id" })} GROUP BY claim_id ORDER BY claim_id`,
      );
      expect(cases.map((r) => r.n)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
      expect(cases.find((r) => r.claim_id === "c4")?.treatment).toBe("conservative");
    });
  });
});

describe("procedure classes of the shipped schemes", () => {
  it("CHS-DRG 1.1: counts and hand-read codes", () => {
    const scheme = chs();
    const counts = { operation: 0, intervention: 0 };
    for (const row of procedureClassMap(scheme).values()) counts[row.class] += 1;
    expect(counts).toEqual({ operation: 9226, intervention: 387 });
    // 36.0601 (coronary stent) is in FM1's list and in FB1's second list: FB1 is surgical
    expect(procedureClassMap(scheme).get("36.0601")?.adrgs).toEqual(["FB1"]);
    expect(procedureClass(scheme, "96.7201")).toBe("operation"); // AH1, ventilation ≥ 96 h
    expect(procedureClass(scheme, "92.2000")).toBe("intervention"); // RC1, radiotherapy
    expect(procedureClass(scheme, "99.2500x017")).toBe("intervention"); // RB1 chemotherapy
    expect(procedureClass(scheme, "00.5500")).toBe("diagnostic"); // valid_procedures only
    expect(procedureClass(scheme, "88.7201")).toBe("diagnostic");
  });

  it("Zhejiang 2022 follows its own rules", () => {
    const scheme = zhejiang();
    const counts = { operation: 0, intervention: 0 };
    for (const row of procedureClassMap(scheme).values()) counts[row.class] += 1;
    expect(counts).toEqual({ operation: 8402, intervention: 376 });
    expect(procedureClass(scheme, "36.0601")).toBe("intervention"); // FM1 only here
    expect(procedureClass(scheme, "92.2000")).toBe("diagnostic");
  });
});
