// Small DOM helpers for the page components: elements with text children (never HTML strings, so a
// hospital or department name can hold any character), a chart that redraws at its width, a card
// around a chart with its CSV download link, and plain tables that print well.
import { csvFormat } from "d3-dsv";

/** An element: attributes (on*: listeners, class, style text, anything else as attribute) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/** A container whose content is redrawn by render(width) whenever its width changes. */
export function responsive(render) {
  const div = el("div", { class: "responsive" });
  let current;
  const draw = (width) => {
    if (!(width > 0) || width === current) return;
    current = width;
    div.replaceChildren(render(width));
  };
  new ResizeObserver(([entry]) => draw(Math.floor(entry.contentRect.width))).observe(div);
  // Redraw at once on a forced update (a filter changed), with the last known width.
  div.update = () => {
    const width = current ?? 640;
    current = undefined;
    draw(width);
  };
  return div;
}

/** A link that downloads rows as a CSV file (created in the browser from the chart's own data). */
export function downloadLink(rows, filename, label) {
  const link = el("a", { class: "download", download: filename }, label);
  const refresh = (data) => {
    if (link.href) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([csvFormat(data)], { type: "text/csv;charset=utf-8" }));
  };
  refresh(rows);
  link.refresh = refresh;
  return link;
}

/**
 * A chart card: the chart (render(width) → a Plot figure whose title states the finding) and the
 * links to download the chart's data and the published dataset it comes from. `data()` gives the
 * rows shown, so a filter that changes them changes the download too.
 */
export function chartCard({ render, data, filename, t, dataset, datasetUrl, note, className }) {
  const chart = responsive(render);
  const link = downloadLink(data(), `${filename}.csv`, t("downloadChart"));
  const links = el("div", { class: "downloads" }, link,
    dataset && datasetUrl ? [" · ", el("a", { class: "download", href: datasetUrl, download: `${dataset}.csv` }, t("downloadDataset", { name: `${dataset}.csv` }))] : null);
  // A note may depend on the rows shown (a function, asked again on every update).
  const noteText = () => (typeof note === "function" ? note() : note);
  const noteNode = el("p", { class: "small-note" }, noteText());
  noteNode.hidden = !noteText();
  const card = el("div", { class: `card chart-card ${className ?? ""}` }, chart, noteNode, links);
  card.update = () => {
    chart.update();
    link.refresh(data());
    const text = noteText();
    noteNode.replaceChildren(text ?? "");
    noteNode.hidden = !text;
  };
  return card;
}

/**
 * A plain table: columns [{key, label, format?, align?}], rows of objects; `format(value, row)` gives
 * text or a node. Sticky header on screen, whole table when printed.
 */
export function dataTable(rows, columns, { caption, className } = {}) {
  const head = el("tr", {}, columns.map((c) => el("th", { class: c.align === "left" ? "left" : null }, c.label)));
  const body = rows.map((row) =>
    el("tr", {}, columns.map((c) => {
      const value = c.format ? c.format(row[c.key], row) : row[c.key];
      return el("td", { class: c.align === "left" ? "left" : null }, value ?? "—");
    })),
  );
  return el("div", { class: `table-wrap ${className ?? ""}` },
    el("table", { class: "data-table" }, caption ? el("caption", {}, caption) : null, el("thead", {}, head), el("tbody", {}, body)));
}

/** A labelled group of filters above the content they drive. */
export function filterBar(...inputs) {
  return el("div", { class: "filters" }, inputs);
}

/** A section heading. */
export function heading(text, level = 2) {
  return el(`h${level}`, {}, text);
}

/**
 * A chart's left margin wide enough for its labels at Plot's 10px font (Chinese characters are wider).
 * Given the chart's width, at most 40 % of it: a plot narrower than its margins draws its bars with
 * negative widths (Plot 0.6.17; Chromium logs "<rect> attribute width: A negative value is not valid").
 */
export function labelMargin(labels, { min = 40, max = 220, width } = {}) {
  if (width > 0) max = Math.min(max, Math.max(min, Math.floor(width * 0.4)));
  let widest = 0;
  for (const label of labels) {
    let width = 0;
    for (const ch of String(label ?? "")) width += /[\u2e80-\uffff]/.test(ch) ? 10.5 : 6.2;
    widest = Math.max(widest, width);
  }
  return Math.round(Math.min(max, Math.max(min, widest + 12)));
}
