// Analysts' monitoring signals (分析 · 监测信号, metrics.md §10, on the model of PEPPER): where each hospital
// stands against its peers on each signal of improper payment, per year. signalsPage: the hospital ×
// signal grid for the year chosen on the page and the year's flags; signalPage: one signal (chosen by
// the address, /signal?signal=readmit_same_adrg, or on the page): its distribution across hospitals,
// the flagged ones, their trend. flagsSummary: the leaders' short list of the last year's flags.
// A flag is where a hospital stands, not a verdict: the claims behind it go to auditors (compute's
// signal_cases), never to the site.
import * as Plot from "@observablehq/plot";
import * as Inputs from "@observablehq/inputs";
import { chartCard, dataTable, el, filterBar } from "../dom.js";
import { distinct, loadDatasets } from "../data.js";
import { levelColor, onChange, yearSelect } from "../filters.js";
import { formatNumber, formatYear } from "../format.js";
import { translator } from "../i18n.js";
import { hospitalLink } from "../links.js";
import { institutionTable } from "../ranking.js";
import { pageHeader } from "../page.js";
import { relativeHref } from "../site.js";

/** The signals of metrics.md §10, in the order pages show them. */
export const signalNames = [
  "readmit_same_adrg", "low_standard_admission", "cc_mcc_share", "cc_mcc_share_change", "cmi_within_adrg",
  "preadmission_outpatient", "self_pay_share", "high_multiplier_share", "low_multiplier_share",
];

/** A signal's value as text: shares in %, the change in percentage points, RW, yuan per stay. */
export function formatSignal(signal, x, lang) {
  if (x == null || !Number.isFinite(x)) return "—";
  if (signal === "cc_mcc_share_change") return `${x > 0 ? "+" : x < 0 ? "−" : ""}${formatNumber(Math.abs(x) * 100, 1, lang)} ${lang === "zh" ? "个百分点" : "pts"}`;
  if (signal === "cmi_within_adrg") return `${x > 0 ? "+" : x < 0 ? "−" : ""}${formatNumber(Math.abs(x), 3, lang)}`;
  if (signal === "preadmission_outpatient") return lang === "zh" ? `${formatNumber(x, 1, lang)} 元/例` : `¥${formatNumber(x, 1, lang)} per stay`;
  return `${formatNumber(x * 100, 2, lang)}%`;
}

/** The signals dataset's rows with `flagged` as a boolean (CSV gives the text "true" / "false"). */
export function signalRows(rows) {
  return rows.map((r) => ({ ...r, flagged: r.flagged === true || r.flagged === "true" }));
}

/** How far a value stands from its peers, in their standard deviations (bounded to ±4 for colour). */
const standing = (r) => (r.value == null || r.peer_mean == null || !(r.peer_sd > 0) ? null : Math.max(-4, Math.min(4, (r.value - r.peer_mean) / r.peer_sd)));

export function signalHref(signal, lang, depth) {
  return `${relativeHref(depth, lang === "en" ? "/en/signal" : "/signal")}?signal=${encodeURIComponent(signal)}`;
}

function signalLink(signal, t, lang, depth) {
  return el("a", { href: signalHref(signal, lang, depth) }, t(`signal_${signal}`));
}

