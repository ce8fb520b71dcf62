// The site in Debian's chromium (issue 5): every page in both languages loads with no error cell, no
// console error and no request to another host, and shows its charts; a filter changes a chart's data;
// every hospital has its page (the one institution page, named by its address); the "group a case" page groups in the browser as the engine does in
// Node; the PDF command writes PDFs. Screenshots of the main pages go to screenshots/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { csvParse } from "d3-dsv";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, waitForPage, watchRequests } from "../../bin/browser.ts";
import { groupCase } from "../../lib/grouping/engine.ts";
import { loadScheme } from "../../lib/grouping/load.ts";
import { procedureClass } from "../../lib/grouping/procedure-classes.ts";
import { explainPacket, type PacketRow } from "../../lib/dip/keys.ts";
import { sitePages } from "../../src/components/site.js";
import { groupVisit } from "../../lib/apg/classify.ts";
import { buildSite, root, type BuiltSite } from "./site-fixture.ts";

const screenshots = join(root, "screenshots");

let site: BuiltSite;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  site = await buildSite();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
});

afterAll(async () => {
  await browser?.close();
  await site?.server.close();
});

interface Visit {
  page: Page;
  problems: string[];
}

/** Opens a site path and records console errors, page errors and requests to other hosts. */
async function visit(path: string, on: BrowserContext = context): Promise<Visit> {
  const page = await on.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  const outside = watchRequests(page, site.server.origin);
  await page.goto(`${site.server.origin}${path}`, { waitUntil: "networkidle" });
  await waitForPage(page);
  problems.push(...outside.map((url) => `request to another host: ${url}`));
  return { page, problems };
}

const pagePaths = (lang: "zh" | "en") => sitePages.map((p) => `${lang === "en" ? "/en" : ""}/${p.slug}`);

describe.each(["zh", "en"] as const)("every page in %s", (lang) => {
  it.each(pagePaths(lang))("%s loads cleanly and shows its charts", async (path) => {
    const { page, problems } = await visit(path);
    expect(problems).toEqual([]);
    expect(await page.$$(".observablehq--error")).toHaveLength(0);
    expect(await page.$$eval("figure, svg", (nodes) => nodes.length)).toBeGreaterThan(0);
    expect(await page.getAttribute("html", "lang")).toBe(lang === "zh" ? "zh-CN" : "en");
    // One link switches language, to the same page in the other language.
    const other = await page.$eval(".lang-switch", (a) => new URL((a as HTMLAnchorElement).href).pathname);
    const expected = lang === "zh" ? `/en${path}` : path.slice("/en".length);
    expect(other.replace(/\/index$/, "/")).toBe(expected);
    await page.close();
  });

  it("a hospital's page loads cleanly and shows its charts", async () => {
    const id = site.hospitalIds[0];
    const { page, problems } = await visit(`${lang === "en" ? "/en" : ""}/hospital?id=${id}`);
    expect(problems).toEqual([]);
    expect(await page.$$(".observablehq--error")).toHaveLength(0);
    expect(await page.$$eval(".chart-card figure svg", (nodes) => nodes.length)).toBeGreaterThan(3);
    // The language link goes to the same hospital in the other language.
    const other = await page.$eval(".lang-switch", (a) => { const url = new URL((a as HTMLAnchorElement).href); return url.pathname + url.search; });
    expect(other).toBe(`${lang === "en" ? "" : "/en"}/hospital?id=${id}`);
    await page.close();
  });
});

