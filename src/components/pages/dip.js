// DIP pages (metrics.md §9): the overview (分析 · DIP 概览: packets, core coverage, score distribution,
// point value by year), DIP settlement per hospital (分析 · DIP 结算), and DRG against DIP on the same
// claims, year and budget (趋势 · DRG 与 DIP: what the choice of method moves between hospitals and
// which kinds of cases drive it). Ranked hospital charts show the top and bottom ten; every hospital is
// in the searchable, sortable table below them.
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import { chartCard, el, filterBar, labelMargin } from "../dom.js";
import { distinct, loadDatasets } from "../data.js";
import { levelColor, levelSelect, onChange, yearSelect } from "../filters.js";
import { formatChange, formatMoney, formatNumber, formatPercent, formatYear, moneyUnit } from "../format.js";
import { growth } from "../formulas.js";
import { translator } from "../i18n.js";
import { hospitalLink } from "../links.js";
import { pageHeader } from "../page.js";

const TREATMENTS = ["operation", "intervention", "diagnostic", "conservative"];
const RW_BANDS = ["rw_lt_0.5", "rw_0.5_1", "rw_1_2", "rw_ge_2", "no_rw"];
const DEVIATIONS = ["low", "normal", "high"];
const FOLDS = ["core", "category", "chapter", "treatment"];

/** The first and last `n` rows of rows sorted by `key` descending (all of them when there are few). */
export function topAndBottom(rows, key, n = 10) {
  const sorted = [...rows].filter((r) => r[key] != null).sort((a, b) => b[key] - a[key]);
  return sorted.length <= 2 * n ? sorted : [...sorted.slice(0, n), ...sorted.slice(-n)];
}

/** A search box over a sortable table of every row (Inputs.search + Inputs.table). */
function searchableTable(rows, { columns, header, format, sort, placeholder, results }) {
  const holder = el("div", { class: "searchable-table" });
  const draw = (data) => {
    const search = Inputs.search(data, { placeholder, format: results });
    const table = Inputs.table(data, { columns, header, format, sort, reverse: true, rows: 16, layout: "auto", select: false });
    search.addEventListener("input", () => table.replaceWith((holder.table = Inputs.table(search.value, { columns, header, format, sort, reverse: true, rows: 16, layout: "auto", select: false }))));
    holder.table = table;
    holder.replaceChildren(search, table);
  };
  draw(rows);
  holder.update = draw;
  return holder;
}

const moneyCell = (lang) => (v) => formatMoney(v, lang);
const percentCell = (v) => formatPercent(v);

// ---- DIP overview ----

