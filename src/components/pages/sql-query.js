// Researchers' SQL page (方法 · SQL 查询): a query box over the datasets this site publishes, run in the
// browser by DuckDB-Wasm served from the site itself (loaders/sql-page.ts copies it from node_modules;
// Framework's CDN-loaded DuckDB is never used). The engine loads when a query is first run; each table a
// query names is read from its published CSV at first use, with the column types the loaders gave it
// (data/sql-tables.json), so a query gives here what `npm run sql` gives on the prepared workspace.
// Claim-level data is never published, so it is never there to load. The result: a sortable table, its
// CSV, and a quick chart. Example queries reproduce figures of other pages.
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import { downloadLink, el, filterBar, responsive } from "../dom.js";
import { fetchText } from "../data.js";
import { formatNumber } from "../format.js";
import { translator } from "../i18n.js";
import { pageHeader } from "../page.js";

/** Example queries, each reproducing a figure shown on another page (and the chart that shows it). */
export const sqlExamples = [
  {
    id: "cmiByLevel",
    chart: { x: "year", y: "cmi", series: "level" },
    sql: `-- CMI by hospital level and year (case-mix page): total weight / grouped cases of the level's hospitals
SELECT year, level,
       sum(grouped_cases) AS grouped_cases,
       sum(total_weight) AS total_weight,
       sum(total_weight) / sum(grouped_cases) AS cmi
FROM hospital_year
GROUP BY year, level
ORDER BY year, level`,
  },
  {
    id: "rwComparison",
    chart: { x: "interval", y: "fund_change" },
    sql: `-- RW-interval period comparison (RW-interval page): fund paid per interval in periods A and B,
-- change = (B - A) / A, for the periods of the published rw_interval_comparison
WITH periods AS (
    SELECT DISTINCT split_part(period_a, '..', 1) AS a_from, split_part(period_a, '..', 2) AS a_to,
                    split_part(period_b, '..', 1) AS b_from, split_part(period_b, '..', 2) AS b_to
    FROM rw_interval_comparison
),
sums AS (
    SELECT m.interval, min(m.lower) AS lower,
           coalesce(sum(m.fund_paid) FILTER (WHERE m.month BETWEEN p.a_from AND p.a_to), 0) AS fund_paid_a,
           coalesce(sum(m.fund_paid) FILTER (WHERE m.month BETWEEN p.b_from AND p.b_to), 0) AS fund_paid_b
    FROM rw_interval_month AS m CROSS JOIN periods AS p
    GROUP BY m.interval
)
SELECT interval, fund_paid_a, fund_paid_b,
       (fund_paid_b - fund_paid_a) / nullif(fund_paid_a, 0) AS fund_change
FROM sums
ORDER BY lower`,
  },
  {
    id: "fundByYear",
    chart: { x: "year", y: "fund_paid", series: "setting" },
    sql: `-- Fund spend per year and setting, and its growth on the year before (fund page)
SELECT setting, year, months, fund_paid, yoy
FROM fund_year
ORDER BY setting, year`,
  },
  {
    id: "topDrgs",
    chart: { x: "drg_code", y: "fund_paid" },
    sql: `-- The ten groups with the most fund paid in the latest year
SELECT drg_code, name, cases, fund_paid, rw
FROM drg_year
WHERE year = (SELECT max(year) FROM drg_year)
ORDER BY fund_paid DESC
LIMIT 10`,
  },
];

/** The published tables a query names (whole words, any case). */
export function tablesNamed(sql, names) {
  const text = sql.replace(/--[^\n]*/g, " ").replace(/'(?:[^']|'')*'/g, "''");
  return names.filter((name) => new RegExp(`(^|[^\\w"])"?${name}"?($|[^\\w"])`, "i").test(text));
}

/** DuckDB's read_csv of a published dataset, with its columns' types. */
export function readCsvSql(table, file) {
  const quote = (s) => `'${String(s).replaceAll("'", "''")}'`;
  const columns = table.columns.map((c) => `${quote(c.name)}: ${quote(c.type)}`).join(", ");
  return `CREATE TABLE "${table.name}" AS SELECT * FROM read_csv(${quote(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`;
}

/** Arrow result → plain rows: numbers, text, dates as YYYY-MM-DD. */
function toRows(result) {
  const fields = result.schema.fields.map((f) => ({ name: f.name, kind: String(f.type) }));
  const value = (v, kind) => {
    if (v == null) return null;
    if (typeof v === "bigint") return Number(v);
    if (/^Date/.test(kind)) return new Date(typeof v === "number" ? v : v.valueOf()).toISOString().slice(0, 10);
    if (/^Timestamp/.test(kind)) return new Date(Number(v)).toISOString().replace("T", " ").slice(0, 19);
    if (typeof v === "object") return JSON.stringify(v, (k, x) => (typeof x === "bigint" ? Number(x) : x));
    return v;
  };
  return {
    columns: fields.map((f) => f.name),
    rows: result.toArray().map((row) => Object.fromEntries(fields.map((f) => [f.name, value(row[f.name], f.kind)]))),
  };
}

