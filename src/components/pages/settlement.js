// Analysts' point-settlement page (分析 · 点数结算): the point value by year, the budget's surplus or
// overspend, each hospital's settlement rate and what DRG payment moved to or from it, and the high-
// and low-multiplier cases (metrics.md §6). Filters: year, level.
import * as Plot from "@observablehq/plot";
import { chartCard, el, filterBar } from "../dom.js";
import { distinct, loadDatasets } from "../data.js";
import { levelSelect, onChange, yearSelect, levelColor } from "../filters.js";
import { formatChange, formatMoney, formatNumber, formatPercent, formatYear, moneyUnit } from "../format.js";
import { growth } from "../formulas.js";
import { translator } from "../i18n.js";
import { institutionTable, rankKey, rankedAxis, rankedNote, topAndBottom } from "../ranking.js";
import { pageHeader } from "../page.js";

export async function settlementPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const years = data.settlement_year.rows;
  const hospitals = data.settlement.rows;

  const yearInput = yearSelect(distinct(hospitals, "year"), t);
  const levelInput = levelSelect(distinct(hospitals, "level"), t);
  const shown = () =>
    hospitals
      .filter((r) => r.year === yearInput.value && (levelInput.value == null || r.level === levelInput.value))
      .map((r) => ({ ...r, name: r.name ?? String(r.hospital_id), level_label: t(`level${r.level}`), high_rate: r.cases ? r.high_cases / r.cases : null, low_rate: r.cases ? r.low_cases / r.cases : null }));

  const pointCard = chartCard({
    t,
    filename: "point-value-by-year",
    dataset: "settlement_year",
    datasetUrl: data.settlement_year.url,
    data: () => years.map(({ year, points, point_value, fund_to_distribute, patient_share }) => ({ year, points, point_value, fund_to_distribute, patient_share })),
    render: (width) => {
      const last = years.at(-1);
      const prior = years.at(-2);
      return Plot.plot({
        title: last ? t("pointValueTitle", { year: formatYear(last.year, lang), value: formatNumber(last.point_value, 2, lang), change: formatChange(growth(last.point_value, prior?.point_value)) }) : t("noData"),
        subtitle: t("pointValueSubtitle"),
        width,
        height: 280,
        x: { label: t("axisYear"), tickFormat: String, ticks: years.map((r) => r.year) },
        y: { label: t("axisPointValue"), grid: true, zero: true },
        insetTop: 16,
        marks: [
          Plot.lineY(years, { x: "year", y: "point_value", marker: "circle-stroke", tip: true, title: (d) => `${formatYear(d.year, lang)}\n${t("pointValue")} ${formatNumber(d.point_value, 4, lang)}\n${t("points")} ${formatNumber(d.points, 0, lang)}\n${t("fundToDistribute")} ${formatMoney(d.fund_to_distribute, lang)}` }),
          Plot.text(years, { x: "year", y: "point_value", text: (d) => formatNumber(d.point_value, 2, lang), dy: -10, fontSize: 10 }),
        ],
      });
    },
  });

  const balanceCard = chartCard({
    t,
    filename: "budget-balance-by-year",
    dataset: "settlement_year",
    datasetUrl: data.settlement_year.url,
    data: () => years.map(({ year, budget_given, budget, recorded, balance, outcome, share_ratio, fund_to_distribute, settlement_rate }) => ({ year, budget_given, budget, recorded, balance, outcome, share_ratio, fund_to_distribute, settlement_rate })),
    render: (width) => {
      const given = years.filter((r) => r.budget_given === true || r.budget_given === "true");
      const last = given.at(-1);
      const { factor, unit } = moneyUnit(years.map((r) => r.balance), lang);
      return Plot.plot({
        title: last
          ? t(last.balance >= 0 ? "surplusTitle" : "overspendTitle", { year: formatYear(last.year, lang), value: formatMoney(Math.abs(last.balance), lang), ratio: formatPercent(last.share_ratio, 0), rate: formatPercent(last.settlement_rate) })
          : t("noBudgetSettlement"),
        subtitle: t("balanceSubtitle"),
        width,
        height: 280,
        marginLeft: 56,
        x: { type: "band", label: t("axisYear"), tickFormat: String },
        y: { label: t("axisBalance", { unit }), grid: true },
        color: { domain: ["surplus", "overspend", "balanced"], range: ["var(--theme-green)", "var(--theme-red)", "var(--theme-foreground-muted)"], legend: true, tickFormat: (o) => t(`outcome_${o}`) },
        marks: [
          Plot.barY(years, { x: "year", y: (d) => d.balance / factor, fill: "outcome", tip: true, title: (d) => `${formatYear(d.year, lang)} ${t(`outcome_${d.outcome}`)}\n${t("budget")} ${formatMoney(d.budget, lang)}${d.budget_given === false || d.budget_given === "false" ? ` (${t("noBudgetGiven")})` : ""}\n${t("recorded")} ${formatMoney(d.recorded, lang)}\n${t("shareRatio")} ${formatPercent(d.share_ratio, 0)}\n${t("settlementRate")} ${formatPercent(d.settlement_rate)}` }),
          Plot.ruleY([0]),
        ],
      });
    },
  });

  const rateCard = chartCard({
    t,
    filename: "settlement-rate-by-hospital",
    dataset: "settlement",
    datasetUrl: data.settlement.url,
    data: () => shown().map(({ hospital_id, name, level, year, fund_paid, drg_payment, fund_payable, settlement_rate }) => ({ hospital_id, name, level, year, fund_paid, drg_payment, fund_payable, settlement_rate })),
    render: (width) => {
      const all = shown().filter((r) => r.settlement_rate != null);
      const above = all.filter((r) => r.settlement_rate > 1);
      const ranked = topAndBottom(all, (r) => r.settlement_rate);
      const axis = rankedAxis(ranked, t, lang, width);
      const highest = ranked.top[0];
      return Plot.plot({
        title: highest ? t("rateTitle", { year: formatYear(yearInput.value, lang), above: above.length, total: all.length, max: formatPercent(highest.settlement_rate), name: highest.name }) : t("noData"),
        subtitle: t("rateSubtitle"),
        width,
        height: axis.height,
        marginLeft: axis.marginLeft,
        // 100 % is always on the axis: the bars are drawn from it.
        x: { label: t("axisSettlementRate"), grid: true, tickFormat: (v) => `${Math.round(v * 100)}%`, domain: extent([1, ...ranked.rows.map((r) => r.settlement_rate)]) },
        y: axis.y,
        color: levelColor(t),
        marks: [
          Plot.barX(ranked.rows, { x1: 1, x2: "settlement_rate", y: rankKey, fill: "level_label", tip: true, title: (d) => `${d.name}\n${t("settlementRate")} ${formatPercent(d.settlement_rate)}\n${t("fundPayable")} ${formatMoney(d.fund_payable, lang)}\n${t("fundPaid")} ${formatMoney(d.fund_paid, lang)}` }),
          Plot.ruleX([1], { stroke: "var(--theme-foreground)" }),
        ],
      });
    },
    note: () => rankedNote(topAndBottom(shown(), (r) => r.settlement_rate), t, lang),
  });

  const withDifference = () => shown().map((r) => ({ ...r, fund_difference: r.fund_difference ?? (r.fund_payable != null && r.fund_paid != null ? r.fund_payable - r.fund_paid : null) }));
  const differenceCard = chartCard({
    t,
    filename: "fund-difference-by-hospital",
    dataset: "settlement",
    datasetUrl: data.settlement.url,
    data: () => shown().map(({ hospital_id, name, level, year, fund_paid, fund_payable, fund_difference }) => ({ hospital_id, name, level, year, fund_paid, fund_payable, fund_difference })),
    render: (width) => {
      const ranked = topAndBottom(withDifference(), (r) => r.fund_difference);
      const rows = ranked.rows;
      const axis = rankedAxis(ranked, t, lang, width);
      const { factor, unit } = moneyUnit(rows.map((r) => r.fund_difference), lang);
      const top = rows[0];
      const bottom = rows.at(-1);
      return Plot.plot({
        title: top && bottom && top !== bottom ? t("differenceTitle", { year: formatYear(yearInput.value, lang), top: top.name, topValue: formatMoney(top.fund_difference, lang), bottom: bottom.name, bottomValue: formatMoney(bottom.fund_difference, lang) }) : t("noData"),
        subtitle: t("differenceSubtitle"),
        width,
        height: axis.height,
        marginLeft: axis.marginLeft,
        x: { label: t("axisFundDifference", { unit }), grid: true },
        y: axis.y,
        color: { type: "ordinal", domain: [true, false], range: ["var(--theme-green)", "var(--theme-red)"] },
        marks: [
          Plot.barX(rows, { x: (d) => d.fund_difference / factor, y: rankKey, fill: (d) => d.fund_difference >= 0, tip: true, title: (d) => `${d.name}\n${t("fundDifference")} ${formatMoney(d.fund_difference, lang)}\n${t("fundPayable")} ${formatMoney(d.fund_payable, lang)}\n${t("fundPaid")} ${formatMoney(d.fund_paid, lang)}` }),
          Plot.ruleX([0]),
        ],
      });
    },
    note: () => rankedNote(topAndBottom(withDifference(), (r) => r.fund_difference), t, lang),
  });

  const multiplierCard = chartCard({
    t,
    filename: "multiplier-cases-by-hospital",
    dataset: "settlement",
    datasetUrl: data.settlement.url,
    data: () => shown().map(({ hospital_id, name, level, year, cases, high_cases, low_cases, high_rate, low_rate }) => ({ hospital_id, name, level, year, cases, high_cases, low_cases, high_rate, low_rate })),
    render: (width) => {
      const rows = shown();
      const cases = rows.reduce((s, r) => s + r.cases, 0);
      const high = rows.reduce((s, r) => s + r.high_cases, 0);
      const low = rows.reduce((s, r) => s + r.low_cases, 0);
      const top = [...rows].sort((a, b) => b.high_rate - a.high_rate)[0];
      return Plot.plot({
        title: top ? t("multiplierTitle", { year: formatYear(yearInput.value, lang), high: formatNumber(high, 0, lang), highRate: formatPercent(cases ? high / cases : null), low: formatNumber(low, 0, lang), lowRate: formatPercent(cases ? low / cases : null), name: top.name, top: formatPercent(top.high_rate) }) : t("noData"),
        subtitle: t("multiplierSubtitle"),
        width,
        height: Math.min(480, Math.max(320, width * 0.55)),
        inset: 12,
        x: { label: t("axisHighRate"), grid: true, tickFormat: (v) => `${(v * 100).toFixed(1)}%` },
        y: { label: t("axisLowRate"), grid: true, tickFormat: (v) => `${(v * 100).toFixed(1)}%` },
        r: { range: [3, 14] },
        color: levelColor(t),
        marks: [
          Plot.dot(rows, { x: "high_rate", y: "low_rate", r: "cases", fill: "level_label", fillOpacity: 0.7, stroke: "var(--theme-background)", tip: true, title: (d) => `${d.name}\n${t("highCases")} ${formatNumber(d.high_cases, 0, lang)} (${formatPercent(d.high_rate)})\n${t("lowCases")} ${formatNumber(d.low_cases, 0, lang)} (${formatPercent(d.low_rate)})\n${t("cases")} ${formatNumber(d.cases, 0, lang)}` }),
          Plot.text(extremes(rows), { x: "high_rate", y: "low_rate", text: "name", dy: -12, fontSize: 10, fill: "var(--theme-foreground-muted)" }),
        ],
      });
    },
  });

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      institutionTable(withDifference(), [
        { key: "name", label: t("colHospital"), align: "left" },
        { key: "level", label: t("colLevel"), align: "left", format: (v) => t(`level${v}`) },
        { key: "cases", label: t("colCases"), format: (v) => formatNumber(v, 0, lang) },
        { key: "points", label: t("points"), format: (v) => formatNumber(v, 0, lang) },
        { key: "drg_payment", label: t("drgPayment"), format: (v) => formatMoney(v, lang) },
        { key: "fund_payable", label: t("fundPayable"), format: (v) => formatMoney(v, lang) },
        { key: "fund_paid", label: t("fundPaid"), format: (v) => formatMoney(v, lang) },
        { key: "settlement_rate", label: t("settlementRate"), format: (v) => formatPercent(v) },
        { key: "fund_difference", label: t("fundDifference"), format: (v) => formatMoney(v, lang) },
        { key: "high_cases", label: t("highCases"), format: (v) => formatNumber(v, 0, lang) },
        { key: "low_cases", label: t("lowCases"), format: (v) => formatNumber(v, 0, lang) },
      ], { t, lang, depth, sort: "settlement_rate" }),
    );
  renderTable();
  onChange([yearInput, levelInput], () => {
    rateCard.update();
    differenceCard.update();
    multiplierCard.update();
    renderTable();
  });

  return el("div", { class: "page settlement" },
    pageHeader(t("settlementTitle"), t("settlementLead"), lang),
    el("div", { class: "grid grid-cols-2" }, pointCard, balanceCard),
    filterBar(yearInput, levelInput),
    el("div", { class: "grid grid-cols-2" }, rateCard, differenceCard),
    multiplierCard,
    el("h2", {}, t("settlementTableTitle")),
    tableHolder,
  );
}

function extent(values) {
  const finite = values.filter(Number.isFinite);
  return [Math.min(...finite), Math.max(...finite)];
}

/** The hospitals named on the multiplier chart: all of a few, else the four highest on each axis. */
function extremes(rows) {
  if (rows.length <= 10) return rows;
  const top = (key) => [...rows].sort((a, b) => b[key] - a[key]).slice(0, 4);
  return [...new Set([...top("high_rate"), ...top("low_rate")])];
}
