// The build lock: one holder at a time, a dead holder's lock taken over.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock } from "../../bin/lock.ts";

const lockPath = () => join(mkdtempSync(join(tmpdir(), "drg-lock-")), "build.lock");

describe("acquireLock", () => {
  it("writes this process's pid and removes the file on release", async () => {
    const path = lockPath();
    const release = await acquireLock(path);
    expect(readFileSync(path, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path)).toBe(false);
  });

  it("waits while a live process holds the lock, then gives up naming it", async () => {
    const path = lockPath();
    writeFileSync(path, String(process.ppid)); // the test runner's parent: alive for the whole test
    await expect(acquireLock(path, { timeoutMs: 300, pollMs: 50 })).rejects.toThrow(`another build (pid ${process.ppid}) holds ${path}`);
  });

  it("takes over a lock left by a process that is gone", async () => {
    const path = lockPath();
    writeFileSync(path, "2147483646"); // no such process
    const release = await acquireLock(path, { timeoutMs: 300 });
    expect(readFileSync(path, "utf8")).toBe(String(process.pid));
    release();
  });
});
