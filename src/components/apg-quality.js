// The outpatient part of the data-quality page: how the visits were grouped each year (own key group,
// folded to chapter or class, upstream code, no group) and the outpatient grouping rate (metrics.md §8),
// and the concordance with upstream apg_code where the input gives one.
import * as Plot from "@observablehq/plot";
import { chartCard, el } from "./dom.js";
import { formatNumber, formatPercent, formatYear } from "./format.js";

const levels = ["key", "upstream", "chapter", "class", "none"];
const levelColors = ["#4269d0", "#6cc5b0", "#efb118", "#ff725c", "#9c9c9c"];

export function outpatientGroupingSection(grouping, concordance, t, lang) {
  const rows = grouping.rows;
  if (!rows.length) return el("section", {}, el("h2", {}, t("opQualityHeading")), el("p", { class: "muted" }, t("opQualityNone")));
  const byYearLevel = new Map();
  for (const r of rows) {
    const k = `${r.year}|${r.level}`;
    const e = byYearLevel.get(k) ?? { year: r.year, level: r.level, visits: 0, excluded: 0, rate: r.grouping_rate };
    e.visits += r.visits;
    e.excluded += r.excluded_visits;
    byYearLevel.set(k, e);
  }
  const long = [...byYearLevel.values()];
  const years = [...new Set(long.map((r) => r.year))].sort();
  const totals = new Map(years.map((y) => [y, long.filter((r) => r.year === y).reduce((s, r) => s + r.visits, 0)]));
  const last = years.at(-1);
  const lastRows = long.filter((r) => r.year === last);
  const folded = lastRows.filter((r) => r.level === "chapter" || r.level === "class").reduce((s, r) => s + r.visits, 0);
  const excluded = lastRows.reduce((s, r) => s + r.excluded, 0);
  const card = chartCard({
    t,
    filename: "outpatient-grouping-by-year",
    dataset: "apg_grouping",
    datasetUrl: grouping.url,
    data: () => rows,
    render: (width) =>
      Plot.plot({
        title: t("opQualityTitle", { year: formatYear(last, lang), rate: formatPercent(lastRows[0]?.rate), folded: formatPercent(folded / totals.get(last)), excluded: formatNumber(excluded, 0, lang) }),
        subtitle: t("opQualitySubtitle"),
        width,
        height: 260,
        x: { type: "band", label: t("axisYear"), tickFormat: String },
        y: { label: t("opQualityAxis"), tickFormat: (v) => `${Math.round(v * 100)}%`, domain: [0, 1] },
        color: { domain: levels, range: levelColors, legend: true, tickFormat: (l) => t(`apgLevel_${l}`) },
        marks: [
          Plot.barY(long, { x: "year", y: (d) => d.visits / totals.get(d.year), fill: "level", order: levels, tip: true, title: (d) => `${formatYear(d.year, lang)} ${t(`apgLevel_${d.level}`)}\n${t("apgVisits")} ${formatNumber(d.visits, 0, lang)} (${formatPercent(d.visits / totals.get(d.year))})\n${t("groupingRate")} ${formatPercent(d.rate)}` }),
        ],
      }),
    note: t("opQualityNote"),
  });
  const total = concordance?.rows.find((r) => r.kind === "total");
  return el("section", { class: "outpatient-quality" },
    el("h2", {}, t("opQualityHeading")),
    card,
    total && total.visits ? el("p", {}, t("opConcordance", { n: formatNumber(total.visits, 0, lang), share: formatPercent(total.share, 2) })) : el("p", { class: "muted" }, t("opConcordanceNone")),
  );
}
