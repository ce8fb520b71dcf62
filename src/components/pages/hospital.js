// One hospital's page (分析 · 医院): its figures against its peers (the hospitals of its level), its
// departments, and the ten DRGs with the largest gain and the ten with the largest loss under DRG
// payment. Filter: year. One page per language serves every hospital: it reads the hospital from its
// address (/hospital?id=H0001) and keeps that hospital's rows of the hospital-level datasets; without
// an id (or with an unknown one) it lists the hospitals to choose from.
import * as Plot from "@observablehq/plot";
import { chartCard, dataTable, el, filterBar, labelMargin } from "../dom.js";
import { distinct, fetchText, loadDatasets } from "../data.js";
import { parseDataset } from "../csv.js";
import { shardIndex, shards } from "../hospital-shards.js";
import { onChange, yearSelect } from "../filters.js";
import { formatChange, formatMoney, formatMonth, formatNumber, formatPercent, formatPoints, formatYear, moneyUnit, timeTickFormat, formatYuan } from "../format.js";
import { periodChange, quartiles } from "../formulas.js";
import { levelInSentence, translator } from "../i18n.js";
import { directionOf, kpiCard } from "../kpi.js";
import { pageLink } from "../links.js";
import { institutionTable } from "../ranking.js";
import { hospitalIdOf } from "../site.js";
import { pageHeader } from "../page.js";
import { controlSection } from "../control-chart.js";

/** Departments with fewer grouped cases in the year are left off the department chart. */
const minDepartmentCases = 10;

const sameId = (id) => (r) => String(r.hospital_id) === String(id);

