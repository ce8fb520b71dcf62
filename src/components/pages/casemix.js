// Analysts' case-mix page (分析 · 病例组合): each hospital's CMI against the quartiles of its level, the
// cost-index × time-index quadrant, and CMI by level over the years. Filters: year, level, district.
import * as Plot from "@observablehq/plot";
import { chartCard, el, filterBar } from "../dom.js";
import { distinct, loadDatasets } from "../data.js";
import { districtSelect, levelSelect, onChange, yearSelect, levelColor } from "../filters.js";
import { formatNumber, formatYear } from "../format.js";
import { caseMixOf, quartiles } from "../formulas.js";
import { translator } from "../i18n.js";
import { institutionTable, rankedEnds } from "../ranking.js";
import { pageHeader } from "../page.js";

export async function casemixPage(files, { lang, depth = 0 }) {
  const t = translator(lang);
  const data = await loadDatasets(files);
  const all = data.hospital_year.rows.filter((r) => r.cmi != null);

  const yearInput = yearSelect(distinct(all, "year"), t);
  const levelInput = levelSelect(distinct(all, "level"), t);
  const districtInput = districtSelect(distinct(all, "district"), t);

  const inYear = () => all.filter((r) => r.year === yearInput.value);
  /** Quartiles per level over every hospital of the level in the year (the peers), whatever the district. */
  const levelQuartiles = () => distinct(inYear(), "level").map((level) => ({ level, ...quartiles(inYear().filter((r) => r.level === level).map((r) => r.cmi)) }));
  const shown = () => inYear().filter((r) => (levelInput.value == null || r.level === levelInput.value) && (districtInput.value == null || r.district === districtInput.value));
  const placed = () => {
    const q = new Map(levelQuartiles().map((d) => [d.level, d]));
    return shown().map((r) => ({ ...r, position: position(r.cmi, q.get(r.level)), level_label: t(`level${r.level}`) }));
  };

  const quartileCard = chartCard({
    t,
    filename: "cmi-against-level-quartiles",
    dataset: "hospital_year",
    datasetUrl: data.hospital_year.url,
    data: () => placed().map(({ hospital_id, name, level, district, year, cmi, grouped_cases, position }) => ({ hospital_id, name, level, district, year, cmi, grouped_cases, position })),
    render: (width) => {
      const rows = placed();
      const boxes = levelQuartiles().filter((q) => rows.some((r) => r.level === q.level)).map((q) => ({ ...q, level_label: t(`level${q.level}`) }));
      const below = rows.filter((r) => r.position === "below");
      const above = rows.filter((r) => r.position === "above");
      const crowded = Math.max(0, ...boxes.map((b) => rows.filter((r) => r.level === b.level).length)) > 40;
      return Plot.plot({
        title: t("quartileTitle", { year: formatYear(yearInput.value, lang), below: below.length, above: above.length, total: rows.length }),
        subtitle: below.length ? t("quartileBelowNames", { names: nameList([...below].sort((a, b) => a.cmi - b.cmi), t, lang) }) : t("quartileSubtitle"),
        width,
        height: 90 + 70 * boxes.length,
        marginLeft: 60,
        x: { grid: true, label: t("axisCmi") },
        fy: { label: null, axis: "left", domain: boxes.map((b) => b.level_label).reverse() },
        y: { axis: null },
        color: { legend: true, domain: ["below", "within", "above"], range: ["var(--theme-red)", "var(--theme-foreground-muted)", "var(--theme-green)"], tickFormat: (p) => t(`position_${p}`) },
        marks: [
          Plot.frame({ stroke: "var(--theme-foreground-faintest)" }),
          Plot.barX(boxes, { x1: "q1", x2: "q3", fy: "level_label", fill: "var(--theme-foreground-faintest)", stroke: "var(--theme-foreground-faint)", insetTop: 6, insetBottom: 6 }),
          Plot.tickX(boxes, { x: "median", fy: "level_label", strokeWidth: 2, insetTop: 6, insetBottom: 6 }),
          // A few hospitals a level: one dot each, side by side; many: a strip of ticks (dodged dots would overflow the band).
          crowded
            ? Plot.tickX(rows, { x: "cmi", fy: "level_label", stroke: "position", strokeOpacity: 0.5, insetTop: 12, insetBottom: 12, tip: true, title: (d) => `${d.name} (${d.level_label}, ${d.district ?? "—"})\nCMI ${formatNumber(d.cmi, 3, lang)}\n${t(`position_${d.position}`)}` })
            : Plot.dot(rows, Plot.dodgeY("middle", { x: "cmi", fy: "level_label", fill: "position", r: 5, stroke: "var(--theme-background)", tip: true, title: (d) => `${d.name} (${d.level_label}, ${d.district ?? "—"})\nCMI ${formatNumber(d.cmi, 3, lang)}\n${t(`position_${d.position}`)}` })),
        ],
      });
    },
  });

  const quadrantCard = chartCard({
    t,
    filename: "cost-time-index-quadrant",
    dataset: "hospital_year",
    datasetUrl: data.hospital_year.url,
    data: () => shown().map(({ hospital_id, name, level, district, year, cost_index, time_index, grouped_cases }) => ({ hospital_id, name, level, district, year, cost_index, time_index, grouped_cases })),
    render: (width) => {
      const rows = shown().filter((r) => r.cost_index != null && r.time_index != null).map((r) => ({ ...r, level_label: t(`level${r.level}`) }));
      const both = rows.filter((r) => r.cost_index > 1 && r.time_index > 1);
      return Plot.plot({
        title: t("quadrantTitle", { year: formatYear(yearInput.value, lang), n: both.length, total: rows.length }),
        subtitle: both.length ? t("quadrantNames", { names: nameList([...both].sort((a, b) => Math.hypot(b.cost_index - 1, b.time_index - 1) - Math.hypot(a.cost_index - 1, a.time_index - 1)), t, lang) }) : t("quadrantSubtitle"),
        width,
        height: Math.min(520, Math.max(340, width * 0.6)),
        marginLeft: 48,
        marginRight: 60,
        inset: 16,
        x: { label: t("axisCostIndex"), grid: true },
        y: { label: t("axisTimeIndex"), grid: true },
        r: { range: [3, 14] },
        color: levelColor(t),
        marks: [
          Plot.ruleX([1], { stroke: "var(--theme-foreground-muted)" }),
          Plot.ruleY([1], { stroke: "var(--theme-foreground-muted)" }),
          Plot.dot(rows, { x: "cost_index", y: "time_index", r: "grouped_cases", fill: "level_label", fillOpacity: 0.7, stroke: "var(--theme-background)", tip: true, title: (d) => `${d.name} (${d.level_label})\n${t("costIndex")} ${formatNumber(d.cost_index, 2, lang)}\n${t("timeIndex")} ${formatNumber(d.time_index, 2, lang)}\n${t("cases")} ${formatNumber(d.grouped_cases, 0, lang)}` }),
          Plot.text(labelled(rows), { x: "cost_index", y: "time_index", text: "name", dx: 9, textAnchor: "start", fontSize: 10, fill: "var(--theme-foreground-muted)" }),
          Plot.text([t("quadrantHigh")], { frameAnchor: "top-right", dy: 4, dx: -4, fill: "var(--theme-foreground-muted)" }),
          Plot.text([t("quadrantLow")], { frameAnchor: "bottom-left", dy: -4, dx: 4, fill: "var(--theme-foreground-muted)" }),
        ],
      });
    },
  });

  const byLevel = () => {
    const rows = all.filter((r) => districtInput.value == null || r.district === districtInput.value);
    return distinct(rows, "year").flatMap((year) =>
      distinct(rows, "level").map((level) => ({ year, level, level_label: t(`level${level}`), ...caseMixOf(rows.filter((r) => r.year === year && r.level === level)) })),
    ).filter((r) => r.cmi != null);
  };
  const trendCard = chartCard({
    t,
    filename: "cmi-by-level-and-year",
    dataset: "hospital_year",
    datasetUrl: data.hospital_year.url,
    data: () => byLevel().map(({ year, level, grouped_cases, total_weight, cmi }) => ({ year, level, grouped_cases, total_weight, cmi })),
    render: (width) => {
      const rows = byLevel();
      const years = distinct(rows, "year");
      const first = years[0];
      const last = years.at(-1);
      const top = rows.filter((r) => r.year === last).sort((a, b) => b.cmi - a.cmi)[0];
      const topFirst = top && rows.find((r) => r.year === first && r.level === top.level);
      return Plot.plot({
        title: top && topFirst ? t("cmiTrendTitle", { level: top.level_label, first, last, a: formatNumber(topFirst.cmi, 3, lang), b: formatNumber(top.cmi, 3, lang) }) : t("noData"),
        subtitle: t("cmiTrendSubtitle"),
        width,
        height: 280,
        x: { label: t("axisYear"), tickFormat: String, ticks: years },
        y: { label: t("axisCmi"), grid: true },
        color: levelColor(t),
        marks: [
          Plot.lineY(rows, { x: "year", y: "cmi", stroke: "level_label", marker: "circle-stroke", tip: true, title: (d) => `${d.level_label} ${formatYear(d.year, lang)}\nCMI ${formatNumber(d.cmi, 3, lang)}\n${t("cases")} ${formatNumber(d.grouped_cases, 0, lang)}` }),
        ],
      });
    },
  });

  const tableHolder = el("div");
  const renderTable = () =>
    tableHolder.replaceChildren(
      institutionTable(placed(), [
        { key: "name", label: t("colHospital"), align: "left" },
        { key: "level", label: t("colLevel"), align: "left", format: (v) => t(`level${v}`) },
        { key: "district", label: t("colDistrict"), align: "left" },
        { key: "grouped_cases", label: t("colCases"), format: (v) => formatNumber(v, 0, lang) },
        { key: "cmi", label: "CMI", format: (v) => formatNumber(v, 3, lang) },
        { key: "position", label: t("colPosition"), align: "left", format: (v) => t(`position_${v}`) },
        { key: "cost_index", label: t("costIndex"), format: (v) => formatNumber(v, 2, lang) },
        { key: "time_index", label: t("timeIndex"), format: (v) => formatNumber(v, 2, lang) },
        { key: "drg_count", label: t("colDrgCount"), format: (v) => formatNumber(v, 0, lang) },
      ], { t, lang, depth, sort: "cmi" }),
    );
  renderTable();

  onChange([yearInput, levelInput, districtInput], () => {
    quartileCard.update();
    quadrantCard.update();
    renderTable();
  });
  onChange([districtInput], () => trendCard.update());

  return el("div", { class: "page casemix" },
    pageHeader(t("casemixTitle"), t("casemixLead"), lang),
    filterBar(yearInput, levelInput, districtInput),
    quartileCard,
    el("div", { class: "grid grid-cols-2" }, quadrantCard, trendCard),
    el("h2", {}, t("hospitalTableTitle")),
    tableHolder,
  );
}

/** Names for a chart's subtitle: the first ten, then how many more (the table lists them all). */
function nameList(rows, t, lang) {
  const names = rows.slice(0, rankedEnds).map((r) => r.name).join(t("listSeparator"));
  return rows.length > rankedEnds ? t("namesAndMore", { names, n: formatNumber(rows.length - rankedEnds, 0, lang) }) : names;
}

/** Where a CMI lies against its level's quartiles. */
function position(cmi, q) {
  if (!q || q.q1 == null) return "within";
  return cmi < q.q1 ? "below" : cmi > q.q3 ? "above" : "within";
}

/** The hospitals named on the quadrant chart: all of a few, else the six farthest from (1, 1) (the subtitle names those of the finding). */
function labelled(rows) {
  if (rows.length <= 8) return rows;
  return [...rows].sort((a, b) => Math.hypot(b.cost_index - 1, b.time_index - 1) - Math.hypot(a.cost_index - 1, a.time_index - 1)).slice(0, 6);
}
