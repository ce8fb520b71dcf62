// Parameters: defaults of metrics.md, overridden by config file ← environment ← flags, checked, and
// visible to SQL under the names the dataset files read.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSession } from "../../lib/db/session.ts";
import { parseParameter, resolveParameters, setParameterVariables } from "../../lib/params.ts";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function configIn(content: object): string {
  const dir = mkdtempSync(join(tmpdir(), "drg-config-"));
  writeFileSync(join(dir, "drg-monitor.config.json"), JSON.stringify(content));
  return dir;
}

describe("resolveParameters", () => {
  it("keeps metrics.md's defaults where nothing is set", () => {
    const p = resolveParameters({}, mkdtempSync(join(tmpdir(), "drg-none-")));
    expect(p).toMatchObject({ trimK: 1.5, maxLos: 60, minCost: 5, highMultiplier: 3, lowMultiplier: 0.4, readmitDays: 15, readmitFactor: 0.5, shareRatio: 1 });
    expect(p.rwEdges).toEqual([0.2, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 5]);
  });

  it("takes the config file, then the environment, then flags", () => {
    const root = configIn({ reformYear: 2018, data: "from-config", trimK: 2 });
    expect(resolveParameters({}, root)).toMatchObject({ reformYear: 2018, data: "from-config", trimK: 2 });
    process.env.DRG_DATA = "from-env";
    process.env.DRG_REFORM_YEAR = "2019";
    expect(resolveParameters({}, root)).toMatchObject({ reformYear: 2019, data: "from-env", trimK: 2 });
    expect(resolveParameters({ reformYear: 2020 }, root)).toMatchObject({ reformYear: 2020, data: "from-env" });
  });

  it("refuses values that cannot be right, naming the parameter", () => {
    expect(() => resolveParameters({ rwEdges: [0.5, 0.2] })).toThrow(/rwEdges must be positive and increasing/);
    expect(() => resolveParameters({ shareRatio: 1.5 })).toThrow(/shareRatio must lie in 0–1/);
    expect(() => parseParameter("reformYear", "next")).toThrow('parameter reformYear: "next" is not a year');
    expect(() => parseParameter("comparisonA", "2019-01-2019-06")).toThrow(/YYYY-MM\.\.YYYY-MM/);
  });
});

describe("setParameterVariables", () => {
  it("exposes the values to SQL, periods split into months", async () => {
    const session = await openSession();
    await setParameterVariables(session, resolveParameters({ reformYear: 2019, comparisonA: "2019-01..2019-06", rwEdges: [1, 2] }));
    const row = (await session.all(`SELECT getvariable('reform_year') AS r, getvariable('comparison_a_from') AS af,
      getvariable('comparison_a_to') AS at, getvariable('comparison_b_from') AS bf, getvariable('rw_edges') AS e`))[0];
    expect(row).toEqual({ r: 2019, af: "2019-01", at: "2019-06", bf: null, e: [1, 2] });
    session.close();
  });
});
