// Analysts' outpatient APG page (分析 · 门诊APG): per institution, the mix of APG classes (procedure,
// medical, ancillary) and of groups, and the unsigned pool's point settlement: points, payment, fund
// payable and settlement rate (metrics.md §8). Rankings show the top and bottom ten; every institution
// is in the searchable table. Filters: year, level.
import * as Plot from "@observablehq/plot";
import * as Inputs from "@observablehq/inputs";
import { chartCard, el, filterBar, labelMargin } from "../dom.js";
import { distinct, loadDatasets } from "../data.js";
import { levelColor, levelSelect, onChange, yearSelect } from "../filters.js";
import { formatMoney, formatNumber, formatPercent, formatYear } from "../format.js";
import { translator } from "../i18n.js";
import { hospitalLink } from "../links.js";
import { pageHeader } from "../page.js";
import { searchableTable, topAndBottom } from "../ranked.js";

const classes = ["procedure", "medical", "ancillary"];
const classColors = ["#d95f02", "#4269d0", "#7f7f7f"];

export async function apgPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const hospitals = data.apg_hospital_year.rows;
  const mix = data.apg_hospital_class_year.rows;
  const groupsByHospital = data.apg_hospital_group.rows;
  const groups = data.apg_groups.rows;

  const yearInput = yearSelect(distinct(hospitals, "year"), t);
  const levelInput = levelSelect(distinct(hospitals, "level"), t);
  const inLevel = (r) => levelInput.value == null || r.level === levelInput.value;
  const shown = () => {
    const classMix = new Map();
    for (const m of mix.filter((m) => m.year === yearInput.value)) {
      const entry = classMix.get(m.hospital_id) ?? {};
      entry[m.class] = m.points;
      classMix.set(m.hospital_id, entry);
    }
    return hospitals
      .filter((r) => r.year === yearInput.value && inLevel(r))
      .map((r) => {
        const c = classMix.get(r.hospital_id) ?? {};
        return { ...r, name: r.name ?? String(r.hospital_id), level_label: t(`level${r.level}`), procedure_share: r.points ? (c.procedure ?? 0) / r.points : null, medical_share: r.points ? (c.medical ?? 0) / r.points : null, ancillary_share: r.points ? (c.ancillary ?? 0) / r.points : null, signed_share: r.visits ? r.signed_visits / r.visits : null };
      });
  };

  const mixCard = chartCard({
    t,
    filename: "apg-class-mix-by-institution",
    dataset: "apg_hospital_class_year",
    datasetUrl: data.apg_hospital_class_year.url,
    data: () => shown().map(({ hospital_id, name, year, points, procedure_share, medical_share, ancillary_share }) => ({ hospital_id, name, year, points, procedure_share, medical_share, ancillary_share })),
    render: (width) => {
      const rows = topAndBottom(shown().sort((a, b) => b.procedure_share - a.procedure_share));
      const all = shown();
      const points = all.reduce((s, r) => s + r.points, 0);
      const procedure = all.reduce((s, r) => s + r.points * (r.procedure_share ?? 0), 0);
      const long = rows.flatMap((r) => classes.map((c) => ({ name: r.name, class: c, share: r[`${c}_share`], r })));
      return Plot.plot({
        title: rows.length ? t("apgMixTitle", { year: formatYear(yearInput.value, lang), share: formatPercent(points ? procedure / points : null), name: rows[0].name, top: formatPercent(rows[0].procedure_share) }) : t("noData"),
        subtitle: t(all.length > 20 ? "apgMixSubtitleTop" : "apgMixSubtitle"),
        width,
        height: 70 + 20 * rows.length,
        marginLeft: labelMargin(rows.map((r) => r.name)),
        x: { label: t("apgAxisPointsShare"), tickFormat: (v) => `${Math.round(v * 100)}%`, domain: [0, 1] },
        y: { label: null, domain: rows.map((r) => r.name) },
        color: { domain: classes, range: classColors, legend: true, tickFormat: (c) => t(`apgClass_${c}`) },
        marks: [
          Plot.barX(long, Plot.stackX({ x: "share", y: "name", fill: "class", order: classes, tip: true, title: (d) => `${d.name}\n${t(`apgClass_${d.class}`)} ${formatPercent(d.share)}\n${t("apgPoints")} ${formatNumber(d.r.points, 0, lang)}` })),
          rows.length > 20 ? Plot.ruleY([rows[9].name], { dy: 10, stroke: "var(--theme-foreground-faint)", strokeDasharray: "3 3" }) : null,
        ],
      });
    },
  });

  const rateCard = chartCard({
    t,
    filename: "apg-settlement-rate-by-institution",
    dataset: "apg_hospital_year",
    datasetUrl: data.apg_hospital_year.url,
    data: () => shown().map(({ hospital_id, name, year, unsigned_points, point_value, apg_payment, fund_payable, unsigned_fund_paid, settlement_rate }) => ({ hospital_id, name, year, unsigned_points, point_value, apg_payment, fund_payable, unsigned_fund_paid, settlement_rate })),
    render: (width) => {
      const all = shown().filter((r) => r.settlement_rate != null).sort((a, b) => b.settlement_rate - a.settlement_rate);
      const rows = topAndBottom(all);
      const above = all.filter((r) => r.settlement_rate > 1).length;
      return Plot.plot({
        title: rows.length ? t("apgRateTitle", { year: formatYear(yearInput.value, lang), value: formatNumber(rows[0].point_value, 3, lang), above, total: all.length, name: rows[0].name, max: formatPercent(rows[0].settlement_rate), low: rows.at(-1).name, min: formatPercent(rows.at(-1).settlement_rate) }) : t("noData"),
        subtitle: t(all.length > 20 ? "apgRateSubtitleTop" : "apgRateSubtitle"),
        width,
        height: 70 + 20 * rows.length,
        marginLeft: labelMargin(rows.map((r) => r.name)),
        x: { label: t("axisSettlementRate"), grid: true, tickFormat: (v) => `${Math.round(v * 100)}%` },
        y: { label: null, domain: rows.map((r) => r.name) },
        color: levelColor(t),
        marks: [
          Plot.barX(rows, { x1: 1, x2: "settlement_rate", y: "name", fill: "level_label", tip: true, title: (d) => `${d.name}\n${t("settlementRate")} ${formatPercent(d.settlement_rate)}\n${t("apgUnsignedPoints")} ${formatNumber(d.unsigned_points, 0, lang)}\n${t("apgPayment")} ${formatMoney(d.apg_payment, lang)}\n${t("fundPayable")} ${formatMoney(d.fund_payable, lang)}\n${t("apgUnsignedFund")} ${formatMoney(d.unsigned_fund_paid, lang)}` }),
          Plot.ruleX([1], { stroke: "var(--theme-foreground)" }),
        ],
      });
    },
  });

  // Group mix of one institution: its 15 groups with most points and the rest
  const names = new Map(hospitals.map((r) => [r.hospital_id, r.name ?? String(r.hospital_id)]));
  const hospitalInput = Inputs.select([...names.keys()].sort(), { label: t("colHospital"), format: (id) => names.get(id) });
  const groupInfo = new Map(groups.map((g) => [g.apg_code, g]));
  const groupCard = chartCard({
    t,
    filename: "apg-group-mix",
    dataset: "apg_hospital_group",
    datasetUrl: data.apg_hospital_group.url,
    data: () => groupsByHospital.filter((r) => r.hospital_id === hospitalInput.value && r.year === yearInput.value),
    render: (width) => {
      const rows = groupsByHospital
        .filter((r) => r.hospital_id === hospitalInput.value && r.year === yearInput.value)
        .map((r) => ({ ...r, label: r.apg_code ?? t("apgOtherGroups"), class: groupInfo.get(r.apg_code)?.class ?? "other" }));
      const top = rows.slice(0, 3).filter((r) => r.apg_code);
      return Plot.plot({
        title: top.length ? t("apgGroupTitle", { name: names.get(hospitalInput.value), year: formatYear(yearInput.value, lang), groups: top.map((r) => r.apg_code).join(t("listSeparator")), share: formatPercent(top.reduce((s, r) => s + r.points_share, 0)) }) : t("noData"),
        subtitle: t("apgGroupSubtitle"),
        width,
        height: 70 + 20 * rows.length,
        marginLeft: 80,
        x: { label: t("apgAxisPointsShare"), grid: true, tickFormat: (v) => `${Math.round(v * 100)}%` },
        y: { label: null, domain: rows.map((r) => r.label) },
        color: { domain: [...classes, "other"], range: [...classColors, "#cccccc"] },
        marks: [
          Plot.barX(rows, { x: "points_share", y: "label", fill: "class", tip: true, title: (d) => `${d.label}${d.apg_code ? ` (${t(`apgClass_${d.class}`)}, ${t("apgWeight")} ${formatNumber(groupInfo.get(d.apg_code)?.weight, 4, lang)})` : ""}\n${t("apgVisits")} ${formatNumber(d.visits, 0, lang)}\n${t("apgPoints")} ${formatNumber(d.points, 0, lang)} (${formatPercent(d.points_share)})\n${t("totalCost")} ${formatMoney(d.total_cost, lang)}` }),
        ],
      });
    },
  });

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      searchableTable(shown(), [
        { key: "name", label: t("colHospital"), format: (v, r) => hospitalLink(r.hospital_id, v, lang, depth), align: "left" },
        { key: "level", label: t("colLevel"), format: (v) => t(`level${v}`), align: "left" },
        { key: "visits", label: t("apgVisits"), format: (v) => formatNumber(v, 0, lang) },
        { key: "points", label: t("apgPoints"), format: (v) => formatNumber(v, 0, lang) },
        { key: "procedure_share", label: t("apgProcedureShare"), format: (v) => formatPercent(v) },
        { key: "signed_share", label: t("apgSignedShare"), format: (v) => formatPercent(v) },
        { key: "unsigned_points", label: t("apgUnsignedPoints"), format: (v) => formatNumber(v, 0, lang) },
        { key: "apg_payment", label: t("apgPayment"), format: (v) => formatMoney(v, lang) },
        { key: "fund_payable", label: t("fundPayable"), format: (v) => formatMoney(v, lang) },
        { key: "unsigned_fund_paid", label: t("apgUnsignedFund"), format: (v) => formatMoney(v, lang) },
        { key: "settlement_rate", label: t("settlementRate"), format: (v) => formatPercent(v) },
      ], { placeholder: t("searchInstitution"), sort: "settlement_rate" }),
    );
  renderTable();
  onChange([yearInput, levelInput], () => {
    mixCard.update();
    rateCard.update();
    groupCard.update();
    renderTable();
  });
  onChange([hospitalInput], () => groupCard.update());

  const groupTable = searchableTable(groups, [
    { key: "apg_code", label: t("apgGroup"), align: "left" },
    { key: "class", label: t("apgClass"), format: (v) => (v ? t(`apgClass_${v}`) : "—"), align: "left" },
    { key: "level", label: t("apgLevel"), format: (v) => t(`apgLevel_${v}`), align: "left" },
    { key: "visits", label: t("apgBaseVisits"), format: (v) => formatNumber(v, 0, lang) },
    { key: "avg_cost", label: t("apgAvgCost"), format: (v) => formatMoney(v, lang, { digits: 0 }) },
    { key: "weight", label: t("apgWeight"), format: (v) => formatNumber(v, 4, lang) },
    { key: "unstable", label: t("apgUnstable"), format: (v) => (v === true || v === "true" ? t("yes") : ""), align: "left" },
    { key: "all_visits", label: t("apgAllVisits"), format: (v) => formatNumber(v, 0, lang) },
  ], { placeholder: t("searchGroup"), sort: "all_visits" });
  const counts = Object.fromEntries(["key", "chapter", "class"].map((l) => [l, groups.filter((g) => g.level === l).length]));

  return el("div", { class: "page apg" },
    pageHeader(t("apgTitle"), t("apgLead"), lang),
    filterBar(yearInput, levelInput),
    el("div", { class: "grid grid-cols-2" }, mixCard, rateCard),
    el("h2", {}, t("apgTableTitle")),
    tableHolder,
    el("h2", {}, t("apgGroupHeading")),
    filterBar(hospitalInput),
    groupCard,
    el("h2", {}, t("apgGroupsTitle", { n: formatNumber(groups.length, 0, lang), key: counts.key, chapter: counts.chapter, classes: counts.class })),
    groupTable,
  );
}
