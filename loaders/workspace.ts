// The prepared workspace: a DuckDB file holding the validated, grouped tables of one set of inputs.
// Its name is a hash of everything the figures depend on — the input files' bytes, the parameters,
// the reference data and the code — so a changed input can never be served from a stale workspace.
// The site's loaders each open it read-only; the first to find it missing builds it. A claims table is a
// view over its files' kept parts (lib/input/parts.ts); the parts are listed beside it in <key>.parts.json:
// parts are pruned only when no kept workspace names them, and a workspace whose parts are gone is rebuilt.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openSession, type Session } from "../lib/db/session.ts";
import { findInputFiles, type InputFile } from "../lib/input/files.ts";
import { PartStore } from "../lib/input/parts.ts";
import { sha256File } from "../lib/io/fingerprint.ts";
import { prepare } from "../lib/pipeline.ts";
import { setParameterVariables, type Parameters } from "../lib/params.ts";
import { silent, type Progress } from "../lib/io/progress.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
/** The prepared workspaces (and DuckDB's spill folder): .drg-cache/, or DRG_CACHE_DIR. */
export const cacheDir = process.env.DRG_CACHE_DIR ? resolve(process.env.DRG_CACHE_DIR) : join(root, ".drg-cache");

/**
 * Folders and files whose code decides the workspace's tables (besides the inputs and parameters). The
 * datasets' own queries (loaders/<name>.sql and modules) only read the workspace: editing one reuses it
 * (`compute --only` shows a changed formula's effect in a second).
 */
const codeFolders = ["lib", "data/schemes", "data/dictionaries", "loaders/workspace.ts"];

/**
 * The code a claims file's part depends on: reading and checking the input, grouping, and what they use.
 * Editing a metric (lib/metrics, lib/dip, lib/apg) keeps the parts and rebuilds the workspace from them.
 */
const partCodeFolders = ["lib/input", "lib/grouping", "lib/cases.ts", "lib/io", "lib/db", "lib/params.ts", "data/schemes", "data/dictionaries"];

const codeHashes = new Map<string, string>();

/** The files of these folders, hashed once per process. */
function hashCode(folders: string[]): string {
  const id = folders.join(",");
  const known = codeHashes.get(id);
  if (known) return known;
  const hash = createHash("sha256");
  for (const folder of folders) for (const file of listFiles(resolve(root, folder))) hash.update(relative(root, file)).update(readFileSync(file));
  const digest = hash.digest("hex");
  codeHashes.set(id, digest);
  return digest;
}

const isClaimsFile = (file: InputFile) => file.spec.name.startsWith("claims_");

/**
 * What a claims file's checked rows depend on besides its own bytes: the parameters, the code and
 * reference data, and the other input tables (hospitals, for one). Names the folder of parts.
 */
export function partsContext(params: Parameters): string {
  // the scheme folder's files too: DRG_SCHEME may name a folder outside data/schemes
  const hash = createHash("sha256").update(JSON.stringify(params)).update(hashCode([...partCodeFolders, params.scheme]));
  for (const file of findInputFiles(params.data).filter((f) => !isClaimsFile(f))) hash.update(file.spec.name).update(basename(file.path)).update(sha256File(file.path));
  return hash.digest("hex").slice(0, 24);
}

export function workspaceKey(params: Parameters): string {
  const hash = createHash("sha256").update(partsContext(params)).update(hashCode(codeFolders));
  for (const file of findInputFiles(params.data).filter(isClaimsFile)) hash.update(file.spec.name).update(basename(file.path)).update(sha256File(file.path));
  return hash.digest("hex").slice(0, 24);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

/** The workspace file for these parameters (whether or not it exists yet). */
export function workspacePath(params: Parameters): string {
  return join(cacheDir, `${workspaceKey(params)}.duckdb`);
}

/**
 * The workspace for these parameters, built when missing; returns its file. Within one `npm run build`,
 * bin/build.ts has just found or built it and names it in DRG_WORKSPACE, so that the site's thirty
 * loaders do not each hash every input file again (gigabytes at a prefecture's scale).
 */
export async function prepareWorkspace(params: Parameters, log: Progress = silent): Promise<string> {
  const given = process.env.DRG_WORKSPACE;
  const path = given && existsSync(given) ? given : workspacePath(params);
  if (existsSync(path) && partsPresent(path)) {
    log.note(`✓ workspace ${relative(root, path)} is current for these inputs and parameters: reused`);
    const now = new Date();
    utimesSync(path, now, now); // most recently used: kept by pruneWorkspaces
  } else await buildWorkspace(params, path, log);
  return path;
}

/** Opens the workspace for these parameters read-only (prepareWorkspace first). */
export async function openWorkspace(params: Parameters, log: Progress = silent): Promise<Session> {
  const session = await openSession({ path: await prepareWorkspace(params, log), readOnly: true });
  await setParameterVariables(session, params); // variables live in the connection, not the file
  return session;
}

export async function buildWorkspace(params: Parameters, path: string, log: Progress = silent): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  const building = `${path}.${process.pid}.tmp`;
  rmSync(building, { force: true });
  const parts = new PartStore(partsRoot, partsContext(params));
  const session = await openSession({ path: building });
  try {
    const { ingest } = await prepare(session, params, log, parts);
    await log.stage("write the workspace to disk", () => session.run("CHECKPOINT"));
    writeFileSync(partsList(path), JSON.stringify(ingest.parts) + "\n");
  } finally {
    session.close();
  }
  renameSync(building, path);
  rmSync(`${building}.wal`, { force: true });
  pruneWorkspaces(path);
  parts.prune(referencedParts());
}

/** The parts a workspace's claims views read, listed beside it. */
const partsRoot = join(cacheDir, "parts");
const partsList = (workspace: string) => `${workspace}.parts.json`;

function readPartsList(workspace: string): string[] | undefined {
  try {
    return JSON.parse(readFileSync(partsList(workspace), "utf8")) as string[];
  } catch {
    return undefined;
  }
}

/** Whether every part the workspace reads is still there (a cache folder moved or cleared: rebuilt). */
function partsPresent(workspace: string): boolean {
  return readPartsList(workspace)?.every((p) => existsSync(p)) ?? false;
}

function referencedParts(): Set<string> {
  const workspaces = readdirSync(cacheDir).filter((name) => name.endsWith(".duckdb"));
  return new Set(workspaces.flatMap((name) => readPartsList(join(cacheDir, name)) ?? []));
}

/**
 * Workspaces kept besides the newest (each input set has its own): the six most recently used, and any
 * used within the last day — so that a workspace another process is about to open is never removed.
 */
const keptWorkspaces = 6;
const keptForMs = 24 * 3600 * 1000;

function pruneWorkspaces(keep: string): void {
  const others = readdirSync(cacheDir)
    .filter((name) => name.endsWith(".duckdb") && join(cacheDir, name) !== keep)
    .map((name) => ({ path: join(cacheDir, name), used: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  const now = Date.now();
  for (const old of others.slice(keptWorkspaces)) {
    if (now - old.used > keptForMs) for (const file of [old.path, partsList(old.path)]) rmSync(file, { force: true });
  }
  // a build that was stopped leaves its pending file behind
  for (const name of readdirSync(cacheDir).filter((n) => n.endsWith(".tmp"))) {
    const path = join(cacheDir, name);
    if (now - statSync(path).mtimeMs > keptForMs) rmSync(path, { force: true });
  }
}
