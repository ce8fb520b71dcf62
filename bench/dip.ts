// npx tsx bench/dip.ts [--data DIR] [--scale LABEL] [--threads N] [--memory-limit 10GB]
// DIP's cost on a region's own files (default data/sample, the 1× sample; the 10× region with
// `--data DIR --scale 10`): the region is prepared once (ingest, grouping, DRG metrics), then the DIP
// build (lib/dip) runs again alone, twice, and the second run is reported: treatment types and keys of
// every case, the packet catalogue, the case scores and settlement, each with cases per second; then
// the catalogue's size and core coverage. Prints; never asserts.
import { existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSession } from "../lib/db/session.ts";
import { buildDip, type DipStep } from "../lib/dip/index.ts";
import { resolveParameters } from "../lib/params.ts";
import { prepare } from "../lib/pipeline.ts";

const flags = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const [name, inline] = process.argv[i].replace(/^--/, "").split("=", 2);
  flags.set(name, inline ?? (process.argv[i + 1]?.startsWith("--") === false ? process.argv[++i] : "true"));
}
const data = flags.get("data") ?? "data/sample";
const scale = flags.get("scale") ?? (data === "data/sample" ? "1" : "?");
if (!existsSync(data)) {
  process.stdout.write(`bench/dip: no region at ${data} (run npm run build, or give --data DIR)\n`);
  process.exit(0);
}
const spill = join(tmpdir(), "drg-bench", "spill");
mkdirSync(spill, { recursive: true });
const session = await openSession({ threads: flags.has("threads") ? Number(flags.get("threads")) : undefined, memoryLimit: flags.get("memory-limit") ?? "10GB" });
await session.run(`SET temp_directory = '${spill}'`);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en");

let start = performance.now();
await prepare(session, resolveParameters({ data }));
process.stdout.write(`region ${data} (scale ${scale}): prepared in ${seconds(performance.now() - start)} s (ingest, grouping, DRG metrics, DIP)\n`);
const cases = Number(await session.value("SELECT count(*) FROM cases"));

let steps: DipStep[] = [];
for (let run = 0; run < 2; run++) {
  steps = [];
  await buildDip(session, (s) => steps.push(s));
}
const what: Record<string, string> = {
  keys: "treatment types (§7) and packet keys of every case",
  catalogue: "packet catalogue and every case's packet",
  scores: "case scores, point value, settlement",
};
let total = 0;
for (const s of steps) {
  total += s.milliseconds;
  process.stdout.write(`  ${s.step.padEnd(10)} ${seconds(s.milliseconds).padStart(7)} s  ${perSecond(cases, s.milliseconds).padStart(12)} cases/s  ${what[s.step] ?? ""}\n`);
}
const build = steps.filter((s) => s.step !== "scores").reduce((a, s) => a + s.milliseconds, 0);
process.stdout.write(`  catalogue build (keys + catalogue) ${seconds(build)} s, ${perSecond(cases, build)} cases/s; whole DIP ${seconds(total)} s, ${perSecond(cases, total)} cases/s on ${cases.toLocaleString("en")} cases\n`);

const [c] = await session.all<Record<string, string | number>>(`SELECT
    count(*) AS packets, count(*) FILTER (WHERE kind = 'core') AS core_packets,
    count(*) FILTER (WHERE fold = 'category') AS category_packets, count(*) FILTER (WHERE fold = 'chapter') AS chapter_packets,
    count(*) FILTER (WHERE fold = 'treatment') AS treatment_packets,
    sum(base_cases) FILTER (WHERE kind = 'core') / sum(base_cases) AS core_base_share,
    sum(cases) FILTER (WHERE kind = 'core') / sum(cases) AS core_case_share
  FROM dip_packet_catalogue`);
const pct = (x: unknown) => `${(Number(x) * 100).toFixed(1)} %`;
process.stdout.write(`  catalogue: ${c.packets} packets: ${c.core_packets} core, ${c.category_packets} category, ${c.chapter_packets} chapter, ${c.treatment_packets} treatment alone; core packets hold ${pct(c.core_base_share)} of base-period cases and ${pct(c.core_case_share)} of all cases\n`);
const moves = await session.all<Record<string, string | number>>(`SELECT year, count(*) AS hospitals,
    sum(abs(d.dip_payment - s.drg_payment)) / 2 AS moved, sum(s.drg_payment) AS paid,
    count(*) FILTER (WHERE d.dip_payment > s.drg_payment) AS gaining
  FROM dip_hospital_years AS d JOIN settlement_hospital_years AS s USING (hospital_id, year) GROUP BY year ORDER BY year`);
for (const m of moves) {
  process.stdout.write(`  ${m.year}: DIP instead of DRG moves ${Math.round(Number(m.moved)).toLocaleString("en")} yuan (${pct(Number(m.moved) / Number(m.paid))} of payments) between ${m.hospitals} hospitals; ${m.gaining} gain\n`);
}
// what drives it, over the whole region in the last year: Σ (DIP − DRG) by kind of case
const drivers = await session.all<Record<string, string | number>>(`WITH paid AS (
    SELECT d.year, d.treatment,
           CASE WHEN p.payment_class IN ('ungrouped', 'unweighted') THEN 'no RW' WHEN p.base_points < 100 THEN 'RW < 1'
                WHEN p.base_points < 200 THEN '1 ≤ RW < 2' ELSE 'RW ≥ 2' END AS band,
           d.case_score::DOUBLE * y.point_value - p.points::DOUBLE * s.point_value AS difference
    FROM dip_case_scores AS d JOIN case_points AS p USING (claim_id)
    JOIN dip_years AS y ON y.year = d.year JOIN settlement_years AS s ON s.year = d.year
    WHERE d.year = (SELECT max(year) FROM dip_years)
  )
  SELECT 'treatment' AS dimension, treatment AS kind, count(*) AS cases, sum(difference ORDER BY difference) AS difference FROM paid GROUP BY treatment
  UNION ALL
  SELECT 'rw', band, count(*), sum(difference ORDER BY difference) FROM paid GROUP BY band
  ORDER BY dimension, kind`);
process.stdout.write(`  last year, whole region, Σ (DIP − DRG) by kind of case: ${drivers.map((d) => `${d.kind} ${Math.round(Number(d.difference)).toLocaleString("en")} (${Number(d.cases).toLocaleString("en")} cases)`).join("; ")}\n`);
session.close();