export async function dipPage(files, { lang }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const years = data.dip_year.rows;
  const packets = data.dip_packets.rows;
  const last = years.at(-1);

  const foldRows = FOLDS.map((fold) => {
    const ps = packets.filter((p) => p.fold === fold);
    return { fold, label: t(`dipFold_${fold}`), packets: ps.length, base_cases: ps.reduce((s, p) => s + (p.base_cases ?? 0), 0), cases: ps.reduce((s, p) => s + (p.cases ?? 0), 0) };
  });
  const allCases = foldRows.reduce((s, r) => s + r.cases, 0);
  const allBase = foldRows.reduce((s, r) => s + r.base_cases, 0);
  const core = foldRows[0];

  const coverageCard = chartCard({
    t,
    filename: "dip-packets-by-kind",
    dataset: "dip_packets",
    datasetUrl: data.dip_packets.url,
    data: () => foldRows.map(({ fold, packets, base_cases, cases }) => ({ fold, packets, base_cases, cases })),
    render: (width) =>
      Plot.plot({
        title: packets.length ? t("dipCoverageTitle", { packets: formatNumber(packets.length, 0, lang), core: formatNumber(core.packets, 0, lang), share: formatPercent(allCases ? core.cases / allCases : null), base: formatPercent(allBase ? core.base_cases / allBase : null) }) : t("noData"),
        subtitle: t("dipCoverageSubtitle"),
        width,
        height: 220,
        marginLeft: labelMargin(foldRows.map((r) => r.label)),
        x: { label: t("axisCaseShare"), tickFormat: (v) => `${Math.round(v * 100)}%`, grid: true },
        y: { label: null, domain: foldRows.map((r) => r.label) },
        marks: [
          Plot.barX(foldRows, { x: (d) => (allCases ? d.cases / allCases : 0), y: "label", fill: "var(--theme-foreground-focus)", tip: true, title: (d) => `${d.label}\n${t("dipPackets")} ${formatNumber(d.packets, 0, lang)}\n${t("cases")} ${formatNumber(d.cases, 0, lang)} (${formatPercent(allCases ? d.cases / allCases : null)})\n${t("dipBaseCases")} ${formatNumber(d.base_cases, 0, lang)}` }),
          Plot.text(foldRows, { x: (d) => (allCases ? d.cases / allCases : 0), y: "label", text: (d) => `${formatNumber(d.packets, 0, lang)} ${t("dipPacketsShort")}`, dx: 6, textAnchor: "start", fontSize: 10 }),
          Plot.ruleX([0]),
        ],
      }),
  });

  // score distribution: packets binned by score, each packet weighted by its cases
  const scored = packets.filter((p) => p.score != null && p.score > 0);
  const weightedMedian = (() => {
    const sorted = [...scored].sort((a, b) => a.score - b.score);
    const half = sorted.reduce((s, p) => s + (p.cases ?? 0), 0) / 2;
    let seen = 0;
    for (const p of sorted) if ((seen += p.cases ?? 0) >= half) return p.score;
    return null;
  })();
  const scoreCard = chartCard({
    t,
    filename: "dip-score-distribution",
    dataset: "dip_packets",
    datasetUrl: data.dip_packets.url,
    data: () => scored.map(({ packet_code, kind, fold, score, cases }) => ({ packet_code, kind, fold, score, cases })),
    render: (width) =>
      Plot.plot({
        title: scored.length ? t("dipScoreTitle", { median: formatNumber(weightedMedian, 0, lang), min: formatNumber(Math.min(...scored.map((p) => p.score)), 0, lang), max: formatNumber(Math.max(...scored.map((p) => p.score)), 0, lang) }) : t("noData"),
        subtitle: t("dipScoreSubtitle"),
        width,
        height: 260,
        marginLeft: 56,
        x: { type: "log", label: t("axisDipScore") },
        y: { label: t("axisCases"), grid: true },
        color: { legend: true, domain: ["core", "comprehensive"], range: ["#4269d0", "#efb118"], tickFormat: (k) => t(`dipKind_${k}`) },
        marks: [
          Plot.rectY(scored, Plot.binX({ y: "sum", title: (bin) => `${t("axisDipScore")} ${formatNumber(Math.min(...bin.map((d) => d.score)), 0, lang)}–${formatNumber(Math.max(...bin.map((d) => d.score)), 0, lang)}\n${t("dipPackets")} ${bin.length}\n${t("cases")} ${formatNumber(bin.reduce((s, d) => s + d.cases, 0), 0, lang)}` }, { x: "score", y: "cases", fill: "kind", thresholds: 40, tip: true })),
          Plot.ruleY([0]),
        ],
      }),
  });

  const pointCard = chartCard({
    t,
    filename: "dip-point-value-by-year",
    dataset: "dip_year",
    datasetUrl: data.dip_year.url,
    data: () => years.map(({ year, cases, core_share, scores, point_value, fund_to_distribute, settlement_rate }) => ({ year, cases, core_share, scores, point_value, fund_to_distribute, settlement_rate })),
    render: (width) => {
      const prior = years.at(-2);
      return Plot.plot({
        title: last ? t("dipPointValueTitle", { year: formatYear(last.year, lang), value: formatNumber(last.point_value, 3, lang), change: formatChange(growth(last.point_value, prior?.point_value)) }) : t("noData"),
        subtitle: t("dipPointValueSubtitle"),
        width,
        height: 260,
        insetTop: 16,
        x: { label: t("axisYear"), tickFormat: String, ticks: years.map((r) => r.year) },
        y: { label: t("axisDipPointValue"), grid: true, zero: true },
        marks: [
          Plot.lineY(years, { x: "year", y: "point_value", marker: "circle-stroke", tip: true, title: (d) => `${formatYear(d.year, lang)}\n${t("dipPointValue")} ${formatNumber(d.point_value, 4, lang)}\n${t("dipScores")} ${formatNumber(d.scores, 0, lang)}\n${t("fundToDistribute")} ${formatMoney(d.fund_to_distribute, lang)}\n${t("dipCoreShare")} ${formatPercent(d.core_share)}` }),
          Plot.text(years, { x: "year", y: "point_value", text: (d) => formatNumber(d.point_value, 2, lang), dy: -10, fontSize: 10 }),
        ],
      });
    },
  });

  const deviationCard = chartCard({
    t,
    filename: "dip-deviation-cases-by-year",
    dataset: "dip_year",
    datasetUrl: data.dip_year.url,
    data: () => years.map(({ year, cases, high_cases, low_cases, dip_low, dip_high }) => ({ year, cases, high_cases, low_cases, dip_low, dip_high })),
    render: (width) => {
      const long = years.flatMap((y) => [
        { year: y.year, kind: t("dipHighCases"), share: y.cases ? y.high_cases / y.cases : 0, n: y.high_cases },
        { year: y.year, kind: t("dipLowCases"), share: y.cases ? y.low_cases / y.cases : 0, n: y.low_cases },
      ]);
      return Plot.plot({
        title: last ? t("dipDeviationTitle", { year: formatYear(last.year, lang), low: formatPercent(last.cases ? last.low_cases / last.cases : null), high: formatPercent(last.cases ? last.high_cases / last.cases : null), dipLow: formatNumber(last.dip_low, 1, lang), dipHigh: formatNumber(last.dip_high, 1, lang) }) : t("noData"),
        subtitle: t("dipDeviationSubtitle"),
        width,
        height: 260,
        x: { label: t("axisYear"), tickFormat: String, ticks: years.map((r) => r.year) },
        y: { label: t("axisCaseShare"), grid: true, tickFormat: (v) => `${(v * 100).toFixed(0)}%`, zero: true },
        color: { legend: true },
        marks: [Plot.lineY(long, { x: "year", y: "share", stroke: "kind", marker: "circle-stroke", tip: true, title: (d) => `${formatYear(d.year, lang)} ${d.kind}\n${formatNumber(d.n, 0, lang)} (${formatPercent(d.share)})` })],
      });
    },
  });

  const table = searchableTable(packets, {
    columns: ["packet_code", "fold", "treatment", "base_cases", "cases", "mean_cost", "score"],
    header: { packet_code: t("dipPacket"), fold: t("dipFold"), treatment: t("dipTreatment"), base_cases: t("dipBaseCases"), cases: t("cases"), mean_cost: t("dipMeanCost"), score: t("dipScore") },
    format: { fold: (v) => t(`dipFold_${v}`), treatment: (v) => (v ? t(`class_${v}`) : "—"), base_cases: (v) => formatNumber(v, 0, lang), cases: (v) => formatNumber(v, 0, lang), mean_cost: (v) => formatNumber(v, 0, lang), score: (v) => formatNumber(v, 1, lang) },
    sort: "cases",
    placeholder: t("dipSearchPackets"),
    results: (n) => t("searchResults", { n: formatNumber(n, 0, lang) }),
  });

  return el("div", { class: "page dip" },
    pageHeader(t("dipTitle"), t("dipLead"), lang),
    el("div", { class: "grid grid-cols-2" }, coverageCard, scoreCard),
    el("div", { class: "grid grid-cols-2" }, pointCard, deviationCard),
    el("h2", {}, t("dipCatalogueHeading")),
    el("p", {}, t("dipCatalogueLead")),
    table,
  );
}

