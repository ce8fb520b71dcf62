// Observable Framework configuration. The site must never request another host: no global
// stylesheets (the default pulls web fonts), our own stylesheet (Framework's default theme and
// Inputs' CSS, both served locally), and only bare imports from node_modules in pages.
//
// Every page exists in Chinese (the default, at /<page>) and English (/en/<page>); the header is the
// navigation: the current language's pages by section and one link to the same page in the other
// language (src/components/nav.js). One institution page per language (/hospital?id=…, /en/hospital?id=…)
// reads the hospital from its address: the build does not grow with the number of institutions.
import { siteHeader } from "./src/components/nav.js";

export default {
  title: "DRG 基金监测 · DRG fund monitor",
  root: "src",
  output: process.env.DRG_OUTPUT ?? "dist", // tests build elsewhere
  style: "style.css",
  globalStylesheets: [],
  search: false,
  pager: false,
  sidebar: false,
  toc: false,
  pages: [],
  // No favicon request (the browser would ask /favicon.ico and log a 404).
  head: '<link rel="icon" href="data:,">',
  header: ({ path }: { path: string }) => siteHeader(path),
  footer: "drg-monitor · DRG/DIP/APG 基金监测 · fund monitoring · 由医保局结算数据生成的静态报告 / static report built from the bureau's claims",
};
