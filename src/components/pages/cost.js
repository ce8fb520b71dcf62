// Analysts' cost-per-weight page (分析 · 每权重费用): cost per weight by hospital level over the years and
// per hospital against its level. Filters: year, level, district.
import * as Plot from "@observablehq/plot";
import { chartCard, el, filterBar } from "../dom.js";
import { distinct, loadDatasets } from "../data.js";
import { districtSelect, levelSelect, onChange, yearSelect, levelColor } from "../filters.js";
import { formatChange, formatMoney, formatNumber, formatYear, moneyUnit, formatYuan } from "../format.js";
import { caseMixOf, periodChange } from "../formulas.js";
import { levelInSentence, translator } from "../i18n.js";
import { institutionTable, rankKey, rankedAxis, rankedNote, topAndBottom } from "../ranking.js";
import { pageHeader } from "../page.js";

export async function costPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const all = data.hospital_year.rows.filter((r) => r.cost_per_weight != null);

  const yearInput = yearSelect(distinct(all, "year"), t);
  const levelInput = levelSelect(distinct(all, "level"), t);
  const districtInput = districtSelect(distinct(all, "district"), t);
  const inDistrict = () => all.filter((r) => districtInput.value == null || r.district === districtInput.value);

  const byLevel = () => {
    const rows = inDistrict();
    return distinct(rows, "year").flatMap((year) =>
      distinct(rows, "level").map((level) => ({ year, level, level_label: t(`level${level}`), ...caseMixOf(rows.filter((r) => r.year === year && r.level === level)) })),
    ).filter((r) => r.cost_per_weight != null);
  };
  const levelCard = chartCard({
    t,
    filename: "cost-per-weight-by-level",
    dataset: "hospital_year",
    datasetUrl: data.hospital_year.url,
    data: () => byLevel().map(({ year, level, total_weight, cost_per_weight }) => ({ year, level, total_weight, cost_per_weight })),
    render: (width) => {
      const rows = byLevel();
      const last = rows.filter((r) => r.year === yearInput.value);
      const hi = [...last].sort((a, b) => b.cost_per_weight - a.cost_per_weight)[0];
      const lo = [...last].sort((a, b) => a.cost_per_weight - b.cost_per_weight)[0];
      const { factor, unit } = moneyUnit(rows.map((r) => r.cost_per_weight), lang);
      return Plot.plot({
        title: hi && lo && hi !== lo
          ? t("levelCostTitle", { year: formatYear(yearInput.value, lang), hi: levelInSentence(hi.level, lang), hiValue: formatMoney(hi.cost_per_weight, lang), lo: levelInSentence(lo.level, lang), ratio: formatNumber(hi.cost_per_weight / lo.cost_per_weight, 2, lang) })
          : t("noData"),
        subtitle: t("levelCostSubtitle"),
        width,
        height: 300,
        marginLeft: 56,
        x: { label: t("axisYear"), tickFormat: String, ticks: distinct(rows, "year") },
        y: { label: t("axisCostPerWeight", { unit }), grid: true },
        color: levelColor(t),
        marks: [
          Plot.ruleX([yearInput.value], { stroke: "var(--theme-foreground-faint)" }),
          Plot.lineY(rows, { x: "year", y: (d) => d.cost_per_weight / factor, stroke: "level_label", marker: "circle-stroke", tip: true, title: (d) => `${d.level_label} ${formatYear(d.year, lang)}\n${t("costPerWeight")} ${formatMoney(d.cost_per_weight, lang)}` }),
        ],
      });
    },
  });

  const hospitalsShown = () => {
    const inYear = all.filter((r) => r.year === yearInput.value);
    const levelMean = new Map(distinct(inYear, "level").map((level) => [level, caseMixOf(inYear.filter((r) => r.level === level)).cost_per_weight]));
    return inDistrict()
      .filter((r) => r.year === yearInput.value && (levelInput.value == null || r.level === levelInput.value))
      .map((r) => ({ ...r, level_label: t(`level${r.level}`), level_mean: levelMean.get(r.level), vs_level: periodChange(levelMean.get(r.level), r.cost_per_weight) }))
      .sort((a, b) => b.cost_per_weight - a.cost_per_weight);
  };
  const hospitalCard = chartCard({
    t,
    filename: "cost-per-weight-by-hospital",
    dataset: "hospital_year",
    datasetUrl: data.hospital_year.url,
    data: () => hospitalsShown().map(({ hospital_id, name, level, district, year, total_weight, cost_per_weight, level_mean, vs_level }) => ({ hospital_id, name, level, district, year, total_weight, cost_per_weight, level_mean, vs_level })),
    render: (width) => {
      // Ranked by how far each lies from its level's average (hospitals of different levels compare so).
      const ranked = topAndBottom(hospitalsShown(), (r) => r.vs_level);
      const rows = ranked.rows;
      const top = ranked.top[0];
      const axis = rankedAxis(ranked, t, lang, width);
      const { factor, unit } = moneyUnit(rows.map((r) => r.cost_per_weight), lang);
      return Plot.plot({
        title: top ? t("hospitalCostTitle", { year: formatYear(yearInput.value, lang), name: top.name, value: formatMoney(top.cost_per_weight, lang), pct: formatChange(top.vs_level), level: levelInSentence(top.level, lang) }) : t("noData"),
        subtitle: t("hospitalCostSubtitle"),
        width,
        height: axis.height,
        marginLeft: axis.marginLeft,
        x: { label: t("axisCostPerWeight", { unit }), grid: true },
        y: axis.y,
        color: levelColor(t),
        marks: [
          Plot.barX(rows, { x: (d) => d.cost_per_weight / factor, y: rankKey, fill: "level_label", tip: true, title: (d) => `${d.name} (${d.level_label})\n${t("costPerWeight")} ${formatMoney(d.cost_per_weight, lang)}\n${t("levelMean")} ${formatMoney(d.level_mean, lang)} (${formatChange(d.vs_level)})` }),
          Plot.tickX(rows, { x: (d) => d.level_mean / factor, y: rankKey, stroke: "var(--theme-foreground)", strokeWidth: 2 }),
          Plot.ruleX([0]),
        ],
      });
    },
    note: () => [t("levelMeanNote"), rankedNote(topAndBottom(hospitalsShown(), (r) => r.vs_level), t, lang)].filter(Boolean).join(" "),
  });

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      institutionTable(hospitalsShown(), [
        { key: "name", label: t("colHospital"), align: "left" },
        { key: "level", label: t("colLevel"), align: "left", format: (v) => t(`level${v}`) },
        { key: "district", label: t("colDistrict"), align: "left" },
        { key: "total_weight", label: t("colTotalWeight"), format: (v) => formatNumber(v, 1, lang) },
        { key: "cost_per_weight", label: t("costPerWeight"), format: (v) => formatYuan(v, lang) },
        { key: "level_mean", label: t("levelMean"), format: (v) => formatYuan(v, lang) },
        { key: "vs_level", label: t("colVsLevel"), format: (v) => formatChange(v) },
      ], { t, lang, depth, sort: "cost_per_weight" }),
    );
  renderTable();
  onChange([yearInput, levelInput, districtInput], () => {
    levelCard.update();
    hospitalCard.update();
    renderTable();
  });

  return el("div", { class: "page cost" },
    pageHeader(t("costTitle"), t("costLead"), lang),
    filterBar(yearInput, levelInput, districtInput),
    el("div", { class: "grid grid-cols-2" }, levelCard, hospitalCard),
    el("h2", {}, t("hospitalTableTitle")),
    tableHolder,
  );
}