// ---- DIP settlement per hospital ----

export async function dipSettlementPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const hospitals = data.dip_hospital_year.rows;
  const years = data.dip_year.rows;
  const yearInput = yearSelect(distinct(hospitals, "year"), t);
  const levelInput = levelSelect(distinct(hospitals, "level"), t);
  const shown = () =>
    hospitals
      .filter((r) => r.year === yearInput.value && (levelInput.value == null || r.level === levelInput.value))
      .map((r) => ({ ...r, name: r.name ?? String(r.hospital_id), level_label: t(`level${r.level}`), fund_difference: r.fund_payable - r.fund_paid }));

  const rateCard = chartCard({
    t,
    filename: "dip-settlement-rate-by-hospital",
    dataset: "dip_hospital_year",
    datasetUrl: data.dip_hospital_year.url,
    data: () => shown().map(({ hospital_id, name, level, year, fund_paid, dip_payment, fund_payable, settlement_rate }) => ({ hospital_id, name, level, year, fund_paid, dip_payment, fund_payable, settlement_rate })),
    render: (width) => {
      const all = shown();
      const rows = topAndBottom(all, "settlement_rate");
      const above = all.filter((r) => r.settlement_rate > 1);
      const top = rows[0];
      return Plot.plot({
        title: top ? t("dipRateTitle", { year: formatYear(yearInput.value, lang), above: above.length, total: all.length, max: formatPercent(top.settlement_rate), name: top.name }) : t("noData"),
        subtitle: all.length > rows.length ? t("topBottomSubtitle", { n: 10, total: all.length }) : t("dipRateSubtitle"),
        width,
        height: 60 + 22 * rows.length,
        marginLeft: labelMargin(rows.map((r) => r.name)),
        x: { label: t("axisSettlementRate"), grid: true, tickFormat: (v) => `${Math.round(v * 100)}%` },
        y: { label: null, domain: rows.map((r) => r.name) },
        color: levelColor(t),
        marks: [
          Plot.barX(rows, { x1: 1, x2: "settlement_rate", y: "name", fill: "level_label", tip: true, title: (d) => `${d.name}\n${t("settlementRate")} ${formatPercent(d.settlement_rate)}\n${t("dipPayment")} ${formatMoney(d.dip_payment, lang)}\n${t("fundPayable")} ${formatMoney(d.fund_payable, lang)}\n${t("fundPaid")} ${formatMoney(d.fund_paid, lang)}` }),
          Plot.ruleX([1], { stroke: "var(--theme-foreground)" }),
        ],
      });
    },
  });

  const rateYearCard = chartCard({
    t,
    filename: "dip-settlement-by-year",
    dataset: "dip_year",
    datasetUrl: data.dip_year.url,
    data: () => years.map(({ year, recorded, fund_to_distribute, settlement_rate, hospitals, hospitals_above_one, drg_hospitals_above_one }) => ({ year, recorded, fund_to_distribute, settlement_rate, hospitals, hospitals_above_one, drg_hospitals_above_one })),
    render: (width) => {
      const last = years.at(-1);
      const long = years.flatMap((y) => [
        { year: y.year, method: "DIP", n: y.hospitals_above_one, total: y.hospitals },
        { year: y.year, method: "DRG", n: y.drg_hospitals_above_one, total: y.hospitals },
      ]);
      return Plot.plot({
        title: last ? t("dipAboveTitle", { year: formatYear(last.year, lang), dip: last.hospitals_above_one, drg: last.drg_hospitals_above_one, total: last.hospitals, rate: formatPercent(last.settlement_rate) }) : t("noData"),
        subtitle: t("dipAboveSubtitle"),
        width,
        height: 260,
        x: { label: t("axisYear"), tickFormat: String, ticks: years.map((r) => r.year) },
        y: { label: t("axisHospitalsAbove"), grid: true, zero: true },
        color: { legend: true, domain: ["DIP", "DRG"], range: ["#ff725c", "#4269d0"] },
        marks: [Plot.lineY(long, { x: "year", y: "n", stroke: "method", marker: "circle-stroke", tip: true, title: (d) => `${formatYear(d.year, lang)} ${d.method}\n${d.n} / ${d.total}` })],
      });
    },
  });

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      searchableTable(shown(), {
        columns: ["name", "level", "cases", "core_share", "scores", "dip_payment", "fund_payable", "fund_paid", "settlement_rate", "high_cases", "low_cases"],
        header: { name: t("colHospital"), level: t("colLevel"), cases: t("colCases"), core_share: t("dipCoreShare"), scores: t("dipScores"), dip_payment: t("dipPayment"), fund_payable: t("fundPayable"), fund_paid: t("fundPaid"), settlement_rate: t("settlementRate"), high_cases: t("dipHighCases"), low_cases: t("dipLowCases") },
        format: { name: (v, i, rows) => hospitalLink(rows[i].hospital_id, v, lang, depth), level: (v) => t(`level${v}`), cases: (v) => formatNumber(v, 0, lang), core_share: percentCell, scores: (v) => formatNumber(v, 0, lang), dip_payment: moneyCell(lang), fund_payable: moneyCell(lang), fund_paid: moneyCell(lang), settlement_rate: percentCell, high_cases: (v) => formatNumber(v, 0, lang), low_cases: (v) => formatNumber(v, 0, lang) },
        sort: "settlement_rate",
        placeholder: t("searchHospitals"),
        results: (n) => t("searchResults", { n: formatNumber(n, 0, lang) }),
      }),
    );
  renderTable();
  onChange([yearInput, levelInput], () => {
    rateCard.update();
    renderTable();
  });

  return el("div", { class: "page dip-settlement" },
    pageHeader(t("dipSettlementTitle"), t("dipSettlementLead"), lang),
    rateYearCard,
    filterBar(yearInput, levelInput),
    rateCard,
    el("h2", {}, t("dipSettlementTableTitle")),
    tableHolder,
  );
}

