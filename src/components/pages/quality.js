// Researchers' data-quality page (方法 · 数据质量): rows read, accepted and set aside per input table; why
// rows were set aside (reasons aggregated, values stripped); dictionary warnings; the grouping rate by
// year; QY and 0000 by MDC; concordance with the upstream groups where the input gives them.
import * as Plot from "@observablehq/plot";
import { chartCard, dataTable, el, labelMargin } from "../dom.js";
import { loadDatasets } from "../data.js";
import { formatNumber, formatPercent, formatYear, percentTicks } from "../format.js";
import { translator } from "../i18n.js";
import { pageHeader } from "../page.js";
import { outpatientGroupingSection } from "../apg-quality.js";

export async function qualityPage(files, { lang }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const quality = data.quality.rows;
  const reasons = data.rejection_reasons.rows;
  const region = data.region_year.rows;
  const mdc = data.grouping_mdc.rows;

  const read = quality.reduce((s, r) => s + r.rows_read, 0);
  const rejected = quality.reduce((s, r) => s + r.rows_rejected, 0);
  const long = quality.flatMap((r) => [
    { table: r.table, kind: t("rowsAccepted"), rows: r.rows_accepted, read: r.rows_read },
    { table: r.table, kind: t("rowsRejected"), rows: r.rows_rejected, read: r.rows_read },
  ]);
  const rowsCard = chartCard({
    t,
    filename: "rows-by-table",
    dataset: "quality",
    datasetUrl: data.quality.url,
    data: () => quality,
    render: (width) =>
      Plot.plot({
        title: t("rowsTitle", { read: formatNumber(read, 0, lang), rejected: formatNumber(rejected, 0, lang), share: formatPercent(read ? rejected / read : null, rejected && rejected / read < 0.001 ? 3 : 2) }),
        subtitle: t("rowsSubtitle"),
        width,
        height: 60 + 34 * quality.length,
        marginLeft: labelMargin(quality.map((r) => r.table), { width }),
        x: { label: t("axisRows"), grid: true },
        y: { label: null },
        color: { legend: true, domain: [t("rowsAccepted"), t("rowsRejected")], range: ["var(--theme-foreground-focus)", "var(--theme-red)"] },
        marks: [
          Plot.barX(long, { x: "rows", y: "table", fill: "kind", tip: true, title: (d) => `${d.table}\n${d.kind} ${formatNumber(d.rows, 0, lang)} / ${formatNumber(d.read, 0, lang)}` }),
          Plot.ruleX([0]),
        ],
      }),
  });

  const top = reasons.slice().sort((a, b) => b.rows - a.rows);
  const reasonsCard = chartCard({
    t,
    filename: "rejection-reasons",
    dataset: "rejection_reasons",
    datasetUrl: data.rejection_reasons.url,
    data: () => reasons,
    render: (width) => {
      const shown = top.slice(0, 15).map((r) => ({ ...r, label: `${r.table}: ${r.reason}` }));
      return Plot.plot({
        title: top.length ? t("reasonsTitle", { reason: top[0].reason, table: top[0].table, n: formatNumber(top[0].rows, 0, lang) }) : t("reasonsNone"),
        subtitle: t("reasonsSubtitle"),
        width,
        height: 60 + 22 * Math.max(1, shown.length),
        marginLeft: Math.min(width * 0.55, labelMargin(shown.map((r) => r.label), { max: 420 })),
        x: { label: t("axisRows"), grid: true, ticks: countTicks(shown.map((r) => r.rows)) },
        y: { label: null, domain: shown.map((r) => r.label) },
        marks: shown.length ? [
          Plot.barX(shown, { x: "rows", y: "label", fill: "var(--theme-red)", tip: true, title: (d) => `${d.table}\n${d.reason}\n${t("rows")} ${formatNumber(d.rows, 0, lang)}` }),
          Plot.ruleX([0]),
        ] : [Plot.text([t("reasonsNoneNote")], { frameAnchor: "middle", fontSize: 12 })],
      });
    },
  });

  const rateCard = chartCard({
    t,
    filename: "grouping-rate-by-year",
    dataset: "region_year",
    datasetUrl: data.region_year.url,
    data: () => region.map(({ year, cases, excluded_cases, qy_cases, ungroupable_cases, grouping_rate }) => ({ year, cases, excluded_cases, qy_cases, ungroupable_cases, grouping_rate })),
    render: (width) => {
      const last = region.at(-1);
      const low = region.filter((r) => r.grouping_rate != null).sort((a, b) => a.grouping_rate - b.grouping_rate)[0];
      return Plot.plot({
        title: last ? t("groupingRateTitle", { year: formatYear(last.year, lang), rate: formatPercent(last.grouping_rate, 2), low: formatYear(low.year, lang), lowRate: formatPercent(low.grouping_rate, 2) }) : t("noData"),
        subtitle: t("groupingRateSubtitle"),
        width,
        height: 260,
        marginLeft: 52,
        x: { label: t("axisYear"), tickFormat: String, ticks: region.map((r) => r.year) },
        y: { label: t("axisGroupingRate"), grid: true, tickFormat: percentTicks(region.map((r) => r.grouping_rate)) },
        marks: [
          Plot.lineY(region, { x: "year", y: "grouping_rate", marker: "circle-stroke", tip: true, title: (d) => `${formatYear(d.year, lang)}\n${t("groupingRate")} ${formatPercent(d.grouping_rate, 2)}\nQY ${formatNumber(d.qy_cases, 0, lang)} · 0000 ${formatNumber(d.ungroupable_cases, 0, lang)}\n${t("excludedCases")} ${formatNumber(d.excluded_cases, 0, lang)}` }),
        ],
      });
    },
  });

  const failed = mdc.filter((r) => r.qy_cases + r.ungroupable_cases > 0).map((r) => ({ ...r, mdc: r.mdc ?? "—" }));
  const failedLong = failed.flatMap((r) => [
    { mdc: r.mdc, kind: "QY", cases: r.qy_cases, total: r.cases - r.excluded_cases },
    { mdc: r.mdc, kind: "0000", cases: r.ungroupable_cases, total: r.cases - r.excluded_cases },
  ]).filter((r) => r.cases > 0);
  const worstQy = [...mdc].filter((r) => r.qy_cases > 0).sort((a, b) => b.qy_cases - a.qy_cases)[0];
  const mdcCard = chartCard({
    t,
    filename: "qy-and-0000-by-mdc",
    dataset: "grouping_mdc",
    datasetUrl: data.grouping_mdc.url,
    data: () => mdc,
    render: (width) =>
      Plot.plot({
        title: worstQy ? t("mdcTitle", { mdc: worstQy.mdc, qy: formatNumber(worstQy.qy_cases, 0, lang), ungroupable: formatNumber(mdc.reduce((s, r) => s + r.ungroupable_cases, 0), 0, lang) }) : t("mdcTitleNone", { ungroupable: formatNumber(mdc.reduce((s, r) => s + r.ungroupable_cases, 0), 0, lang) }),
        subtitle: t("mdcSubtitle"),
        width,
        height: 60 + 20 * Math.max(1, failed.length),
        marginLeft: 64,
        x: { label: t("axisCases"), grid: true, ticks: countTicks(failedLong.map((r) => r.cases)) },
        y: { label: null, domain: failed.map((r) => r.mdc) },
        color: { legend: true, domain: ["QY", "0000"], range: ["var(--theme-foreground-focus)", "var(--theme-red)"] },
        marks: [
          Plot.barX(failedLong, { x: "cases", y: "mdc", fill: "kind", tip: true, title: (d) => `${d.mdc} ${d.kind}\n${formatNumber(d.cases, 0, lang)} / ${formatNumber(d.total, 0, lang)} (${formatPercent(d.total ? d.cases / d.total : null, 2)})` }),
          Plot.ruleX([0]),
        ],
      }),
  });

  const warnings = dataTable(data.input_warnings.rows, [
    { key: "table", label: t("colTable"), align: "left", format: (v) => el("code", {}, v) },
    { key: "column", label: t("colColumn"), align: "left", format: (v) => el("code", {}, v) },
    { key: "warning", label: t("colWarning"), align: "left" },
    { key: "codes", label: t("colCodes"), format: (v) => formatNumber(v, 0, lang) },
    { key: "distinct_codes", label: t("colDistinctCodes"), format: (v) => formatNumber(v, 0, lang) },
    { key: "example", label: t("colExample"), align: "left", format: (v) => (v ? el("code", {}, v) : "—") },
  ]);

  const concordance = concordanceSection(data.grouping_concordance, t, lang);

  return el("div", { class: "page quality" },
    pageHeader(t("qualityTitle"), t("qualityLead"), lang),
    el("div", { class: "grid grid-cols-2" }, rowsCard, rateCard),
    reasonsCard,
    mdcCard,
    el("h2", {}, t("warningsHeading")),
    el("p", {}, t("warningsLead")),
    data.input_warnings.rows.length ? warnings : el("p", { class: "muted" }, t("warningsNone")),
    concordance,
    data.dip_packets ? dipAccounting(data.dip_packets.rows, data.quality.rows, t, lang) : null,
    data.apg_grouping ? outpatientGroupingSection(data.apg_grouping, data.apg_concordance, t, lang) : null,
  );
}

