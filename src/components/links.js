// Links a page builds at run time, relative to where the page sits (`depth` folders below the
// site's root: 0 for /casemix and /hospital, 1 for /en/casemix and /en/hospital).
import { el } from "./dom.js";
import { hospitalPath, pagePath, relativeHref } from "./site.js";

export function hospitalLink(id, name, lang, depth) {
  const text = name ?? String(id);
  return el("a", { href: relativeHref(depth, hospitalPath(String(id), lang)) }, text);
}

export function pageLink(slug, text, lang, depth) {
  return el("a", { href: relativeHref(depth, pagePath(slug, lang)) }, text);
}