export async function sqlPage(files, { lang }) {
  const t = translator(lang);
  const schema = JSON.parse(await fetchText(files.schema));
  const tables = schema.filter((s) => files.datasets[s.name]);
  const names = tables.map((s) => s.name);
  const absolute = (href) => new URL(href, location.href).href;

  // --- the engine, loaded at the first run ---
  let engine = null;
  const loaded = new Set();
  const start = async () => {
    const duckdb = await import(files.engine);
    const bundle = await duckdb.selectBundle({
      mvp: { mainModule: absolute(files.wasm.mvp), mainWorker: absolute(files.workers.mvp) },
      eh: { mainModule: absolute(files.wasm.eh), mainWorker: absolute(files.workers.eh) },
    });
    const worker = new Worker(bundle.mainWorker);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    const connection = await db.connect();
    // Never fetch an extension from DuckDB's repository: everything here is core SQL over CSV.
    await connection.query("SET autoinstall_known_extensions = false");
    await connection.query("SET autoload_known_extensions = false");
    return { db, connection };
  };
  const load = async ({ db, connection }, wanted) => {
    for (const name of wanted.filter((n) => !loaded.has(n))) {
      const table = tables.find((s) => s.name === name);
      await db.registerFileText(`${name}.csv`, await fetchText(files.datasets[name]));
      await connection.query(readCsvSql(table, `${name}.csv`));
      loaded.add(name);
    }
  };

  // --- the form ---
  const editor = el("textarea", { class: "sql-editor", rows: 12, spellcheck: "false", "aria-label": t("sqlTitle"), placeholder: t("sqlPlaceholder") });
  editor.value = sqlExamples[0].sql;
  const runButton = el("button", { type: "button", class: "sql-run" }, t("sqlRun"));
  const status = el("span", { class: "sql-status muted", role: "status" });
  const result = el("figure", { class: "card sql-result" }, el("p", { class: "muted" }, t("sqlNothingYet")));
  let chartHint = sqlExamples[0].chart;
  let running = false;

  const run = async () => {
    if (running) return;
    running = true;
    runButton.disabled = true;
    const sql = editor.value;
    try {
      if (!engine) {
        status.textContent = t("sqlLoadingEngine");
        engine = start();
        engine.catch(() => (engine = null));
      }
      const ready = await engine;
      const wanted = tablesNamed(sql, names).filter((n) => !loaded.has(n));
      if (wanted.length) status.textContent = t("sqlLoadingTables", { names: wanted.join(t("listSeparator")) });
      await load(ready, wanted);
      status.textContent = t("sqlRunning");
      const started = performance.now();
      const { columns, rows } = toRows(await ready.connection.query(sql));
      const ms = Math.round(performance.now() - started);
      status.textContent = t("sqlDone", { n: formatNumber(rows.length, 0, lang), ms: formatNumber(ms, 0, lang) });
      result.replaceChildren(...renderResult(columns, rows, chartHint, t, lang));
      result.dataset.rows = String(rows.length);
    } catch (error) {
      status.textContent = t("sqlError");
      result.replaceChildren(el("pre", { class: "sql-error" }, String(error?.message ?? error)));
      result.dataset.rows = "";
    } finally {
      running = false;
      runButton.disabled = false;
    }
  };
  runButton.addEventListener("click", run);
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  editor.addEventListener("input", () => (chartHint = null));

  const examples = el("div", { class: "examples" }, el("span", { class: "muted" }, t("sqlExamples")),
    sqlExamples.map((ex) => el("button", { type: "button", "data-example": ex.id, onclick: () => {
      editor.value = ex.sql;
      chartHint = ex.chart;
      run();
    } }, t(`sqlExample_${ex.id}`))));

  const tableList = el("details", { class: "sql-tables" },
    el("summary", {}, t("sqlTablesHeading", { n: tables.length })),
    el("p", { class: "small-note" }, t("sqlTablesLead")),
    el("div", { class: "table-wrap" }, el("table", { class: "data-table" },
      el("thead", {}, el("tr", {}, el("th", { class: "left" }, t("sqlColTable")), el("th", { class: "left" }, t("sqlColColumns")))),
      el("tbody", {}, tables.map((s) => el("tr", {},
        el("td", { class: "left" }, el("code", {}, s.name)),
        el("td", { class: "left" }, el("div", { class: "small-note" }, s.description), el("code", { class: "sql-columns" }, s.columns.map((c) => `${c.name} ${c.type}`).join(", ")))))))));

  return el("div", { class: "page sql" },
    pageHeader(t("sqlTitle"), t("sqlLead"), lang),
    examples,
    el("div", { class: "card sql-form" }, editor, el("div", { class: "sql-actions" }, runButton, el("span", { class: "muted small-note" }, t("sqlShortcut")), status)),
    result,
    tableList,
    el("p", { class: "small-note" }, t("sqlCliNote"), " ", el("code", {}, "npm run sql -- --data DIR --file loaders/hospital_year.sql")),
  );
}

