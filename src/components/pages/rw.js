// Analysts' RW-interval page (分析 · RW区间): how fund money is spread over RW intervals year by year,
// and the period comparison of metrics.md §4 for any two periods chosen on the page (from the monthly
// × interval dataset), in the shape of the Shanghai hospital's Jan–Jun 2019 vs Jan–Jun 2021 table.
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import { chartCard, dataTable, el, filterBar } from "../dom.js";
import { distinct, loadDatasets } from "../data.js";
import { onChange } from "../filters.js";
import { formatChange, formatMoney, formatMonthSpan, formatNumber, formatPercent, formatYear } from "../format.js";
import { periodChange, sumPeriod } from "../formulas.js";
import { translator } from "../i18n.js";
import { pageHeader } from "../page.js";

const measures = ["fund_share", "case_share", "cost_share"];

/** An interval as readers write it: "[5,inf)" → "[5,∞)". */
const intervalText = (interval) => String(interval).replace("inf", "∞");

export async function rwPage(files, { lang }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const byYear = data.rw_intervals.rows;
  const monthly = data.rw_interval_month.rows;
  const intervals = orderIntervals(byYear.length ? byYear : monthly);

  const measureInput = Inputs.radio(measures, { label: t("filterMeasure"), value: "fund_share", format: (m) => t(m) });
  const distribution = distributionCard(byYear, intervals, measureInput, data.rw_intervals.url, t, lang);
  onChange([measureInput], () => distribution.update());

  // Period comparison: default periods are those of the published rw_interval_comparison (metrics.md §4).
  const months = distinct(monthly, "month");
  const defaults = data.rw_interval_comparison.rows[0];
  const [aFrom, aTo] = (defaults?.period_a ?? "").split("..");
  const [bFrom, bTo] = (defaults?.period_b ?? "").split("..");
  const pick = (label, value, fallback) => Inputs.select(months, { label: t(label), value: months.includes(value) ? value : fallback, format: String });
  const inputs = {
    aFrom: pick("periodAFrom", aFrom, months[0]),
    aTo: pick("periodATo", aTo, months[Math.min(5, months.length - 1)]),
    bFrom: pick("periodBFrom", bFrom, months[Math.max(0, months.length - 6)]),
    bTo: pick("periodBTo", bTo, months.at(-1)),
  };
  const comparison = () => compare(monthly, intervals, inputs.aFrom.value, inputs.aTo.value, inputs.bFrom.value, inputs.bTo.value);
  const spans = () => ({ a: formatMonthSpan(inputs.aFrom.value, inputs.aTo.value, lang), b: formatMonthSpan(inputs.bFrom.value, inputs.bTo.value, lang) });
  const changeCard = chartCard({
    t,
    filename: "rw-interval-period-comparison",
    dataset: "rw_interval_month",
    datasetUrl: data.rw_interval_month.url,
    data: () => comparison().map(({ interval, cases_a, cases_b, fund_paid_a, fund_paid_b, fund_share_a, fund_share_b, fund_change }) => ({ interval, period_a: `${inputs.aFrom.value}..${inputs.aTo.value}`, period_b: `${inputs.bFrom.value}..${inputs.bTo.value}`, cases_a, cases_b, fund_paid_a, fund_paid_b, fund_share_a, fund_share_b, fund_change })),
    render: (width) => {
      const rows = comparison();
      const { a, b } = spans();
      const ranked = rows.filter((r) => r.fund_change != null).sort((x, y) => y.fund_change - x.fund_change);
      const total = periodChange(rows.reduce((s, r) => s + r.fund_paid_a, 0), rows.reduce((s, r) => s + r.fund_paid_b, 0));
      return Plot.plot({
        title: ranked.length
          ? t("comparisonTitle", { a, b, top: intervalText(ranked[0].interval), topChange: formatChange(ranked[0].fund_change), bottom: intervalText(ranked.at(-1).interval), bottomChange: formatChange(ranked.at(-1).fund_change) })
          : t("noData"),
        subtitle: t("comparisonSubtitle", { total: formatChange(total) }),
        width,
        height: 320,
        marginLeft: 70,
        x: { label: t("axisFundChange"), grid: true, tickFormat: (v) => `${Math.round(v * 100)}%` },
        y: { label: t("axisRwInterval"), domain: intervals, tickFormat: intervalText },
        color: { type: "ordinal", domain: [true, false], range: ["var(--theme-red)", "var(--theme-green)"] },
        marks: [
          Plot.barX(rows.filter((r) => r.fund_change != null), { x: "fund_change", y: "interval", fill: (d) => d.fund_change > 0, tip: true, title: (d) => `RW ${intervalText(d.interval)}\n${a}: ${formatMoney(d.fund_paid_a, lang)} (${formatPercent(d.fund_share_a)})\n${b}: ${formatMoney(d.fund_paid_b, lang)} (${formatPercent(d.fund_share_b)})\n${t("change")} ${formatChange(d.fund_change)}` }),
          Plot.ruleX([0]),
        ],
      });
    },
  });

  const tableHolder = el("div");
  const renderTable = () => {
    const { a, b } = spans();
    tableHolder.replaceChildren(
      dataTable(comparison(), [
        { key: "interval", label: t("colRwInterval"), align: "left", format: intervalText },
        { key: "cases_a", label: `${t("colCases")} ${a}`, format: (v) => formatNumber(v, 0, lang) },
        { key: "cases_b", label: `${t("colCases")} ${b}`, format: (v) => formatNumber(v, 0, lang) },
        { key: "fund_paid_a", label: `${t("colFundPaid")} ${a}`, format: (v) => formatMoney(v, lang) },
        { key: "fund_paid_b", label: `${t("colFundPaid")} ${b}`, format: (v) => formatMoney(v, lang) },
        { key: "fund_share_a", label: `${t("colFundShare")} ${a}`, format: (v) => formatPercent(v) },
        { key: "fund_share_b", label: `${t("colFundShare")} ${b}`, format: (v) => formatPercent(v) },
        { key: "fund_change", label: t("colFundChange"), format: (v) => formatChange(v) },
      ]),
    );
  };
  renderTable();
  onChange(Object.values(inputs), () => {
    changeCard.update();
    renderTable();
  });

  return el("div", { class: "page rw" },
    pageHeader(t("rwTitle"), t("rwLead"), lang),
    filterBar(measureInput),
    distribution,
    el("h2", {}, t("comparisonHeading")),
    filterBar(inputs.aFrom, inputs.aTo, inputs.bFrom, inputs.bTo),
    changeCard,
    tableHolder,
  );
}