describe("the analysts' filters", () => {
  /** The SVG of the n-th chart card and the href of its download link. */
  const chart = (page: Page, n: number) =>
    page.$$eval(".chart-card", (cards, i) => ({ svg: cards[i].querySelector("figure")?.outerHTML ?? "", title: cards[i].querySelector("figure h2")?.textContent ?? "", download: (cards[i].querySelector("a.download") as HTMLAnchorElement).href }), n);

  it("changing the year on the case-mix page changes the chart's data", async () => {
    const { page, problems } = await visit("/casemix");
    const before = await chart(page, 0);
    const year = page.locator(".filters select").first();
    const years = await year.locator("option").allTextContents();
    expect(years.length).toBeGreaterThan(1);
    await year.selectOption({ label: years[0] });
    await page.waitForTimeout(300);
    const after = await chart(page, 0);
    expect(after.svg).not.toBe(before.svg);
    expect(after.title).toContain(years[0]);
    expect(after.download).not.toBe(before.download);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("choosing a level on the cost-per-weight page keeps only that level's hospitals", async () => {
    const { page } = await visit("/en/cost");
    // The institution table: an empty first cell (Inputs.table's selection column, unused), then name, level…
    const levels = () => page.$$eval(".institution-table tbody tr", (trs) => trs.map((tr) => tr.children[2].textContent));
    const all = await levels();
    await page.locator(".filters select").nth(1).selectOption({ label: "Tertiary" });
    await page.waitForTimeout(300);
    const tertiary = await levels();
    expect(tertiary.length).toBeGreaterThan(0);
    expect(tertiary.length).toBeLessThan(all.length);
    expect(new Set(tertiary)).toEqual(new Set(["Tertiary"]));
    await page.close();
  });

  it("choosing an insurance type on the fund page keeps only that type", async () => {
    const { page, problems } = await visit("/trend");
    const card = page.locator(".chart-card").filter({ hasText: "险种" }).last();
    const before = await card.locator("figure").innerHTML();
    const insurance = page.locator(".filters select").nth(2);
    await insurance.selectOption({ label: "职工医保" });
    await page.waitForTimeout(300);
    const title = await card.locator("figure h2").textContent();
    expect(await card.locator("figure").innerHTML()).not.toBe(before);
    expect(title).toContain("职工医保");
    expect(title).not.toContain("城乡居民医保");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("two periods chosen on the RW-interval page change the comparison", async () => {
    const { page } = await visit("/rw-intervals");
    const before = await chart(page, 1);
    const periods = page.locator(".filters select");
    const months = await periods.first().locator("option").allTextContents();
    await periods.nth(0).selectOption(months[0]);
    await periods.nth(1).selectOption(months[2]);
    await page.waitForTimeout(300);
    const after = await chart(page, 1);
    expect(after.svg).not.toBe(before.svg);
    expect(after.title).toContain(lang0(months[0]));
    await page.close();
  });
});

/** How the Chinese page writes a month "2018-01" in a chart title ("2018年1"…). */
const lang0 = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}`;

describe("hospital pages", () => {
  it("one page per language shows the hospital its address names, for every hospital", async () => {
    expect(site.hospitalIds.length).toBeGreaterThan(5);
    expect(existsSync(join(site.dist, "hospital.html")) && existsSync(join(site.dist, "en", "hospital.html"))).toBe(true);
    expect(readdirSync(site.dist).filter((n) => n === "hospital")).toEqual([]); // no page per hospital
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    const shown: string[] = [];
    for (const id of site.hospitalIds) {
      await page.goto(`${site.server.origin}/hospital?id=${encodeURIComponent(id)}`, { waitUntil: "networkidle" });
      await waitForPage(page);
      shown.push((await page.textContent("h1"))!.trim());
    }
    expect(shown).toEqual(site.hospitalIds.map((id) => site.hospitalNames.get(id)));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("link from the hospitals page to each hospital's page", async () => {
    const { page } = await visit("/hospitals");
    const search = page.locator(".institution-table input[type=search]");
    for (const id of site.hospitalIds.slice(0, 5)) {
      await search.fill(id);
      await page.waitForTimeout(150);
      const links = await page.$$eval(".institution-table tbody a", (as) => as.map((a) => { const url = new URL((a as HTMLAnchorElement).href); return url.pathname + url.search; }));
      expect(links).toEqual([`/hospital?id=${id}`]);
    }
    await page.close();
  });

  it("without a known hospital in its address, lists the hospitals to choose from", async () => {
    const { page, problems } = await visit("/en/hospital?id=NO_SUCH_HOSPITAL");
    expect(await page.textContent(".page-header .lead")).toContain("No hospital has the id NO_SUCH_HOSPITAL");
    expect(await page.locator(".institution-table tbody tr").count()).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("monitoring signals", () => {
  it("changing the year on the signals page redraws the grid and its title", async () => {
    const { page, problems } = await visit("/signals");
    const title = () => page.locator(".chart-card figure h2").first().textContent();
    const before = await title();
    const year = page.locator(".filters select").first();
    const years = await year.locator("option").allTextContents();
    await year.selectOption({ label: years[0] });
    await page.waitForTimeout(300);
    const after = await title();
    expect(after).not.toBe(before);
    expect(after).toContain(years[0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lists exactly the dataset's flags of the year (not every hospital)", async () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    const file = files(site.dist).find((f) => /\/signals\.[0-9a-f]+\.csv$/.test(f) || f.endsWith("/signals.csv"))!;
    const rows = readFileSync(file, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const last = Math.max(...rows.map((r) => Number(r[1])));
    const flagged = rows.filter((r) => Number(r[1]) === last && r[10] === "true").length;
    expect(flagged).toBeLessThan(rows.filter((r) => Number(r[1]) === last).length / 3);
    const { page, problems } = await visit("/en/signals");
    expect(await page.locator(".page.signals .data-table tbody tr").count()).toBe(flagged);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a signal's page shows the signal named in its address, in both languages", async () => {
    for (const [path, name] of [["/signal?signal=low_standard_admission", "低标入院"], ["/en/signal?signal=preadmission_outpatient", "Pre-admission outpatient fund"]]) {
      const { page, problems } = await visit(path);
      expect(await page.textContent("h1")).toContain(name);
      expect(await page.locator(".chart-card figure h2").first().textContent()).toContain(name);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it("a hospital's page shows its control charts, one per metric", async () => {
    const { page } = await visit(`/en/hospital?id=${encodeURIComponent(site.hospitalIds[0])}`);
    const titles = await page.$$eval(".control-chart figure h2", (nodes) => nodes.map((n) => n.textContent ?? ""));
    expect(titles.length).toBe(3);
    expect(titles.join(" ")).toMatch(/CMI.*Cost per weight.*Fund paid/);
    await page.close();
  });
});

describe("group a case", () => {
  it("groups in the browser exactly as the engine does in Node", async () => {
    const { page, problems } = await visit("/en/grouper");
    await page.fill(".grouper-form textarea >> nth=0", "I21.001\nI10.x00");
    await page.fill(".grouper-form textarea >> nth=1", "36.0601");
    await page.waitForTimeout(200);
    const shown = (await page.textContent(".group-code"))?.trim();
    const expected = groupCase(loadScheme(), { dx: ["I21.001", "I10.x00"], proc: ["36.0601"], sex: "1", age_years: "65", age_days: "", birth_weight_g: "" });
    expect(shown).toBe(expected.drg);
    expect(expected.status).toBe("SUCCESS");
    expect(await page.$$eval(".trace li", (lis) => lis.length)).toBe(expected.trace.length);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the SQL page", () => {
  /** A dataset as the site publishes it (Framework names attachments by content hash). */
  const published = (name: string) => {
    const dir = join(site.dist, "_file/data");
    const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && f.endsWith(".csv"))!;
    return csvParse(readFileSync(join(dir, file), "utf8"));
  };
  /** Runs what the editor holds and returns the result's CSV (its own download link). */
  async function result(page: Page): Promise<Record<string, string>[]> {
    await page.waitForFunction(() => document.querySelector(".sql-result")?.hasAttribute("data-rows"), null, { timeout: 120_000 });
    const error = await page.$(".sql-error");
    if (error) throw new Error(`the query failed: ${await error.textContent()}`);
    return csvParse(await page.evaluate(async () => (await fetch(document.querySelector<HTMLAnchorElement>(".sql-result a.download")!.href)).text()));
  }

  it("runs a typed query with DuckDB-Wasm from the site: the expected rows, no other host, no console error", async () => {
    const { page, problems } = await visit("/en/sql");
    const outside = watchRequests(page, site.server.origin);
    // The engine is not loaded until a query runs.
    expect(await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /duckdb/.test(e.name)).length)).toBe(0);
    await page.fill("textarea.sql-editor", "");
    await page.type("textarea.sql-editor", "SELECT level, sum(grouped_cases) AS grouped, sum(total_weight) / sum(grouped_cases) AS cmi\nFROM hospital_year WHERE year = 2020 GROUP BY level ORDER BY level");
    await page.keyboard.press("Control+Enter");
    const rows = await result(page);
    // Worked out here from the published hospital_year.csv: per level, Σ weight / Σ grouped cases.
    const byLevel = new Map<string, { grouped: number; weight: number }>();
    for (const r of published("hospital_year").filter((r) => r.year === "2020")) {
      const level = byLevel.get(r.level!) ?? { grouped: 0, weight: 0 };
      level.grouped += Number(r.grouped_cases);
      level.weight += Number(r.total_weight);
      byLevel.set(r.level!, level);
    }
    const expected = [...byLevel].sort(([a], [b]) => Number(a) - Number(b));
    expect(rows.map((r) => [r.level, Number(r.grouped)])).toEqual(expected.map(([level, v]) => [level, v.grouped]));
    for (const [i, [, v]] of expected.entries()) expect(Number(rows[i].cmi)).toBeCloseTo(v.weight / v.grouped, 9);
    // A sortable table and a chart of the result.
    expect(await page.$$eval(".sql-result table tbody tr", (trs) => trs.length)).toBe(expected.length);
    expect(await page.$$eval(".sql-result svg", (svgs) => svgs.length)).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("its RW-interval example reproduces the published period comparison, in Chinese too", async () => {
    const { page, problems } = await visit("/sql");
    const outside = watchRequests(page, site.server.origin);
    await page.click('button[data-example="rwComparison"]');
    const rows = await result(page);
    const comparison = new Map(published("rw_interval_comparison").map((r) => [r.interval!, r]));
    const compared = rows.filter((r) => r.fund_change !== "");
    expect(compared.length).toBeGreaterThan(3);
    for (const r of compared) expect(Number(r.fund_change), r.interval).toBeCloseTo(Number(comparison.get(r.interval!)!.fund_change), 9);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a failing query's error on the page, not in the console", async () => {
    const { page, problems } = await visit("/en/sql");
    await page.fill("textarea.sql-editor", "SELECT no_such_column FROM hospital_year");
    await page.click("button.sql-run");
    await page.waitForSelector(".sql-error", { timeout: 120_000 });
    expect(await page.textContent(".sql-error")).toMatch(/no_such_column/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("DIP", () => {
  it("the group-a-case page shows the packet the catalogue gives the case, as explainPacket does in Node", async () => {
    const { page, problems } = await visit("/grouper");
    await page.fill(".grouper-form textarea >> nth=0", "K35.800");
    await page.fill(".grouper-form textarea >> nth=1", "47.0100\n88.7201");
    await page.waitForTimeout(200);
    const shown = (await page.textContent(".dip-code"))?.trim();
    // the same case in Node, against the catalogue the site published
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    const csv = files(site.dist).find((f) => /dip_packets\.[^/]*csv$/.test(f))!;
    const catalogue = new Map(csvParse(readFileSync(csv, "utf8")).map((r) => [r.packet_code!, { ...r, fold: r.fold } as unknown as PacketRow]));
    const scheme = loadScheme();
    const expected = explainPacket(catalogue, (c) => procedureClass(scheme, c), "K35.800", ["47.0100", "88.7201"]);
    expect(shown).toBe(expected.packet?.packet_code ?? "—");
    expect(await page.$$eval(".dip-trace li", (lis) => lis.length)).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the DRG-vs-DIP table searches its hospitals", async () => {
    const { page, problems } = await visit("/en/dip-vs-drg");
    const rows = () => page.$$eval(".searchable-table table tbody tr", (trs) => trs.length);
    const all = await rows();
    expect(all).toBeGreaterThan(1);
    await page.fill(".searchable-table input[type=search]", site.hospitalIds[0]);
    await page.waitForTimeout(300);
    expect(await rows()).toBeLessThan(all);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("outpatient (APG-like groups, packages)", () => {
  /** A published dataset of the built site (Framework names it with a content hash). */
  const published = (name: string): string => {
    const find = (dir: string): string | null => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) {
          const found = find(path);
          if (found) return found;
        } else if (entry.startsWith(`${name}.`) && entry.endsWith(".csv")) return path;
      }
      return null;
    };
    return readFileSync(find(site.dist)!, "utf8");
  };

  it("groups an outpatient visit in the browser as lib/apg does in Node", async () => {
    const { page, problems } = await visit("/en/grouper");
    await page.click("button:has-text('Hand wound suture')");
    await page.waitForTimeout(200);
    const shown = (await page.textContent(".apg-code"))?.trim();
    const groups = new Set(csvParse(published("apg_groups")).map((g) => g.apg_code!));
    const scheme = loadScheme();
    const expected = groupVisit({ principal_dx: "S61.000", procedures: ["86.5900x006"], total_cost: 380, exam_cost: 20 }, (c) => procedureClass(scheme, c), (g) => groups.has(g));
    expect(expected.class).toBe("procedure");
    expect(shown).toBe(expected.apg_code);
    expect(await page.$$eval(".apg-trace li", (lis) => lis.length)).toBe(expected.trace.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("choosing a year on the per-capita package page shows that year's packages", async () => {
    const { page, problems } = await visit("/en/capitation");
    const options = await page.$$eval("select:first-of-type option", (os) => os.map((o) => o.textContent?.trim() ?? ""));
    const first = options[0];
    await page.selectOption("select >> nth=0", { label: first });
    await page.waitForTimeout(300);
    const title = await page.textContent(".chart-card h2");
    expect(title).toContain(first);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("privacy and the network", () => {
  it("no file of the site names a rejected claim", () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    const offenders = files(site.dist).filter((f) => [".csv", ".json", ".html", ".js"].includes(extname(f)) && site.rejectedClaimIds.some((id) => readFileSync(f, "latin1").includes(id)));
    expect(offenders).toEqual([]);
  });

  it("no file of the site names a claim of the inputs (the claims behind the signals' flags stay with compute)", () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    // the generator's claim ids: IP… inpatient, OP… outpatient, OA… pre-admission visits (ten digits)
    const offenders = files(site.dist).filter((f) => [".csv", ".json", ".html", ".js"].includes(extname(f)) && /\b(IP|OP|OA)\d{10}\b/.test(readFileSync(f, "latin1")));
    expect(offenders).toEqual([]);
  });

  it("the data-quality page counts the rejected rows by reason, without their values", async () => {
    const { page } = await visit("/en/quality");
    const text = await page.textContent("#observablehq-main");
    expect(text).toContain("hospital_id not in hospitals");
    expect(text).not.toContain("NO_SUCH_HOSPITAL");
    // The sample's claims carry upstream groups: the page compares the project's grouping with them.
    expect(text).toContain("got the same group from the project's grouper");
    await page.close();
  });
});

describe("themes and print", () => {
  it("the overview is readable in the dark theme", async () => {
    const dark = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    const { page, problems } = await visit("/", dark);
    const [background, color] = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector("h1")!).color]);
    const luminance = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
    expect(luminance(background)).toBeLessThan(80);
    expect(luminance(color)).toBeGreaterThan(160);
    expect(problems).toEqual([]);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, "overview-dark.png"), fullPage: true });
    await dark.close();
  });

  it("npm run pdf writes the overview and the monthly fund report as PDFs", () => {
    const out = mkdtempSync(join(tmpdir(), "drg-e2e-pdf-"));
    execFileSync("npx", ["tsx", "bin/pdf.ts", "--dist", site.dist, "--out", out], { cwd: root, stdio: "pipe" });
    for (const name of ["overview.zh.pdf", "overview.en.pdf", "fund-monthly.zh.pdf", "fund-monthly.en.pdf"]) {
      const pdf = readFileSync(join(out, name));
      expect(pdf.length).toBeGreaterThan(10_000);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    }
  });
});

describe("screenshots", () => {
  const shots = [
    ["overview-zh.png", "/"],
    ["overview-en.png", "/en/"],
    ["casemix-zh.png", "/casemix"],
    ["rw-intervals-zh.png", "/rw-intervals"],
    ["settlement-en.png", "/en/settlement"],
    ["hospital-zh.png", null],
    ["grouper-zh.png", "/grouper"],
    ["signals-zh.png", "/signals"],
    ["signal-en.png", "/en/signal?signal=readmit_same_adrg"],
    ["dip-zh.png", "/dip"],
    ["dip-settlement-en.png", "/en/dip-settlement"],
    ["dip-vs-drg-zh.png", "/dip-vs-drg"],
    ["dip-vs-drg-en.png", "/en/dip-vs-drg"],
    ["outpatient-zh.png", "/outpatient"],
    ["apg-en.png", "/en/apg"],
    ["capitation-en.png", "/en/capitation"],
  ] as const;
  it.each(shots)("%s", async (file, path) => {
    const { page } = await visit(path ?? `/hospital?id=${site.hospitalIds[0]}`);
    await page.waitForTimeout(300);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, file), fullPage: true });
    await page.close();
  });
});
