// The concordance dataset on a hand-made `cases` table; every count and share worked out by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, type Session } from "../../lib/db/session.ts";
import { groupingConcordance } from "../../loaders/grouping_concordance.ts";

describe("grouping_concordance", () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    await session.run(`CREATE TABLE cases AS
      SELECT * FROM (VALUES
        ('FR19', 'FR19', 'MDCF'), ('FR19', 'FR19', 'MDCF'), ('FR19', 'FR19', 'MDCF'),
        ('FR19', 'FM19', 'MDCF'),
        ('ER35', 'ER31', 'MDCE'), ('ER35', 'ER31', 'MDCE'),
        ('ER35', 'ER35', 'MDCE'), ('ER35', 'ER35', 'MDCE'),
        ('AA19', '0000', '0000'),
        (NULL, 'BV15', 'MDCB'), (NULL, 'BV15', 'MDCB'), (NULL, '0000', '0000')
      ) t(upstream_drg_code, own_drg_code, own_mdc)`);
  });
  afterAll(() => session.close());

  it("counts pairs, the agreement rate and disagreements by MDC and by code, in a fixed order", async () => {
    const rows = await session.all(groupingConcordance.query());
    // 9 cases carry an upstream code (3 do not); 5 of them agree.
    expect(rows).toEqual([
      { kind: "total", upstream_drg_code: null, own_drg_code: null, mdc: null, cases: "9", share: 5 / 9 },
      { kind: "pair", upstream_drg_code: "FR19", own_drg_code: "FR19", mdc: "MDCF", cases: "3", share: 3 / 9 },
      { kind: "pair", upstream_drg_code: "ER35", own_drg_code: "ER31", mdc: "MDCE", cases: "2", share: 2 / 9 },
      { kind: "pair", upstream_drg_code: "ER35", own_drg_code: "ER35", mdc: "MDCE", cases: "2", share: 2 / 9 },
      { kind: "pair", upstream_drg_code: "AA19", own_drg_code: "0000", mdc: "0000", cases: "1", share: 1 / 9 },
      { kind: "pair", upstream_drg_code: "FR19", own_drg_code: "FM19", mdc: "MDCF", cases: "1", share: 1 / 9 },
      // MDCE: 2 of its 4 compared cases disagree; 0000: 1 of 1; MDCF: 1 of 4.
      { kind: "by_mdc", upstream_drg_code: null, own_drg_code: null, mdc: "MDCE", cases: "2", share: 0.5 },
      { kind: "by_mdc", upstream_drg_code: null, own_drg_code: null, mdc: "0000", cases: "1", share: 1 },
      { kind: "by_mdc", upstream_drg_code: null, own_drg_code: null, mdc: "MDCF", cases: "1", share: 0.25 },
      // ER35: 2 of 4 given upstream disagree; AA19: 1 of 1; FR19: 1 of 4.
      { kind: "by_code", upstream_drg_code: "ER35", own_drg_code: null, mdc: null, cases: "2", share: 0.5 },
      { kind: "by_code", upstream_drg_code: "AA19", own_drg_code: null, mdc: null, cases: "1", share: 1 },
      { kind: "by_code", upstream_drg_code: "FR19", own_drg_code: null, mdc: null, cases: "1", share: 0.25 },
    ]);
  });
});
