// The workspace and its kept parts (lib/input/parts.ts, loaders/workspace.ts): a claims table given as
// one file is a view over its part; a workspace whose parts are gone is rebuilt, never read half-missing.
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSession } from "../../lib/db/session.ts";
import { resolveParameters } from "../../lib/params.ts";
import { contractFolder, inpatientClaim, threeHospitals } from "../helpers/tables.ts";

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
});
