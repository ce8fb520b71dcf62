// Observable Framework configuration. The site must never request another host: no global
// stylesheets (the default pulls web fonts), our own stylesheet (Framework's default theme and
// Inputs' CSS, both served locally), and only bare imports from node_modules in pages.
//
// Every page exists in Chinese (the default, at /<page>) and English (/en/<page>); the header is the
// navigation: the current language's pages by section and one link to the same page in the other
// language (src/components/nav.js). One page per hospital in both languages, from the hospitals the
// prepared workspace accepted.
import { siteHeader } from "./src/components/nav.js";
import { isPageSafeId } from "./src/components/site.js";

async function* hospitalPaths(): AsyncGenerator<string> {
  const { openWorkspace } = await import("./loaders/workspace.ts");
  const { resolveParameters } = await import("./lib/params.ts");
  const session = await openWorkspace(resolveParameters());
  let ids: string[];
  try {
    ids = (await session.all<{ hospital_id: string }>("SELECT hospital_id FROM hospitals ORDER BY hospital_id")).map((r) => String(r.hospital_id));
  } finally {
    session.close();
  }
  for (const id of ids) {
    if (!isPageSafeId(id)) {
      process.stderr.write(`observablehq.config.ts: no page for hospital "${id}": its id cannot name a page (letters, digits, _ . - only)\n`);
      continue;
    }
    yield `/hospital/${id}`;
    yield `/en/hospital/${id}`;
  }
}

export default {
  title: "DRG 基金监测 · DRG fund monitor",
  root: "src",
  output: process.env.DRG_OUTPUT ?? "dist", // tests build elsewhere
  style: "style.css",
  globalStylesheets: [],
  search: false,
  pager: false,
  sidebar: false,
  toc: false,
  pages: [],
  // No favicon request (the browser would ask /favicon.ico and log a 404).
  head: '<link rel="icon" href="data:,">',
  header: ({ path }: { path: string }) => siteHeader(path),
  footer: "drg-monitor · DRG/DIP/APG 基金监测 · fund monitoring · 由医保局结算数据生成的静态报告 / static report built from the bureau's claims",
  dynamicPaths: hospitalPaths,
};
