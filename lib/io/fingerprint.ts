// A file's SHA-256, read in chunks so that a multi-gigabyte claims file never sits in memory whole.
// The input fingerprints on the methods page, the workspace key and the parts' names all come from here;
// within one process a file is hashed once (remembered by path, size, modification time and inode).
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";

const known = new Map<string, { stamp: string; sha256: string }>();

export function sha256File(path: string): string {
  const full = resolve(path);
  const { size, mtimeNs, ino } = statSync(full, { bigint: true });
  const stamp = `${size}:${mtimeNs}:${ino}`;
  const seen = known.get(full);
  if (seen?.stamp === stamp) return seen.sha256;
  const sha256 = hashBytes(full);
  known.set(full, { stamp, sha256 });
  return sha256;
}

function hashBytes(path: string): string {
  const hash = createHash("sha256");
  const buffer = Buffer.alloc(1 << 22);
  const fd = openSync(path, "r");
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
