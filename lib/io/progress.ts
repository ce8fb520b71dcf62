// Progress of long runs on stderr (the brief: a ten-minute run is never silent). Each stage prints a
// line when it starts and one when it ends, with its rows, seconds and rows per second:
//   compute ▸ ingest claims_outpatient …
//   compute ✓ ingest claims_outpatient     5,000,000 rows    4.1 s    1,219,512 rows/s
// Quiet when DRG_QUIET=1 (tests), or when the caller passes quiet.

export interface Progress {
  /** Runs a stage; `rows` (a number, or a function of the result) is printed with its rate. */
  stage<T>(name: string, run: () => Promise<T>, rows?: number | ((result: T) => number | Promise<number>)): Promise<T>;
  /** A line of its own (a summary). */
  note(message: string): void;
}

const quietByEnvironment = () => process.env.DRG_QUIET === "1";

export function progress(command: string, { quiet = quietByEnvironment(), write = (s: string) => process.stderr.write(s) } = {}): Progress {
  const print = (line: string) => {
    if (!quiet) write(`${command} ${line}\n`);
  };
  return {
    async stage(name, run, rows) {
      print(`▸ ${name} …`);
      const started = performance.now();
      const result = await run();
      const seconds = (performance.now() - started) / 1000;
      const count = typeof rows === "function" ? await rows(result) : rows;
      print(`✓ ${formatStage(name, seconds, count)}`);
      return result;
    },
    note: print,
  };
}

export function formatStage(name: string, seconds: number, rows?: number): string {
  const time = `${seconds.toFixed(1).padStart(7)} s`;
  if (rows === undefined) return `${name.padEnd(34)} ${"".padStart(16)} ${time}`;
  const rate = seconds > 0 ? `${Math.round(rows / seconds).toLocaleString("en")} rows/s` : "";
  return `${name.padEnd(34)} ${`${rows.toLocaleString("en")} rows`.padStart(16)} ${time}  ${rate.padStart(18)}`;
}

/** A progress that prints nothing (library callers that report on their own). */
export const silent: Progress = progress("", { quiet: true });
