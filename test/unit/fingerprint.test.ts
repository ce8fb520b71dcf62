import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sha256File } from "../../lib/io/fingerprint.ts";

describe("sha256File", () => {
  it("gives the standard SHA-256 of the bytes, across chunk boundaries", () => {
    const dir = mkdtempSync(join(tmpdir(), "drg-fp-"));
    writeFileSync(join(dir, "abc"), "abc");
    // FIPS 180-2 test vector for "abc".
    expect(sha256File(join(dir, "abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // FIPS 180-2 test vector for a million "a".
    writeFileSync(join(dir, "million"), "a".repeat(1_000_000));
    expect(sha256File(join(dir, "million"))).toBe("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // 5 MiB spans two 4 MiB chunks: the same digest as hashing the bytes in one piece.
    const big = Buffer.alloc(5 << 20, 0x61);
    writeFileSync(join(dir, "big"), big);
    expect(sha256File(join(dir, "big"))).toBe(createHash("sha256").update(big).digest("hex"));
  });
});
