// The site at a real region's size (issue 8): built on a generated region with 2,000 institutions
// (test/helpers/wide-region.ts), every page in both languages loads in Debian's chromium with no error,
// no console error and no request to another host, and no page is taller than six screens.
//
// Six screens (6 × 1080 px at a 1280 × 1080 window): the tallest pages by design (settlement: two rows
// of charts, the multiplier scatter and a 15-row institution table; methods: every formula) stay within
// about three to four screens whatever the number of institutions, so six leaves room for longer
// names and labels while failing at once on anything drawn once per institution (22 px a bar: 2,000
// bars are 44,000 px).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvParse } from "d3-dsv";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, waitForPage, watchRequests } from "../../bin/browser.ts";
import { serveStatic, type StaticServer } from "../../bin/static-server.ts";
import { sitePages } from "../../src/components/site.js";
import { repoRoot, writeWideRegion } from "../helpers/wide-region.ts";

const institutions = 2000;
const screen = { width: 1280, height: 1080 };
const maxHeight = 6 * screen.height;

let work: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let hospitals: Record<string, string>[];
let dist: string;

// DRG_E2E_WIDE=<folder>: a region and site already built there (data/, dist/, as `bench/site.ts --keep`
// leaves them), reused and kept; for working on the pages without a build each run.
const reuse = process.env.DRG_E2E_WIDE;

beforeAll(async () => {
  work = reuse ?? mkdtempSync(join(tmpdir(), "drg-e2e-wide-"));
  const data = join(work, "data");
  dist = join(work, "dist");
  if (!reuse) await buildWide(data, dist);
  hospitals = csvParse(readFileSync(join(data, "hospitals.csv"), "utf8"));
  server = await serveStatic(dist);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: screen, colorScheme: "light" });
});

async function buildWide(data: string, dist: string): Promise<void> {
  await writeWideRegion(data, { hospitals: institutions, scale: 0.02 });
  execFileSync("npx", ["tsx", "bin/build.ts"], { cwd: repoRoot, env: { ...process.env, DRG_DATA: data, DRG_OUTPUT: dist }, stdio: "pipe", maxBuffer: 64 * 1024 * 1024 });
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work && !reuse) rmSync(work, { recursive: true, force: true });
});

/** Loads a path; returns the problems seen and the document's height. */
async function load(path: string) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  const outside = watchRequests(page, server.origin);
  await page.goto(`${server.origin}${path}`, { waitUntil: "networkidle" });
  await waitForPage(page);
  await page.waitForTimeout(200); // charts draw at their width once laid out
  problems.push(...outside.map((url) => `request to another host: ${url}`));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  return { page, problems, height };
}

const prefix = (lang: "zh" | "en") => (lang === "en" ? "/en" : "");

describe.each(["zh", "en"] as const)("2,000 institutions, %s", (lang) => {
  const paths = [
    ...sitePages.map((p) => `${prefix(lang)}/${p.slug}`),
    `${prefix(lang)}/hospital?id=H0001`, // a tertiary hospital with cases
    `${prefix(lang)}/hospital?id=H1999`, // a primary one
    `${prefix(lang)}/hospital`, // no hospital named: the list to choose from
  ];
  it.each(paths)("%s loads cleanly and is at most six screens tall", async (path) => {
    const { page, problems, height } = await load(path);
    expect(problems).toEqual([]);
    expect(height).toBeLessThanOrEqual(maxHeight);
    await page.close();
  });
});