/** The project's own grouping against the upstream drg_code, where the input gives one (dataset grouping_concordance). */
function concordanceSection({ rows, url }, t, lang) {
  const total = rows.find((r) => r.kind === "total");
  const heading = el("h2", {}, t("concordanceHeading"));
  if (!total || !total.cases) return el("section", {}, heading, el("p", { class: "muted" }, t("concordanceNone")));
  const byMdc = rows.filter((r) => r.kind === "by_mdc").sort((a, b) => b.share - a.share || b.cases - a.cases);
  const byCode = rows.filter((r) => r.kind === "by_code");
  const card = chartCard({
    t,
    filename: "grouping-disagreement-by-mdc",
    dataset: "grouping_concordance",
    datasetUrl: url,
    data: () => byMdc.map(({ mdc, cases, share }) => ({ mdc, disagreeing_cases: cases, share_of_mdc: share })),
    render: (width) =>
      Plot.plot({
        title: byMdc.length
          ? t("concordanceTitle", { share: formatPercent(total.share, 2), n: formatNumber(total.cases, 0, lang), mdc: byMdc[0].mdc, mdcShare: formatPercent(byMdc[0].share) })
          : t("concordanceTitleAll", { n: formatNumber(total.cases, 0, lang) }),
        subtitle: t("concordanceSubtitle"),
        width,
        height: 60 + 20 * Math.max(1, byMdc.length),
        marginLeft: 64,
        x: { label: t("axisDisagreement"), grid: true, tickFormat: percentTicks(byMdc.map((r) => r.share)) },
        y: { label: null, domain: byMdc.map((r) => r.mdc) },
        marks: byMdc.length ? [
          Plot.barX(byMdc, { x: "share", y: "mdc", fill: "var(--theme-red)", tip: true, title: (d) => `${d.mdc}\n${t("disagreeingCases")} ${formatNumber(d.cases, 0, lang)} (${formatPercent(d.share, 2)})` }),
          Plot.ruleX([0]),
        ] : [Plot.text([t("concordanceAllNote")], { frameAnchor: "middle", fontSize: 12 })],
      }),
  });
  return el("section", {},
    heading,
    el("p", {}, t("concordanceLead")),
    card,
    byCode.length
      ? dataTable(byCode.slice(0, 20), [
          { key: "upstream_drg_code", label: t("colUpstreamCode"), align: "left", format: (v) => el("code", {}, v) },
          { key: "cases", label: t("disagreeingCases"), format: (v) => formatNumber(v, 0, lang) },
          { key: "share", label: t("colShareOfCode"), format: (v) => formatPercent(v, 1) },
        ])
      : null,
  );
}

