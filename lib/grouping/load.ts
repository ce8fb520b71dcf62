// Reads a scheme folder (rules.json, optional groups.csv) from disk. Node only; the parsing itself
// lives in scheme.ts so a web page can parse the same files it fetched.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScheme, type Scheme } from "./scheme.ts";

/** The project's default scheme: CHS-DRG 1.1, as data under data/schemes/. */
export const DEFAULT_SCHEME_DIR = fileURLToPath(new URL("../../data/schemes/chs-drg-1.1", import.meta.url));

export function loadScheme(dir: string = DEFAULT_SCHEME_DIR): Scheme {
  const folder = resolve(dir);
  const rulesPath = join(folder, "rules.json");
  if (!existsSync(rulesPath)) {
    throw new Error(`${rulesPath}: no rules.json here; give a scheme folder such as data/schemes/chs-drg-1.1`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(rulesPath, "utf8"));
  } catch (error) {
    throw new Error(`${rulesPath}: not valid JSON (${(error as Error).message})`);
  }
  const groupsPath = join(folder, "groups.csv");
  const groupsCsv = existsSync(groupsPath) ? readFileSync(groupsPath, "utf8") : undefined;
  try {
    return parseScheme(json, groupsCsv);
  } catch (error) {
    // parseScheme names the JSON path after "rules.json: "; put the full file path there instead.
    throw new Error((error as Error).message.replace(/^rules\.json: /, `${rulesPath}: `));
  }
}
