// Property tests on random claims drawn from each scheme's own lists (random-claims.ts, seeded):
// every claim gets a group the scheme names (or 0000), and the single-case engine and the bulk SQL
// grouper agree exactly on drg / mdc / adrg / status, for CHS-DRG 1.1 and Zhejiang 2022.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { groupClaimsInDuckDB } from "../../lib/grouping/bulk.ts";
import { compileGrouper, type GroupOutcome } from "../../lib/grouping/engine.ts";
import { randomClaims, writeClaimsTable, type RandomClaim } from "../../lib/grouping/random-claims.ts";
import { toGrouperRecord } from "../../lib/grouping/record.ts";
import type { GroupResult } from "../../lib/grouping/result.ts";
import type { Scheme } from "../../lib/grouping/scheme.ts";
import { bulkResults, chs, resultOf, zhejiang } from "./helpers.ts";

const STATUSES = new Set(["SUCCESS", "FAIL", "CHECK_FAILED"]);

function describeAgreement(name: string, scheme: () => Scheme, count: number, seed: number, minGroups: number) {
  describe(`${name}: ${count} random claims (seed ${seed})`, () => {
    let session: Session;
    let claims: RandomClaim[];
    let single: GroupOutcome[];
    let bulk: Map<string, GroupResult>;

    beforeAll(async () => {
      claims = randomClaims(scheme(), count, seed);
      const grouper = compileGrouper(scheme());
      single = claims.map((c) => grouper.group(toGrouperRecord(c), { trace: false }));
      session = await openSession();
      await writeClaimsTable(session, "claims_inpatient", claims);
      await groupClaimsInDuckDB(session, scheme(), { source: "claims_inpatient", target: "grouped" });
      bulk = await bulkResults(session);
    });
    afterAll(() => session?.close());

    it("writes one bulk row per claim", async () => {
      expect(await session.value<string>("SELECT count(*) FROM grouped")).toBe(String(count));
      expect(bulk.size).toBe(count);
    });

    it("groups a view of the claims (numbered by row_number, not rowid) into the same rows, in source order", async () => {
      await session.run("CREATE OR REPLACE VIEW claims_view AS SELECT * FROM claims_inpatient");
      await groupClaimsInDuckDB(session, scheme(), { source: "claims_view", target: "grouped_from_view" });
      const differing = await session.value<string>(`SELECT count(*) FROM
        (SELECT *, row_number() OVER () AS n FROM grouped) a FULL JOIN (SELECT *, row_number() OVER () AS n FROM grouped_from_view) b
        ON a.n = b.n AND a.claim_id = b.claim_id AND a.drg_code = b.drg_code AND a.status = b.status
        WHERE a.n IS NULL OR b.n IS NULL`);
      expect(differing).toBe("0");
      const first = await session.all<{ claim_id: string }>("SELECT claim_id FROM grouped LIMIT 3");
      expect(first.map((r) => r.claim_id)).toEqual(claims.slice(0, 3).map((c) => c.claim_id));
    });

    it("gives every claim a named group or 0000, with a status of README 'Group codes'", () => {
      const adrgs = new Set(scheme().mdcs.flatMap((m) => m.entries.map((e) => (e.kind === "adrg" ? e.adrg : e.code))));
      for (const result of single) {
        expect(STATUSES.has(result.status), result.status).toBe(true);
        if (result.status === "SUCCESS") {
          expect(scheme().groups.has(result.drg) || adrgs.has(result.drg), result.drg).toBe(true);
          expect(result.mdc).toBe(`MDC${result.drg[0]}`);
          expect(result.adrg).toBe(result.drg.slice(0, 3));
        } else {
          expect([result.drg, result.mdc, result.adrg]).toEqual(["0000", "0000", "00"]);
        }
      }
    });

    it("agrees exactly between the single-case engine and the bulk grouper", () => {
      const differences = claims.filter((c, i) => {
        const b = bulk.get(c.claim_id);
        const s = resultOf(single[i]!);
        return !b || b.drg !== s.drg || b.mdc !== s.mdc || b.adrg !== s.adrg || b.status !== s.status;
      });
      expect(differences.slice(0, 5)).toEqual([]);
    });

    it(`reaches many groups and every status (the claims are not trivial; at least ${minGroups} groups)`, () => {
      const groups = new Set(single.filter((r) => r.status === "SUCCESS").map((r) => r.drg));
      expect(groups.size).toBeGreaterThanOrEqual(minGroups);
      for (const status of STATUSES)
        expect(
          single.some((r) => r.status === status),
          status,
        ).toBe(true);
    });

    it("groups each distinct combination once (forced) into the same rows as walking every record (forced)", async () => {
      // Each claim twice, under new ids, so that the combinations repeat; the numbers are banded by the
      // scheme's constants, so a claim with another age in the same band must group alike too.
      await session.run(`CREATE OR REPLACE TABLE claims_twice AS
        SELECT * FROM claims_inpatient UNION ALL SELECT * REPLACE (claim_id || '-again' AS claim_id) FROM claims_inpatient`);
      await groupClaimsInDuckDB(session, scheme(), { source: "claims_twice", target: "grouped_distinct", distinct: true });
      await groupClaimsInDuckDB(session, scheme(), { source: "claims_twice", target: "grouped_records", distinct: false });
      const differing = await session.value<string>(`SELECT count(*) FROM
        (SELECT *, row_number() OVER () AS n FROM grouped_distinct) a FULL JOIN (SELECT *, row_number() OVER () AS n FROM grouped_records) b
        ON a.n = b.n AND a.claim_id = b.claim_id AND a.drg_code = b.drg_code AND a.mdc = b.mdc AND a.adrg = b.adrg AND a.status = b.status
        WHERE a.n IS NULL OR b.n IS NULL`);
      expect(differing).toBe("0");
      const again = await bulkResults(session, "grouped_distinct");
      const disagreeing = claims.filter((c, i) => again.get(`${c.claim_id}-again`)?.drg !== resultOf(single[i]!).drg);
      expect(disagreeing.slice(0, 5)).toEqual([]);
    });

    it("exercises the exclusion table: emptying cce changes some results, the same in both engines", async () => {
      const damaged: Scheme = { ...scheme(), cce: new Map() };
      const grouper = compileGrouper(damaged);
      const changed = claims.filter(
        (c, i) => grouper.group(toGrouperRecord(c), { trace: false }).drg !== single[i]!.drg,
      );
      expect(changed.length).toBeGreaterThan(count / 200);
      await groupClaimsInDuckDB(session, damaged, { target: "grouped_damaged" });
      const damagedBulk = await bulkResults(session, "grouped_damaged");
      const changedBulk = claims.filter((c) => damagedBulk.get(c.claim_id)!.drg !== bulk.get(c.claim_id)!.drg);
      expect(changedBulk.map((c) => c.claim_id)).toEqual(changed.map((c) => c.claim_id));
    });
  });
}

describeAgreement("CHS-DRG 1.1", chs, 20_000, 1, 450);
describeAgreement("Zhejiang 2022", zhejiang, 10_000, 2, 600);
