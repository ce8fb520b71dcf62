// A claim as the grouper reads it (README "Record fields", "Numbers in text"), in JS and in SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, sqlString, type Session } from "../../lib/db/session.ts";
import { fieldNumber, fieldNumberSql, splitCodes, splitCodesSql, toGrouperRecord } from "../../lib/grouping/record.ts";

describe("toGrouperRecord", () => {
  it("puts the principal first, trims entries and drops empty ones", () => {
    expect(
      toGrouperRecord({
        principal_dx: " I21.000 ",
        secondary_dx: "A01.100;; J18.900 ;",
        procedures: "36.0601;",
        sex: "F",
        age: 0,
        age_days: null,
        birth_weight_g: 3200,
      }),
    ).toEqual({
      dx: ["I21.000", "A01.100", "J18.900"],
      proc: ["36.0601"],
      sex: "2",
      age_years: "0",
      age_days: "",
      birth_weight_g: "3200",
    });
  });

  it("maps sex M/F and 男/女 to 1/2, keeps empty empty and other text as it is", () => {
    const sex = (s: string | null) => toGrouperRecord({ principal_dx: "A", sex: s }).sex;
    expect([sex("M"), sex("F"), sex("男"), sex("女"), sex(""), sex(null), sex("9")]).toEqual([
      "1",
      "2",
      "1",
      "2",
      "",
      "",
      "9",
    ]);
  });

  it("gives a claim without a principal diagnosis no diagnoses at all", () => {
    expect(toGrouperRecord({ principal_dx: " ", secondary_dx: "A01.100" }).dx).toEqual([]);
    expect(toGrouperRecord({ principal_dx: null }).dx).toEqual([]);
  });
});

describe("fieldNumber", () => {
  it("reads empty text as 0 and text that is no number as NaN", () => {
    const cases: [string | number | null, number][] = [
      ["", 0],
      [null, 0],
      ["  ", 0],
      [" 12 ", 12],
      ["-5", -5],
      [".5", 0.5],
      ["1e3", 1000],
      [7, 7],
    ];
    for (const [text, n] of cases) expect(fieldNumber(text), String(text)).toBe(n);
    for (const text of ["abc", "0x1A", "Infinity", "1_000", "12abc", "1e400"])
      expect(fieldNumber(text), text).toBeNaN();
  });
});

describe("the SQL twins read cells as the JS functions do", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(() => session.close());

  const CELLS = [
    "A;B",
    " A ; B ",
    "A;;B",
    ";A;",
    "",
    " ",
    "A",
    "A\tB;C",
    "\tA\r\n;B",
    "A B;C",
    ";;",
    "x0x1A",
    "1e3",
    " 12 ",
    "-5",
    ".5",
    "abc",
    "0x1A",
    "Infinity",
    "inf",
    "1_000",
    "1e400",
    "+3.",
    "12abc",
  ];

  it("splitCodesSql = splitCodes", async () => {
    const rows = await session.all<{ cell: string; codes: string[] }>(
      `SELECT cell, ${splitCodesSql("cell")} AS codes FROM (VALUES ${CELLS.map((c) => `(${sqlString(c)})`).join(", ")}, (NULL)) t(cell)`,
    );
    for (const row of rows) expect(row.codes, JSON.stringify(row.cell)).toEqual(splitCodes(row.cell));
  });

  it("fieldNumberSql = fieldNumber (NULL for NaN)", async () => {
    const rows = await session.all<{ cell: string; n: number | null }>(
      `SELECT cell, ${fieldNumberSql("cell")} AS n FROM (VALUES ${CELLS.map((c) => `(${sqlString(c)})`).join(", ")}) t(cell)`,
    );
    for (const row of rows) {
      const js = fieldNumber(row.cell);
      expect(row.n, JSON.stringify(row.cell)).toBe(Number.isNaN(js) ? null : js);
    }
  });
});
