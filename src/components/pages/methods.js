// Researchers' methods page (方法 · 方法与参数): every formula (metrics.md §1–§6) with the parameter values
// of this build filled in, the parameter table, the input files' fingerprints, the software versions and
// a download link for every published dataset.
import * as Plot from "@observablehq/plot";
import { chartCard, dataTable, el } from "../dom.js";
import { loadDatasets } from "../data.js";
import { formatNumber, formatPercent } from "../format.js";
import { translator } from "../i18n.js";
import { methodSections } from "../methods-text.js";
import { pageHeader } from "../page.js";

export async function methodsPage(files, { lang }) {
  const t = translator(lang);
  const { datasets: datasetFiles, ...rest } = files;
  const data = await loadDatasets(rest);
  const metadata = data.metadata.json;
  const parameters = data.parameters.rows;
  const values = Object.fromEntries(parameters.map((p) => [p.name, p.value == null || p.value === "" ? t("notSet") : String(p.value)]));

  const sections = methodSections.map((section) =>
    el("section", { class: "method", id: section.id },
      el("h3", {}, section.title[lang]),
      el("ul", {}, section.items.map((item) => el("li", {}, richText(fill(item[lang], values))))),
    ),
  );

  const parameterTable = dataTable(parameters, [
    { key: "name", label: t("colParameter"), align: "left", format: (v) => el("span", {}, t(`param_${v}`), " ", el("code", {}, v)) },
    { key: "value", label: t("colValue"), align: "left", format: (v) => (v == null || v === "" ? t("notSet") : el("code", {}, String(v))) },
    { key: "section", label: t("colDefinedIn"), align: "left" },
  ]);

  const inputTable = dataTable(data.input_files.rows, [
    { key: "table", label: t("colTable"), align: "left", format: (v) => el("code", {}, v) },
    { key: "file", label: t("colFile"), align: "left" },
    { key: "rows_read", label: t("colRowsRead"), format: (v) => formatNumber(v, 0, lang) },
    { key: "sha256", label: "SHA-256", align: "left", format: (v) => el("code", { class: "hash" }, v) },
  ]);

  const software = [
    { component: "drg-monitor", version: metadata.version },
    { component: "DuckDB", version: metadata.duckdb },
    ...Object.entries(metadata.site ?? {}).map(([component, version]) => ({ component, version })),
  ];
  const softwareTable = dataTable(software, [
    { key: "component", label: t("colComponent"), align: "left" },
    { key: "version", label: t("colVersion"), align: "left", format: (v) => el("code", {}, v) },
  ]);

  const descriptions = new Map((metadata.datasets ?? []).map((d) => [d.name, d.description]));
  const downloads = Object.entries(datasetFiles).map(([name, url]) => ({ name, url, description: t(`dataset_${name}`, {}, descriptions.get(name) ?? "") }));
  const downloadTable = dataTable(downloads, [
    { key: "name", label: t("colDataset"), align: "left", format: (v, r) => el("a", { href: r.url, download: `${v}.csv`, class: "dataset-link" }, `${v}.csv`) },
    { key: "description", label: t("colDescription"), align: "left" },
  ]);

  return el("div", { class: "page methods" },
    pageHeader(t("methodsTitle"), t("methodsLead"), lang),
    el("h2", {}, t("formulasHeading")),
    sections,
    el("h2", {}, t("parametersHeading")),
    el("div", { class: "scroll-box" }, parameterTable),
    el("div", { class: "grid grid-cols-2" }, rwCard(data.groups, t, lang), baseYearCard(data.weight_base_years, t, lang)),
    data.procedure_classes ? procedureClassCard(data.procedure_classes, t, lang) : null,
    el("h2", {}, t("inputsHeading")),
    el("p", {}, t("inputsLead")),
    el("div", { class: "scroll-box" }, inputTable),
    el("h2", {}, t("softwareHeading")),
    softwareTable,
    el("h2", {}, t("downloadsHeading")),
    el("p", {}, t("downloadsLead")),
    // one row per dataset (forty and more): the tables scroll within themselves, and print whole
    el("div", { class: "scroll-box" }, downloadTable),
  );
}

/** "{name}" → the parameter's value. */
function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (m, name) => values[name] ?? m);
}

/** Text with `code` spans. */
function richText(text) {
  return text.split("`").map((part, i) => (i % 2 ? el("code", { class: "formula" }, part) : part));
}

