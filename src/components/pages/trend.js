// Leaders' fund and budget page (趋势 · 基金与预算), also printed as the monthly fund report: fund spend
// and its growth by month, budget execution per year (spend against policy.inpatient_budget /
// outpatient_budget), the current year's spend to date against the budget, and employee against
// resident insurance.
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import { chartCard, dataTable, el, filterBar } from "../dom.js";
import { loadDatasets, distinct } from "../data.js";
import { choiceSelect, onChange, yearSelect } from "../filters.js";
import { formatChange, formatMoney, formatMonth, formatMonthSpan, formatNumber, formatPercent, formatYear, moneyUnit, timeTickFormat } from "../format.js";
import { yearToDate } from "../formulas.js";
import { translator } from "../i18n.js";
import { pageHeader } from "../page.js";

export async function trendPage(files, { lang }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const fundMonth = data.fund_month.rows.map((r) => ({ ...r, date: new Date(`${r.month}-01`) }));
  const budget = data.budget_month.rows;
  const insurance = data.fund_insurance_month.rows.map((r) => ({ ...r, date: new Date(`${r.month}-01`) }));

  const settings = distinct(fundMonth, "setting");
  const budgetYears = distinct(budget.filter((r) => r.budget != null), "year");
  const yearInput = yearSelect(budgetYears.length ? budgetYears : distinct(budget, "year"), t);
  const settingInput = choiceSelect(settings, t, { label: "filterSetting", value: settings[0] });

  const monthly = monthlyCard(fundMonth, data.fund_month.url, t, lang);
  const execution = executionCard(budget, data.budget_month.url, t, lang);
  const toDate = toDateCard(budget, yearInput, settingInput, data.budget_month.url, t, lang);
  onChange([yearInput, settingInput], () => toDate.update());
  const byInsurance = insuranceCard(insurance, data.fund_insurance_month.url, t, lang);

  return el("div", { class: "page trend" },
    pageHeader(t("trendPageTitle"), t("trendPageLead"), lang),
    monthly,
    el("div", { class: "grid grid-cols-2" }, execution, el("div", {}, filterBar(yearInput, settingInput), toDate)),
    byInsurance,
    el("h2", {}, t("budgetTableTitle")),
    budgetTable(budget, t, lang),
  );
}

function monthlyCard(rows, url, t, lang) {
  const labelled = rows.map((r) => ({ ...r, setting_label: t(r.setting) }));
  const parts = distinct(rows, "setting").map((s) => ({ setting: s, ytd: yearToDate(rows.filter((r) => r.setting === s)) })).filter((p) => p.ytd);
  const title = parts.length
    ? t("monthlyTitle", {
        span: formatMonthSpan(parts[0].ytd.from, parts[0].ytd.to, lang),
        parts: parts.map((p) => t("settingGrowth", { setting: t(p.setting), value: formatMoney(p.ytd.fund_paid, lang), growth: formatChange(p.ytd.growth) })).join(t("listSeparator")),
      })
    : t("noData");
  const { factor, unit } = moneyUnit(rows.map((r) => r.fund_paid), lang);
  return chartCard({
    t,
    filename: "fund-by-month",
    dataset: "fund_month",
    datasetUrl: url,
    data: () => rows.map(({ setting, month, claims, fund_paid, yoy }) => ({ setting, month, claims, fund_paid, yoy })),
    render: (width) =>
      Plot.plot({
        title,
        subtitle: t("monthlySubtitle"),
        width,
        height: 320,
        marginLeft: 56,
        x: { type: "utc", label: t("axisMonth"), tickFormat: timeTickFormat(lang) },
        y: { grid: true, label: t("axisFund", { unit }) },
        color: { legend: true },
        marks: [
          Plot.ruleY([0]),
          Plot.lineY(labelled, { x: "date", y: (d) => d.fund_paid / factor, stroke: "setting_label" }),
          Plot.tip(labelled, Plot.pointerX({ x: "date", y: (d) => d.fund_paid / factor, stroke: "setting_label", title: (d) => `${d.setting_label} ${formatMonth(d.month, lang)}\n${formatMoney(d.fund_paid, lang)}\n${t("yoy")} ${formatChange(d.yoy)}` })),
        ],
      }),
  });
}

/** The year's last month per setting: spend to date against the annual budget. */
function yearEnds(budget) {
  const byKey = new Map();
  for (const r of budget) {
    const key = `${r.setting}|${r.year}`;
    if (!byKey.has(key) || byKey.get(key).month < r.month) byKey.set(key, r);
  }
  return [...byKey.values()].sort((a, b) => a.setting.localeCompare(b.setting) || a.year - b.year);
}

