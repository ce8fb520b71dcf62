// A KPI card: the figure, its change against the period before, and a sparkline of its history.
import * as Plot from "@observablehq/plot";
import { el, responsive } from "./dom.js";

/**
 * label: what the figure is; value: the figure as text; change: {text, direction: "up"|"down"|"flat",
 * label}; series: [{x, y, title}] oldest first (the sparkline, with a tooltip per point).
 */
export function kpiCard({ label, value, change, series = [], note, ariaLabel }) {
  const spark = series.length > 1 ? responsive((width) => sparkline(series, ariaLabel ?? label, width)) : null;
  return el("div", { class: "card kpi" },
    el("h2", {}, label),
    el("div", { class: "value" }, value),
    change ? el("div", { class: `change ${change.direction ?? "flat"}` }, arrow(change.direction), " ", change.text, change.label ? el("span", { class: "muted" }, " ", change.label) : null) : null,
    spark,
    note ? el("div", { class: "small-note" }, note) : null,
  );
}

const arrow = (direction) => (direction === "up" ? "▲" : direction === "down" ? "▼" : "■");

export function directionOf(delta) {
  return delta == null || !Number.isFinite(delta) || Math.abs(delta) < 1e-12 ? "flat" : delta > 0 ? "up" : "down";
}

function sparkline(series, label, width) {
  const last = series.at(-1);
  return Plot.plot({
    width: Math.min(width, 420),
    height: 44,
    margin: 4,
    axis: null,
    x: { type: "point" },
    y: { zero: false, domain: extent(series.map((d) => d.y)) },
    ariaLabel: label,
    marks: [
      Plot.lineY(series, { x: "x", y: "y", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.5 }),
      Plot.dot([last], { x: "x", y: "y", fill: "var(--theme-foreground-focus)", r: 2.5 }),
      Plot.tip(series, Plot.pointerX({ x: "x", y: "y", title: "title" })),
    ],
  });
}

function extent(values) {
  const defined = values.filter((v) => v != null && Number.isFinite(v));
  const lo = Math.min(...defined);
  const hi = Math.max(...defined);
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.05 || 1;
  return [lo - pad, hi + pad];
}