// ---- DRG against DIP ----

export async function dipVsDrgPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const hospitals = data.dip_hospital_year.rows;
  const drivers = data.dip_drg_drivers.rows;
  const yearInput = yearSelect(distinct(hospitals, "year"), t);
  const names = new Map(hospitals.map((h) => [h.hospital_id, h.name ?? String(h.hospital_id)]));
  const hospitalInput = Inputs.select([null, ...[...names.keys()].sort()], { label: t("filterHospital"), format: (id) => (id == null ? t("dipWholeRegion") : names.get(id)) });
  const shown = () => hospitals.filter((r) => r.year === yearInput.value).map((r) => ({ ...r, name: r.name ?? String(r.hospital_id), level_label: t(`level${r.level}`) }));
  const moved = (rows) => rows.reduce((s, r) => s + Math.abs(r.difference ?? 0), 0) / 2;

  const differenceCard = chartCard({
    t,
    filename: "dip-minus-drg-by-hospital",
    dataset: "dip_hospital_year",
    datasetUrl: data.dip_hospital_year.url,
    data: () => shown().map(({ hospital_id, name, level, year, drg_payment, dip_payment, difference, difference_share }) => ({ hospital_id, name, level, year, drg_payment, dip_payment, difference, difference_share })),
    render: (width) => {
      const all = shown();
      const rows = topAndBottom(all, "difference");
      const paid = all.reduce((s, r) => s + (r.drg_payment ?? 0), 0);
      const gaining = all.filter((r) => r.difference > 0).length;
      const { factor, unit } = moneyUnit(rows.map((r) => r.difference), lang);
      return Plot.plot({
        title: all.length ? t("dipMovesTitle", { year: formatYear(yearInput.value, lang), moved: formatMoney(moved(all), lang), share: formatPercent(paid ? moved(all) / paid : null), gain: gaining, lose: all.length - gaining }) : t("noData"),
        subtitle: all.length > rows.length ? `${t("dipMovesSubtitle")} ${t("topBottomSubtitle", { n: 10, total: all.length })}` : t("dipMovesSubtitle"),
        width,
        height: 60 + 22 * rows.length,
        marginLeft: labelMargin(rows.map((r) => r.name)),
        x: { label: t("axisDipMinusDrg", { unit }), grid: true },
        y: { label: null, domain: rows.map((r) => r.name) },
        color: { type: "ordinal", domain: [true, false], range: ["var(--theme-green)", "var(--theme-red)"] },
        marks: [
          Plot.barX(rows, { x: (d) => d.difference / factor, y: "name", fill: (d) => d.difference >= 0, tip: true, title: (d) => `${d.name}\n${t("drgPayment")} ${formatMoney(d.drg_payment, lang)}\n${t("dipPayment")} ${formatMoney(d.dip_payment, lang)}\n${t("dipDifference")} ${formatMoney(d.difference, lang)} (${formatChange(d.difference_share)})` }),
          Plot.ruleX([0]),
        ],
      });
    },
  });

  const driverRows = (dimension) => {
    const order = dimension === "treatment" ? TREATMENTS : dimension === "rw" ? RW_BANDS : DEVIATIONS;
    const rows = drivers.filter((d) => d.year === yearInput.value && d.dimension === dimension && (hospitalInput.value == null || d.hospital_id === hospitalInput.value));
    return order.map((kind) => {
      const ks = rows.filter((r) => r.kind === kind);
      return { dimension, kind, label: t(`dipKindOf_${kind}`), cases: ks.reduce((s, r) => s + r.cases, 0), drg_payment: ks.reduce((s, r) => s + r.drg_payment, 0), dip_payment: ks.reduce((s, r) => s + r.dip_payment, 0), difference: ks.reduce((s, r) => s + r.difference, 0) };
    }).filter((r) => r.cases > 0);
  };
  const driverCard = (dimension) =>
    chartCard({
      t,
      filename: `dip-minus-drg-by-${dimension}`,
      dataset: "dip_drg_drivers",
      datasetUrl: data.dip_drg_drivers.url,
      data: () => driverRows(dimension).map(({ dimension, kind, cases, drg_payment, dip_payment, difference }) => ({ year: yearInput.value, hospital_id: hospitalInput.value ?? "", dimension, kind, cases, drg_payment, dip_payment, difference })),
      render: (width) => {
        const rows = driverRows(dimension);
        const { factor, unit } = moneyUnit(rows.map((r) => r.difference), lang);
        const top = [...rows].sort((a, b) => b.difference - a.difference);
        const who = hospitalInput.value == null ? t("dipWholeRegion") : names.get(hospitalInput.value);
        return Plot.plot({
          title: rows.length ? t("dipDriverTitle", { who, year: formatYear(yearInput.value, lang), gain: top[0].label, gainValue: formatMoney(top[0].difference, lang), loss: top.at(-1).label, lossValue: formatMoney(top.at(-1).difference, lang) }) : t("noData"),
          subtitle: t(`dipDriverSubtitle_${dimension}`),
          width,
          height: 60 + 30 * rows.length,
          marginLeft: labelMargin(rows.map((r) => r.label)),
          x: { label: t("axisDipMinusDrg", { unit }), grid: true },
          y: { label: null, domain: rows.map((r) => r.label) },
          color: { type: "ordinal", domain: [true, false], range: ["var(--theme-green)", "var(--theme-red)"] },
          marks: [
            Plot.barX(rows, { x: (d) => d.difference / factor, y: "label", fill: (d) => d.difference >= 0, tip: true, title: (d) => `${d.label}\n${t("cases")} ${formatNumber(d.cases, 0, lang)}\n${t("drgPayment")} ${formatMoney(d.drg_payment, lang)}\n${t("dipPayment")} ${formatMoney(d.dip_payment, lang)}\n${t("dipDifference")} ${formatMoney(d.difference, lang)}` }),
            Plot.ruleX([0]),
          ],
        });
      },
    });
  const driverCards = ["treatment", "rw", "deviation"].map(driverCard);

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      searchableTable(shown(), {
        columns: ["name", "level", "cases", "drg_payment", "dip_payment", "difference", "difference_share", "drg_settlement_rate", "settlement_rate"],
        header: { name: t("colHospital"), level: t("colLevel"), cases: t("colCases"), drg_payment: t("drgPayment"), dip_payment: t("dipPayment"), difference: t("dipDifference"), difference_share: t("dipDifferenceShare"), drg_settlement_rate: t("drgSettlementRate"), settlement_rate: t("dipSettlementRate") },
        format: { name: (v, i, rows) => hospitalLink(rows[i].hospital_id, v, lang, depth), level: (v) => t(`level${v}`), cases: (v) => formatNumber(v, 0, lang), drg_payment: moneyCell(lang), dip_payment: moneyCell(lang), difference: moneyCell(lang), difference_share: (v) => formatChange(v), drg_settlement_rate: percentCell, settlement_rate: percentCell },
        sort: "difference",
        placeholder: t("searchHospitals"),
        results: (n) => t("searchResults", { n: formatNumber(n, 0, lang) }),
      }),
    );
  renderTable();
  onChange([yearInput], () => {
    differenceCard.update();
    renderTable();
  });
  onChange([yearInput, hospitalInput], () => driverCards.forEach((c) => c.update()));

  return el("div", { class: "page dip-vs-drg" },
    pageHeader(t("dipVsDrgTitle"), t("dipVsDrgLead"), lang),
    filterBar(yearInput),
    differenceCard,
    el("h2", {}, t("dipDriversHeading")),
    filterBar(hospitalInput),
    el("div", { class: "grid grid-cols-3" }, ...driverCards),
    el("h2", {}, t("dipVsDrgTableTitle")),
    tableHolder,
  );
}