/** The result: row count, CSV download, a sortable table and a quick chart. */
function renderResult(columns, rows, hint, t, lang) {
  if (columns.length === 0 || rows.length === 0) return [el("figcaption", {}, t("sqlResultHeading")), el("p", { class: "muted" }, t("sqlEmpty"))];
  // Full precision (six decimals) for research; years, levels and months as they are.
  const plain = (c) => /(^|_)(year|level|month|rank)s?($|_)/i.test(c);
  const format = Object.fromEntries(columns.map((c) => [c, (v) => (v == null ? "" : typeof v !== "number" || plain(c) ? String(v) : v.toLocaleString("en-US", { maximumFractionDigits: 6 }))]));
  const table = Inputs.table(rows, { columns, format, layout: "auto", rows: 16, select: false });
  const download = downloadLink(rows, "query.csv", t("sqlDownload"));
  return [
    el("figcaption", {}, t("sqlResultHeading"), " · ", t("sqlRows", { n: formatNumber(rows.length, 0, lang) }), " · ", download),
    table,
    quickChart(columns, rows, hint, t, lang),
  ];
}

const isNumber = (v) => typeof v === "number" && Number.isFinite(v);

/** A chart of the result: x, y and series chosen by the reader (defaults from the example, or guessed). */
function quickChart(columns, rows, hint, t, lang) {
  const numeric = columns.filter((c) => rows.some((r) => isNumber(r[c])) && rows.every((r) => r[c] == null || isNumber(r[c])));
  if (numeric.length === 0) return el("p", { class: "small-note" }, t("sqlChartNoNumber"));
  const pick = (name, fallback) => (name && columns.includes(name) ? name : fallback);
  const x0 = pick(hint?.x, columns.find((c) => c !== numeric.at(-1)) ?? columns[0]);
  const y0 = pick(hint?.y, [...numeric].reverse().find((c) => c !== x0) ?? numeric[0]);
  const lowCardinality = (c) => new Set(rows.map((r) => r[c])).size <= 12;
  const s0 = hint ? pick(hint.series, null) : columns.find((c) => c !== x0 && c !== y0 && !numeric.includes(c) && lowCardinality(c)) ?? null;
  const none = t("sqlChartNone");
  const xInput = Inputs.select(columns, { label: t("sqlChartX"), value: x0 });
  const yInput = Inputs.select(numeric, { label: t("sqlChartY"), value: y0 });
  const sInput = Inputs.select([none, ...columns], { label: t("sqlChartSeries"), value: s0 ?? none });
  const chart = responsive((width) => {
    const x = xInput.value;
    const y = yInput.value;
    const series = sInput.value === none ? null : sInput.value;
    const data = rows.filter((r) => r[x] != null && isNumber(r[y])).map((r) => ({ ...r, __series: series ? String(r[series]) : null }));
    const top = data.reduce((best, r) => (best == null || r[y] > best[y] ? r : best), null);
    const at = top ? [top[x], series ? top[series] : null].filter((v) => v != null).join(", ") : "";
    const ordered = data.every((r) => isNumber(r[x]) || /^\d{4}-\d{2}(-\d{2})?$/.test(String(r[x])));
    const perSeries = new Set(data.map((r) => `${r.__series}|${r[x]}`)).size === data.length;
    const line = ordered && perSeries && new Set(data.map((r) => r[x])).size > 2;
    const xLabel = x;
    const common = { x, y, tip: true, title: (r) => `${x} ${r[x]}${series ? `\n${series} ${r[series]}` : ""}\n${y} ${formatNumber(r[y], 4, lang)}` };
    return Plot.plot({
      title: top ? t("sqlChartTitle", { y, max: formatNumber(top[y], Math.abs(top[y]) < 10 ? 3 : 0, lang), at }) : t("noData"),
      width,
      height: 320,
      marginLeft: 70,
      x: { label: xLabel, type: line ? (isNumber(data[0]?.[x]) ? "linear" : "point") : "band", domain: line ? undefined : [...new Set(data.map((r) => r[x]))], tickFormat: isNumber(data[0]?.[x]) && /year/i.test(x) ? (d) => String(d) : undefined },
      y: { label: y, grid: true },
      color: series ? { legend: true, type: "ordinal" } : undefined,
      marks: line
        ? [Plot.lineY(data, { ...common, stroke: series ? "__series" : "currentColor", marker: "circle-stroke" }), Plot.ruleY([0])]
        : [Plot.barY(data, { ...common, fill: series ? "__series" : "var(--theme-foreground-focus)" }), Plot.ruleY([0])],
    });
  });
  for (const input of [xInput, yInput, sInput]) input.addEventListener("input", () => chart.update());
  return el("div", { class: "sql-chart" }, el("h3", {}, t("sqlChartHeading")), filterBar(xInput, yInput, sInput), chart);
}
