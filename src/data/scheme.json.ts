// The grouping scheme this build used (parameter `scheme`): its rules.json and groups.csv as one JSON,
// {"rules": …, "groupsCsv": "…"}, for the "group a case" page to parse with the engine's parseScheme.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveParameters } from "../../lib/params.ts";

const dir = resolveParameters().scheme;
const rules = readFileSync(join(dir, "rules.json"), "utf8");
const groupsPath = join(dir, "groups.csv");
const groupsCsv = existsSync(groupsPath) ? readFileSync(groupsPath, "utf8") : null;
process.stdout.write(`{"rules":${rules.trim()},"groupsCsv":${JSON.stringify(groupsCsv)}}`);
