// Command-line flags: `--name value` pairs, as the README documents them.
export function parseFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split("=", 2);
    const value = inline ?? (argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : "true");
    flags.set(name, value);
  }
  return flags;
}

/** Runs a command's main; a user's mistake ends with one line on stderr and exit code 2. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: Error) => {
    const known = error.name === "InputError" || error.message.startsWith("parameter") || error.message.startsWith("unexpected argument");
    process.stderr.write(`error: ${error.message}\n`);
    if (!known && process.env.DRG_DEBUG) process.stderr.write(`${error.stack}\n`);
    process.exit(known ? 2 : 1);
  });
}
