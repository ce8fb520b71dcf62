// Code pools and the intended grouping: templates reach their ADRG, the CC/MCC exclusion rule of the
// scheme README is applied (its own example: principal J80.x00 in ER3, secondary J80.x01 → ER35,
// secondary A01.100 → ER31), and the hash-keyed random numbers are uniform and independent.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { adrgClass, readDictionary } from "../../lib/synthetic/codes.ts";
import { buildTemplates } from "../../lib/synthetic/templates.ts";
import { intendedGroups } from "../../lib/synthetic/grouping.ts";
import { defaultReferencePaths, loadLookups } from "../../lib/synthetic/lookups.ts";
import { randomMacros } from "../../lib/synthetic/random.sql.ts";
import { CodeLists, readRules, walkToAdrg } from "../../lib/synthetic/rules.ts";

const root = join(import.meta.dirname, "../..");
const paths = defaultReferencePaths(root);
const rules = readRules(paths.scheme);
let session: Session;

beforeAll(async () => {
  session = await openSession();
  await session.run(randomMacros(5));
  await loadLookups(session, { seed: 5, scale: 0.001, paths, inpatientRows: 100, outpatientRows: 100 });
});
afterAll(() => session?.close());

describe("case templates", () => {
  const known = new Set([...readDictionary(paths.diagnoses), ...readDictionary(paths.procedures)]);
  const templates = buildTemplates(rules, 5, known);

  it("cover nearly every ADRG with dictionary codes that reach it", () => {
    const adrgs = new Set(templates.map((t) => t.adrg));
    expect(adrgs.size).toBeGreaterThanOrEqual(370); // of 376
    for (const t of templates.slice(0, 2000)) {
      expect(known.has(t.principal_dx), t.principal_dx).toBe(true);
      for (const p of t.procedures.split(";").filter(Boolean)) expect(known.has(p), p).toBe(true);
    }
  });

  it("draw surgical ADRGs with a procedure and medical ones without", () => {
    for (const t of templates) {
      if (adrgClass(t.adrg) === "surgical" && t.mdc !== "Z") expect(t.procedures, t.adrg).not.toBe("");
      if (adrgClass(t.adrg) === "medical" && !["SB1", "TB1", "WJ1", "XJ1"].includes(t.adrg)) expect(t.procedures, t.adrg).toBe("");
    }
  });

  it("give the README's ER3 example its ADRG in the walk", () => {
    const lists = new CodeLists(rules);
    const probe = { dx: ["J80.x00"], proc: [], sex: "1" as const, age_years: 60, age_days: 21900, birth_weight_g: 0 };
    expect(walkToAdrg(probe, rules, lists)).toBe("ER3");
  });
});

describe("intended groups", () => {
  it("apply the exclusion table: J80.x00 + J80.x01 → ER35, + A01.100 → ER31, + nothing → ER35, ungroupable → 0000", async () => {
    await session.run(`
      CREATE OR REPLACE TABLE probe AS
      SELECT * FROM (VALUES
        (1, 'J80.x00', ['J80.x01'], false),
        (2, 'J80.x00', ['A01.100'], false),
        (3, 'J80.x00', []::VARCHAR[], false),
        (4, 'J80.x00', ['J80.x01', 'A01.100'], false),
        (5, 'J80.x00', ['A01.100'], true)
      ) v(id, principal_dx, secondary, ungroupable)
      CROSS JOIN (SELECT aid FROM adrg_info WHERE adrg = 'ER3')`);
    await intendedGroups(session, "probe", "probe_groups");
    const rows = await session.all<{ id: number; drg_code: string }>(`SELECT id, drg_code FROM probe_groups ORDER BY id`);
    expect(rows.map((r) => r.drg_code)).toEqual(["ER35", "ER31", "ER35", "ER31", "0000"]);
  });
});

describe("hash-keyed random numbers", () => {
  it("are uniform and independent across neighbouring streams and rows", async () => {
    const r = await session.all<Record<string, number>>(`
      WITH x AS (SELECT u(range, 3) a, u(range, 4) b, u(range + 1, 3) c, z(range, 9) n FROM range(200000))
      SELECT avg(a)::DOUBLE ma, corr(a, b)::DOUBLE ab, corr(a, c)::DOUBLE ac, avg(n)::DOUBLE mn, stddev(n)::DOUBLE sn,
        min(a)::DOUBLE lo, max(a)::DOUBLE hi FROM x`);
    expect(Math.abs(r[0].ma - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(r[0].ab)).toBeLessThan(0.01);
    expect(Math.abs(r[0].ac)).toBeLessThan(0.01);
    expect(Math.abs(r[0].mn)).toBeLessThan(0.01);
    expect(Math.abs(r[0].sn - 1)).toBeLessThan(0.01);
    expect(r[0].lo).toBeGreaterThan(0);
    expect(r[0].hi).toBeLessThan(1);
  });
});
