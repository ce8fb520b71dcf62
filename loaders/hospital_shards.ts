// The institution page's data in shards (issue 8): one page serves every hospital (/hospital?id=…) and
// must not download every hospital's months, departments and DRGs to show one. The three hospital-level
// datasets that grow with the claims (hospital_month, department_year, hospital_drg_year) are split by
// hospital into `shardCount` files; the page reads index.csv (hospital_id → shard) and then its
// hospital's shard only. hospital_year and settlement (a row per hospital and year) stay whole: the page
// compares the hospital with all its peers.
//
// Each shard's rows are the published dataset's rows, byte for byte (the dataset is written by
// publish.ts, then split with its text kept as is): shard k holds every row of the hospitals whose
// index in hospital_id order is ≡ k (mod shardCount). Written as a tar archive (Framework extracts
// `hospital-shards/<k>.json` from `hospital-shards.tar`): index.csv and 00.json … each JSON an object
// {dataset name: CSV text}.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSession, sqlString } from "../lib/db/session.ts";
import { resolveParameters } from "../lib/params.ts";
import { datasetByName } from "./index.ts";
import { writeDataset } from "./publish.ts";
import { openWorkspace } from "./workspace.ts";

export const shardCount = 32;
export const shardedDatasets = ["hospital_month", "department_year", "hospital_drg_year", "control_month"] as const;

/** The shard's file name in the archive ("07.json"). */
export const shardName = (k: number) => `${String(k).padStart(2, "0")}.json`;

export interface ArchiveFile {
  name: string;
  content: Buffer;
}

/** index.csv and every shard, from the prepared workspace. */
export async function hospitalShards(): Promise<ArchiveFile[]> {
  const dir = await mkdtemp(join(tmpdir(), "drg-shards-"));
  try {
    const workspace = await openWorkspace(resolveParameters());
    try {
      for (const name of ["hospital_year", ...shardedDatasets]) await writeDataset(workspace, datasetByName(name), join(dir, `${name}.csv`));
    } finally {
      workspace.close();
    }
    const session = await openSession({ memoryLimit: "2GB" });
    try {
      // Every value as the dataset's text (no re-formatting of numbers), rows in the dataset's order.
      const read = (name: string) => `read_csv(${sqlString(join(dir, `${name}.csv`))}, header = true, all_varchar = true, auto_detect = true)`;
      await session.run(`CREATE TABLE shard_index AS
        SELECT hospital_id, ((row_number() OVER (ORDER BY hospital_id)) - 1) % ${shardCount} AS shard
        FROM (SELECT DISTINCT hospital_id FROM ${read("hospital_year")})`);
      const files: ArchiveFile[] = [];
      await session.run(`COPY (SELECT hospital_id, shard FROM shard_index ORDER BY hospital_id) TO ${sqlString(join(dir, "index.csv"))} (FORMAT csv, HEADER true, DELIMITER ',')`);
      files.push({ name: "index.csv", content: await readFile(join(dir, "index.csv")) });
      for (const name of shardedDatasets) {
        await session.run(`CREATE TABLE "${name}" AS SELECT row_number() OVER () AS row_order, * FROM ${read(name)}`);
      }
      for (let k = 0; k < shardCount; k++) {
        const shard: Record<string, string> = {};
        for (const name of shardedDatasets) {
          const columns = (await session.all<{ column_name: string }>(`DESCRIBE "${name}"`)).map((r) => r.column_name).filter((c) => c !== "row_order");
          const path = join(dir, `${name}-${k}.csv`);
          await session.run(`COPY (
              SELECT ${columns.map((c) => `d."${c}"`).join(", ")} FROM "${name}" AS d
              WHERE d.hospital_id IN (SELECT hospital_id FROM shard_index WHERE shard = ${k})
              ORDER BY d.row_order
            ) TO ${sqlString(path)} (FORMAT csv, HEADER true, DELIMITER ',')`);
          shard[name] = await readFile(path, "utf8");
        }
        files.push({ name: shardName(k), content: Buffer.from(JSON.stringify(shard)) });
      }
      return files;
    } finally {
      session.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A POSIX ustar archive of the files (mtime 0, mode 644: the same files give the same bytes). */
export function tarArchive(files: ArchiveFile[]): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    if (Buffer.byteLength(file.name) > 100) throw new Error(`tar: name too long: ${file.name}`);
    const header = Buffer.alloc(512);
    const field = (offset: number, length: number, value: string) => header.write(value, offset, length, "utf8");
    const octal = (offset: number, length: number, value: number) => field(offset, length, `${value.toString(8).padStart(length - 1, "0")}\0`);
    field(0, 100, file.name);
    octal(100, 8, 0o644);
    octal(108, 8, 0);
    octal(116, 8, 0);
    octal(124, 12, file.content.length);
    octal(136, 12, 0);
    field(148, 8, "        "); // the checksum counts its own field as spaces
    field(156, 1, "0");
    field(257, 6, "ustar\0");
    field(263, 2, "00");
    let sum = 0;
    for (const byte of header) sum += byte;
    field(148, 8, `${sum.toString(8).padStart(6, "0")}\0 `);
    blocks.push(header, file.content, Buffer.alloc((512 - (file.content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