function executionCard(budget, url, t, lang) {
  const rows = yearEnds(budget).filter((r) => r.budget != null).map((r) => ({ ...r, setting_label: t(r.setting) }));
  const latest = rows.filter((r) => r.setting === "inpatient").at(-1) ?? rows.at(-1);
  const title = latest
    ? t(latest.fund_paid_to_date <= latest.budget ? "executionTitleUnder" : "executionTitleOver", {
        year: formatYear(latest.year, lang),
        setting: t(latest.setting),
        rate: formatPercent(latest.execution),
        gap: formatMoney(Math.abs(latest.budget - latest.fund_paid_to_date), lang),
      })
    : t("noBudget");
  return chartCard({
    t,
    filename: "budget-execution-by-year",
    dataset: "budget_month",
    datasetUrl: url,
    data: () => rows.map(({ setting, year, month, fund_paid_to_date, budget, execution }) => ({ setting, year, through: month, fund_paid_to_date, budget, execution })),
    render: (width) =>
      Plot.plot({
        title,
        subtitle: t("executionSubtitle"),
        width,
        height: 300,
        marginLeft: 48,
        x: { type: "band", label: t("axisYear"), tickFormat: String },
        fx: { label: null },
        y: { grid: true, label: t("axisExecution"), tickFormat: (v) => `${Math.round(v * 100)}%` },
        color: { legend: true },
        marks: [
          Plot.barY(rows, { x: "year", y: "execution", fill: "setting_label", fx: "setting_label", tip: true, title: (d) => `${d.setting_label} ${formatYear(d.year, lang)}\n${t("executionRate")} ${formatPercent(d.execution)}\n${t("spendToDate")} ${formatMoney(d.fund_paid_to_date, lang)}\n${t("budget")} ${formatMoney(d.budget, lang)}` }),
          Plot.ruleY([1], { stroke: "var(--theme-foreground)", strokeDasharray: "4 3" }),
          Plot.ruleY([0]),
        ],
      }),
  });
}

function toDateCard(budget, yearInput, settingInput, url, t, lang) {
  const selected = () => budget.filter((r) => r.year === yearInput.value && r.setting === settingInput.value).map((r) => ({ ...r, date: new Date(`${r.month}-01`) }));
  return chartCard({
    t,
    filename: "budget-to-date",
    dataset: "budget_month",
    datasetUrl: url,
    data: () => selected().map(({ setting, month, fund_paid, fund_paid_to_date, budget, budget_to_date, execution }) => ({ setting, month, fund_paid, fund_paid_to_date, budget, budget_to_date, execution })),
    render: (width) => {
      const rows = selected();
      const last = rows.at(-1);
      const title = last
        ? last.budget != null
          ? t("toDateTitle", { year: formatYear(last.year, lang), setting: t(last.setting), month: formatMonth(last.month, lang), value: formatMoney(last.fund_paid_to_date, lang), rate: formatPercent(last.execution), pace: formatPercent(last.budget_to_date / last.budget) })
          : t("toDateNoBudget", { year: formatYear(last.year, lang), setting: t(last.setting), value: formatMoney(last.fund_paid_to_date, lang) })
        : t("noData");
      const { factor, unit } = moneyUnit(rows.flatMap((r) => [r.fund_paid_to_date, r.budget]), lang);
      return Plot.plot({
        title,
        subtitle: t("toDateSubtitle"),
        width,
        height: 300,
        marginLeft: 56,
        x: { type: "utc", label: t("axisMonth"), tickFormat: timeTickFormat(lang) },
        y: { grid: true, label: t("axisFund", { unit }) },
        marks: [
          Plot.ruleY([0]),
          last?.budget != null ? Plot.ruleY([last.budget / factor], { stroke: "var(--theme-red)", strokeDasharray: "4 3" }) : null,
          last?.budget != null ? Plot.text([rows[0]], { x: "date", y: last.budget / factor, text: () => `${t("budget")} ${formatMoney(last.budget, lang)}`, dy: -8, textAnchor: "start", fill: "var(--theme-red)" }) : null,
          Plot.lineY(rows.filter((r) => r.budget_to_date != null), { x: "date", y: (d) => d.budget_to_date / factor, stroke: "var(--theme-foreground-muted)", strokeDasharray: "2 3" }),
          Plot.areaY(rows, { x: "date", y: (d) => d.fund_paid_to_date / factor, fill: "var(--theme-foreground-focus)", fillOpacity: 0.15 }),
          Plot.lineY(rows, { x: "date", y: (d) => d.fund_paid_to_date / factor, stroke: "var(--theme-foreground-focus)", strokeWidth: 2, marker: "circle-stroke", tip: true, title: (d) => `${formatMonth(d.month, lang)}\n${t("spendToDate")} ${formatMoney(d.fund_paid_to_date, lang)}${d.budget != null ? `\n${t("evenPace")} ${formatMoney(d.budget_to_date, lang)}\n${t("executionRate")} ${formatPercent(d.execution)}` : ""}` }),
        ],
      });
    },
  });
}

