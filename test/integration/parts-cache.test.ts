// The workspace and its kept parts (lib/input/parts.ts, loaders/workspace.ts): a claims table given as
// one file is a view over its part, a folder one view over its parts (a table when over 10,000 rows
// repeat an earlier file's); a workspace whose parts are gone is rebuilt, never read half-missing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSession } from "../../lib/db/session.ts";
import { resolveParameters } from "../../lib/params.ts";
import { readInputs } from "../../lib/input/ingest.ts";
import { PartStore } from "../../lib/input/parts.ts";
import { contractFolder, csvText, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

process.env.DRG_CACHE_DIR = mkdtempSync(join(tmpdir(), "drg-parts-cache-"));
const { prepareWorkspace, cacheDir } = await import("../../loaders/workspace.ts");

describe("a workspace and its kept parts", () => {
  it("reads a single claims file through a view over its part, and rebuilds when the parts are gone", async () => {
    const claims = [inpatientClaim({ claim_id: "A1" }), inpatientClaim({ claim_id: "A2", hospital_id: "H2" })];
    const params = resolveParameters({ data: contractFolder({ hospitals: threeHospitals, claims_inpatient: claims }) });
    const path = await prepareWorkspace(params);
    const parts = JSON.parse(readFileSync(`${path}.parts.json`, "utf8")) as string[];
    expect(parts).toHaveLength(1);
    expect(parts[0].startsWith(join(cacheDir, "parts"))).toBe(true);
    const read = async () => {
      const session = await openSession({ path, readOnly: true });
      const kind = await session.value(`SELECT table_type FROM information_schema.tables WHERE table_name = 'claims_inpatient'`);
      const ids = (await session.all<{ claim_id: string }>(`SELECT claim_id FROM cases ORDER BY claim_id`)).map((r) => r.claim_id);
      session.close();
      return { kind, ids };
    };
    expect(await read()).toEqual({ kind: "VIEW", ids: ["A1", "A2"] });
    // The cache's parts removed (a cleared or moved folder): the workspace is built again, its part with it.
    rmSync(join(cacheDir, "parts"), { recursive: true, force: true });
    expect(await prepareWorkspace(params)).toBe(path);
    expect(existsSync(parts[0])).toBe(true);
    expect(await read()).toEqual({ kind: "VIEW", ids: ["A1", "A2"] });
  }, 120_000);

  it("reads a folder through a view over its parts, and writes the table when over 10,000 rows repeat an earlier file's", async () => {
    const prepare = async (repeats: number) => {
      const data = contractFolder({ hospitals: threeHospitals });
      mkdirSync(join(data, "claims_inpatient"));
      const ids = Array.from({ length: repeats }, (_, i) => `A${i}`);
      const month = (m: string, ids: string[]) => ids.map((id) => inpatientClaim({ claim_id: id, admit_date: `2019-${m}-03`, discharge_date: `2019-${m}-08` }));
      writeFileSync(join(data, "claims_inpatient", "2019-01.csv"), csvText(month("01", ids)));
      writeFileSync(join(data, "claims_inpatient", "2019-02.csv"), csvText(month("02", [...ids, "B1"])));
      // ingest alone, into a session, with a part store of its own
      const session = await openSession();
      await readInputs(session, data, { parts: new PartStore(mkdtempSync(join(tmpdir(), "drg-parts-")), "test") });
      const read = {
        kind: await session.value(`SELECT table_type FROM information_schema.tables WHERE table_name = 'claims_inpatient'`),
        stays: Number(await session.value(`SELECT count(*) FROM claims_inpatient`)),
        february: Number(await session.value(`SELECT count(*) FROM claims_inpatient WHERE month(admit_date) = 2`)),
        setAside: Number(await session.value(`SELECT count(*) FROM rejected WHERE reason LIKE 'claim_id repeats%'`)),
      };
      session.close();
      return read;
    };
    // every A repeats January's: January's stays are kept, of February's only B1
    expect(await prepare(10_000)).toEqual({ kind: "VIEW", stays: 10_001, february: 1, setAside: 10_000 });
    expect(await prepare(10_001)).toEqual({ kind: "BASE TABLE", stays: 10_002, february: 1, setAside: 10_001 });
  }, 120_000);
});
