// Finding a bureau's input files in a folder and reading a CSV header, before DuckDB reads the rows.
import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { InputError } from "./errors.ts";
import { inputTables, type TableSpec } from "./contract.ts";

export interface InputFile {
  spec: TableSpec;
  path: string;
  format: "csv" | "parquet";
}

/** A table's input: one file, or a claims table's folder of files read in file-name order. */
export interface InputTable {
  spec: TableSpec;
  /** The file, or the folder. */
  path: string;
  files: InputFile[];
}

/** The input files of a data folder grouped by table, in the contract's table order. */
export function findInputTables(dataDir: string): InputTable[] {
  const tables = new Map<string, InputTable>();
  for (const file of findInputFiles(dataDir)) {
    const table = tables.get(file.spec.name) ?? { spec: file.spec, path: file.spec.name, files: [] };
    table.files.push(file);
    table.path = table.files.length > 1 ? dirname(file.path) : file.path;
    tables.set(file.spec.name, table);
  }
  return [...tables.values()];
}

const formats: Record<string, "csv" | "parquet"> = { ".csv": "csv", ".parquet": "parquet" };

/**
 * The input files of a data folder, by table (a claims table's folder gives its files in name order);
 * whole-folder problems stop the run.
 */
export function findInputFiles(dataDir: string): InputFile[] {
  let entries: string[];
  try {
    if (!statSync(dataDir).isDirectory()) throw new Error("not a folder");
    entries = readdirSync(dataDir).sort();
  } catch {
    throw new InputError(dataDir, "the data folder does not exist or cannot be read; point --data (or DRG_DATA) at a folder of input tables");
  }
  const found = new Map<string, InputFile>();
  const folders = new Map<string, InputFile[]>();
  for (const entry of entries) {
    const path = join(dataDir, entry);
    const folderSpec = inputTables.find((t) => t.name === entry);
    if (folderSpec && statSync(path).isDirectory()) {
      folders.set(entry, tableFolderFiles(folderSpec, path));
      continue;
    }
    const format = formats[extname(entry).toLowerCase()];
    if (!format || !statSync(path).isFile()) continue; // other sub-folders and files (README, truth/) are not inputs
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
  for (const name of folders.keys()) {
    if (found.has(name)) throw new InputError(join(dataDir, name), `table ${name} is given twice (also ${found.get(name)!.path}); keep the file or the folder`);
  }
  for (const spec of inputTables) {
    if (spec.required && !found.has(spec.name) && !folders.has(spec.name)) {
      throw new InputError(join(dataDir, `${spec.name}.csv`), `required table ${spec.name} is missing: add ${spec.name}.csv or ${spec.name}.parquet`);
    }
  }
  return inputTables.flatMap((spec) => (found.has(spec.name) ? [found.get(spec.name)!] : (folders.get(spec.name) ?? [])));
}

/** A claims table given as a folder: its .csv and .parquet files, in file-name order. */
function tableFolderFiles(spec: TableSpec, folder: string): InputFile[] {
  if (!spec.name.startsWith("claims_")) {
    throw new InputError(folder, `only the claims tables may be given as a folder of files; give ${spec.name} as ${spec.name}.csv or ${spec.name}.parquet`);
  }
  const files = readdirSync(folder)
    .sort()
    .filter((entry) => formats[extname(entry).toLowerCase()] && statSync(join(folder, entry)).isFile())
    .map((entry) => ({ spec, path: join(folder, entry), format: formats[extname(entry).toLowerCase()] }));
  if (files.length === 0) throw new InputError(folder, `holds no .csv or .parquet file: add ${spec.name}'s files (one per month, for example) or remove the folder`);
  return files;
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
