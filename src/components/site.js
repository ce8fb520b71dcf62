// The site's map: every page in both languages, the sections readers know them by, and the links
// between them. Pure data and string functions: the config's header (Node) and the pages (browser)
// both import it.

/** Languages: Chinese is the default (paths without prefix); English lives under /en/. */
export const languages = ["zh", "en"];

export const sections = [
  { id: "leaders", zh: "趋势", en: "Trends" },
  { id: "analysts", zh: "分析", en: "Analysis" },
  { id: "researchers", zh: "方法", en: "Methods" },
  { id: "grouper", zh: "分组", en: "Grouper" },
];

/** Every page but the institution page (/hospital?id=…, reached from the others); slug "" is the overview (index). */
export const sitePages = [
  { slug: "", section: "leaders", zh: "总览", en: "Overview" },
  { slug: "trend", section: "leaders", zh: "基金与预算", en: "Fund and budget" },
  { slug: "dip-vs-drg", section: "leaders", zh: "DRG 与 DIP", en: "DRG vs DIP" },
  { slug: "outpatient", section: "leaders", zh: "门诊总览", en: "Outpatient" },
  { slug: "casemix", section: "analysts", zh: "病例组合", en: "Case mix" },
  { slug: "rw-intervals", section: "analysts", zh: "RW区间", en: "RW intervals" },
  { slug: "cost", section: "analysts", zh: "每权重费用", en: "Cost per weight" },
  { slug: "settlement", section: "analysts", zh: "点数结算", en: "Point settlement" },
  { slug: "hospitals", section: "analysts", zh: "医院", en: "Hospitals" },
  { slug: "signals", section: "analysts", zh: "监测信号", en: "Monitoring signals" },
  { slug: "signal", section: "analysts", zh: "信号详情", en: "Signal detail" },
  { slug: "dip", section: "analysts", zh: "DIP 概览", en: "DIP overview" },
  { slug: "dip-settlement", section: "analysts", zh: "DIP 结算", en: "DIP settlement" },
  { slug: "apg", section: "analysts", zh: "门诊APG", en: "Outpatient APG" },
  { slug: "capitation", section: "analysts", zh: "人头包干", en: "Per-capita packages" },
  { slug: "methods", section: "researchers", zh: "方法与参数", en: "Methods and parameters" },
  { slug: "quality", section: "researchers", zh: "数据质量", en: "Data quality" },
  { slug: "sql", section: "researchers", zh: "SQL 查询", en: "SQL query" },
  { slug: "grouper", section: "grouper", zh: "病例分组", en: "Group a case" },
];

/** The language of a page path ("/en/…" is English). */
export function languageOf(path) {
  return path === "/en" || path.startsWith("/en/") ? "en" : "zh";
}

/** The absolute site path of a page in a language ("" slug: the overview). */
export function pagePath(slug, lang) {
  const prefix = lang === "en" ? "/en/" : "/";
  return slug === "" ? prefix : `${prefix}${slug}`;
}

/** The same page in the other language, from a Framework page path ("/index", "/en/casemix", "/hospital"). */
export function counterpartPath(path) {
  const clean = path.replace(/(^|\/)index$/, "$1");
  if (languageOf(path) === "en") return clean.slice("/en".length) || "/";
  return `/en${clean}`;
}

/** The slug of a page path, for marking the current page in the nav. */
export function slugOf(path) {
  const rest = languageOf(path) === "en" ? path.slice("/en".length) : path;
  const slug = rest.replace(/^\//, "").replace(/(^|\/)index$/, "");
  return slug === "hospital" ? "hospitals" : slug;
}

/**
 * A relative link from a page at `depth` folders below the root to a site path; pages build links at
 * run time (Framework rewrites only the links written in markdown and the header).
 */
export function relativeHref(depth, sitePath) {
  const up = depth === 0 ? "./" : "../".repeat(depth);
  return up + sitePath.replace(/^\//, "");
}

/**
 * The institution page of a hospital: one page per language that reads the hospital from its address
 * (/hospital?id=H0001), so the site's pages and build time do not grow with the number of institutions.
 */
export function hospitalPath(id, lang) {
  return `${lang === "en" ? "/en" : ""}/hospital?id=${encodeURIComponent(id)}`;
}

/** The hospital id an institution page's address names (its query string, e.g. "?id=H0001"), or null. */
export function hospitalIdOf(search) {
  const id = new URLSearchParams(search).get("id");
  return id == null || id.trim() === "" ? null : id;
}
