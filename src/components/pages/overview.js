// Leaders' overview (趋势 · 总览): readable in a minute. Six KPI cards with their change and history,
// two sentences generated from the data saying what moved, and the fund against its pre-reform trend.
import * as Plot from "@observablehq/plot";
import { chartCard, el } from "../dom.js";
import { loadDatasets, parameter } from "../data.js";
import { formatChange, formatDelta, formatMoney, formatMonth, formatNumber, formatPercent, formatPoints, formatYear, moneyUnit, timeTickFormat } from "../format.js";
import { growth, periodChange, yearToDate } from "../formulas.js";
import { translator } from "../i18n.js";
import { directionOf, kpiCard } from "../kpi.js";
import { fundSummary, fundSentence, efficiencySentence } from "../story.js";
import { pageHeader } from "../page.js";

export async function overviewPage(files, { lang }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const fundYear = data.fund_year.rows;
  const fundMonth = data.fund_month.rows;
  const region = data.region_year.rows;
  const settlement = data.settlement_year.rows;
  const reformYear = Number(parameter(data.parameters.rows, "reformYear")) || null;

  const inpatient = fundSummary(fundYear, fundMonth, "inpatient", reformYear);
  const outpatient = fundSummary(fundYear, fundMonth, "outpatient", Number(parameter(data.parameters.rows, "outpatientReformYear")) || reformYear);
  const latestRegion = region.at(-1);
  const priorRegion = region.at(-2);
  const latestSettlement = settlement.at(-1);
  const priorSettlement = settlement.at(-2);

  const cards = [
    fundCard(inpatient, "inpatient", t, lang),
    fundCard(outpatient, "outpatient", t, lang),
    savingsCard(inpatient, reformYear, t, lang),
    latestRegion
      ? kpiCard({
          label: t("kpiCmi", { year: formatYear(latestRegion.year, lang) }),
          value: formatNumber(latestRegion.cmi, 3, lang),
          change: priorRegion && { text: formatDelta(latestRegion.cmi - priorRegion.cmi, 3), direction: directionOf(latestRegion.cmi - priorRegion.cmi), label: t("vsYearBefore") },
          series: region.map((r) => ({ x: r.year, y: r.cmi, title: `${formatYear(r.year, lang)} CMI ${formatNumber(r.cmi, 3, lang)}` })),
        })
      : null,
    latestRegion
      ? kpiCard({
          label: t("kpiCostPerWeight", { year: formatYear(latestRegion.year, lang) }),
          value: formatMoney(latestRegion.cost_per_weight, lang),
          change: priorRegion && changeOf(latestRegion.cost_per_weight, priorRegion.cost_per_weight, t),
          series: region.map((r) => ({ x: r.year, y: r.cost_per_weight, title: `${formatYear(r.year, lang)} ${formatMoney(r.cost_per_weight, lang)}` })),
        })
      : null,
    latestSettlement
      ? kpiCard({
          label: t("kpiSettlementRate", { year: formatYear(latestSettlement.year, lang) }),
          value: formatPercent(latestSettlement.settlement_rate),
          change: priorSettlement && {
            text: formatPoints(latestSettlement.settlement_rate - priorSettlement.settlement_rate, lang),
            direction: directionOf(latestSettlement.settlement_rate - priorSettlement.settlement_rate),
            label: t("vsYearBefore"),
          },
          series: settlement.map((r) => ({ x: r.year, y: r.settlement_rate, title: `${formatYear(r.year, lang)} ${formatPercent(r.settlement_rate)}` })),
          note: latestSettlement.hospitals ? t("hospitalsAboveOne", { n: latestSettlement.hospitals_above_one, total: latestSettlement.hospitals }) : null,
        })
      : null,
  ];

  const sentences = [fundSentence(inpatient, reformYear, lang), efficiencySentence(region, settlement, lang)].filter(Boolean);

  return el("div", { class: "page overview" },
    pageHeader(t("overviewTitle"), t("overviewLead"), lang),
    el("div", { class: "story" }, sentences.map((s) => el("p", {}, s))),
    el("div", { class: "grid grid-cols-3 kpis" }, cards),
    el("div", { class: "grid grid-cols-2" },
      trendCard(fundYear, reformYear, data.fund_year.url, t, lang),
      yoyCard(fundMonth, data.fund_month.url, t, lang)),
  );
}

function changeOf(current, previous, t) {
  const g = growth(current, previous);
  return { text: formatChange(g), direction: directionOf(g), label: t("vsYearBefore") };
}

function fundCard(summary, setting, t, lang) {
  if (!summary) return kpiCard({ label: t(`kpiFund_${setting}`, { year: "" }), value: t("noData") });
  const { latest, ytd, rows } = summary;
  const partial = latest.months < 12 && ytd;
  return kpiCard({
    label: t(`kpiFund_${setting}`, { year: partial ? t("yearToDate", { year: ytd.year, month: Number(ytd.to.slice(5)) }) : formatYear(latest.year, lang) }),
    value: formatMoney(partial ? ytd.fund_paid : latest.fund_paid, lang),
    change: { text: formatChange(partial ? ytd.growth : latest.yoy), direction: directionOf(partial ? ytd.growth : latest.yoy), label: partial ? t("vsSameMonths") : t("vsYearBefore") },
    series: rows.map((r) => ({ x: r.year, y: r.fund_paid, title: `${formatYear(r.year, lang)} ${formatMoney(r.fund_paid, lang)}${r.months < 12 ? ` (${t("monthsOnly", { n: r.months })})` : ""}` })),
  });
}

