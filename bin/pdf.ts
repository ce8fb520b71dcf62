// npm run pdf [-- --dist dist --out reports --lang zh,en]
// The leaders' overview and the monthly fund report as A4 PDFs, printed by Debian's chromium (headless,
// through playwright-core) from the built site served on 127.0.0.1: what a reader prints is what the
// bureau files. Writes <out>/overview.<lang>.pdf and <out>/fund-monthly.<lang>.pdf.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runMain } from "./args.ts";
import { launchChromium, waitForPage, watchRequests } from "./browser.ts";
import { serveStatic } from "./static-server.ts";

type Language = "zh" | "en";

/** The printed reports: a name and the page's path in each language. */
const reports = [
  { name: "overview", path: { zh: "/", en: "/en/" } },
  { name: "fund-monthly", path: { zh: "/trend", en: "/en/trend" } },
] as const;

async function writeReports(dist: string, out: string, languages: Language[]): Promise<string[]> {
  mkdirSync(out, { recursive: true });
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    // A4 portrait at 96 dpi is 794 px wide: charts are drawn at about the width they print at.
    const context = await browser.newContext({ viewport: { width: 760, height: 1075 }, colorScheme: "light" });
    for (const report of reports) {
      for (const lang of languages) {
        const page = await context.newPage();
        const outside = watchRequests(page, server.origin);
        await page.emulateMedia({ media: "print", colorScheme: "light" });
        await page.goto(`${server.origin}${report.path[lang]}`, { waitUntil: "networkidle" });
        await waitForPage(page);
        await page.waitForTimeout(300); // the last redraw at the print width
        if (outside.length) throw new Error(`${report.name} (${lang}): requests to another host: ${outside.join(", ")}`);
        const file = join(out, `${report.name}.${lang}.pdf`);
        await page.pdf({
          path: file,
          format: "A4",
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: "<span></span>",
          footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#666"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
        });
        if (!(statSync(file).size > 0)) throw new Error(`${file}: empty PDF`);
        written.push(file);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return written;
}

runMain(async () => {
  const { values } = parseArgs({
    options: {
      dist: { type: "string", default: process.env.DRG_OUTPUT ?? "dist" },
      out: { type: "string", default: "reports" },
      lang: { type: "string", default: "zh,en" },
    },
  });
  const languages = values.lang!.split(",").map((l) => l.trim());
  const unknown = languages.filter((l) => l !== "zh" && l !== "en");
  if (unknown.length) throw new Error(`--lang: unknown language "${unknown.join(", ")}"; use zh, en or zh,en`);
  const dist = resolve(values.dist!);
  if (!existsSync(join(dist, "index.html"))) throw new Error(`${dist}: no built site here; run npm run build first (or pass --dist)`);
  for (const file of await writeReports(dist, resolve(values.out!), languages as Language[])) process.stderr.write(`pdf: wrote ${file}\n`);
});
