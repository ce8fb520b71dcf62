// npx tsx bench/grouping.ts [--cases 1000000] [--js 100000] [--runs 3] [--scheme DIR] [--seed 1]
// The bulk SQL grouper on random claims drawn from the scheme's lists (random-claims.ts), against
// the single-case JS engine on a subset. Prints figures; it does not pass or fail.
import { openSession } from "../lib/db/session.ts";
import { groupClaimsInDuckDB } from "../lib/grouping/bulk.ts";
import { compileGrouper } from "../lib/grouping/engine.ts";
import { DEFAULT_SCHEME_DIR, loadScheme } from "../lib/grouping/load.ts";
import { randomClaims, writeClaimsTable } from "../lib/grouping/random-claims.ts";
import { toGrouperRecord } from "../lib/grouping/record.ts";
import { parseFlags } from "../bin/args.ts";

const flags = parseFlags(process.argv.slice(2));
const cases = Number(flags.get("cases") ?? 1_000_000);
const jsCases = Math.min(cases, Number(flags.get("js") ?? 100_000));
const runs = Number(flags.get("runs") ?? 3);
const seed = Number(flags.get("seed") ?? 1);
const scheme = loadScheme(flags.get("scheme") ?? DEFAULT_SCHEME_DIR);

const ms = (t: number) => `${t.toFixed(0)} ms`;
const rate = (n: number, t: number) => `${Math.round(n / (t / 1000)).toLocaleString("en")} cases/s`;
const time = async (f: () => unknown) => {
  const start = performance.now();
  await f();
  return performance.now() - start;
};

console.log(`${scheme.version}: ${cases.toLocaleString("en")} random claims (seed ${seed}), ${runs} bulk runs`);
let claims = randomClaims(scheme, 0);
console.log(`generate        ${ms(await time(() => (claims = randomClaims(scheme, cases, seed))))}`);
const session = await openSession();
console.log(`write to DuckDB ${ms(await time(() => writeClaimsTable(session, "claims_inpatient", claims)))}`);

// Wall time depends on what else runs on the machine; CPU time (all DuckDB threads) much less so.
const bulkTimes: number[] = [];
for (let run = 1; run <= runs; run++) {
  const steps: string[] = [];
  const cpu = process.cpuUsage();
  const t = await time(() =>
    groupClaimsInDuckDB(session, scheme, { onStep: (step, m) => steps.push(`${step} ${ms(m)}`) }),
  );
  const { user, system } = process.cpuUsage(cpu);
  bulkTimes.push(t);
  console.log(
    `bulk run ${run}      ${ms(t)} wall, ${ms((user + system) / 1000)} CPU  ${rate(cases, t)}  (${steps.join(", ")})`,
  );
}
const best = Math.min(...bulkTimes);
const median = [...bulkTimes].sort((a, b) => a - b)[Math.floor(bulkTimes.length / 2)]!;
console.log(`bulk best       ${ms(best)}  ${rate(cases, best)}; median ${ms(median)} (target ≥ 1M claims/s: ${cases / (best / 1000) >= 1e6 ? "met" : "not met"})`);

// Claims that repeat (as real ones do: a region's stays share their codes, sex and age band): the same
// number of claims drawn from a tenth as many distinct ones, each ten times under its own id.
await session.run(`CREATE OR REPLACE TABLE claims_repeating AS
  SELECT * REPLACE (claim_id || '-' || k AS claim_id)
  FROM (SELECT * FROM claims_inpatient LIMIT ${Math.ceil(cases / 10)}) CROSS JOIN range(10) AS r(k)`);
for (const distinct of [true, false]) {
  const steps: string[] = [];
  const t = await time(() =>
    groupClaimsInDuckDB(session, scheme, { source: "claims_repeating", target: "grouped_repeating", distinct, onStep: (step, m) => steps.push(`${step} ${ms(m)}`) }),
  );
  console.log(`repeating ${distinct ? "distinct" : "records "} ${ms(t)}  ${rate(cases, t)}  (${steps.join(", ")})`);
}

const grouper = compileGrouper(scheme);
const subset = claims.slice(0, jsCases);
const records = subset.map(toGrouperRecord);
let results = records.map((r) => grouper.group(r, { trace: false }));
const jsTime = await time(() => (results = records.map((r) => grouper.group(r, { trace: false }))));
const traceTime = await time(() => records.slice(0, 10_000).map((r) => grouper.group(r)));
console.log(
  `JS single case  ${ms(jsTime)} for ${jsCases.toLocaleString("en")}  ${rate(jsCases, jsTime)} (with trace: ${rate(10_000, traceTime)})`,
);
console.log(`ratio           bulk is ${(cases / best / (jsCases / jsTime)).toFixed(1)} × the JS engine's rate`);

const bulk = await session.all<{ claim_id: string; drg_code: string; status: string }>(
  `SELECT claim_id, drg_code, status FROM grouped WHERE claim_id <= '${subset.at(-1)!.claim_id}'`,
);
const byId = new Map(bulk.map((r) => [r.claim_id, r]));
const differences = subset.filter(
  (c, i) => byId.get(c.claim_id)?.drg_code !== results[i]!.drg || byId.get(c.claim_id)?.status !== results[i]!.status,
);
console.log(
  `agreement       ${jsCases - differences.length} of ${jsCases} identical drg + status (${differences.length} differences)`,
);
session.close();