/** Intervals in the order of their lower bound (the dataset's own order). */
function orderIntervals(rows) {
  const bounds = new Map();
  for (const r of rows) if (!bounds.has(r.interval)) bounds.set(r.interval, r.lower ?? 0);
  return [...bounds.entries()].sort((a, b) => a[1] - b[1]).map(([interval]) => interval);
}

/** metrics.md §4 for two periods: sums per interval, shares of each period, change (B − A) / A. */
function compare(monthly, intervals, aFrom, aTo, bFrom, bTo) {
  const fields = ["cases", "total_cost", "fund_paid"];
  const a = sumPeriod(monthly, aFrom, aTo, (r) => r.interval, fields);
  const b = sumPeriod(monthly, bFrom, bTo, (r) => r.interval, fields);
  const total = (m) => [...m.values()].reduce((s, v) => s + v.fund_paid, 0);
  const totalA = total(a);
  const totalB = total(b);
  return intervals.map((interval) => {
    const x = a.get(interval) ?? { cases: 0, total_cost: 0, fund_paid: 0 };
    const y = b.get(interval) ?? { cases: 0, total_cost: 0, fund_paid: 0 };
    return {
      interval,
      cases_a: x.cases,
      cases_b: y.cases,
      fund_paid_a: x.fund_paid,
      fund_paid_b: y.fund_paid,
      fund_share_a: totalA ? x.fund_paid / totalA : null,
      fund_share_b: totalB ? y.fund_paid / totalB : null,
      fund_change: periodChange(x.fund_paid, y.fund_paid),
    };
  });
}

function distributionCard(rows, intervals, measureInput, url, t, lang) {
  const high = (r) => (r.lower ?? 0) >= 2;
  const years = distinct(rows, "year");
  return chartCard({
    t,
    filename: "rw-intervals-by-year",
    dataset: "rw_intervals",
    datasetUrl: url,
    data: () => rows.map(({ year, interval, cases, total_cost, fund_paid, fund_share, case_share, cost_share }) => ({ year, interval, cases, total_cost, fund_paid, fund_share, case_share, cost_share })),
    render: (width) => {
      const measure = measureInput.value;
      const shareOf = (year) => rows.filter((r) => r.year === year && high(r)).reduce((s, r) => s + (r[measure] ?? 0), 0);
      const first = years[0];
      const last = years.at(-1);
      return Plot.plot({
        title: years.length ? t("distributionTitle", { measure: t(measure), first: formatYear(first, lang), last: formatYear(last, lang), a: formatPercent(shareOf(first)), b: formatPercent(shareOf(last)) }) : t("noData"),
        subtitle: t("distributionSubtitle"),
        width,
        height: 340,
        marginLeft: 48,
        x: { type: "band", label: t("axisYear"), tickFormat: String },
        y: { label: t("axisShare", { measure: t(measure) }), grid: true, tickFormat: (v) => `${Math.round(v * 100)}%` },
        color: { legend: true, domain: intervals, scheme: "viridis", label: t("axisRwInterval"), tickFormat: intervalText },
        marks: [
          Plot.barY(rows, { x: "year", y: measure, fill: "interval", order: intervals, tip: true, title: (d) => `${formatYear(d.year, lang)} RW ${intervalText(d.interval)}\n${t(measure)} ${formatPercent(d[measure])}\n${t("cases")} ${formatNumber(d.cases, 0, lang)}\n${t("fundPaid")} ${formatMoney(d.fund_paid, lang)}` }),
          Plot.ruleY([0]),
        ],
      });
    },
  });
}
