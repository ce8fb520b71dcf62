// The SQL page's files (issue 12): it offers every dataset the site publishes and never a claim-level
// one, and the DuckDB-Wasm files it serves carry no URL of another host.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimLevelDatasets, datasets } from "../../loaders/index.ts";
import { engineModule, offlineText, workerScript } from "../../loaders/sql-page.ts";

const src = join(import.meta.dirname, "../../src");

describe("the SQL page", () => {
  it.each(["sql.md", "en/sql.md"])("%s attaches every published dataset, and no claim-level one", (page) => {
    const text = readFileSync(join(src, page), "utf8");
    const attached = [...text.matchAll(/FileAttachment\("[./]*data\/(\w+)\.csv"\)/g)].map((m) => m[1]).sort();
    expect(attached).toEqual(datasets.map((d) => d.name).filter((n) => !claimLevelDatasets.has(n)).sort());
  });

  it("serves DuckDB-Wasm's module and workers with no URL of another host", async () => {
    const external = /\b(?:https?:)?\/\/(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\.[a-z]{2,}/gi;
    for (const text of [await engineModule(), workerScript("eh"), workerScript("mvp")]) {
      expect([...text.matchAll(external)].map((m) => m[0]).filter((u) => !u.includes("//www.w3.org"))).toEqual([]);
    }
  });

  it("keeps a known name (a license's address) without its scheme, and stops on any other URL", () => {
    expect(offlineText("[js-sha256]{@link https://github.com/emn178/js-sha256}", "w.js")).toBe("[js-sha256]{@link github.com/emn178/js-sha256}");
    expect(() => offlineText('fetch("https://cdn.jsdelivr.net/npm/x")', "m.js")).toThrow(/m\.js: external URLs https:\/\/cdn\.jsdelivr\.net\/npm\/x/);
  });
});
