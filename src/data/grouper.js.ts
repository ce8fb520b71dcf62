// The project's own grouping engine for the browser: lib/grouping/engine.ts and the scheme parser,
// with the §7 procedure classes, the DIP packet rule (lib/dip/keys.ts) for the packet lookup and the
// single-visit APG grouping (lib/apg/classify.ts), bundled by esbuild into one ES module the "group a case" page imports. platform "browser" makes the
// bundle fail if the engine ever imports a Node module.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const result = await build({
  stdin: {
    contents: `export { groupCase } from "./engine.ts"; export { parseScheme } from "./scheme.ts"; export { procedureClass } from "./procedure-classes.ts"; export { explainPacket } from "../dip/keys.ts"; export { groupVisit } from "../apg/classify.ts";`,
    resolveDir: fileURLToPath(new URL("../../lib/grouping/", import.meta.url)),
    sourcefile: "grouper-entry.ts",
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "none",
  write: false,
});
process.stdout.write(result.outputFiles[0].text);
