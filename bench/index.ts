// npm run bench: every benchmark in turn. Benchmarks print figures and ratios; they never pass or fail.
import { spawnSync } from "node:child_process";

const benches = ["bench/grouping.ts", "bench/compute.ts", "bench/outpatient.ts"];
for (const bench of benches) {
  process.stdout.write(`\n== ${bench}\n`);
  const run = spawnSync("npx", ["tsx", "--expose-gc", bench, ...process.argv.slice(2)], { stdio: "inherit" });
  if (run.status !== 0) process.stdout.write(`${bench} exited with ${run.status}\n`);
}