function savingsCard(summary, reformYear, t, lang) {
  const withSavings = summary?.rows.filter((r) => r.cumulative_savings != null) ?? [];
  if (!reformYear || !withSavings.length) {
    return kpiCard({ label: t("kpiSavings"), value: "—", note: reformYear ? t("noBaseline", { year: reformYear }) : t("noReformYear") });
  }
  const latest = withSavings.at(-1);
  return kpiCard({
    label: t("kpiSavingsSince", { year: reformYear }),
    value: formatMoney(latest.cumulative_savings, lang),
    change: { text: formatMoney(latest.savings, lang), direction: directionOf(latest.savings), label: t("savedInYear", { year: formatYear(latest.year, lang) }) },
    series: withSavings.map((r) => ({ x: r.year, y: r.cumulative_savings, title: `${formatYear(r.year, lang)} ${formatMoney(r.cumulative_savings, lang)}` })),
    note: t("baselineGrowth", { g: formatPercent(latest.baseline_growth) }),
  });
}

/** Annual inpatient fund spend against the pre-reform trend (metrics.md §5). */
function trendCard(fundYear, reformYear, url, t, lang) {
  const rows = fundYear.filter((r) => r.setting === "inpatient");
  const latest = rows.filter((r) => r.expected != null).at(-1);
  const title = latest
    ? t(latest.fund_paid <= latest.expected ? "trendTitleBelow" : "trendTitleAbove", {
        year: formatYear(latest.year, lang),
        pct: formatPercent(Math.abs(periodChange(latest.expected, latest.fund_paid))),
      })
    : rows.length
      ? t("trendTitlePlain", { year: formatYear(rows.at(-1).year, lang), value: formatMoney(rows.at(-1).fund_paid, lang) })
      : t("noData");
  const { factor, unit } = moneyUnit(rows.flatMap((r) => [r.fund_paid, r.expected]), lang);
  const expected = rows.filter((r) => r.expected != null);
  return chartCard({
    t,
    filename: "inpatient-fund-vs-trend",
    dataset: "fund_year",
    datasetUrl: url,
    data: () => rows.map(({ year, fund_paid, expected, savings, yoy }) => ({ year, fund_paid, expected, savings, yoy })),
    render: (width) =>
      Plot.plot({
        title,
        subtitle: reformYear ? t("trendSubtitle", { year: reformYear }) : null,
        width,
        height: 300,
        marginLeft: 56,
        x: { type: "band", label: t("axisYear"), tickFormat: (y) => String(y) },
        y: { grid: true, label: t("axisFund", { unit }) },
        color: { legend: true, domain: [t("actual"), t("expectedTrend")], range: ["var(--theme-foreground-focus)", "var(--theme-foreground-muted)"] },
        marks: [
          Plot.barY(rows, { x: "year", y: (d) => d.fund_paid / factor, fill: () => t("actual"), fillOpacity: 0.8, title: (d) => `${formatYear(d.year, lang)}\n${t("actual")} ${formatMoney(d.fund_paid, lang)}${d.expected != null ? `\n${t("expectedTrend")} ${formatMoney(d.expected, lang)}` : ""}\n${t("yoy")} ${formatChange(d.yoy)}`, tip: true }),
          Plot.lineY(expected, { x: "year", y: (d) => d.expected / factor, stroke: () => t("expectedTrend"), strokeDasharray: "4 3", strokeWidth: 2 }),
          Plot.dot(expected, { x: "year", y: (d) => d.expected / factor, stroke: () => t("expectedTrend"), fill: "var(--theme-background)" }),
          reformYear ? Plot.ruleX([reformYear], { x: (d) => d, stroke: "var(--theme-foreground-faint)", dx: 0, strokeDasharray: "2 2" }) : null,
          Plot.ruleY([0]),
        ],
      }),
  });
}

/** Monthly YoY growth of fund spend, inpatient and outpatient (metrics.md §5). */
function yoyCard(fundMonth, url, t, lang) {
  const rows = fundMonth.filter((r) => r.yoy != null).map((r) => ({ ...r, date: new Date(`${r.month}-01`), setting_label: t(r.setting) }));
  const last = (setting) => rows.filter((r) => r.setting === setting).at(-1);
  const ip = last("inpatient");
  const op = last("outpatient");
  const title = ip
    ? t(op ? "yoyTitleBoth" : "yoyTitleInpatient", { month: formatMonth(ip.month, lang), ip: formatChange(ip.yoy), op: formatChange(op?.yoy) })
    : t("noData");
  return chartCard({
    t,
    filename: "fund-yoy-by-month",
    dataset: "fund_month",
    datasetUrl: url,
    data: () => rows.map(({ setting, month, fund_paid, yoy }) => ({ setting, month, fund_paid, yoy })),
    render: (width) =>
      Plot.plot({
        title,
        subtitle: t("yoySubtitle"),
        width,
        height: 300,
        marginLeft: 48,
        x: { type: "utc", label: t("axisMonth"), tickFormat: timeTickFormat(lang) },
        y: { grid: true, label: t("axisYoy"), tickFormat: (v) => `${Math.round(v * 100)}%` },
        color: { legend: true },
        marks: [
          Plot.ruleY([0]),
          Plot.lineY(rows, { x: "date", y: "yoy", stroke: "setting_label", curve: "monotone-x" }),
          Plot.tip(rows, Plot.pointerX({ x: "date", y: "yoy", stroke: "setting_label", title: (d) => `${d.setting_label} ${d.month}\n${t("yoy")} ${formatChange(d.yoy)}\n${formatMoney(d.fund_paid, lang)}` })),
        ],
      }),
  });
}
