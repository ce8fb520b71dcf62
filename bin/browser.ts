// Debian's chromium for the built site (the PDF command and the browser tests): headless, no sandbox,
// no background traffic of its own; and a watch on every request a page makes, since the site must
// never ask another host for anything.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath}: no chromium here; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Collects every request of the page to another origin than `origin` (blob: and data: URLs are local). */
export function watchRequests(page: Page, origin: string): string[] {
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url)) outside.push(url);
  });
  return outside;
}

/** Waits until a page's cells have run (nothing left loading); fails on an error cell. */
export async function waitForPage(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll("observablehq-loading").length === 0 && (document.querySelector("#observablehq-main")?.children.length ?? 0) > 0,
    null,
    { timeout: 60_000 },
  );
  await page.waitForLoadState("networkidle");
  const error = await page.$(".observablehq--error");
  if (error) throw new Error(`${page.url()}: a cell failed: ${(await error.textContent())?.trim()}`);
}
