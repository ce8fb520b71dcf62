// The project's own grouping engine for the browser (the "group a case" page): lib/grouping/engine.ts and
// the scheme parser, the §7 procedure classes, the DIP packet rule (lib/dip/keys.ts) and the single-visit
// APG grouping (lib/apg/classify.ts), as one ES module.
import { fileURLToPath } from "node:url";
import { browserBundle } from "../../loaders/browser-bundle.ts";

process.stdout.write(await browserBundle({
  contents: `export { groupCase } from "./engine.ts"; export { parseScheme } from "./scheme.ts"; export { procedureClass } from "./procedure-classes.ts"; export { explainPacket } from "../dip/keys.ts"; export { groupVisit } from "../apg/classify.ts";`,
  resolveDir: fileURLToPath(new URL("../../lib/grouping/", import.meta.url)),
  sourcefile: "grouper-entry.ts",
}));