function rwCard({ rows, url }, t, lang) {
  const weighted = rows.filter((r) => r.rw != null);
  const unstable = weighted.filter((r) => r.unstable === true || r.unstable === "true").length;
  const median = weighted.length ? [...weighted].sort((a, b) => a.rw - b.rw)[Math.floor(weighted.length / 2)].rw : null;
  return chartCard({
    t,
    filename: "relative-weights",
    dataset: "groups",
    datasetUrl: url,
    data: () => weighted.map(({ drg_code, name, rw, rw_source, unstable, cases }) => ({ drg_code, name, rw, rw_source, unstable, cases })),
    render: (width) =>
      Plot.plot({
        title: weighted.length ? t("rwHistogramTitle", { n: weighted.length, median: formatNumber(median, 2, lang), unstable }) : t("noData"),
        subtitle: t("rwHistogramSubtitle"),
        width,
        height: 260,
        x: { label: t("axisRw") },
        y: { label: t("axisGroups"), grid: true },
        marks: [
          Plot.rectY(weighted, Plot.binX({ y: "count", title: (bin) => `${t("groupsCount", { n: bin.length })}\nRW ${formatNumber(Math.min(...bin.map((d) => d.rw)), 2, lang)}–${formatNumber(Math.max(...bin.map((d) => d.rw)), 2, lang)}` }, { x: "rw", thresholds: 30, tip: true, fill: "var(--theme-foreground-focus)" })),
          Plot.ruleY([0]),
        ],
      }),
  });
}

function baseYearCard({ rows, url }, t, lang) {
  const total = rows.reduce((s, r) => s + (r.cases ?? 0), 0);
  const trimmed = rows.reduce((s, r) => s + (r.trimmed_cases ?? 0), 0);
  const long = rows.flatMap((r) => [
    { year: String(r.year), kind: t("keptCases"), cases: r.kept_cases, weight: r.year_weight },
    { year: String(r.year), kind: t("trimmedCases"), cases: r.trimmed_cases, weight: r.year_weight },
  ]);
  return chartCard({
    t,
    filename: "weight-base-years",
    dataset: "weight_base_years",
    datasetUrl: url,
    data: () => rows.map(({ year, year_weight, cases, kept_cases, trimmed_cases, mean_cost, overall_mean }) => ({ year, year_weight, cases, kept_cases, trimmed_cases, mean_cost, overall_mean })),
    render: (width) =>
      Plot.plot({
        title: rows.length ? t("baseYearsTitle", { years: rows.map((r) => r.year).join(t("listSeparator")), weights: rows.map((r) => r.year_weight).join(":"), trimmed: formatPercent(total ? trimmed / total : null) }) : t("baseYearsGiven"),
        subtitle: t("baseYearsSubtitle"),
        width,
        height: 260,
        marginLeft: 56,
        x: { label: t("axisBaseYear"), type: "band" },
        y: { label: t("axisCases"), grid: true },
        color: { legend: true },
        marks: [
          Plot.barY(long, { x: "year", y: "cases", fill: "kind", tip: true, title: (d) => `${d.year} (${t("yearWeight")} ${d.weight})\n${d.kind} ${formatNumber(d.cases, 0, lang)}` }),
          Plot.ruleY([0]),
        ],
      }),
  });
}

/** §7: how many operation and intervention codes the scheme's ADRG own lists give. */
function procedureClassCard({ rows, url }, t, lang) {
  const byClass = ["operation", "intervention"].map((cls) => {
    const codes = rows.filter((r) => r.class === cls);
    return { class: cls, codes: codes.length, adrgs: new Set(codes.flatMap((r) => String(r.adrgs ?? "").split(" ").filter(Boolean))).size };
  });
  const count = (cls) => formatNumber(byClass.find((r) => r.class === cls).codes, 0, lang);
  return el("div", { class: "card procedure-classes" },
    el("h3", {}, t("procedureClassesTitle", { operation: count("operation"), intervention: count("intervention") })),
    dataTable(byClass, [
      { key: "class", label: t("colProcedureClass"), align: "left", format: (v) => t(`class_${v}`) },
      { key: "codes", label: t("colCodes"), format: (v) => formatNumber(v, 0, lang) },
      { key: "adrgs", label: t("colAdrgs"), format: (v) => formatNumber(v, 0, lang) },
    ]),
    el("div", { class: "downloads" }, el("a", { class: "download", href: url, download: "procedure_classes.csv" }, t("downloadDataset", { name: "procedure_classes.csv" }))),
  );
}
