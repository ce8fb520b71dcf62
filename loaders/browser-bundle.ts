// One ES module for the browser from an entry of re-exports, bundled by esbuild from node_modules and the
// project's own modules (the site never fetches code from another host). platform "browser" makes the
// bundle fail if a browser module ever imports a Node module.
import { build } from "esbuild";

export interface BrowserEntry {
  /** The entry's text: `export { … } from "…";` lines. */
  contents: string;
  /** Where its imports resolve from. */
  resolveDir: string;
  /** A name for messages, with the entry's extension (.ts or .js). */
  sourcefile: string;
}

export async function browserBundle({ contents, resolveDir, sourcefile }: BrowserEntry): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir, sourcefile, loader: sourcefile.endsWith(".ts") ? "ts" : "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    write: false,
  });
  return result.outputFiles[0].text;
}
