// The institution page's shards travel in a tar archive written by hand (loaders/hospital_shards.ts):
// the system's tar (a second implementation) must list and extract it as written.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shardCount, tarArchive } from "../../loaders/hospital_shards.ts";

describe("tarArchive", () => {
  it("writes an archive tar reads back, file for file and byte for byte", () => {
    const dir = mkdtempSync(join(tmpdir(), "drg-tar-"));
    try {
      const files = [
        { name: "index.csv", content: Buffer.from("hospital_id,shard\nH0001,0\n") },
        { name: "00.json", content: Buffer.from(JSON.stringify({ hospital_month: "hospital_id,month\n医院甲,2021-01\n" })) },
        { name: "empty.json", content: Buffer.alloc(0) },
        { name: "block.bin", content: Buffer.alloc(512, 7) },
      ];
      const archive = tarArchive(files);
      expect(archive.length % 512).toBe(0);
      writeFileSync(join(dir, "a.tar"), archive);
      expect(execFileSync("tar", ["-tf", join(dir, "a.tar")], { encoding: "utf8" }).trim().split("\n")).toEqual(files.map((f) => f.name));
      execFileSync("tar", ["-xf", join(dir, "a.tar"), "-C", dir]);
      for (const f of files) expect(readFileSync(join(dir, f.name)).equals(f.content), f.name).toBe(true);
      // Same files, same bytes.
      expect(tarArchive(files).equals(archive)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has as many shards as the institution page names", () => {
    const listed = readFileSync(join(import.meta.dirname, "../../src/components/hospital-shards.js"), "utf8").match(/hospital-shards\/\d+\.json/g) ?? [];
    expect(listed).toEqual(Array.from({ length: shardCount }, (_, k) => `hospital-shards/${String(k).padStart(2, "0")}.json`));
  });
});
