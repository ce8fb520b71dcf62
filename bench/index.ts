// npm run bench: every benchmark in turn. Benchmarks print figures and ratios; they never pass or fail.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// The polars and pandas peers of bench/scale.ts live in their own Python environment, set up here once
// (bench/peers/requirements.txt); never part of the product or its tests.
const peers = "bench/peers/.venv";
if (!process.argv.includes("--skip-peers") && !existsSync(`${peers}/bin/python`)) {
  process.stdout.write(`setting up the benchmark's Python peers in ${peers} …\n`);
  const made = spawnSync("python3", ["-m", "venv", peers], { stdio: "inherit" });
  if (made.status === 0) spawnSync(`${peers}/bin/pip`, ["install", "-q", "-r", "bench/peers/requirements.txt"], { stdio: "inherit" });
}

const benches = ["bench/grouping.ts", "bench/scale.ts", "bench/incremental.ts", "bench/dip.ts", "bench/site.ts", "bench/outpatient.ts"];
for (const bench of benches) {
  process.stdout.write(`\n== ${bench}\n`);
  const run = spawnSync("npx", ["tsx", "--expose-gc", bench, ...process.argv.slice(2)], { stdio: "inherit" });
  if (run.status !== 0) process.stdout.write(`${bench} exited with ${run.status}\n`);
}
