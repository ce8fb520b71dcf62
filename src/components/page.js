// What every page starts with: its language on the document (so Chinese text gets Chinese glyphs and
// screen readers the right voice), its title and a one-line lead.
import { el } from "./dom.js";

export function pageHeader(title, lead, lang) {
  setLanguage(lang);
  return el("header", { class: "page-header" }, el("h1", {}, title), lead ? el("p", { class: "lead" }, lead) : null);
}

export function setLanguage(lang) {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
}
