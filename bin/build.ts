// npm run build: the embedded sample when it is missing, the prepared workspace, then the static
// site. Framework reuses a cached loader output whenever one exists (it only compares the loader
// file's own mtime), so its cache is cleared first: every build recomputes every published figure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultParameters, resolveParameters } from "../lib/params.ts";
import { cacheDir, prepareWorkspace } from "../loaders/workspace.ts";
import { acquireLock } from "./lock.ts";
import { progress } from "../lib/io/progress.ts";
import { runMain } from "./args.ts";

const frameworkCache = "src/.observablehq/cache";

runMain(async () => {
  mkdirSync(cacheDir, { recursive: true });
  const release = await acquireLock(join(cacheDir, "build.lock"));
  try {
    await build();
  } finally {
    release();
  }
});

async function build(): Promise<void> {
  const params = resolveParameters();
  const hasClaims = ["claims_inpatient", "claims_inpatient.csv", "claims_inpatient.parquet"].some((name) => existsSync(join(params.data, name)));
  if (!hasClaims && resolve(params.data) === resolve(defaultParameters.data)) {
    process.stderr.write(`build: generating the embedded sample into ${params.data}\n`);
    const { generateRegion } = await import("../lib/synthetic/index.ts");
    await generateRegion({ out: params.data, seed: 1, scale: 1, format: "parquet" });
  }
  const started = performance.now();
  // validate, group and prepare once, before the loaders run; they open this file: none hashes the inputs again
  const workspace = await prepareWorkspace(params, progress("build"));
  process.stderr.write(`build: inputs prepared from ${params.data} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  rmSync(frameworkCache, { recursive: true, force: true });
  rmSync(process.env.DRG_OUTPUT ?? "dist", { recursive: true, force: true }); // Framework clears only an output inside the project
  const framework = spawnSync("npx", ["observable", "build"], {
    stdio: "inherit",
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", DRG_WORKSPACE: workspace }, // the site and its build never call out
  });
  if (framework.status !== 0) throw new Error(`observable build failed (exit ${framework.status})`);
}
