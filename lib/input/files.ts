// Finding a bureau's input files in a folder and reading a CSV header, before DuckDB reads the rows.
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { InputError } from "./errors.ts";
import { inputTables, type TableSpec } from "./contract.ts";

export interface InputFile {
  spec: TableSpec;
  path: string;
  format: "csv" | "parquet";
}

const formats: Record<string, "csv" | "parquet"> = { ".csv": "csv", ".parquet": "parquet" };

/** The input files of a data folder, by table; whole-folder problems stop the run. */
export function findInputFiles(dataDir: string): InputFile[] {
  let entries: string[];
  try {
    if (!statSync(dataDir).isDirectory()) throw new Error("not a folder");
    entries = readdirSync(dataDir).sort();
  } catch {
    throw new InputError(dataDir, "the data folder does not exist or cannot be read; point --data (or DRG_DATA) at a folder of input tables");
  }
  const found = new Map<string, InputFile>();
  for (const entry of entries) {
    const path = join(dataDir, entry);
    const format = formats[extname(entry).toLowerCase()];
    if (!format || !statSync(path).isFile()) continue; // sub-folders and other files (README, truth/) are not inputs
    const name = entry.slice(0, -extname(entry).length);
    const spec = inputTables.find((t) => t.name === name);
    if (!spec) {
      const known = inputTables.map((t) => t.name).join(", ");
      throw new InputError(path, `unknown table "${name}": input files are named ${known} (.csv or .parquet); rename or remove this file`);
    }
    const previous = found.get(name);
    if (previous) throw new InputError(path, `table ${name} is given twice (also ${previous.path}); keep one file`);
    found.set(name, { spec, path, format });
  }
  for (const spec of inputTables) {
    if (spec.required && !found.has(spec.name)) {
      throw new InputError(join(dataDir, `${spec.name}.csv`), `required table ${spec.name} is missing: add ${spec.name}.csv or ${spec.name}.parquet`);
    }
  }
  return inputTables.flatMap((spec) => (found.has(spec.name) ? [found.get(spec.name)!] : []));
}

/** The column names of a CSV file's header row (UTF-8, a BOM tolerated, RFC 4180 quoting). */
export function readCsvHeader(path: string): string[] {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(1 << 16);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    let text = buffer.subarray(0, length).toString("utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const names: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ",") names.push(field.trim()), (field = "");
      else if (c === "\n" || c === "\r") break;
      else field += c;
    }
    names.push(field.trim());
    return names.length === 1 && names[0] === "" ? [] : names;
  } finally {
    closeSync(fd);
  }
}
