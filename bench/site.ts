// The site's build at a real region's size (issue 8): a generated region whose claims are spread over
// 2,000 institutions (test/helpers/wide-region.ts), then what `npm run build` does (bin/build.ts: the
// prepared workspace, then Framework's build) into a temporary folder. Prints seconds (target ≤ 120 s
// on 2,000 institutions), the pages written and the size of each hospital-level dataset the
// institution page loads. Not pass/fail.
//
//   npx tsx bench/site.ts [--hospitals 2000] [--scale 0.02] [--keep]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { repoRoot, writeWideRegion } from "../test/helpers/wide-region.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const hospitals = option("hospitals", 2000);
const scale = option("scale", 0.02);
const keep = args.includes("--keep");

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

const work = mkdtempSync(join(tmpdir(), "drg-bench-site-"));
const data = join(work, "data");
const dist = join(work, "dist");
try {
  let started = performance.now();
  const region = await writeWideRegion(data, { hospitals, scale });
  process.stdout.write(`region: ${region.hospitals.toLocaleString("en")} institutions, ${region.inpatientClaims.toLocaleString("en")} inpatient claims (${region.hospitalsWithInpatientClaims.toLocaleString("en")} institutions with inpatient claims), written in ${seconds(started)} s\n`);

  started = performance.now();
  const build = spawnSync("npx", ["tsx", "bin/build.ts"], { cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, DRG_DATA: data, DRG_OUTPUT: dist }, maxBuffer: 256 * 1024 * 1024 });
  const took = seconds(started);
  if (build.status !== 0) {
    process.stdout.write(build.stderr.toString().slice(-4000));
    throw new Error(`site build failed (exit ${build.status})`);
  }
  const prepared = /inputs prepared from .* in ([\d.]+) s/.exec(build.stderr.toString())?.[1];
  const built = files(dist);
  const pages = built.filter((f) => f.endsWith(".html"));
  process.stdout.write(`site build on ${hospitals.toLocaleString("en")} institutions: ${took} s (target ≤ 120 s; inputs prepared in ${prepared ?? "?"} s), ${pages.length} pages, ${built.length} files\n`);
  const datasets = built.filter((f) => /\/_file\/data\/(hospital_year|hospital_month|department_year|hospital_drg_year|settlement)\.[0-9a-f]+\.csv$/.test(f));
  for (const file of datasets.sort()) process.stdout.write(`  ${relative(dist, file)}: ${(statSync(file).size / 1e6).toFixed(2)} MB\n`);
  const shards = built.filter((f) => /\/_file\/data\/hospital-shards\/\d+\.[0-9a-f]+\.json$/.test(f)).map((f) => statSync(f).size);
  if (shards.length) process.stdout.write(`  institution page shards: ${shards.length}, largest ${(Math.max(...shards) / 1e6).toFixed(2)} MB, all ${(shards.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} MB\n`);
} finally {
  if (keep) process.stdout.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
