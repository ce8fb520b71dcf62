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

/** Every page but the per-hospital ones; slug "" is the overview (index). */
export const sitePages = [
  { slug: "", section: "leaders", zh: "总览", en: "Overview" },
  { slug: "trend", section: "leaders", zh: "基金与预算", en: "Fund and budget" },
  { slug: "outpatient", section: "leaders", zh: "门诊总览", en: "Outpatient" },
  { slug: "casemix", section: "analysts", zh: "病例组合", en: "Case mix" },
  { slug: "rw-intervals", section: "analysts", zh: "RW区间", en: "RW intervals" },
  { slug: "cost", section: "analysts", zh: "每权重费用", en: "Cost per weight" },
  { slug: "settlement", section: "analysts", zh: "点数结算", en: "Point settlement" },
  { slug: "hospitals", section: "analysts", zh: "医院", en: "Hospitals" },
  { slug: "apg", section: "analysts", zh: "门诊APG", en: "Outpatient APG" },
  { slug: "capitation", section: "analysts", zh: "人头包干", en: "Per-capita packages" },
  { slug: "methods", section: "researchers", zh: "方法与参数", en: "Methods and parameters" },
  { slug: "quality", section: "researchers", zh: "数据质量", en: "Data quality" },
  { slug: "grouper", section: "grouper", zh: "病例分组", en: "Group a case" },
];

/** A hospital id that can name a page file and a URL segment as it is. */
export function isPageSafeId(id) {
  return typeof id === "string" && /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]*$/u.test(id);
}

/** The language of a page path ("/en/…" is English). */
export function languageOf(path) {
  return path === "/en" || path.startsWith("/en/") ? "en" : "zh";
}

/** The absolute site path of a page in a language ("" slug: the overview). */
export function pagePath(slug, lang) {
  const prefix = lang === "en" ? "/en/" : "/";
  return slug === "" ? prefix : `${prefix}${slug}`;
}

/** The same page in the other language, from a Framework page path ("/index", "/en/casemix", "/hospital/H01"). */
export function counterpartPath(path) {
  const clean = path.replace(/(^|\/)index$/, "$1");
  if (languageOf(path) === "en") return clean.slice("/en".length) || "/";
  return `/en${clean}`;
}

/** The slug of a page path, for marking the current page in the nav. */
export function slugOf(path) {
  const rest = languageOf(path) === "en" ? path.slice("/en".length) : path;
  const slug = rest.replace(/^\//, "").replace(/(^|\/)index$/, "");
  return slug.startsWith("hospital/") ? "hospitals" : slug;
}

/**
 * A relative link from a page at `depth` folders below the root to a site path; pages build links at
 * run time (Framework rewrites only the links written in markdown and the header).
 */
export function relativeHref(depth, sitePath) {
  const up = depth === 0 ? "./" : "../".repeat(depth);
  return up + sitePath.replace(/^\//, "");
}

export function hospitalPath(id, lang) {
  return `${lang === "en" ? "/en" : ""}/hospital/${encodeURIComponent(id)}`;
}