export async function hospitalPage(files, { lang, depth, hospital = hospitalIdOf(location.search) }) {
  const t = translator(lang);
  keepAddressOnLanguageSwitch();
  const data = await loadHospitalData(files, hospital);
  const own = hospital == null ? [] : data.hospital_year.rows.filter(sameId(hospital));
  if (!own.length) return chooseHospital(data, { t, lang, depth, hospital });
  const info = own.at(-1);
  const name = info.name ?? String(hospital);
  document.title = `${name} | ${document.title}`;
  const level = info.level;
  const peers = data.hospital_year.rows.filter((r) => r.level === level);
  const yearInput = yearSelect(distinct(own, "year"), t);

  /** The peers' quartiles of a metric per year (all hospitals of the level, this one included). */
  const peerBand = (key) =>
    distinct(peers, "year").map((year) => ({ year, ...quartiles(peers.filter((r) => r.year === year).map((r) => r[key])) }));

  const kpis = el("div", { class: "grid grid-cols-4 kpis" });
  const renderKpis = () => {
    const row = own.find((r) => r.year === yearInput.value);
    const prior = own.find((r) => r.year === yearInput.value - 1);
    const inYear = peers.filter((r) => r.year === yearInput.value);
    const rank = (key, descending = true) => 1 + inYear.filter((r) => (descending ? r[key] > row[key] : r[key] < row[key])).length;
    const settle = data.settlement.rows.find((r) => sameId(hospital)(r) && r.year === yearInput.value);
    const settlePrior = data.settlement.rows.find((r) => sameId(hospital)(r) && r.year === yearInput.value - 1);
    kpis.replaceChildren(
      kpiCard({
        label: t("kpiCases", { year: formatYear(yearInput.value, lang) }),
        value: formatNumber(row?.cases, 0, lang),
        change: prior && { text: formatChange(periodChange(prior.cases, row.cases)), direction: directionOf(row.cases - prior.cases), label: t("vsYearBefore") },
        series: own.map((r) => ({ x: r.year, y: r.cases, title: `${formatYear(r.year, lang)} ${formatNumber(r.cases, 0, lang)}` })),
      }),
      kpiCard({
        label: t("kpiHospitalCmi", { year: formatYear(yearInput.value, lang) }),
        value: formatNumber(row?.cmi, 3, lang),
        change: row?.cmi != null ? { text: t("rankInLevel", { rank: rank("cmi"), n: inYear.length, level: levelInSentence(level, lang) }), direction: "flat" } : null,
        series: own.map((r) => ({ x: r.year, y: r.cmi, title: `${formatYear(r.year, lang)} CMI ${formatNumber(r.cmi, 3, lang)}` })),
      }),
      kpiCard({
        label: t("kpiCostPerWeight", { year: formatYear(yearInput.value, lang) }),
        value: formatMoney(row?.cost_per_weight, lang),
        change: row?.cost_per_weight != null ? { text: t("rankInLevelCost", { rank: rank("cost_per_weight", false), n: inYear.length, level: levelInSentence(level, lang) }), direction: "flat" } : null,
        series: own.map((r) => ({ x: r.year, y: r.cost_per_weight, title: `${formatYear(r.year, lang)} ${formatMoney(r.cost_per_weight, lang)}` })),
      }),
      kpiCard({
        label: t("kpiSettlementRate", { year: formatYear(yearInput.value, lang) }),
        value: formatPercent(settle?.settlement_rate),
        change: settle && settlePrior ? { text: formatPoints(settle.settlement_rate - settlePrior.settlement_rate, lang), direction: directionOf(settle.settlement_rate - settlePrior.settlement_rate), label: t("vsYearBefore") } : null,
        series: data.settlement.rows.filter(sameId(hospital)).map((r) => ({ x: r.year, y: r.settlement_rate, title: `${formatYear(r.year, lang)} ${formatPercent(r.settlement_rate)}` })),
      }),
    );
  };
  renderKpis();

  const metricCard = (key, label, format, filename) => {
    const band = peerBand(key);
    return chartCard({
      t,
      filename,
      dataset: "hospital_year",
      datasetUrl: data.hospital_year.url,
      data: () => own.map((r) => ({ year: r.year, hospital_id: r.hospital_id, [key]: r[key], peer_q1: band.find((b) => b.year === r.year)?.q1, peer_median: band.find((b) => b.year === r.year)?.median, peer_q3: band.find((b) => b.year === r.year)?.q3 })),
      render: (width) => {
        const last = own.filter((r) => r[key] != null).at(-1);
        const lastBand = last && band.find((b) => b.year === last.year);
        const vs = last && lastBand ? periodChange(lastBand.median, last[key]) : null;
        return Plot.plot({
          title: last ? t("peerTitle", { name, metric: key === "cmi" ? "CMI" : t("costPerWeight"), year: formatYear(last.year, lang), value: format(last[key]), vs: formatChange(vs), level: levelInSentence(level, lang) }) : t("noData"),
          subtitle: t("peerSubtitle", { level: levelInSentence(level, lang) }),
          width,
          height: 260,
          marginLeft: 56,
          x: { label: t("axisYear"), tickFormat: String, ticks: distinct(band, "year") },
          y: { label, grid: true },
          marks: [
            Plot.areaY(band, { x: "year", y1: "q1", y2: "q3", fill: "var(--theme-foreground-faint)", fillOpacity: 0.35 }),
            Plot.lineY(band, { x: "year", y: "median", stroke: "var(--theme-foreground-muted)", strokeDasharray: "4 3" }),
            Plot.lineY(own, { x: "year", y: key, stroke: "var(--theme-foreground-focus)", strokeWidth: 2, marker: "circle-stroke", tip: true, title: (d) => { const b = band.find((x) => x.year === d.year); return `${name} ${formatYear(d.year, lang)}\n${label} ${format(d[key])}\n${t("peerMedian")} ${format(b?.median)}\n${t("peerRange")} ${format(b?.q1)} – ${format(b?.q3)}`; } }),
          ],
        });
      },
    });
  };
  const cmiCard = metricCard("cmi", "CMI", (v) => formatNumber(v, 3, lang), "hospital-cmi-vs-peers");
  const costCard = metricCard("cost_per_weight", t("axisCostPerWeight", { unit: lang === "zh" ? "元" : "yuan" }), (v) => formatMoney(v, lang), "hospital-cost-per-weight-vs-peers");

  const months = data.hospital_month.rows.filter(sameId(hospital)).map((r) => ({ ...r, date: new Date(`${r.month}-01`) }));
  const monthCard = chartCard({
    t,
    filename: "hospital-cases-by-month",
    dataset: "hospital_month",
    datasetUrl: data.hospital_month.url,
    data: () => months.map(({ hospital_id, month, cases, cmi, cost_per_weight, fund_paid }) => ({ hospital_id, month, cases, cmi, cost_per_weight, fund_paid })),
    render: (width) => {
      const inYear = months.filter((r) => r.month.startsWith(String(yearInput.value)));
      const peak = [...inYear].sort((a, b) => b.cases - a.cases)[0];
      return Plot.plot({
        title: peak ? t("monthCasesTitle", { name, year: formatYear(yearInput.value, lang), cases: formatNumber(inYear.reduce((s, r) => s + r.cases, 0), 0, lang), peak: formatMonth(peak.month, lang), peakCases: formatNumber(peak.cases, 0, lang) }) : t("noData"),
        subtitle: t("monthCasesSubtitle"),
        width,
        height: 240,
        marginLeft: 48,
        x: { type: "utc", label: t("axisMonth"), tickFormat: timeTickFormat(lang) },
        y: { label: t("axisCases"), grid: true },
        marks: [
          Plot.rectY(months, { x1: (d) => d.date, x2: (d) => new Date(Date.UTC(d.date.getUTCFullYear(), d.date.getUTCMonth() + 1, 1)), y: "cases", fill: (d) => (d.month.startsWith(String(yearInput.value)) ? "var(--theme-foreground-focus)" : "var(--theme-foreground-faint)"), insetLeft: 0.5, insetRight: 0.5, tip: true, title: (d) => `${d.month}\n${t("cases")} ${formatNumber(d.cases, 0, lang)}\nCMI ${formatNumber(d.cmi, 3, lang)}\n${t("fundPaid")} ${formatMoney(d.fund_paid, lang)}` }),
          Plot.ruleY([0]),
        ],
      });
    },
  });

  const departments = () => data.department_year.rows.filter((r) => sameId(hospital)(r) && r.year === yearInput.value).map((r) => ({ ...r, department: r.department ?? t("noDepartment") }));
  const departmentCard = chartCard({
    t,
    filename: "hospital-departments",
    dataset: "department_year",
    datasetUrl: data.department_year.url,
    data: () => departments().map(({ hospital_id, department, year, cases, grouped_cases, cmi, cost_per_weight, cost_index, time_index }) => ({ hospital_id, department, year, cases, grouped_cases, cmi, cost_per_weight, cost_index, time_index })),
    render: (width) => {
      // Departments with few cases swing widely: the chart and its finding keep those with enough.
      const rows = departments().filter((r) => r.cmi != null && r.cost_per_weight != null && r.grouped_cases >= minDepartmentCases);
      const costly = [...rows].sort((a, b) => b.cost_index - a.cost_index)[0];
      const named = new Set([costly, ...[...rows].sort((a, b) => b.grouped_cases - a.grouped_cases).slice(0, 7)]);
      const { factor, unit } = moneyUnit(rows.map((r) => r.cost_per_weight), lang);
      return Plot.plot({
        title: costly ? t("departmentTitle", { year: formatYear(yearInput.value, lang), dept: costly.department, index: formatNumber(costly.cost_index, 2, lang), n: rows.length }) : t("noData"),
        subtitle: t("departmentSubtitle", { n: minDepartmentCases }),
        width,
        height: Math.min(440, Math.max(300, width * 0.5)),
        inset: 16,
        marginLeft: 56,
        marginRight: 60,
        x: { label: t("axisCmi"), grid: true },
        y: { label: t("axisCostPerWeight", { unit }), grid: true },
        r: { range: [3, 16] },
        marks: [
          Plot.dot(rows, { x: "cmi", y: (d) => d.cost_per_weight / factor, r: "grouped_cases", fill: (d) => ((d.cost_index ?? 1) > 1 ? "var(--theme-red)" : "var(--theme-foreground-focus)"), fillOpacity: 0.6, stroke: "var(--theme-background)", tip: true, title: (d) => `${d.department}\nCMI ${formatNumber(d.cmi, 3, lang)}\n${t("costPerWeight")} ${formatMoney(d.cost_per_weight, lang)}\n${t("costIndex")} ${formatNumber(d.cost_index, 2, lang)}\n${t("cases")} ${formatNumber(d.grouped_cases, 0, lang)}` }),
          Plot.text(rows.filter((r) => named.has(r)), { x: "cmi", y: (d) => d.cost_per_weight / factor, text: "department", dx: 9, textAnchor: "start", fontSize: 10, fill: "var(--theme-foreground-muted)" }),
        ],
      });
    },
  });

  const drgs = () => data.hospital_drg_year.rows.filter((r) => sameId(hospital)(r) && r.year === yearInput.value).map((r) => ({ ...r, label: `${r.drg_code} ${r.name ?? ""}`.trim() }));
  const gainCard = chartCard({
    t,
    filename: "hospital-drg-gain-loss",
    dataset: "hospital_drg_year",
    datasetUrl: data.hospital_drg_year.url,
    data: () => drgs().map(({ hospital_id, year, drg_code, name, cases, total_cost, drg_payment, gain, gain_rank, loss_rank }) => ({ hospital_id, year, drg_code, name, cases, total_cost, drg_payment, gain, gain_rank, loss_rank })),
    render: (width) => {
      const rows = drgs().sort((a, b) => b.gain - a.gain);
      const top = rows[0];
      const bottom = rows.at(-1);
      const { factor, unit } = moneyUnit(rows.map((r) => r.gain), lang);
      return Plot.plot({
        title: top ? t("gainTitle", { year: formatYear(yearInput.value, lang), top: top.label, topValue: formatMoney(top.gain, lang), bottom: bottom.label, bottomValue: formatMoney(bottom.gain, lang) }) : t("noData"),
        subtitle: t("gainSubtitle"),
        width,
        height: 60 + 20 * rows.length,
        marginLeft: labelMargin(rows.map((r) => truncate(r.label)), { max: 260, width }),
        x: { label: t("axisGain", { unit }), grid: true },
        y: { label: null, domain: rows.map((r) => r.label), tickFormat: truncate },
        color: { type: "ordinal", domain: [true, false], range: ["var(--theme-green)", "var(--theme-red)"] },
        marks: [
          Plot.barX(rows, { x: (d) => d.gain / factor, y: "label", fill: (d) => d.gain >= 0, tip: true, title: (d) => `${d.label}\n${t("cases")} ${formatNumber(d.cases, 0, lang)}\n${t("drgPayment")} ${formatMoney(d.drg_payment, lang)}\n${t("totalCost")} ${formatMoney(d.total_cost, lang)}\n${t("gain")} ${formatMoney(d.gain, lang)}` }),
          Plot.ruleX([0]),
        ],
      });
    },
  });

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      dataTable(departments().sort((a, b) => b.cases - a.cases), [
        { key: "department", label: t("colDepartment"), align: "left" },
        { key: "cases", label: t("colCases"), format: (v) => formatNumber(v, 0, lang) },
        { key: "cmi", label: "CMI", format: (v) => formatNumber(v, 3, lang) },
        { key: "cost_per_weight", label: t("costPerWeight"), format: (v) => formatYuan(v, lang) },
        { key: "cost_index", label: t("costIndex"), format: (v) => formatNumber(v, 2, lang) },
        { key: "time_index", label: t("timeIndex"), format: (v) => formatNumber(v, 2, lang) },
        { key: "alos", label: t("colAlos"), format: (v) => formatNumber(v, 1, lang) },
        { key: "fund_paid", label: t("fundPaid"), format: (v) => formatMoney(v, lang) },
      ]),
    );
  renderTable();
  onChange([yearInput], () => {
    renderKpis();
    monthCard.update();
    departmentCard.update();
    gainCard.update();
    renderTable();
  });

  return el("div", { class: "page hospital" },
    pageHeader(name, t("hospitalLead", { id: hospital, level: t(`level${level}`), district: info.district ?? "—" }), lang),
    el("p", { class: "back" }, pageLink("hospitals", t("backToHospitals"), lang, depth)),
    filterBar(yearInput),
    kpis,
    el("div", { class: "grid grid-cols-2" }, cmiCard, costCard),
    monthCard,
    el("div", { class: "grid grid-cols-2" }, departmentCard, gainCard),
    el("h2", {}, t("departmentTableTitle")),
    tableHolder,
    controlSection(data.control_month, { lang, hospital, name }),
  );
}