/** Ticks of a count axis: no more ticks than whole numbers to put them on. */
function countTicks(counts) {
  return Math.max(1, Math.min(10, Math.max(0, ...counts)));
}

/** DIP (§9): every accepted inpatient case is in exactly one packet; the cases by how their packet folds. */
function dipAccounting(packets, quality, t, lang) {
  const accepted = quality.find((r) => r.table === "claims_inpatient")?.rows_accepted ?? null;
  const rows = ["core", "category", "chapter", "treatment"].map((fold) => {
    const ps = packets.filter((p) => p.fold === fold);
    return { fold, packets: ps.length, cases: ps.reduce((s, p) => s + (p.cases ?? 0), 0) };
  });
  const total = rows.reduce((s, r) => s + r.cases, 0);
  return el("section", {},
    el("h2", {}, t("dipQualityHeading")),
    el("p", {}, t(total === accepted ? "dipQualityAll" : "dipQualityMismatch", { cases: formatNumber(total, 0, lang), accepted: formatNumber(accepted, 0, lang) })),
    dataTable(rows, [
      { key: "fold", label: t("dipFold"), align: "left", format: (v) => t(`dipFold_${v}`) },
      { key: "packets", label: t("dipPackets"), format: (v) => formatNumber(v, 0, lang) },
      { key: "cases", label: t("colCases"), format: (v) => formatNumber(v, 0, lang) },
    ]),
  );
}
