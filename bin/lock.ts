// One build at a time: two builds share Framework's cache folder (src/.observablehq/cache) and would
// publish each other's figures. The lock file holds the builder's pid; a lock whose process is gone is
// taken over, so a killed build never blocks the next one.
import { readFileSync, rmSync, writeFileSync } from "node:fs";

export interface LockOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** Poll interval (ms). */
  pollMs?: number;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock at `path`, waiting while another live process holds it; returns the release function. */
export async function acquireLock(path: string, { timeoutMs = 30 * 60_000, pollMs = 500 }: LockOptions = {}): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(path, String(process.pid), { flag: "wx" });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(path, "utf8"));
    if (!isRunning(holder)) {
      rmSync(path, { force: true }); // left by a build that died
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another build (pid ${holder}) holds ${path}; wait for it or stop it`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