export async function signalsPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const all = signalRows(data.signals.rows);
  const yearInput = yearSelect(distinct(all, "year"), t);
  const inYear = () => all.filter((r) => r.year === yearInput.value);
  /** Each hospital of the year: its flags and how far its farthest signal stands from its peers. */
  const hospitalStandings = () => {
    const byHospital = new Map();
    for (const r of inYear()) {
      const h = byHospital.get(r.hospital_id) ?? { hospital_id: r.hospital_id, name: r.name ?? String(r.hospital_id), level: r.level, district: r.district, flags: 0, farthest: null };
      if (r.flagged) h.flags += 1;
      const z = standing(r);
      if (z != null && (h.farthest == null || z > h.farthest)) h.farthest = z;
      byHospital.set(r.hospital_id, h);
    }
    return [...byHospital.values()];
  };
  // The grid shows at most gridRows hospitals (a region has hundreds to thousands): the flagged ones first,
  // then those standing farthest above their peers; every hospital is in the table below it.
  const gridRows = 30;
  const hospitals = () =>
    hospitalStandings()
      .sort((a, b) => b.flags - a.flags || (b.farthest ?? -Infinity) - (a.farthest ?? -Infinity) || String(a.hospital_id).localeCompare(String(b.hospital_id)))
      .slice(0, gridRows)
      .sort((a, b) => b.level - a.level || String(a.hospital_id).localeCompare(String(b.hospital_id)));

  const gridCard = chartCard({
    t,
    filename: "signals-grid",
    dataset: "signals",
    datasetUrl: data.signals.url,
    data: () => inYear().map(({ hospital_id, name, level, year, signal, cases, value, peer_mean, peer_sd, peer_p80, peer_rank, flagged }) => ({ hospital_id, name, level, year, signal, cases, value, peer_mean, peer_sd, peer_p80, peer_rank, flagged })),
    render: (width) => {
      const shown = new Set(hospitals().map((h) => h.hospital_id));
      const all = inYear().map((r) => ({ ...r, z: standing(r), label: t(`signal_${r.signal}`), hospital: `${r.name ?? r.hospital_id}` }));
      const rows = all.filter((r) => shown.has(r.hospital_id));
      const flagged = all.filter((r) => r.flagged);
      const byHospital = new Map();
      for (const r of flagged) byHospital.set(r.hospital, (byHospital.get(r.hospital) ?? 0) + 1);
      const top = [...byHospital.entries()].sort((a, b) => b[1] - a[1])[0];
      const order = hospitals().map((h) => h.name);
      return Plot.plot({
        title: flagged.length
          ? t("signalsGridTitle", { year: formatYear(yearInput.value, lang), n: flagged.length, hospitals: byHospital.size, top: top[0], k: top[1] })
          : t("signalsGridNone", { year: formatYear(yearInput.value, lang) }),
        subtitle: shown.size < new Set(all.map((r) => r.hospital_id)).size
          ? `${t("signalsGridSubtitle")} ${t("signalsGridShown", { shown: formatNumber(shown.size, 0, lang), total: formatNumber(new Set(all.map((r) => r.hospital_id)).size, 0, lang) })}`
          : t("signalsGridSubtitle"),
        width: Math.max(width, 640),
        height: 60 + 20 * order.length + 120,
        marginLeft: 160,
        marginBottom: 120,
        x: { label: null, domain: signalNames.map((s) => t(`signal_${s}`)), tickRotate: -35 },
        y: { label: null, domain: order },
        color: { type: "diverging", scheme: "BuRd", domain: [-4, 4], legend: true, label: t("signalsStanding") },
        marks: [
          Plot.cell(rows, {
            x: "label", y: "hospital", fill: (d) => d.z ?? NaN, inset: 0.5, tip: true,
            title: (d) => `${d.hospital} · ${d.label}\n${t("signalValue")} ${formatSignal(d.signal, d.value, lang)}\n${t("signalPeerMean")} ${formatSignal(d.signal, d.peer_mean, lang)} · P80 ${formatSignal(d.signal, d.peer_p80, lang)}` +
              (d.peer_rank ? `\n${t("signalRank", { rank: d.peer_rank, n: d.peers + 1 })}` : "") + (d.value == null ? `\n${t("signalSuppressed")}` : "") + (d.flagged ? `\n${t("signalFlagged")}` : ""),
          }),
          Plot.text(flagged, { x: "label", y: "hospital", text: () => "●", fill: "var(--theme-background)", fontSize: 11 }),
        ],
      });
    },
  });

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      institutionTable(hospitalStandings(), [
        { key: "name", label: t("colHospital"), align: "left" },
        { key: "level", label: t("colLevel"), align: "left", format: (v) => t(`level${v}`) },
        { key: "flags", label: t("signalsColFlags"), format: (v) => formatNumber(v, 0, lang) },
        { key: "farthest", label: t("signalsColFarthest"), format: (v) => (v == null ? "—" : formatNumber(v, 1, lang)) },
      ], { t, lang, depth, sort: "flags" }),
    );
  renderTable();

  const flagHolder = el("div");
  const renderFlags = () => {
    const rows = inYear().filter((r) => r.flagged).sort((a, b) => signalNames.indexOf(a.signal) - signalNames.indexOf(b.signal) || b.value - a.value);
    flagHolder.replaceChildren(
      el("h2", {}, t("signalsFlagsHeading", { year: formatYear(yearInput.value, lang), n: rows.length })),
      // a region's flags can run to hundreds of rows: the table scrolls within itself
      rows.length ? el("div", { class: "scroll-box" }, flagTable(rows, t, lang, depth)) : el("p", {}, t("signalsNoFlags")),
    );
  };
  renderFlags();
  onChange([yearInput], () => {
    gridCard.update();
    renderTable();
    renderFlags();
  });

  return el("div", { class: "page signals" },
    pageHeader(t("signalsTitle"), t("signalsLead"), lang),
    filterBar(yearInput),
    gridCard,
    tableHolder,
    flagHolder,
    el("h2", {}, t("signalsListHeading")),
    el("ul", { class: "signal-list" }, signalNames.map((s) => el("li", {}, signalLink(s, t, lang, depth), " — ", t(`signalDef_${s}`)))),
  );
}