/**
 * The datasets the page reads: hospital_year and settlement whole (the hospital's peers), and the
 * hospital's rows of hospital_month, department_year, hospital_drg_year and control_month from its shard only (a
 * region's thousands of institutions would make those datasets tens of megabytes). Each keeps the URL
 * of the whole published dataset for its download link.
 */
async function loadHospitalData(files, hospital) {
  const data = await loadDatasets({ hospital_year: files.hospital_year, settlement: files.settlement, shard_index: shardIndex });
  const shard = data.shard_index.rows.find(sameId(hospital))?.shard;
  const parts = shard == null ? {} : JSON.parse(await fetchText(shards[shard]));
  for (const name of ["hospital_month", "department_year", "hospital_drg_year", "control_month"]) {
    data[name] = { rows: parts[name] ? parseDataset(parts[name]) : [], url: files[name] };
  }
  return data;
}

/** The page without a known hospital: says so, and lists every hospital (latest year) to choose from. */
function chooseHospital(data, { t, lang, depth, hospital }) {
  const latest = new Map();
  for (const r of data.hospital_year.rows) if (!latest.has(String(r.hospital_id)) || latest.get(String(r.hospital_id)).year < r.year) latest.set(String(r.hospital_id), r);
  const rows = [...latest.values()].map((r) => ({ ...r, name: r.name ?? String(r.hospital_id) }));
  const lead = hospital == null ? t("hospitalChoose") : `${t("hospitalUnknown", { id: hospital })} ${t("hospitalChoose")}`;
  return el("div", { class: "page hospital" },
    pageHeader(t("hospitalsTitle"), lead, lang),
    el("p", { class: "back" }, pageLink("hospitals", t("backToHospitals"), lang, depth)),
    institutionTable(rows, [
      { key: "name", label: t("colHospital"), align: "left" },
      { key: "hospital_id", label: t("colHospitalId"), align: "left" },
      { key: "level", label: t("colLevel"), align: "left", format: (v) => t(`level${v}`) },
      { key: "district", label: t("colDistrict"), align: "left" },
      { key: "year", label: t("filterYear"), format: (v) => String(v) },
      { key: "cases", label: t("colCases"), format: (v) => formatNumber(v, 0, lang) },
    ], { t, lang, depth, sort: "cases" }),
  );
}

/** The header's language link goes to the same hospital in the other language (the header is written at build time, without the address's query). */
function keepAddressOnLanguageSwitch() {
  const link = document.querySelector(".lang-switch");
  if (!link || !location.search) return;
  const target = new URL(link.getAttribute("href"), location.href);
  target.search = location.search;
  link.setAttribute("href", target.pathname + target.search);
}

function truncate(label) {
  const text = String(label);
  return text.length > 22 ? `${text.slice(0, 21)}…` : text;
}