describe("ranking charts and tables at 2,000 institutions", () => {
  it("the settlement page draws the top and bottom ten and lists every institution in its table", async () => {
    const { page, problems } = await load("/en/settlement");
    const card = page.locator(".chart-card").nth(2); // settlement rate by hospital
    const bars = await card.locator("figure svg [aria-label='bar'] rect").count();
    expect(bars).toBe(20);
    expect(await card.locator(".small-note").textContent()).toMatch(/The top 10 and the bottom 10 of [\d,]+ hospitals/);
    const total = Number((await page.locator(".institution-table output").textContent())!.match(/of ([\d,]+)/)![1].replaceAll(",", ""));
    // The settlement dataset has a row per institution with inpatient cases in the year: most of the 2,000.
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThanOrEqual(institutions);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("searching the hospitals table finds an institution by any part of its name and links to its page", async () => {
    const { page, problems } = await load("/hospitals");
    // A hospital the table lists for the year shown (with ~2 stays per hospital and year, not every one has any).
    const href = (await page.locator(".institution-table tbody tr a").nth(6).getAttribute("href"))!;
    const listedId = new URL(href, "http://localhost/").searchParams.get("id")!;
    const target = hospitals.find((h) => h.hospital_id === listedId)!;
    await page.fill(".institution-table input[type=search]", target.hospital_id);
    await page.waitForFunction((n) => document.querySelectorAll(".institution-table tbody tr").length === n, 1, { timeout: 10_000 });
    const links = await page.$$eval(".institution-table tbody a", (as) => as.map((a) => [a.textContent, new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).search]));
    expect(links).toEqual([[target.name, `/hospital?id=${target.hospital_id}`]]);
    // Any part of a Chinese name matches (Inputs.search alone matches word starts only).
    await page.fill(".institution-table input[type=search]", target.name.slice(2));
    await page.waitForFunction((name) => [...document.querySelectorAll(".institution-table tbody a")].some((a) => a.textContent === name), target.name, { timeout: 10_000 });
    expect(await page.$$eval(".institution-table tbody a", (as) => as.map((a) => a.textContent))).toContain(target.name);
    await page.click(`.institution-table tbody a:text-is("${target.name}")`);
    await waitForPage(page);
    expect(await page.textContent("h1")).toBe(target.name);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a table column sorts when its header is clicked", async () => {
    const { page } = await load("/en/cost");
    const table = page.locator(".institution-table table");
    const column = await table.locator("thead th").allTextContents();
    const weight = column.findIndex((c) => c.includes("Total weight"));
    expect(weight).toBeGreaterThan(0);
    await table.locator("thead th").nth(weight).click();
    const values = async () => (await table.locator(`tbody tr td:nth-child(${weight + 1})`).allTextContents()).map((v) => Number(v.replaceAll(",", "")));
    const first = await values();
    await table.locator("thead th").nth(weight).click();
    const second = await values();
    const ascending = (v: number[]) => v.every((x, i) => i === 0 || v[i - 1] <= x);
    const descending = (v: number[]) => v.every((x, i) => i === 0 || v[i - 1] >= x);
    expect((ascending(first) && descending(second)) || (descending(first) && ascending(second))).toBe(true);
    expect(first[0]).not.toBe(second[0]);
    await page.close();
  });
});

describe("the institution page's shards at 2,000 institutions", () => {
  /** A file of the built site by its name before Framework's content hash ("hospital_month" → …/hospital_month.1a2b3c4d.csv). */
  const built = (dir: string, name: string, ext: string) => {
    const file = readdirSync(join(dist, dir)).find((f) => f.startsWith(`${name}.`) && f.endsWith(ext));
    if (!file) throw new Error(`${dir}/${name}.*${ext} not in the site`);
    return readFileSync(join(dist, dir, file), "utf8");
  };

  it("hold, for each hospital, exactly its rows of each published dataset, and are each a small part of it", () => {
    const index = csvParse(built("_file/data/hospital-shards", "index", ".csv"));
    expect(index.length).toBeGreaterThan(1000);
    const shards = new Map<string, Record<string, string>>();
    const shardOf = (id: string) => {
      const k = index.find((r) => r.hospital_id === id)!.shard!.padStart(2, "0");
      if (!shards.has(k)) shards.set(k, JSON.parse(built("_file/data/hospital-shards", k, ".json")));
      return shards.get(k)!;
    };
    for (const name of ["hospital_month", "department_year", "hospital_drg_year"]) {
      const whole = built("_file/data", name, ".csv");
      const rows = csvParse(whole);
      for (const id of ["H0001", "H0500", "H1999"].filter((h) => index.some((r) => r.hospital_id === h))) {
        const own = rows.filter((r) => r.hospital_id === id);
        const inShard = csvParse(shardOf(id)[name]!).filter((r) => r.hospital_id === id);
        expect(inShard, `${name} ${id}`).toEqual(own);
      }
      // 32 shards: each about 1/32 of the dataset (hospitals are dealt round-robin in id order).
      const largest = Math.max(...[...shards.values()].map((s) => s[name]!.length));
      expect(largest).toBeLessThan(whole.length / 10);
    }
  });
});

describe("a phone's width (360 px)", () => {
  // A chart narrower than its margins makes Plot draw rects of negative width, which Chromium reports as
  // console errors (the issue saw "<rect> attribute width: A negative value is not valid" on /cost and
  // /settlement): label margins are now at most 40 % of a chart's width (labelMargin). The charts that
  // label hospitals and DRGs, at the narrowest width a reader would use.
  it.each(["/cost", "/settlement", "/hospitals", "/hospital?id=H0001", "/en/hospital?id=H0002"])("%s draws every chart without an error", async (path) => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: "light" });
    const page = await narrow.newPage();
    const problems: string[] = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    await page.goto(`${server.origin}${path}`, { waitUntil: "networkidle" });
    await waitForPage(page);
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
    await narrow.close();
  });
});
