// Control charts (metrics.md §10): a hospital's CMI, cost per weight and fund paid per month against
// the mean ± 3 sd of its own trailing 12 months (dataset control_month). controlSection() is what the
// hospital page calls: a heading and one chart per metric, each titled with its finding.
import * as Plot from "@observablehq/plot";
import { chartCard, el } from "./dom.js";
import { formatMoney, formatMonth, formatNumber, formatYuan, timeTickFormat } from "./format.js";
import { translator } from "./i18n.js";

export const controlMetrics = ["cmi", "cost_per_weight", "fund_paid"];

/** A metric's value as text. */
export function formatControlValue(metric, x, lang) {
  if (metric === "cmi") return formatNumber(x, 3, lang);
  if (metric === "cost_per_weight") return formatYuan(x, lang);
  return formatMoney(x, lang);
}

/** One metric's control chart for one hospital: rows of control_month for that hospital and metric. */
export function controlChartCard(rows, { metric, name, t, lang, datasetUrl }) {
  // CSV gives `alert` as the text "true" / "false"
  const points = rows.map((r) => ({ ...r, alert: r.alert === true || r.alert === "true", date: new Date(`${r.month}-01T00:00:00Z`) }));
  const alerts = points.filter((r) => r.alert);
  const limited = points.filter((r) => r.center != null);
  const metricName = t(`controlMetric_${metric}`);
  const title = !limited.length
    ? t("controlNoLimits", { name, metric: metricName })
    : alerts.length
      ? t("controlAlertsTitle", { name, metric: metricName, n: alerts.length, total: limited.length, last: formatMonth(alerts.at(-1).month, lang), value: formatControlValue(metric, alerts.at(-1).value, lang), direction: t(alerts.at(-1).value > alerts.at(-1).upper ? "controlAbove" : "controlBelow") })
      : t("controlNoAlertsTitle", { name, metric: metricName, total: limited.length });
  const scale = metric === "fund_paid" ? (lang === "zh" ? 1e4 : 1e3) : 1;
  const unit = metric === "fund_paid" ? t("controlFundUnit") : metric === "cost_per_weight" ? t("controlYuan") : "";
  return chartCard({
    t,
    filename: `control-${metric}`,
    dataset: "control_month",
    datasetUrl,
    className: "control-chart",
    data: () => rows.map(({ hospital_id, month, metric: m, value, center, lower, upper, alert }) => ({ hospital_id, month, metric: m, value, center, lower, upper, alert })),
    render: (width) =>
      Plot.plot({
        title,
        subtitle: t("controlSubtitle"),
        width,
        height: 220,
        marginLeft: 56,
        x: { type: "utc", label: t("axisMonth"), tickFormat: timeTickFormat(lang) },
        y: { label: `${metricName}${unit ? ` (${unit})` : ""}`, grid: true, transform: (v) => (v == null ? v : v / scale) },
        marks: [
          Plot.areaY(limited, { x: "date", y1: "lower", y2: "upper", fill: "var(--theme-foreground-faintest)", curve: "step" }),
          Plot.lineY(limited, { x: "date", y: "center", stroke: "var(--theme-foreground-muted)", strokeDasharray: "4 3", curve: "step" }),
          Plot.lineY(points, { x: "date", y: "value", stroke: "var(--theme-foreground-focus)" }),
          Plot.dot(points, {
            x: "date", y: "value", r: (d) => (d.alert ? 4.5 : 2), fill: (d) => (d.alert ? "var(--theme-red)" : "var(--theme-foreground-focus)"),
            tip: true,
            title: (d) => `${formatMonth(d.month, lang)}\n${metricName} ${formatControlValue(metric, d.value, lang)}` +
              (d.center == null ? `\n${t("controlNoLimitsShort")}` : `\n${t("controlLimits")} ${formatControlValue(metric, d.lower, lang)} – ${formatControlValue(metric, d.upper, lang)}`) +
              (d.alert ? `\n${t("controlAlert")}` : ""),
          }),
        ],
      }),
  });
}

/** The hospital page's section: its control charts (control_month: {rows, url}, the hospital's rows at least). */
export function controlSection(control_month, { lang, hospital, name }) {
  const t = translator(lang);
  const data = { control_month };
  const own = data.control_month.rows.filter((r) => String(r.hospital_id) === String(hospital));
  if (!own.length) return el("section", { class: "control-charts" });
  const label = name ?? String(hospital);
  return el("section", { class: "control-charts" },
    el("h2", {}, t("controlHeading")),
    el("p", { class: "small-note" }, t("controlLead")),
    el("div", { class: "grid grid-cols-3" },
      controlMetrics.map((metric) => controlChartCard(own.filter((r) => r.metric === metric), { metric, name: label, t, lang, datasetUrl: data.control_month.url }))),
  );
}
