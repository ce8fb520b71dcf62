// Analysts' hospital index (分析 · 医院): every hospital with its latest figures and a link to its page,
// in a searchable, sortable table; the chart ranks them by fund paid (top and bottom ten).
import * as Plot from "@observablehq/plot";
import { chartCard, el, filterBar } from "../dom.js";
import { distinct, loadDatasets } from "../data.js";
import { districtSelect, levelSelect, onChange, yearSelect, levelColor } from "../filters.js";
import { formatMoney, formatNumber, formatPercent, formatYear, formatYuan } from "../format.js";
import { translator } from "../i18n.js";
import { institutionTable, rankKey, rankedAxis, rankedNote, topAndBottom } from "../ranking.js";
import { pageHeader } from "../page.js";

export async function hospitalsPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const all = data.hospital_year.rows;
  const settlement = new Map(data.settlement.rows.map((r) => [`${r.hospital_id}|${r.year}`, r]));

  const yearInput = yearSelect(distinct(all, "year"), t);
  const levelInput = levelSelect(distinct(all, "level"), t);
  const districtInput = districtSelect(distinct(all, "district"), t);
  const shown = () =>
    all
      .filter((r) => r.year === yearInput.value && (levelInput.value == null || r.level === levelInput.value) && (districtInput.value == null || r.district === districtInput.value))
      .map((r) => ({ ...r, name: r.name ?? String(r.hospital_id), level_label: t(`level${r.level}`), settlement_rate: settlement.get(`${r.hospital_id}|${r.year}`)?.settlement_rate ?? null }))
      .sort((a, b) => b.fund_paid - a.fund_paid);

  const fundCard = chartCard({
    t,
    filename: "fund-by-hospital",
    dataset: "hospital_year",
    datasetUrl: data.hospital_year.url,
    data: () => shown().map(({ hospital_id, name, level, district, year, cases, fund_paid }) => ({ hospital_id, name, level, district, year, cases, fund_paid })),
    render: (width) => {
      const all = shown();
      const total = all.reduce((s, r) => s + r.fund_paid, 0);
      const top3 = all.slice(0, 3).reduce((s, r) => s + r.fund_paid, 0);
      const ranked = topAndBottom(all, (r) => r.fund_paid);
      const axis = rankedAxis(ranked, t, lang, width);
      return Plot.plot({
        title: all.length ? t("hospitalsFundTitle", { year: formatYear(yearInput.value, lang), n: Math.min(3, all.length), share: formatPercent(total ? top3 / total : null), total: all.length }) : t("noData"),
        subtitle: t("hospitalsFundSubtitle"),
        width,
        height: axis.height,
        marginLeft: axis.marginLeft,
        x: { label: t("axisFund", { unit: lang === "zh" ? "万元" : "thousand yuan" }), grid: true },
        y: axis.y,
        color: levelColor(t),
        marks: [
          Plot.barX(ranked.rows, { x: (d) => d.fund_paid / (lang === "zh" ? 1e4 : 1e3), y: rankKey, fill: "level_label", tip: true, title: (d) => `${d.name} (${d.level_label}, ${d.district ?? "—"})\n${t("fundPaid")} ${formatMoney(d.fund_paid, lang)}\n${t("cases")} ${formatNumber(d.cases, 0, lang)}` }),
          Plot.ruleX([0]),
        ],
      });
    },
    note: () => rankedNote(topAndBottom(shown(), (r) => r.fund_paid), t, lang),
  });

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      institutionTable(shown(), [
        { key: "name", label: t("colHospital"), align: "left" },
        { key: "hospital_id", label: t("colHospitalId"), align: "left" },
        { key: "level", label: t("colLevel"), align: "left", format: (v) => t(`level${v}`) },
        { key: "district", label: t("colDistrict"), align: "left" },
        { key: "cases", label: t("colCases"), format: (v) => formatNumber(v, 0, lang) },
        { key: "fund_paid", label: t("fundPaid"), format: (v) => formatMoney(v, lang) },
        { key: "cmi", label: "CMI", format: (v) => formatNumber(v, 3, lang) },
        { key: "cost_per_weight", label: t("costPerWeight"), format: (v) => formatYuan(v, lang) },
        { key: "settlement_rate", label: t("settlementRate"), format: (v) => formatPercent(v) },
      ], { t, lang, depth, sort: "fund_paid" }),
    );
  renderTable();
  onChange([yearInput, levelInput, districtInput], () => {
    fundCard.update();
    renderTable();
  });

  return el("div", { class: "page hospitals" },
    pageHeader(t("hospitalsTitle"), t("hospitalsLead"), lang),
    filterBar(yearInput, levelInput, districtInput),
    tableHolder,
    fundCard,
  );
}
