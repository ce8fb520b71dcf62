// Analysts' per-capita package page (分析 · 人头包干): for each institution with signed persons, its
// package (quota × signed persons), what the fund paid for those persons anywhere, the surplus kept or
// overspend borne at the share ratio, and how much of the spend went to other institutions (metrics.md
// §8). Rankings show the top and bottom ten; all institutions are in the searchable table.
import * as Plot from "@observablehq/plot";
import { chartCard, el, filterBar, labelMargin } from "../dom.js";
import { distinct, loadDatasets } from "../data.js";
import { levelColor, onChange, yearSelect } from "../filters.js";
import { formatMoney, formatNumber, formatPercent, formatYear, moneyUnit } from "../format.js";
import { translator } from "../i18n.js";
import { hospitalLink } from "../links.js";
import { pageHeader } from "../page.js";
import { searchableTable, topAndBottom } from "../ranked.js";

export async function capitationPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const rows = data.capitation.rows;
  const yearInput = yearSelect(distinct(rows, "year"), t);
  const shown = () => rows.filter((r) => r.year === yearInput.value).map((r) => ({ ...r, name: r.name ?? String(r.hospital_id), level_label: t(`level${r.level}`) }));

  const surplusCard = chartCard({
    t,
    filename: "package-surplus-by-institution",
    dataset: "capitation",
    datasetUrl: data.capitation.url,
    data: () => shown().map(({ hospital_id, name, year, signed_persons, quota, package: pkg, package_spend, surplus, kept_or_borne }) => ({ hospital_id, name, year, signed_persons, quota, package: pkg, package_spend, surplus, kept_or_borne })),
    render: (width) => {
      const all = shown().sort((a, b) => b.surplus - a.surplus);
      const list = topAndBottom(all);
      const over = all.filter((r) => r.surplus < 0);
      const total = all.reduce((s, r) => s + r.surplus, 0);
      const { factor, unit } = moneyUnit(list.map((r) => r.surplus), lang);
      return Plot.plot({
        title: all.length ? t("capSurplusTitle", { year: formatYear(yearInput.value, lang), surplus: all.length - over.length, over: over.length, total: formatMoney(total, lang), worst: over.length ? over.at(-1).name : "—", worstValue: over.length ? formatMoney(-over.at(-1).surplus, lang) : "—" }) : t("noData"),
        subtitle: t(all.length > 20 ? "capSurplusSubtitleTop" : "capSurplusSubtitle"),
        width,
        height: 70 + 22 * list.length,
        marginLeft: labelMargin(list.map((r) => r.name)),
        x: { label: t("capAxisSurplus", { unit }), grid: true },
        y: { label: null, domain: list.map((r) => r.name) },
        color: { type: "ordinal", domain: [true, false], range: ["var(--theme-green)", "var(--theme-red)"] },
        marks: [
          Plot.barX(list, { x: (d) => d.surplus / factor, y: "name", fill: (d) => d.surplus >= 0, tip: true, title: (d) => `${d.name}\n${t("capSignedPersons")} ${formatNumber(d.signed_persons, 0, lang)}\n${t("capPackage")} ${formatMoney(d.package, lang)}\n${t("capSpend")} ${formatMoney(d.package_spend, lang)}\n${t(d.surplus >= 0 ? "capSurplus" : "capOverspend")} ${formatMoney(Math.abs(d.surplus), lang)}\n${t("capKeptOrBorne")} ${formatMoney(d.kept_or_borne, lang)}` }),
          Plot.ruleX([0]),
        ],
      });
    },
  });

  const elsewhereCard = chartCard({
    t,
    filename: "package-spend-elsewhere-by-institution",
    dataset: "capitation",
    datasetUrl: data.capitation.url,
    data: () => shown().map(({ hospital_id, name, year, package_spend, spend_own, spend_elsewhere, elsewhere_share }) => ({ hospital_id, name, year, package_spend, spend_own, spend_elsewhere, elsewhere_share })),
    render: (width) => {
      const all = shown().sort((a, b) => b.elsewhere_share - a.elsewhere_share);
      const list = topAndBottom(all);
      const spend = all.reduce((s, r) => s + r.package_spend, 0);
      const elsewhere = all.reduce((s, r) => s + r.spend_elsewhere, 0);
      return Plot.plot({
        title: all.length ? t("capElsewhereTitle", { year: formatYear(yearInput.value, lang), share: formatPercent(spend ? elsewhere / spend : null), name: all[0].name, max: formatPercent(all[0].elsewhere_share), low: all.at(-1).name, min: formatPercent(all.at(-1).elsewhere_share) }) : t("noData"),
        subtitle: t("capElsewhereSubtitle"),
        width,
        height: 70 + 22 * list.length,
        marginLeft: labelMargin(list.map((r) => r.name)),
        x: { label: t("capAxisElsewhere"), grid: true, domain: [0, 1], tickFormat: (v) => `${Math.round(v * 100)}%` },
        y: { label: null, domain: list.map((r) => r.name) },
        color: levelColor(t),
        marks: [
          Plot.barX(list, { x: "elsewhere_share", y: "name", fill: "level_label", tip: true, title: (d) => `${d.name}\n${t("capElsewhere")} ${formatMoney(d.spend_elsewhere, lang)} (${formatPercent(d.elsewhere_share)})\n${t("capOwn")} ${formatMoney(d.spend_own, lang)}` }),
        ],
      });
    },
  });

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      searchableTable(shown(), [
        { key: "name", label: t("colHospital"), format: (v, r) => hospitalLink(r.hospital_id, v, lang, depth), align: "left" },
        { key: "signed_persons", label: t("capSignedPersons"), format: (v) => formatNumber(v, 0, lang) },
        { key: "quota", label: t("capQuota"), format: (v) => formatMoney(v, lang, { digits: 2 }) },
        { key: "package", label: t("capPackage"), format: (v) => formatMoney(v, lang) },
        { key: "package_spend", label: t("capSpend"), format: (v) => formatMoney(v, lang) },
        { key: "spend_own", label: t("capOwn"), format: (v) => formatMoney(v, lang) },
        { key: "spend_elsewhere", label: t("capElsewhere"), format: (v) => formatMoney(v, lang) },
        { key: "elsewhere_share", label: t("capElsewhereShare"), format: (v) => formatPercent(v) },
        { key: "surplus", label: t("capSurplusOrOverspend"), format: (v) => formatMoney(v, lang) },
        { key: "kept_or_borne", label: t("capKeptOrBorne"), format: (v) => formatMoney(v, lang) },
      ], { placeholder: t("searchInstitution"), sort: "surplus" }),
    );
  renderTable();
  onChange([yearInput], () => {
    surplusCard.update();
    elsewhereCard.update();
    renderTable();
  });

  return el("div", { class: "page capitation" },
    pageHeader(t("capitationTitle"), t("capitationLead"), lang),
    filterBar(yearInput),
    el("div", { class: "grid grid-cols-2" }, surplusCard, elsewhereCard),
    el("h2", {}, t("capTableTitle")),
    tableHolder,
  );
}
