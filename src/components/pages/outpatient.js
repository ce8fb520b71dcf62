// Leaders' outpatient overview (趋势 · 门诊总览): the outpatient fund and its growth before and after the
// outpatient reform, the savings against the pre-reform trend, the per-capita packages' surplus and the
// region's outpatient settlement rate (metrics.md §5, §8). Readable in a minute.
import * as Plot from "@observablehq/plot";
import { chartCard, el } from "../dom.js";
import { loadDatasets, parameter } from "../data.js";
import { formatChange, formatMoney, formatNumber, formatPercent, formatPoints, formatYear, moneyUnit } from "../format.js";
import { translator } from "../i18n.js";
import { directionOf, kpiCard } from "../kpi.js";
import { pageLink } from "../links.js";
import { pageHeader } from "../page.js";
import { fundSummary } from "../story.js";

export async function outpatientPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const fund = data.fund_year.rows.filter((r) => r.setting === "outpatient");
  const region = data.apg_region_year.rows;
  const capitation = data.capitation.rows;
  const reformYear = Number(parameter(data.parameters.rows, "outpatientReformYear") ?? parameter(data.parameters.rows, "reformYear")) || null;
  const last = fund.at(-1);
  const prior = fund.at(-2);
  const lastRegion = region.at(-1);
  const priorRegion = region.at(-2);
  // mean growth before and since the outpatient reform (§5), as the overview computes it
  const summary = fundSummary(data.fund_year.rows, data.fund_month.rows, "outpatient", reformYear);
  const before = summary?.baselineGrowth ?? null;
  const after = summary?.growthSince ?? null;
  const savings = fund.filter((r) => r.cumulative_savings != null).at(-1);
  const lastPackages = capitation.filter((r) => lastRegion && r.year === lastRegion.year);
  const surplusCount = lastPackages.filter((r) => r.surplus > 0).length;

  const cards = el("div", { class: "grid grid-cols-4 kpis" },
    last ? kpiCard({
      label: t("opKpiFund", { year: formatYear(last.year, lang) }),
      value: formatMoney(last.fund_paid, lang),
      change: prior && { text: formatChange(last.yoy), direction: directionOf(last.yoy), label: t("vsYearBefore") },
      series: fund.map((r) => ({ x: r.year, y: r.fund_paid, title: `${formatYear(r.year, lang)} ${formatMoney(r.fund_paid, lang)}` })),
    }) : null,
    before != null && after != null ? kpiCard({
      label: t("opKpiGrowth", { year: formatYear(reformYear, lang) }),
      value: `${formatPercent(before)} → ${formatPercent(after)}`,
      change: { text: formatPoints(after - before, lang), direction: directionOf(after - before), label: t("opGrowthChange") },
      series: fund.filter((r) => r.yoy != null).map((r) => ({ x: r.year, y: r.yoy, title: `${formatYear(r.year, lang)} ${formatChange(r.yoy)}` })),
    }) : null,
    savings ? kpiCard({
      label: t("opKpiSavings", { from: formatYear(reformYear, lang), to: formatYear(savings.year, lang) }),
      value: formatMoney(savings.cumulative_savings, lang),
      note: t("opSavingsNote", { growth: formatPercent(savings.baseline_growth) }),
    }) : null,
    lastRegion ? kpiCard({
      label: t("opKpiSurplus", { year: formatYear(lastRegion.year, lang) }),
      value: formatMoney(lastRegion.surplus, lang),
      note: t("opSurplusNote", { n: surplusCount, total: lastPackages.length, kept: formatMoney(lastRegion.kept_or_borne, lang) }),
      series: region.filter((r) => r.packages > 0).map((r) => ({ x: r.year, y: r.surplus, title: `${formatYear(r.year, lang)} ${formatMoney(r.surplus, lang)}` })),
    }) : null,
    lastRegion ? kpiCard({
      label: t("opKpiRate", { year: formatYear(lastRegion.year, lang) }),
      value: formatPercent(lastRegion.settlement_rate),
      change: priorRegion && { text: formatPoints(lastRegion.settlement_rate - priorRegion.settlement_rate, lang), direction: directionOf(lastRegion.settlement_rate - priorRegion.settlement_rate), label: t("vsYearBefore") },
      series: region.map((r) => ({ x: r.year, y: r.settlement_rate, title: `${formatYear(r.year, lang)} ${formatPercent(r.settlement_rate)}` })),
    }) : null,
  );

  const fundCard = chartCard({
    t,
    filename: "outpatient-fund-by-year",
    dataset: "fund_year",
    datasetUrl: data.fund_year.url,
    data: () => fund.map(({ year, fund_paid, yoy, expected, savings }) => ({ year, fund_paid, yoy, expected, savings })),
    render: (width) => {
      const { factor, unit } = moneyUnit(fund.flatMap((r) => [r.fund_paid, r.expected]), lang);
      return Plot.plot({
        title: before != null && after != null
          ? t("opFundTitle", { year: formatYear(reformYear, lang), before: formatPercent(before), after: formatPercent(after), savings: formatMoney(savings?.cumulative_savings, lang) })
          : t("noData"),
        subtitle: t("opFundSubtitle"),
        width,
        height: 300,
        marginLeft: 56,
        x: { type: "band", label: t("axisYear"), tickFormat: String },
        y: { label: t("axisFund", { unit }, `${unit}`), grid: true },
        marks: [
          Plot.barY(fund, { x: "year", y: (d) => d.fund_paid / factor, fill: (d) => (reformYear && d.year >= reformYear ? "var(--theme-foreground-focus)" : "var(--theme-foreground-faint)"), tip: true, title: (d) => `${formatYear(d.year, lang)}\n${t("fundPaid")} ${formatMoney(d.fund_paid, lang)}\n${t("yoy")} ${formatChange(d.yoy)}${d.expected != null ? `\n${t("opExpected")} ${formatMoney(d.expected, lang)}` : ""}` }),
          Plot.line(fund.filter((d) => d.expected != null), { x: "year", y: (d) => d.expected / factor, stroke: "var(--theme-red)", strokeDasharray: "4 3", marker: "circle" }),
          Plot.text(fund.filter((d) => d.yoy != null), { x: "year", y: (d) => d.fund_paid / factor, text: (d) => formatChange(d.yoy), dy: -8, fontSize: 10 }),
          Plot.ruleY([0]),
        ],
      });
    },
    note: t("opFundNote"),
  });

  const packageCard = chartCard({
    t,
    filename: "packages-by-year",
    dataset: "apg_region_year",
    datasetUrl: data.apg_region_year.url,
    data: () => region.map(({ year, signed_persons, quota, packages, package_spend, surplus, kept_or_borne }) => ({ year, signed_persons, quota, packages, package_spend, surplus, kept_or_borne })),
    render: (width) => {
      const rows = region.filter((r) => r.packages > 0).flatMap((r) => [
        { year: r.year, what: "package", value: r.packages, r },
        { year: r.year, what: "spend", value: r.package_spend, r },
      ]);
      const { factor, unit } = moneyUnit(rows.map((d) => d.value), lang);
      return Plot.plot({
        title: lastRegion && lastRegion.packages > 0
          ? t(lastRegion.surplus >= 0 ? "opPackageSurplusTitle" : "opPackageOverspendTitle", { year: formatYear(lastRegion.year, lang), persons: formatNumber(lastRegion.signed_persons, 0, lang), value: formatMoney(Math.abs(lastRegion.surplus), lang), n: surplusCount, total: lastPackages.length })
          : t("noData"),
        subtitle: t("opPackageSubtitle"),
        width,
        height: 300,
        marginLeft: 56,
        fx: { label: t("axisYear"), tickFormat: String },
        x: { axis: null, domain: ["package", "spend"] },
        y: { label: t("axisFund", { unit }, `${unit}`), grid: true },
        color: { domain: ["package", "spend"], range: ["var(--theme-foreground-focus)", "var(--theme-foreground-muted)"], legend: true, tickFormat: (w) => t(`op_${w}`) },
        marks: [
          Plot.barY(rows, { fx: "year", x: "what", y: (d) => d.value / factor, fill: "what", tip: true, title: (d) => `${formatYear(d.year, lang)}\n${t("op_package")} ${formatMoney(d.r.packages, lang)}\n${t("op_spend")} ${formatMoney(d.r.package_spend, lang)}\n${t("opSignedPersons")} ${formatNumber(d.r.signed_persons, 0, lang)}\n${t("opQuota")} ${formatMoney(d.r.quota, lang, { digits: 2 })}` }),
          Plot.ruleY([0]),
        ],
      });
    },
  });

  const poolCard = chartCard({
    t,
    filename: "outpatient-point-value-by-year",
    dataset: "apg_region_year",
    datasetUrl: data.apg_region_year.url,
    data: () => region.map(({ year, pool_budget, pool_recorded, pool_fund, point_value, settlement_rate }) => ({ year, pool_budget, pool_recorded, pool_fund, point_value, settlement_rate })),
    render: (width) =>
      Plot.plot({
        title: lastRegion ? t("opPointValueTitle", { year: formatYear(lastRegion.year, lang), value: formatNumber(lastRegion.point_value, 3, lang), rate: formatPercent(lastRegion.settlement_rate) }) : t("noData"),
        subtitle: t("opPointValueSubtitle"),
        width,
        height: 260,
        x: { label: t("axisYear"), tickFormat: String, ticks: region.map((r) => r.year) },
        y: { label: t("opAxisPointValue"), grid: true, zero: true },
        insetTop: 16,
        marks: [
          Plot.lineY(region, { x: "year", y: "point_value", marker: "circle-stroke", tip: true, title: (d) => `${formatYear(d.year, lang)}\n${t("opPointValue")} ${formatNumber(d.point_value, 4, lang)}\n${t("opPoolFund")} ${formatMoney(d.pool_fund, lang)}\n${t("opPoolRecorded")} ${formatMoney(d.pool_recorded, lang)}` }),
          Plot.text(region, { x: "year", y: "point_value", text: (d) => formatNumber(d.point_value, 3, lang), dy: -10, fontSize: 10 }),
        ],
      }),
  });

  return el("div", { class: "page outpatient" },
    pageHeader(t("outpatientTitle"), t("outpatientLead"), lang),
    cards,
    el("div", { class: "grid grid-cols-2" }, fundCard, packageCard),
    poolCard,
    el("p", {}, t("opMore"), " ", pageLink("apg", t("apgTitle"), lang, depth), t("listSeparator"), pageLink("capitation", t("capitationTitle"), lang, depth)),
  );
}
