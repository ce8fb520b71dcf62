// The pages' sources, without a browser: every page in both languages, every label in both
// languages, every published dataset downloadable from the methods page, and pages that use only
// bare imports and no Framework global that would be fetched from a CDN.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { claimLevelDatasets, datasets } from "../../loaders/index.ts";
import { parameterSections } from "../../lib/params.ts";
import { strings, translator } from "../../src/components/i18n.js";
import { counterpartPath, hospitalIdOf, hospitalPath, languageOf, sitePages, slugOf } from "../../src/components/site.js";

const src = join(import.meta.dirname, "../../src");
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? (n === ".observablehq" ? [] : files(join(dir, n))) : [join(dir, n)]));
const sources = files(src);
const components = sources.filter((f) => f.includes("/components/") && f.endsWith(".js"));
const pages = sources.filter((f) => f.endsWith(".md"));
const published = datasets.filter((d) => !claimLevelDatasets.has(d.name)).map((d) => d.name);

describe("pages", () => {
  it("exist in Chinese at /<page> and in English at /en/<page>", () => {
    for (const { slug } of sitePages) {
      const name = slug === "" ? "index" : slug;
      expect(existsSync(join(src, `${name}.md`)), `${name}.md`).toBe(true);
      expect(existsSync(join(src, "en", `${name}.md`)), `en/${name}.md`).toBe(true);
    }
    // One institution page per language, whatever the number of institutions (issue 8).
    expect(existsSync(join(src, "hospital.md"))).toBe(true);
    expect(existsSync(join(src, "en", "hospital.md"))).toBe(true);
    expect(sources.filter((f) => /\[[^\]]+\]/.test(relative(src, f)))).toEqual([]);
  });

  it("name a hospital in the institution page's address", () => {
    expect(hospitalPath("H0001", "zh")).toBe("/hospital?id=H0001");
    expect(hospitalPath("A&B 1", "en")).toBe("/en/hospital?id=A%26B%201");
    expect(hospitalIdOf("?id=A%26B%201")).toBe("A&B 1");
    expect(hospitalIdOf("?id=H0001&x=1")).toBe("H0001");
    expect(hospitalIdOf("")).toBe(null);
    expect(hospitalIdOf("?id=")).toBe(null);
    expect(slugOf("/en/hospital")).toBe("hospitals");
    expect(counterpartPath("/hospital")).toBe("/en/hospital");
  });

  it("link each page to the same page in the other language", () => {
    expect(counterpartPath("/index")).toBe("/en/");
    expect(counterpartPath("/en/index")).toBe("/");
    expect(counterpartPath("/casemix")).toBe("/en/casemix");
    expect(counterpartPath("/en/hospital")).toBe("/hospital");
    expect(languageOf("/en/casemix")).toBe("en");
    expect(languageOf("/english")).toBe("zh");
  });

  it("use no Framework global that would load from a CDN, and no npm: import", () => {
    const implicit = /(?<![\w.$"'`])(d3|Plot|Inputs|html|htl|svg|aq|Arrow|DuckDBClient|sql|_|dot|L|mapboxgl|tex|vl|topojson)\s*[.(`]/;
    // Framework adds implicit imports to a page's cells only (in a module an undeclared name is an error).
    const offenders = [...pages, ...components].flatMap((file) => {
      const text = readFileSync(file, "utf8");
      const declared = new Set([...text.matchAll(/import \* as (\w+)/g)].map((m) => m[1]));
      const hits = file.endsWith(".md") ? [...text.matchAll(new RegExp(implicit, "g"))].map((m) => m[1]).filter((name) => !declared.has(name)) : [];
      if (/from\s+["']npm:|import\(\s*["']npm:/.test(text)) hits.push("npm: import");
      return hits.map((h) => `${relative(src, file)}: ${h}`);
    });
    expect(offenders).toEqual([]);
  });

  it("read CSV attachments through .href, so Framework adds no CDN-loaded parser", () => {
    const offenders = pages.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/FileAttachment\("([^"]+)"\)(\.\w+)?/g)].filter((m) => m[2] === undefined).map((m) => `${relative(src, file)}: ${m[1]}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe("labels", () => {
  it("have both languages for every key", () => {
    const incomplete = Object.entries(strings).filter(([, v]) => !v.zh || !v.en).map(([k]) => k);
    expect(incomplete).toEqual([]);
  });

  it("exist for every key the components ask for", () => {
    const used = new Set<string>();
    for (const file of components) for (const m of readFileSync(file, "utf8").matchAll(/\bt\("([A-Za-z0-9_]+)"/g)) used.add(m[1]);
    for (const family of ["level1", "level2", "level3", "inpatient", "outpatient", "fund_share", "case_share", "cost_share"]) used.add(family);
    for (const k of ["employee", "resident", "unknown"]) used.add(`insurance_${k}`);
    for (const k of ["surplus", "overspend", "balanced"]) used.add(`outcome_${k}`);
    for (const k of ["below", "within", "above"]) used.add(`position_${k}`);
    for (const k of Object.keys(parameterSections).filter((k) => k !== "data")) used.add(`param_${k}`);
    expect([...used].filter((k) => !(k in strings))).toEqual([]);
  });

  it("fill in their figures", () => {
    const t = translator("en");
    expect(t("hospitalsAboveOne", { n: 12, total: 29 })).toBe("12 of 29 hospitals above 100%");
    expect(translator("zh")("hospitalsAboveOne", { n: 12, total: 29 })).toBe("12/29 家医院高于 100%");
  });
});

describe("published datasets", () => {
  it("each has a Framework loader, a description in both languages and a download link on the methods page", () => {
    const methods = ["methods.md", "en/methods.md"].map((f) => readFileSync(join(src, f), "utf8"));
    const missing = published.flatMap((name) => [
      ...(existsSync(join(src, "data", `${name}.csv.ts`)) ? [] : [`src/data/${name}.csv.ts`]),
      ...(`dataset_${name}` in strings ? [] : [`i18n dataset_${name}`]),
      ...methods.filter((text) => !text.includes(`data/${name}.csv")`)).map(() => `methods download ${name}`),
    ]);
    expect(missing).toEqual([]);
  });

  it("never include a claim-level dataset on the site", () => {
    for (const name of claimLevelDatasets) {
      expect(existsSync(join(src, "data", `${name}.csv.ts`))).toBe(false);
      expect(sources.some((f) => readFileSync(f, "utf8").includes(`data/${name}.csv`))).toBe(false);
    }
  });
});