function flagTable(rows, t, lang, depth) {
  return dataTable(rows, [
    { key: "name", label: t("colHospital"), align: "left", format: (v, r) => hospitalLink(r.hospital_id, v, lang, depth) },
    { key: "level", label: t("colLevel"), align: "left", format: (v) => t(`level${v}`) },
    { key: "signal", label: t("signalColSignal"), align: "left", format: (v) => signalLink(v, t, lang, depth) },
    { key: "value", label: t("signalValue"), format: (v, r) => formatSignal(r.signal, v, lang) },
    { key: "peer_mean", label: t("signalPeerMean"), format: (v, r) => formatSignal(r.signal, v, lang) },
    { key: "peer_p80", label: "P80", format: (v, r) => formatSignal(r.signal, v, lang) },
    { key: "peer_rank", label: t("signalColRank"), format: (v, r) => `${v} / ${r.peers + 1}` },
    { key: "cases", label: t("colCases"), format: (v) => formatNumber(v, 0, lang) },
  ]);
}

/** One signal: its distribution across hospitals in the year, the flagged hospitals and their trend. */
export async function signalPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const all = signalRows(data.signals.rows);
  const asked = new URLSearchParams(location.search).get("signal");
  const signalInput = Inputs.select(signalNames, { label: t("signalColSignal"), value: signalNames.includes(asked) ? asked : signalNames[0], format: (s) => t(`signal_${s}`) });
  const yearInput = yearSelect(distinct(all, "year"), t);
  const rowsOf = () => all.filter((r) => r.signal === signalInput.value);
  const inYear = () => rowsOf().filter((r) => r.year === yearInput.value && r.value != null);
  const signal = () => signalInput.value;

  const distributionCard = chartCard({
    t,
    filename: "signal-distribution",
    dataset: "signals",
    datasetUrl: data.signals.url,
    data: () => inYear().map(({ hospital_id, name, level, year, signal: s, cases, value, peer_mean, peer_sd, peer_p80, peer_rank, flagged }) => ({ hospital_id, name, level, year, signal: s, cases, value, peer_mean, peer_sd, peer_p80, peer_rank, flagged })),
    render: (width) => {
      const rows = inYear().map((r) => ({ ...r, level_label: t(`level${r.level}`) }));
      const flagged = rows.filter((r) => r.flagged).sort((a, b) => b.value - a.value);
      const levels = distinct(rows, "level").reverse().map((l) => t(`level${l}`));
      return Plot.plot({
        title: flagged.length
          ? t("signalDistributionTitle", { signal: t(`signal_${signal()}`), year: formatYear(yearInput.value, lang), n: flagged.length, names: flagged.map((r) => `${r.name} ${formatSignal(signal(), r.value, lang)}`).join(t("listSeparator")) })
          : t("signalDistributionNone", { signal: t(`signal_${signal()}`), year: formatYear(yearInput.value, lang), n: rows.length }),
        subtitle: t("signalDistributionSubtitle"),
        width,
        height: 80 + 80 * Math.max(1, levels.length),
        marginLeft: 60,
        x: { label: t(`signalUnit_${signal()}`, {}, t("signalValue")), grid: true, tickFormat: (v) => formatSignal(signal(), v, lang) },
        fy: { label: null, domain: levels },
        marks: [
          Plot.frame({ stroke: "var(--theme-foreground-faintest)" }),
          Plot.dot(rows, Plot.dodgeY("middle", {
            x: "value", fy: "level_label", r: 5, fill: (d) => (d.flagged ? "var(--theme-red)" : "var(--theme-foreground-faint)"), stroke: "var(--theme-background)", tip: true,
            title: (d) => `${d.name} (${d.level_label})\n${t("signalValue")} ${formatSignal(signal(), d.value, lang)}\n${t("signalPeerMean")} ${formatSignal(signal(), d.peer_mean, lang)} · P80 ${formatSignal(signal(), d.peer_p80, lang)}\n${t("signalRank", { rank: d.peer_rank, n: d.peers + 1 })}${d.flagged ? `\n${t("signalFlagged")}` : ""}`,
          })),
          Plot.text(flagged, Plot.dodgeY("middle", { x: "value", fy: "level_label", text: "name", dy: -10, fontSize: 10, fill: "var(--theme-red)" })),
        ],
      });
    },
  });

  /** The hospitals flagged for the signal in any year, and the mean of their level, over the years. */
  const trendRows = () => {
    const rows = rowsOf().filter((r) => r.value != null);
    const flaggedIds = new Set(rows.filter((r) => r.flagged).map((r) => r.hospital_id));
    return rows.filter((r) => flaggedIds.has(r.hospital_id));
  };
  const trendCard = chartCard({
    t,
    filename: "signal-trend",
    dataset: "signals",
    datasetUrl: data.signals.url,
    data: () => trendRows().map(({ hospital_id, name, level, year, value, peer_mean, peer_p80, flagged }) => ({ hospital_id, name, level, year, value, peer_mean, peer_p80, flagged })),
    render: (width) => {
      const rows = trendRows();
      const years = distinct(rowsOf(), "year");
      const counts = new Map();
      for (const r of rows.filter((x) => x.flagged)) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
      const most = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      const firstFlag = most && Math.min(...rows.filter((r) => r.flagged && r.name === most[0]).map((r) => r.year));
      return Plot.plot({
        title: most ? t("signalTrendTitle", { name: most[0], k: most[1], first: formatYear(firstFlag, lang), signal: t(`signal_${signal()}`) }) : t("signalTrendNone", { signal: t(`signal_${signal()}`) }),
        subtitle: t("signalTrendSubtitle"),
        width,
        height: 280,
        marginLeft: 60,
        x: { label: t("axisYear"), tickFormat: String, ticks: years },
        y: { label: t(`signalUnit_${signal()}`, {}, t("signalValue")), grid: true, tickFormat: (v) => formatSignal(signal(), v, lang) },
        color: { legend: true },
        marks: [
          Plot.lineY(rows, { x: "year", y: "peer_mean", z: "name", stroke: "var(--theme-foreground-faint)", strokeDasharray: "4 3" }),
          Plot.lineY(rows, { x: "year", y: "value", stroke: "name", marker: "circle-stroke" }),
          Plot.dot(rows.filter((r) => r.flagged), { x: "year", y: "value", stroke: "name", fill: "var(--theme-red)", r: 4.5, tip: true, title: (d) => `${d.name} ${formatYear(d.year, lang)}\n${t("signalValue")} ${formatSignal(signal(), d.value, lang)}\n${t("signalPeerMean")} ${formatSignal(signal(), d.peer_mean, lang)}\n${t("signalFlagged")}` }),
        ],
      });
    },
  });

  const header = el("div");
  const tableHolder = el("div");
  const renderText = () => {
    header.replaceChildren(pageHeader(t("signalPageTitle", { signal: t(`signal_${signal()}`) }), t(`signalDef_${signal()}`), lang));
    const rows = inYear().filter((r) => r.flagged).sort((a, b) => b.value - a.value);
    tableHolder.replaceChildren(
      el("h2", {}, t("signalsFlagsHeading", { year: formatYear(yearInput.value, lang), n: rows.length })),
      // a region's flags can run to hundreds of rows: the table scrolls within itself
      rows.length ? el("div", { class: "scroll-box" }, flagTable(rows, t, lang, depth)) : el("p", {}, t("signalsNoFlags")),
    );
  };
  renderText();
  onChange([signalInput], () => {
    const url = new URL(location.href);
    url.searchParams.set("signal", signalInput.value);
    history.replaceState(null, "", url);
  });
  onChange([signalInput, yearInput], () => {
    renderText();
    distributionCard.update();
    trendCard.update();
  });
  return el("div", { class: "page signal" },
    header,
    filterBar(signalInput, yearInput),
    distributionCard,
    tableHolder,
    trendCard,
    el("p", { class: "small-note" }, t("signalNotVerdict")),
  );
}

