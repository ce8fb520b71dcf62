// Observable Framework configuration. The site must never request another host: no global
// stylesheets (the default pulls web fonts), our own stylesheet (Framework's default theme and
// Inputs' CSS, both served locally), and only bare imports from node_modules in pages.
export default {
  title: "drg-monitor",
  root: "src",
  output: process.env.DRG_OUTPUT ?? "dist", // tests build elsewhere
  style: "style.css",
  globalStylesheets: [],
  search: false,
  pager: false,
  footer: "drg-monitor · DRG/DIP/APG fund monitoring · static report built from the bureau's claims",
  pages: [{ name: "Fund overview", path: "/" }],
};
