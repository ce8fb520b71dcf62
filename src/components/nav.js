// The site header: the current language's pages by section, and one link to the same page in the
// other language. Rendered at build time by the config's `header` function (Framework rewrites the
// absolute links in it relative to each page).
import { counterpartPath, languageOf, pagePath, sections, sitePages, slugOf } from "./site.js";

const brand = { zh: "DRG 基金监测", en: "DRG fund monitor" };
const switchLabel = { zh: "English", en: "中文" };
const navLabel = { zh: "页面", en: "Pages" };

export function siteHeader(path) {
  const lang = languageOf(path);
  const other = lang === "zh" ? "en" : "zh";
  const current = slugOf(path);
  const groups = sections.map((section) => {
    const links = sitePages
      .filter((p) => p.section === section.id)
      .map((p) => `<a href="${pagePath(p.slug, lang)}"${p.slug === current ? ' aria-current="page"' : ""}>${p[lang]}</a>`)
      .join("");
    return `<span class="nav-section"><span class="nav-section-name">${section[lang]}</span>${links}</span>`;
  });
  return `<nav class="site-nav" aria-label="${navLabel[lang]}">` +
    `<a class="brand" href="${pagePath("", lang)}">${brand[lang]}</a>` +
    groups.join("") +
    `<a class="lang-switch" href="${counterpartPath(path)}" hreflang="${other === "zh" ? "zh-CN" : "en"}" lang="${other === "zh" ? "zh-CN" : "en"}">${switchLabel[lang]}</a>` +
    `</nav>`;
}