/** The leaders' short list: the last year's flags, by hospital, the `limit` hospitals with most (files: {signals: url}). */
export async function flagsSummary(files, { lang, depth = 0, limit = 6 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const rows = signalRows(data.signals.rows);
  if (!rows.length) return el("section");
  const year = Math.max(...rows.map((r) => r.year));
  const flagged = rows.filter((r) => r.year === year && r.flagged);
  const byHospital = new Map();
  for (const r of flagged) {
    if (!byHospital.has(r.hospital_id)) byHospital.set(r.hospital_id, { hospital_id: r.hospital_id, name: r.name, signals: [] });
    byHospital.get(r.hospital_id).signals.push(r);
  }
  // the hospitals with the most flags first, then the farthest from their peers; at most `limit` named
  const farthest = (h) => Math.max(...h.signals.map((r) => standing(r) ?? 0));
  const list = [...byHospital.values()].sort((a, b) => b.signals.length - a.signals.length || farthest(b) - farthest(a) || String(a.hospital_id).localeCompare(String(b.hospital_id)));
  const shown = list.slice(0, limit);
  return el("section", { class: "flags-summary" },
    el("h2", {}, t("flagsSummaryHeading", { year: formatYear(year, lang), n: flagged.length, hospitals: list.length })),
    list.length > shown.length ? el("p", {}, t("flagsSummaryTop", { k: shown.length })) : null,
    list.length
      ? el("ul", {}, shown.map((h) => el("li", {}, hospitalLink(h.hospital_id, h.name, lang, depth), ": ",
          h.signals.map((s, i) => [i ? t("listSeparator") : "", el("a", { href: signalHref(s.signal, lang, depth) }, t(`signal_${s.signal}`)), ` ${formatSignal(s.signal, s.value, lang)}`]))))
      : el("p", {}, t("signalsNoFlags")),
    el("p", { class: "small-note" }, t("signalNotVerdict"), " ", el("a", { href: relativeHref(depth, lang === "en" ? "/en/signals" : "/signals") }, t("flagsSummaryMore"))),
  );
}