/** Inpatient fund by insurance type (the outpatient contract carries none); filters: type and measure. */
function insuranceCard(rows, url, t, lang) {
  const inpatient = rows.filter((r) => r.setting === "inpatient").map((r) => ({ ...r, insurance_label: t(`insurance_${r.insurance_type}`) }));
  const types = ["employee", "resident", "unknown"].filter((k) => inpatient.some((r) => r.insurance_type === k));
  const typeInput = Inputs.select([null, ...types], { label: t("filterInsurance"), format: (k) => (k == null ? t("all") : t(`insurance_${k}`)) });
  const measureInput = Inputs.radio(["fund_paid", "yoy"], { label: t("filterMeasure"), value: "fund_paid", format: (m) => t(m === "yoy" ? "axisYoy" : "fundPaid") });
  const shown = () => inpatient.filter((r) => typeInput.value == null || r.insurance_type === typeInput.value);
  const latestMonth = inpatient.map((r) => r.month).sort().at(-1);
  const card = chartCard({
    t,
    filename: "inpatient-fund-by-insurance",
    dataset: "fund_insurance_month",
    datasetUrl: url,
    data: () => shown().map(({ setting, insurance_type, month, claims, fund_paid, yoy }) => ({ setting, insurance_type, month, claims, fund_paid, yoy })),
    render: (width) => {
      const data = shown().filter((r) => measureInput.value === "fund_paid" || r.yoy != null);
      const parts = types
        .filter((k) => typeInput.value == null || typeInput.value === k)
        .map((k) => ({ k, ytd: yearToDate(inpatient.filter((r) => r.insurance_type === k)) }))
        .filter((p) => p.ytd);
      const title = parts.length
        ? t("insuranceTitle", {
            span: formatMonthSpan(parts[0].ytd.from, parts[0].ytd.to, lang),
            parts: parts.map((p) => t("insuranceGrowth", { type: t(`insurance_${p.k}`), value: formatMoney(p.ytd.fund_paid, lang), growth: formatChange(p.ytd.growth) })).join(t("listSeparator")),
          })
        : t("insuranceTitlePlain");
      const { factor, unit } = moneyUnit(data.map((r) => r.fund_paid), lang);
      const y = measureInput.value === "yoy" ? (d) => d.yoy : (d) => d.fund_paid / factor;
      return Plot.plot({
        title,
        subtitle: t("insuranceSubtitle", { month: formatMonth(latestMonth, lang) }),
        width,
        height: 300,
        marginLeft: 56,
        x: { type: "utc", label: t("axisMonth"), tickFormat: timeTickFormat(lang) },
        y: measureInput.value === "yoy" ? { grid: true, label: t("axisYoy"), tickFormat: (v) => `${Math.round(v * 100)}%` } : { grid: true, label: t("axisFund", { unit }) },
        color: { legend: true, domain: types.map((k) => t(`insurance_${k}`)) },
        marks: [
          Plot.ruleY([0]),
          Plot.lineY(data, { x: "date", y, stroke: "insurance_label" }),
          Plot.tip(data, Plot.pointerX({ x: "date", y, stroke: "insurance_label", title: (d) => `${d.insurance_label} ${formatMonth(d.month, lang)}\n${formatMoney(d.fund_paid, lang)}\n${t("yoy")} ${formatChange(d.yoy)}` })),
        ],
      });
    },
  });
  onChange([typeInput, measureInput], () => card.update());
  return el("div", {}, filterBar(typeInput, measureInput), card);
}

function budgetTable(budget, t, lang) {
  const rows = yearEnds(budget).sort((a, b) => a.setting.localeCompare(b.setting) || b.year - a.year);
  return dataTable(rows, [
    { key: "setting", label: t("colSetting"), align: "left", format: (v) => t(v) },
    { key: "year", label: t("colYear"), align: "left", format: (v, r) => (Number(r.month.slice(5)) < 12 ? `${v} (${t("throughMonth", { month: Number(r.month.slice(5)) })})` : String(v)) },
    { key: "fund_paid_to_date", label: t("colFundPaid"), format: (v) => formatMoney(v, lang) },
    { key: "budget", label: t("colBudget"), format: (v) => formatMoney(v, lang) },
    { key: "execution", label: t("colExecution"), format: (v) => formatPercent(v) },
  ]);
}
